"""The course's Python side that runs in the browser (and in pytest).

- :mod:`coursekit.runtime` runs a code panel's code like a notebook cell.
"""
