"""Numbers as a learner writes them, for explanations, plot labels and messages.

>>> format_number(2.0), format_number(-3.0), format_number(1 / 3), format_number(1e-7)
('2.0', '-3.0', '0.333333', '1e-07')
>>> format_term(-1.0), format_list([2.0, 3.0])
('(-1.0)', '[2.0, 3.0]')
"""

from __future__ import annotations

import math


def format_number(x: float) -> str:
    """A number as a learner writes it: 2.0, -3.0, 0.268941, 1e-07 (up to 6 significant digits)."""
    if not math.isfinite(x):
        return str(x)  # inf, -inf or nan
    if x == 0:
        return "0.0"  # also for -0.0, which would only confuse
    if x == int(x) and abs(x) < 1e15:
        return f"{x:.1f}"  # whole numbers keep their ".0": 70.0
    return format(x, ".6g")


def format_term(x: float) -> str:
    """A number inside a sum or product: negative numbers get brackets, 3.0 × (-1.0)."""
    text = format_number(x)
    return f"({text})" if text.startswith("-") else text


def format_list(values: list[float]) -> str:
    """[2.0, 3.0], each number as ``format_number`` writes it."""
    return "[" + ", ".join(format_number(v) for v in values) + "]"
