"""The learner's code beside the reference solution, line by line.

After a pass the page offers "Compare with the reference": :func:`side_by_side`
pairs the lines of the two programs as a side-by-side diff does (difflib's
matching lines, so what both have lines up), and the page draws the rows::

    {"rows": [{"kind": "same", "yours": {"number": 1, "text": "def f(x):"},
               "reference": {"number": 1, "text": "def f(x):"}},
              {"kind": "changed", "yours": {"number": 2, "text": "    return x*2"},
               "reference": {"number": 2, "text": "    return 2 * x"}},
              {"kind": "yours", "yours": {"number": 3, "text": "print(f(1))"}, "reference": None}],
     "differences": 2}

``kind`` is ``same`` (in both), ``changed`` (a line of yours where the
reference has another), ``yours`` (only in your code) or ``reference`` (only
in the reference). Spaces at the end of a line and blank lines at the end of
the code are not differences.
"""

from __future__ import annotations

import difflib
from itertools import zip_longest

Side = dict[str, object] | None


def _lines(code: str) -> list[str]:
    lines = [line.rstrip() for line in code.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _row(kind: str, yours: tuple[int, str] | None, reference: tuple[int, str] | None) -> dict[str, object]:
    def side(line: tuple[int, str] | None) -> Side:
        return None if line is None else {"number": line[0] + 1, "text": line[1]}

    return {"kind": kind, "yours": side(yours), "reference": side(reference)}


def side_by_side(yours: str, reference: str) -> dict[str, object]:
    """Rows pairing the lines of ``yours`` with those of ``reference``, and how many differ."""
    mine, theirs = _lines(yours), _lines(reference)
    numbered_mine, numbered_theirs = list(enumerate(mine)), list(enumerate(theirs))
    rows = []
    matcher = difflib.SequenceMatcher(None, mine, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = numbered_mine[i1:i2], numbered_theirs[j1:j2]
        if tag == "equal":
            rows += [_row("same", a, b) for a, b in zip(left, right)]
            continue
        for a, b in zip_longest(left, right):
            rows.append(_row("changed" if a and b else "yours" if a else "reference", a, b))
    return {"rows": rows, "differences": sum(row["kind"] != "same" for row in rows)}
