"""The course's Python side that runs in the browser (and in pytest).

- :mod:`coursekit.runtime` runs a code panel's code like a notebook cell.
- :mod:`coursekit.checks` is what exercise authors write checks with;
- :mod:`coursekit.checking` runs a learner's code against an exercise's checks;
- :mod:`coursekit.exercises` holds every exercise, one module per lesson.
"""
