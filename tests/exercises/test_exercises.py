"""Every exercise of the course, through the real checker in CPython: the
reference solution passes, the starter code fails, and each documented common
mistake gets its message. New exercises are picked up from the registry."""

from __future__ import annotations

import pytest

from coursekit import checking, exercises

EXERCISES = exercises.all_exercises()
IDS = [exercise.id for exercise in EXERCISES]
MISTAKES = [(exercise, number, code, fragment) for exercise in EXERCISES for number, (code, fragment) in enumerate(exercise.mistakes)]


def failures(result: dict) -> list[str]:
    return [item["message"] for item in result["checks"] if not item["passed"]]


def test_there_are_exercises():
    assert "relu-neuron" in IDS


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_spec_is_complete(exercise):
    assert exercise.problems() == []


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_reference_solution_passes(exercise):
    result = checking.check(exercise.id, exercise.solution)
    assert result["status"] == "checked"
    assert failures(result) == []
    assert result["passed"] is True


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_starter_code_runs_but_fails(exercise):
    result = checking.check(exercise.id, exercise.starter)
    assert result["checks"][0] == {"name": checking.RUNS, "passed": True, "message": ""}, "the starter code should run"
    assert result["passed"] is False
    assert failures(result)


@pytest.mark.parametrize(
    "exercise, number, code, fragment", MISTAKES, ids=[f"{e.id}-mistake{n + 1}" for e, n, _, _ in MISTAKES]
)
def test_each_documented_mistake_gets_its_message(exercise, number, code, fragment):
    result = checking.check(exercise.id, code)
    assert result["passed"] is False
    assert any(fragment in message for message in failures(result)), failures(result)


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_public_parts_hold_no_checks(exercise):
    public = exercise.public()
    assert set(public) == {"id", "version", "title", "prompt", "starter", "solution", "hints", "timeout"}
    assert public["version"] == exercise.version and len(public["version"]) == 12
