"""Checks that turn a beginner's mistake into a sentence they can act on.

Every function here either returns clean data (floats, lists of floats) or
raises a standard exception with a full sentence:

- ``TypeError`` when something is not a number, or not a list of numbers;
- ``ValueError`` when a number is NaN or infinite, when two lists have
  different lengths, when a list is empty, or when a name is unknown.

Booleans are refused as numbers (``True`` is an ``int`` in Python, but in a
neuron's inputs it is almost always a mistake): write ``1`` and ``0`` instead.
"""

from __future__ import annotations

import difflib
import math
from numbers import Real


def _type_name(value: object) -> str:
    """The plain type name of a value, e.g. 'str' or 'list'."""
    return type(value).__name__


def _capital(text: str) -> str:
    """The text with its first letter in capitals, for the start of a sentence (the rest unchanged)."""
    return text[:1].upper() + text[1:]


def count(number: int, noun: str) -> str:
    """'1 input', '3 inputs': ``noun`` marks where the plural s goes, e.g. "input{s}" or "row{s} in X"."""
    return f"{number} " + noun.format(s="" if number == 1 else "s")


def check_number(value: object, what: str) -> float:
    """Return ``value`` as a float, or explain why it is not a usable number.

    ``what`` names the value in the message, e.g. ``"the bias"`` or ``"input 2"``.
    """
    if type(value) is float and math.isfinite(value):
        return value  # the common case, checked quickly
    if isinstance(value, bool) or not isinstance(value, Real):
        hint = " Write 1 or 0 instead of True or False." if isinstance(value, bool) else ""
        raise TypeError(f"{_capital(what)} must be a number, but it is {value!r} (a {_type_name(value)}).{hint}")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf  # an int too large for a float
    if math.isnan(number):
        raise ValueError(f"{_capital(what)} is NaN (not a number): every value must be a real number.")
    if math.isinf(number):
        raise ValueError(f"{_capital(what)} is infinite or too large ({number}): every value must be a finite number.")
    return number


def check_numbers(values: object, what: str, item: str) -> list[float]:
    """Return a list of numbers as a list of floats.

    ``what`` names the whole list (``"the inputs"``), ``item`` one element
    (``"input"``); elements are counted from 1 in messages, as a learner counts.
    """
    if isinstance(values, (str, bytes)) or not isinstance(values, (list, tuple)):
        raise TypeError(
            f"{_capital(what)} must be a list of numbers such as [2.0, 3.0], "
            f"but got {values!r} (a {_type_name(values)})."
        )
    return [check_number(value, f"{item} {position}") for position, value in enumerate(values, start=1)]


def check_not_empty(values: list, what: str) -> None:
    """Refuse an empty list: there is nothing to compute a mean or a prediction over."""
    if len(values) == 0:
        raise ValueError(f"{_capital(what)} is empty: give at least one row.")


def check_same_length(first: list, second: list, first_noun: str, second_noun: str) -> None:
    """Refuse two lists that should pair up element by element but do not (nouns as in ``count``)."""
    if len(first) != len(second):
        raise ValueError(
            f"Got {count(len(first), first_noun)} but {count(len(second), second_noun)}: "
            "they must have the same length, one for each row."
        )


def check_rows(rows: object, what: str = "the inputs") -> list[list[float]]:
    """Return a dataset's rows (a list of lists of numbers) as floats, all of one length."""
    if isinstance(rows, (str, bytes)) or not isinstance(rows, (list, tuple)):
        raise TypeError(
            f"{_capital(what)} must be a list of rows such as [[0, 1], [1, 0]], "
            f"but got {rows!r} (a {_type_name(rows)})."
        )
    check_not_empty(rows, what)
    clean = [
        check_numbers(row, f"row {number} of {what}", f"row {number}, value")
        for number, row in enumerate(rows, start=1)
    ]
    for number, row in enumerate(clean, start=1):
        if len(row) != len(clean[0]):
            raise ValueError(
                f"Row 1 of {what} has {count(len(clean[0]), 'value{s}')} but row {number} has {len(row)}: "
                "every row needs the same number of values."
            )
    return clean


def check_dataset(X: object, y: object) -> tuple[list[list[float]], list[float]]:
    """A dataset's rows X (lists of numbers, all of one length) and labels y (one per row), as floats."""
    rows = check_rows(X, "the inputs X")
    labels = check_numbers(y, "the labels y", "label")
    check_same_length(rows, labels, "row{s} in X", "label{s} in y")
    return rows, labels


def unknown_name(kind: str, name: object, valid: list[str]) -> ValueError:
    """A ValueError for an unknown ``kind`` name, listing the valid names.

    Suggests the closest valid name when there is one ("did you mean ...?").
    """
    message = f"Unknown {kind} {name!r}."
    close = difflib.get_close_matches(str(name), valid, n=1)
    if close:
        message += f" Did you mean {close[0]!r}?"
    return ValueError(message + f" Choose one of: {', '.join(sorted(valid))}.")
