"""The numbers of a numeric quiz, as its author writes them in the block's header:
answers, tolerances and the feedback for wrong answers, read from YAML; and how
close an answer must be, and to how many decimals, as web/src/quiz/numeric.js judges."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

#: Beyond this many decimals (1/3 with tolerance 0) a learner is not asked for more.
MAX_DECIMALS = 6


def parse_number(value: Any) -> float:
    """A number from YAML: 0, 0.5, .5, -1, 1e-3 (PyYAML reads that as text) or 1/2."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace("−", "-")
        try:
            number = float(Fraction(text)) if "/" in text else float(text)
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def parse_tolerance(value: Any) -> float:
    number = parse_number(value)
    if number < 0:
        raise ValueError("the tolerance cannot be negative")
    return number


def parse_feedback(value: Any) -> dict:
    if not isinstance(value, dict) or not value:
        raise ValueError(
            "write one wrong answer and its message per line, indented under `feedback:`, "
            "e.g. `-0.693: 'A loss is never negative.'`"
        )
    return value


def is_close(value: float, target: float, tolerance: float) -> bool:
    """Within ``tolerance``, with room for rounding (as web/src/quiz/numeric.js judges)."""
    return abs(value - target) <= tolerance + 1e-9 * max(1.0, abs(target))


def written_decimals(number: float) -> int:
    """How many decimals a number is written with: 0.693 → 3, 60 → 0, 1e-05 → 5."""
    mantissa, _, exponent = repr(float(number)).partition("e")
    return max(0, len(mantissa.partition(".")[2].rstrip("0")) - int(exponent or 0))


def decimals_asked(number: float, tolerance: float) -> int | None:
    """How many decimals an answer needs: as many as it is written with, but no
    more than its tolerance asks for (0.001 asks for 3: any number rounded to 3
    decimals is within 0.0005 of it); None beyond ``MAX_DECIMALS``."""
    places = written_decimals(number)
    if tolerance > 0:
        places = min(places, max(0, math.ceil(-math.log10(2 * tolerance) - 1e-9)))
    return places if places <= MAX_DECIMALS else None
