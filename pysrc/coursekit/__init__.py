"""The course's Python side that runs in the browser (and in pytest).

- :mod:`coursekit.runtime` runs a code panel's code like a notebook cell.
- :mod:`coursekit.authoring` is what exercise authors write exercises and checks with.
- :mod:`coursekit.checker` runs a learner's code against an exercise's checks.
- :mod:`coursekit.exercises` finds the site's exercises: the modules of its ``exercises/`` folder.

The names exercise authors write with are importable from ``coursekit`` itself,
and are its stable authoring API (``docs/authors.md`` documents them)::

    from coursekit import Exercise, expect, expect_close

Standard library only: the same modules run in CPython and in Pyodide.
"""

from .authoring import (
    TOLERANCE,
    CheckFailed,
    Exercise,
    Learner,
    LearnerError,
    Missing,
    brief,
    describe,
    expect,
    expect_all_close,
    expect_close,
    expect_equal,
    expect_number,
    fail,
    numbers,
    rounded,
    vectors,
)

__all__ = [
    # the exercise and the learner's code, as checks see it
    "Exercise",
    "Learner",
    # failing a check
    "CheckFailed",
    "Missing",
    "LearnerError",
    "fail",
    "expect",
    "expect_number",
    "expect_close",
    "expect_equal",
    "expect_all_close",
    "TOLERANCE",
    # inputs to try, and values in messages
    "numbers",
    "vectors",
    "brief",
    "describe",
    "rounded",
]
