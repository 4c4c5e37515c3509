"""Every exercise of the course, through the real checker in CPython: the
reference solution passes, the starter code fails, and each documented common
mistake gets its message. New exercises are picked up from the registry."""

from __future__ import annotations

import pytest

from coursekit import checking, exercises

# Collected by id; each test fetches the exercise from the registry as it is now.
IDS = [exercise.id for exercise in exercises.all_exercises()]
MISTAKES = [(exercise.id, number) for exercise in exercises.all_exercises() for number in range(len(exercise.mistakes))]


def failures(result: dict) -> list[str]:
    """The messages of the failed checks (not of those left not run)."""
    return [item["message"] for item in result["checks"] if not item["passed"] and not item.get("skipped")]


def test_there_are_exercises():
    assert "relu-neuron" in IDS


@pytest.fixture
def exercise(request):
    return exercises.get(request.param)


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_the_spec_is_complete(exercise):
    assert exercise.problems() == []


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_the_reference_solution_passes(exercise):
    result = checking.check(exercise.id, exercise.solution)
    assert result["status"] == "checked"
    assert failures(result) == []
    assert result["passed"] is True


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_the_unchanged_starter_code_passes_no_check(exercise):
    result = checking.check(exercise.id, exercise.starter)
    assert result["starter"] is True and result["passed"] is False
    assert [item["name"] for item in result["checks"] if item["passed"]] == []
    assert result["checks"][0]["message"] == checking.STARTER_MESSAGE


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_the_starter_behaviour_passes_no_real_check(exercise):
    """The starter with a change that does nothing runs, and fails the very first check:
    no check that the starter satisfies by accident is shown as passed."""
    result = checking.check(exercise.id, exercise.starter + "\n_touched = True\n")
    assert "starter" not in result
    assert result["checks"][0] == {"name": checking.RUNS, "passed": True, "message": ""}, "the starter code should run"
    assert result["passed"] is False
    assert [item["name"] for item in result["checks"][1:] if item["passed"]] == []
    assert result["checks"][1]["passed"] is False and not result["checks"][1].get("skipped")


@pytest.mark.parametrize("exercise_id, number", MISTAKES, ids=[f"{e}-mistake{n + 1}" for e, n in MISTAKES])
def test_each_documented_mistake_gets_its_message_and_only_that_one(exercise_id, number):
    code, fragment = exercises.get(exercise_id).mistakes[number]
    result = checking.check(exercise_id, code)
    assert result["passed"] is False
    assert len(failures(result)) == 1, failures(result)  # one mistake, one message; the later checks wait
    assert fragment in failures(result)[0]
    first_failed = next(item for item in result["checks"] if not item["passed"])
    assert all(item.get("skipped") for item in result["checks"][result["checks"].index(first_failed) + 1 :])


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_the_public_parts_hold_no_checks(exercise):
    public = exercise.public()
    assert set(public) == {"id", "version", "title", "prompt", "starter", "solution", "hints", "timeout"}
    assert public["version"] == exercise.version and len(public["version"]) == 12
