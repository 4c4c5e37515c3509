"""Axes: the range a plot shows and the round values its ticks mark.

>>> nice_ticks(0, 1)
[0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
>>> [tick_label(value, 0.25) for value in (-0.25, 0.0, 0.5)]
['-0.25', '0.00', '0.50']
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def nice_step(low: float, high: float, count: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that gives 4 to 7 ticks between low and high.

    Among the steps giving 4 to 7 ticks it prefers 1, 2 or 5 to 2.5, then the tick
    count nearest ``count``; if no step gives 4 to 7, the one that comes closest.
    """
    power = 10.0 ** math.floor(math.log10((high - low) / count))
    candidates = [(m, power * scale) for scale in (0.1, 1.0, 10.0) for m in (1.0, 2.0, 2.5, 5.0)]

    def badness(candidate: tuple[float, float]) -> tuple[int, bool, int]:
        multiple, unit = candidate
        ticks = _tick_count(low, high, multiple * unit)
        return max(4 - ticks, ticks - 7, 0), multiple == 2.5, abs(ticks - count)

    multiple, unit = min(candidates, key=badness)
    return multiple * unit


def _tick_count(low: float, high: float, step: float) -> int:
    """How many multiples of step lie between low and high."""
    return math.floor(high / step + 1e-9) - math.ceil(low / step - 1e-9) + 1


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values between low and high: nice_ticks(0, 1) is [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]."""
    step = nice_step(low, high, count)
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return [round(k * step, 12) for k in range(first, last + 1)]  # round() removes 0.30000000000000004


def tick_label(value: float, step: float) -> str:
    """A tick value with as many decimals as the step needs: 0.5, 1.0, 1.5 or 0.25, 0.50 (never '-0')."""
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    while decimals < 12 and abs(round(step, decimals) - step) > 1e-9 * step:
        decimals += 1  # a step of 0.25 needs two decimals, a step of 2.5 one
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def padded_range(values: Sequence[float], padding: float = 0.05) -> tuple[float, float]:
    """The smallest and largest value, widened by ``padding`` of the span on each side."""
    low, high = min(values), max(values)
    if high - low < 1e-12:  # a flat curve: give it some room
        return low - 1.0, high + 1.0
    margin = (high - low) * padding
    return low - margin, high + margin
