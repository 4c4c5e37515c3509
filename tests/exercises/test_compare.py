"""'Compare with the reference': the code that passed, line by line beside the
reference solution, as the page draws it."""

from __future__ import annotations

import json

import pytest

from coursekit import checker, exercises
from coursekit.compare import side_by_side

REFERENCE = "def double(x):\n    y = 2 * x\n    return y\n"


def kinds(comparison) -> list[str]:
    return [row["kind"] for row in comparison["rows"]]


def test_the_same_code_is_the_same_on_every_line():
    comparison = side_by_side(REFERENCE, REFERENCE)
    assert kinds(comparison) == ["same"] * 3 and comparison["differences"] == 0
    assert comparison["rows"][1] == {
        "kind": "same",
        "yours": {"number": 2, "text": "    y = 2 * x"},
        "reference": {"number": 2, "text": "    y = 2 * x"},
    }


def test_a_changed_line_is_paired_with_the_reference_line_it_replaces():
    comparison = side_by_side("def double(x):\n    y = x + x\n    return y\n", REFERENCE)
    assert kinds(comparison) == ["same", "changed", "same"] and comparison["differences"] == 1
    row = comparison["rows"][1]
    assert (row["yours"]["text"], row["reference"]["text"]) == ("    y = x + x", "    y = 2 * x")


def test_lines_only_on_one_side_keep_their_own_numbers():
    comparison = side_by_side("import math\ndef double(x):\n    y = 2 * x\n    return y\nprint(double(3))\n", REFERENCE)
    assert kinds(comparison) == ["yours", "same", "same", "same", "yours"] and comparison["differences"] == 2
    assert comparison["rows"][0] == {"kind": "yours", "yours": {"number": 1, "text": "import math"}, "reference": None}
    assert comparison["rows"][1]["yours"]["number"] == 2 and comparison["rows"][1]["reference"]["number"] == 1
    shorter = side_by_side("def double(x):\n    return 2 * x\n", REFERENCE)
    assert kinds(shorter) == ["same", "changed", "reference"]  # a replaced run is paired in order, as a split diff is
    assert shorter["rows"][2] == {
        "kind": "reference",
        "yours": None,
        "reference": {"number": 3, "text": "    return y"},
    }


def test_trailing_spaces_and_blank_lines_at_the_end_are_no_difference():
    assert side_by_side("def double(x):   \n    y = 2 * x\n    return y\n\n\n", REFERENCE)["differences"] == 0


def test_every_line_of_both_programs_is_shown_once_in_order():
    yours = "import math\ndef double(x):\n    return x * 2\n"
    rows = side_by_side(yours, REFERENCE)["rows"]
    for side, code in (("yours", yours), ("reference", REFERENCE)):
        assert [row[side]["text"] for row in rows if row[side]] == code.splitlines()


@pytest.mark.parametrize("exercise", exercises.all_exercises(), ids=lambda exercise: exercise.id)
def test_a_pass_brings_the_comparison_and_a_failure_does_not(exercise, capsys):
    passed = checker.check(exercise.id, exercise.solution)
    assert passed["passed"] is True
    assert passed["comparison"]["differences"] == 0
    json.dumps(passed)  # plain data, for the page
    failed = checker.check(exercise.id, exercise.mistakes[0][0])
    assert failed["passed"] is False and "comparison" not in failed
