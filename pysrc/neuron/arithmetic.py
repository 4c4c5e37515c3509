"""Adding up floats accurately, without ever raising an error.

``math.fsum`` adds a list of floats with a single rounding at the end, so the
sum is correct to the last digit (plain ``sum`` rounds after every addition).
But it raises ``OverflowError`` when the sum is too big for a float and
``ValueError`` for inf + (-inf); ``add_up`` then falls back to ordinary
addition, which gives inf or NaN like every other float operation, so that
the caller can explain what went wrong (for example, a learning rate too large).
"""

from __future__ import annotations

import math
from collections.abc import Iterable


def add_up(values: Iterable[float]) -> float:
    """sum(values), rounded once (math.fsum); inf or NaN instead of an exception when it overflows."""
    values = list(values)
    try:
        return math.fsum(values)
    except (OverflowError, ValueError):
        return sum(values, 0.0)  # too big to add exactly: plain floats overflow to inf quietly
