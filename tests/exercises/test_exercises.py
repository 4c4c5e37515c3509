"""Every exercise of the course, through the real checker in CPython: the
reference solution passes, the starter code fails, and each documented common
mistake gets its message. New exercises are picked up from the registry."""

from __future__ import annotations

import re

import pytest

from coursekit import checker, exercises

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
    result = checker.check(exercise.id, exercise.solution)
    assert result["status"] == "checked"
    assert failures(result) == []
    assert result["passed"] is True


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_the_unchanged_starter_code_passes_no_check(exercise):
    result = checker.check(exercise.id, exercise.starter)
    assert result["starter"] is True and result["passed"] is False
    assert [item["name"] for item in result["checks"] if item["passed"]] == []
    assert result["checks"][0]["message"] == checker.STARTER_MESSAGE


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_the_starter_behaviour_passes_no_real_check(exercise):
    """The starter with a change that does nothing runs, and fails the very first check:
    no check that the starter satisfies by accident is shown as passed."""
    result = checker.check(exercise.id, exercise.starter + "\n_touched = True\n")
    assert "starter" not in result
    assert result["checks"][0] == {"name": checker.RUNS, "passed": True, "message": ""}, "the starter code should run"
    assert result["passed"] is False, (
        f"{exercise.id}: the starter code passes every check, so the checks cannot tell it from a solution"
    )
    passed = [item["name"] for item in result["checks"][1:] if item["passed"]]
    assert passed == [], f"{exercise.id}: the starter code already passes {passed}: put a check it fails first"
    assert result["checks"][1]["passed"] is False and not result["checks"][1].get("skipped")


@pytest.mark.parametrize("exercise_id, number", MISTAKES, ids=[f"{e}-mistake{n + 1}" for e, n in MISTAKES])
def test_each_documented_mistake_gets_its_message_and_only_that_one(exercise_id, number):
    code, fragment = exercises.get(exercise_id).mistakes[number]
    result = checker.check(exercise_id, code)
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


LONG_NUMBER = re.compile(r"\d\.\d{6,}")


@pytest.mark.parametrize("exercise", IDS, indirect=True)
def test_messages_show_no_long_raw_floats(exercise):
    codes = [exercise.starter + "\n_touched = True\n", *(code for code, _ in exercise.mistakes)]
    for code in codes:
        for message in failures(checker.check(exercise.id, code)):
            assert not LONG_NUMBER.search(message), message


def test_xor_messages_point_the_way_without_giving_the_numbers():
    exercise = exercises.get("xor-network")
    fixed_or = exercise.starter.replace("hidden_or = Neuron([0.0, 0.0], 0.0", "hidden_or = Neuron([1.0, 1.0], -0.5")
    fixed_nand = fixed_or.replace("hidden_nand = Neuron([0.0, 0.0], 0.0", "hidden_nand = Neuron([-1.0, -1.0], 1.5")
    assert fixed_nand != fixed_or != exercise.starter
    seen = []
    for code in (
        exercise.starter + "\n_touched = True\n",
        fixed_or,
        fixed_nand,
        *(code for code, _ in exercise.mistakes),
    ):
        seen += failures(checker.check(exercise.id, code))
    assert len(seen) == 3 + len(exercise.mistakes)
    for message in seen:
        for answer in ("-0.5", "1.5", "[-1, -1]", "-1.5", "0.5"):
            assert answer not in message, message


def _without(exercise_id: str, old: str, new: str = "") -> str:
    solution = exercises.get(exercise_id).solution
    assert old in solution
    return solution.replace(old, new)


DEMO_CRASHES = [  # issue 9: the learner's own demo lines crash; the check's advice must still lead
    (
        "softmax",
        _without(
            "softmax",
            "    largest = max(scores)\n    # every exponent is <= 0, so math.exp cannot overflow\n"
            "    exps = [math.exp(s - largest) for s in scores]",
            "    exps = [math.exp(s) for s in scores]",
        ),
        "Subtract the largest score from every score",
        "OverflowError",
    ),
    ("train-loop", _without("train-loop", "    return neuron\n"), "return neuron", "AttributeError"),
]


@pytest.mark.parametrize("exercise_id, code, advice, crash", DEMO_CRASHES, ids=[c[0] for c in DEMO_CRASHES])
def test_a_crash_in_the_demo_lines_does_not_hide_the_advice(exercise_id, code, advice, crash):
    result = checker.check(exercise_id, code)
    assert result["passed"] is False and crash in result["error"]
    (message,) = failures(result)
    assert advice in message and message.index(advice) < message.index(f"Your code also raised {crash}")


#: What the learner of issue 9 met, each now a documented mistake with its own message.
REPORTED = [
    ("relu-neuron", "that is min(0, z)"),
    ("train-loop", "one time fewer than epochs"),
    ("xor-network", "did you swap the two hidden neurons?"),
    ("spam-neuron", "You drew the bias before the weights"),
    ("train-loop", "calls fit, which runs the whole training loop for you"),
    ("which-side", "the number 1 or 0"),
    ("batch-gradients", "you multiplied each error by ŷ(1 - ŷ)"),
    ("batch-gradients", "your z leaves out the bias"),
    ("batch-gradients", "you divided by the number of weights"),
]


@pytest.mark.parametrize("exercise_id, fragment", REPORTED)
def test_the_reported_mistakes_stay_documented(exercise_id, fragment):
    assert fragment in [documented for _, documented in exercises.get(exercise_id).mistakes]
