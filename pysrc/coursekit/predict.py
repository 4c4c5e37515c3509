"""Predict, then run: does what the learner expected match what the code printed?

A panel marked ``predict`` asks "What will this print?" before its first Run;
after the run the page sends the prediction and the output here (the worker's
PREDICT request), and the build checks a panel's listed choices with the same
rule, so page, build and pytest agree.

The rule, token by token:

- whitespace is ignored (spaces, tabs, line breaks): ``z = 0.5`` matches
  ``z=0.5`` and ``1 2`` on two lines matches ``1 2`` on one, but ``12`` does
  not match ``1 2``;
- numbers match when they are equal within a relative 1e-6 (absolute 1e-9),
  or when the one written with fewer decimals is the other rounded to that
  many: ``0.73`` matches ``0.7310585`` (half a unit of the last decimal,
  0.005), ``0.7`` matches it too, ``0.730`` does not. A whole number is taken
  exactly: ``1`` does not match ``0.73``, ``2`` matches ``2.0``;
- anything else (words, ``True``, brackets, commas) must be the same, case
  included;
- a prediction of numbers alone is compared with the numbers of the output
  alone: ``-1 0`` matches ``z = -1.0`` then ``output = 0.0`` (every number, in
  order; ``0`` alone does not match that), unless the code ended with an
  error, which must be predicted too.

When the code ends with an error, the last line of the traceback
(``ZeroDivisionError: division by zero``) counts as printed after the output.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

RELATIVE = 1e-6
ABSOLUTE = 1e-9

# A minus belongs to the number unless it follows something it could subtract
# from (a name, a number, a closing bracket): "a-1" and "a - 1" read alike.
_TOKEN = re.compile(
    r"(?P<number>(?<![\w)\]}.])-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)"
    r"|(?P<word>[^\W\d]\w*)"
    r"|(?P<other>\S)"
)


def tokens(text: str) -> list[tuple[str, str]]:
    """``text`` as (kind, text) pairs, kind "number", "word" or "other"; whitespace dropped."""
    return [(match.lastgroup, match.group()) for match in _TOKEN.finditer(text)]


def half_unit(number: str) -> float:
    """Half a unit of the last decimal written (0.005 for "0.73"); 0 for a whole number."""
    mantissa = number.lower().split("e")[0]
    if not re.search(r"\.\d", mantissa):
        return 0.0
    try:
        exponent = Decimal(number).as_tuple().exponent
    except InvalidOperation:
        return 0.0
    return 0.5 * 10.0**exponent


def numbers_match(predicted: str, actual: str) -> bool:
    """Whether two numbers as written agree (see the module's rule)."""
    a, b = float(predicted), float(actual)
    if math.isclose(a, b, rel_tol=RELATIVE, abs_tol=ABSOLUTE):
        return True
    tolerance = max(half_unit(predicted), half_unit(actual))
    return abs(a - b) <= tolerance * (1 + 1e-9)


def _same(predicted: tuple[str, str], actual: tuple[str, str]) -> bool:
    if predicted[0] == actual[0] == "number":
        return numbers_match(predicted[1], actual[1])
    return predicted == actual


def printed(output: str, error: str = "") -> str:
    """What the run showed: its output, then the last line of its traceback if it failed."""
    lines = error.strip().splitlines()
    return f"{output.rstrip()}\n{lines[-1]}".strip() if lines else output


def matches(prediction: str, output: str, error: str = "") -> bool:
    """Whether ``prediction`` matches what the code printed (``output``, and ``error``'s last line)."""
    mine, theirs = tokens(prediction), tokens(printed(output, error))
    if mine and not error.strip() and all(kind == "number" for kind, _ in mine):  # the values, without labels
        theirs = [token for token in theirs if token[0] == "number"]
    return len(mine) == len(theirs) and all(map(_same, mine, theirs))


def compare(prediction: str, output: str, error: str = "") -> dict[str, object]:
    """The page's verdict: ``{"match": bool, "prediction": str, "output": str}``."""
    return {
        "match": matches(prediction, output, error),
        "prediction": prediction,
        "output": printed(output, error).strip(),
    }
