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
    return [item["message"] for item in result["checks"] if not item["passed"]]


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
def test_the_starter_code_runs_but_fails(exercise):
    result = checking.check(exercise.id, exercise.starter)
    assert result["checks"][0] == {"name": checking.RUNS, "passed": True, "message": ""}, "the starter code should run"
    assert result["passed"] is False
    assert failures(result)


@pytest.mark.parametrize("exercise_id, number", MISTAKES, ids=[f"{e}-mistake{n + 1}" for e, n in MISTAKES])
def test_each_documented_mistake_gets_its_message(exercise_id, number):
    code, fragment = exercises.get(exercise_id).mistakes[number]
    result = checking.check(exercise_id, code)
    assert result["passed"] is False
    assert any(fragment in message for message in failures(result)), failures(result)


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_the_public_parts_hold_no_checks(exercise):
    public = exercise.public()
    assert set(public) == {"id", "version", "title", "prompt", "starter", "solution", "hints", "timeout"}
    assert public["version"] == exercise.version and len(public["version"]) == 12
