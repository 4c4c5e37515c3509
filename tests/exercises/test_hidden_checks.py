"""Hidden checks: `@exercise.check("...", hidden=True)` fails with one generic message, never the values it
tried, the call that failed or the learner's traceback; it passes like any other check."""

from __future__ import annotations

from coursekit import Exercise, expect_close
from coursekit.checker import AFTER_FAILURE, HIDDEN, run_checks

SECRET = 123.25


def halving() -> Exercise:
    exercise = Exercise(
        id="halve-hidden",
        title="Halve",
        starter="def halve(x):\n    return x\n",
        solution="def halve(x):\n    return x / 2\n",
        hints=[],
        mistakes=[("def halve(x):\n    return x // 2\n", "hidden check"), ("", "")],
    )

    @exercise.check("halves 3")
    def halves_three(learner):
        expect_close(learner.function("halve", "x")(3), 1.5, "halve(3) should be {expected}, got {actual}")

    @exercise.check("halves other numbers", hidden=True)
    def halves_a_secret(learner):
        expect_close(learner.function("halve", "x")(SECRET), SECRET / 2, "halve(123.25): expected {expected}")

    @exercise.check("says nothing after")
    def last(learner):
        return None

    return exercise


def by_name(result: dict) -> dict[str, dict]:
    return {item["name"]: item for item in result["checks"]}


def test_a_failed_hidden_check_says_only_that_it_failed():
    # Right for 3, wrong for the secret input: only the hidden check can catch it.
    code = "def halve(x):\n    return 1.5 if x == 3 else x\n"
    checks = by_name(run_checks(halving(), code))
    hidden = checks["halves other numbers"]
    assert hidden == {"name": "halves other numbers", "passed": False, "message": HIDDEN}
    assert "123" not in str(hidden) and "61.6" not in str(hidden)
    assert checks["says nothing after"]["message"] == AFTER_FAILURE


def test_the_learners_exception_in_a_hidden_check_shows_no_traceback_or_call():
    code = "def halve(x):\n    if x != 3:\n        raise ValueError(f'no {x}')\n    return 1.5\n"
    hidden = by_name(run_checks(halving(), code))["halves other numbers"]
    assert hidden["message"] == HIDDEN and "details" not in hidden and "call" not in hidden


def test_a_hidden_check_passes_like_any_other():
    result = run_checks(halving(), "def halve(x):\n    return x / 2\n")
    assert result["passed"] is True and by_name(result)["halves other numbers"]["passed"] is True


def test_a_visible_check_still_gives_its_own_message_and_call():
    failed = by_name(run_checks(halving(), "def halve(x):\n    return x * 2\n"))["halves 3"]
    assert failed["message"] == "halve(3) should be 1.5, got 6" and failed["call"] == "halve(3)"
