"""The course's Python side that runs in the browser (and in pytest).

- :mod:`coursekit.runtime` runs a code panel's code like a notebook cell.
- :mod:`coursekit.authoring` is what exercise authors write exercises and checks with.
- :mod:`coursekit.checker` runs a learner's code against an exercise's checks.
- :mod:`coursekit.exercises` holds every exercise, one module per lesson.

Standard library only: the same modules run in CPython and in Pyodide.
"""
