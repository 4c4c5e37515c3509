"""The checker itself: results are plain data, and nothing the learner's code
does (raise, define the wrong thing, tamper with Python) breaks it."""

from __future__ import annotations

import builtins
import json
import sys
import textwrap

import pytest

from coursekit import authoring, checker, exercises
from coursekit.authoring import Exercise, expect_close


def make_exercise(**changes) -> Exercise:
    spec = {
        "id": "double",
        "title": "Double",
        "starter": "def double(x):\n    return x\n",
        "solution": "def double(x):\n    return 2 * x\n",
        "hints": ["Multiply by 2."],
        "mistakes": [
            ("def double(x):\n    return x + 2\n", "expected"),
            ("def double(x):\n    return x\n", "expected"),
        ],
    }
    exercise = Exercise(**{**spec, **changes})

    @exercise.check("doubles numbers")
    def doubles(learner):
        double = learner.function("double", "x")
        for x in authoring.numbers():
            expect_close(double(x), 2 * x, f"double({x}) should be {{expected}}, got {{actual}}")

    @exercise.check("doubles 0")
    def doubles_zero(learner):
        return None if learner["double"](0) == 0 else "double(0) should be 0"

    return exercise


def run(code: str, exercise: Exercise | None = None) -> dict:
    result = checker.run_checks(exercise or make_exercise(), textwrap.dedent(code))
    json.dumps(result)  # plain data, as the worker sends it to the page
    return result


def messages(result):
    return [(item["name"], item["passed"], item.get("skipped", False), item["message"]) for item in result["checks"]]


def test_a_passing_solution():
    result = run("def double(x):\n    return x * 2\n")
    assert result == {
        "status": "checked",
        "passed": True,
        "tampered": False,
        "checks": [
            {"name": "Your code runs", "passed": True, "message": ""},
            {"name": "doubles numbers", "passed": True, "message": ""},
            {"name": "doubles 0", "passed": True, "message": ""},
        ],
    }


def test_a_wrong_answer_gets_the_author_message_with_values_filled_in():
    result = run("def double(x):\n    return x + 2\n")
    assert result["passed"] is False
    assert messages(result)[1] == ("doubles numbers", False, False, "double(0.0) should be 0.0, got 2.0")


def test_the_checker_stops_at_the_first_failure_and_lists_the_rest_as_not_run():
    result = run("def double(x):\n    return x + 2\n")
    assert [(passed, skipped) for _, passed, skipped, _ in messages(result)] == [
        (True, False),
        (False, False),
        (False, True),
    ]
    assert messages(result)[2][3] == checker.AFTER_FAILURE
    assert "should be 0" not in messages(result)[2][3]  # the later check's advice is not shown


def test_a_check_returning_a_message_fails_with_it():
    exercise = make_exercise()
    exercise.checks.reverse()
    assert messages(run("def double(x):\n    return 1\n", exercise))[1][3] == "double(0) should be 0"


def test_the_unchanged_starter_runs_no_checks():
    for code in ("def double(x):\n    return x\n", "# my try\ndef double( x ):\n\n    return x   # later\n"):
        result = run(code)
        assert result["starter"] is True and result["passed"] is False
        assert messages(result)[0] == (checker.STARTER, False, False, checker.STARTER_MESSAGE)
        assert all(skipped for _, _, skipped, _ in messages(result)[1:])
        assert not any(item["passed"] for item in result["checks"])


def test_a_changed_starter_is_checked():
    result = run("def double(x):\n    return x + 0\n")
    assert "starter" not in result
    assert messages(result)[0] == (checker.RUNS, True, False, "")


def test_code_that_raises_is_a_failure_with_the_trimmed_traceback():
    result = run("y = 1\nz = y / 0\n")
    first = result["checks"][0]
    assert first["passed"] is False
    assert "ZeroDivisionError on line 2" in first["message"]
    assert 'File "<your code>", line 2' in first["details"]
    assert "coursekit" not in first["details"]
    assert all(item.get("skipped") for item in result["checks"][1:])
    assert "ZeroDivisionError" in result["error"]


def test_a_syntax_error_is_a_failure():
    result = run("def double(x)\n    return 2 * x\n")
    assert result["passed"] is False
    assert "SyntaxError" in result["checks"][0]["message"]


def test_a_missing_function_is_named_and_stops_the_checks():
    result = run("def triple(x):\n    return 3 * x\n")
    assert messages(result)[1][3] == "Your code does not define `double`. Keep its name exactly as in the starter code."
    assert messages(result)[2][2] is True  # skipped, not repeated


@pytest.mark.parametrize(
    "code, message",
    [
        (
            "def double(x, y):\n    return 2 * x\n",
            "`double` should take 1 argument, `def double(x):`, but yours is `def double(x, y):`.",
        ),
        ("double = 4\n", "`double` should be a function, `def double(x):`, but it is a int 4."),
        ("def double(x):\n    pass\n", "should be a number, but it is None: did you forget `return`?"),
        ("def double(x):\n    return str(2 * x)\n", "should be a number, but it is the text '0.0'"),
    ],
)
def test_wrong_shapes_get_clear_messages(code, message):
    assert any(message in text for _, _, _, text in messages(run(code)))


def test_an_exception_inside_the_learner_function_names_the_call():
    result = run("def double(x):\n    return 2 * x / (x - 1.0)\n")
    failed = [item for item in result["checks"] if not item["passed"]]
    assert failed[0]["message"] == "`double(1.0)` raised ZeroDivisionError: float division by zero"
    assert 'File "<your code>", line 2, in double' in failed[0]["details"]


def test_learner_exit_and_recursion_are_failures():
    assert run("raise SystemExit(0)\n")["passed"] is False
    result = run("def double(x):\n    return double(x)\n")
    assert "RecursionError" in messages(result)[1][3]


def test_an_object_faking_equality_does_not_pass():
    code = """
        class Anything(float):
            def __eq__(self, other): return True
            def __sub__(self, other): return 0.0
        def double(x):
            return Anything(7)
    """
    assert run(code)["passed"] is False


def test_tampering_with_builtins_is_undone_and_reported():
    abs_before = builtins.abs
    result = run("import builtins\nbuiltins.abs = lambda x: 0\ndef double(x):\n    return 2 * x\n")
    assert builtins.abs is abs_before
    assert result["tampered"] is True and result["passed"] is False
    assert "changed Python's built-in functions or the checker" in result["checks"][-1]["message"]


def test_tampering_with_the_checker_from_inside_a_call_is_undone():
    code = """
        def double(x):
            import coursekit.authoring as c
            c.expect_close = lambda *args, **kwargs: None
            return -5
    """
    before = authoring.expect_close
    result = run(code)
    assert authoring.expect_close is before
    assert result["passed"] is False and result["tampered"] is True


def test_replacing_stdout_is_undone():
    stdout = sys.stdout
    result = run("import sys\nsys.stdout = None\n")
    assert sys.stdout is stdout
    assert result["passed"] is False


def test_the_learner_cannot_remove_checks():
    exercise = make_exercise()
    result = run(
        "import gc\nfrom coursekit.authoring import Exercise\nfor o in gc.get_objects():\n    if isinstance(o, "
        "Exercise): o.checks.clear()\n",
        exercise,
    )
    assert len(exercise.checks) == 2
    assert result["passed"] is False


def test_an_interrupt_is_reported_as_interrupted():
    assert run("raise KeyboardInterrupt\n") == {"status": "interrupted"}


def test_an_unknown_exercise_is_a_failure_not_a_crash():
    result = checker.check("no-such-exercise", "print(1)")
    assert result["passed"] is False
    assert "no exercise 'no-such-exercise'" in result["checks"][0]["message"]


def test_the_version_changes_with_the_checks_or_the_solution():
    assert make_exercise().version == make_exercise().version
    other = make_exercise(solution="def double(x):\n    return x + x\n")
    assert other.version != make_exercise().version
    fewer = make_exercise()
    fewer.checks.pop()
    assert fewer.version != make_exercise().version


def test_spec_problems_are_listed():
    exercise = Exercise(id="Bad Id", title="", starter="x", solution="", hints=[""], mistakes=[])
    problems = exercise.problems()
    assert any("id 'Bad Id'" in p for p in problems)
    assert "title is empty" in problems and "solution is empty" in problems
    assert any("no checks" in p for p in problems)
    assert any("two common mistakes" in p for p in problems)
    assert any("hint" in p for p in problems)


def test_vectors_cover_zero_negative_and_large_values_and_are_stable():
    rows = authoring.vectors(3)
    assert rows == authoring.vectors(3) and len(rows) == 25
    flat = [x for row in rows for x in row]
    assert 0.0 in flat and min(flat) < 0 and max(flat) >= 1000


def test_numbers_in_messages_are_rounded_to_4_significant_digits():
    exercise = make_exercise()

    @exercise.check("thirds")
    def thirds(learner):
        expect_close(learner["double"](1 / 3), 2 / 3, "expected {expected}, got {actual}")

    exercise.checks[:] = exercise.checks[-1:]
    assert messages(run("def double(x):\n    return x + 0\n", exercise))[1][3] == "expected 0.6667, got 0.3333"
    # more digits only where 4 would show two different numbers as the same
    assert authoring.rounded(0.50001, 0.5) == (0.50001, 0.5)
    assert authoring.rounded(3, 2.0) == (3, 2.0)


def test_a_crash_after_the_definitions_still_checks_them_and_leads_with_the_advice():
    result = run("def double(x):\n    return x + 2\n\nprint(double(1) / 0)\n")
    assert result["passed"] is False
    assert checker.RUNS not in [item["name"] for item in result["checks"]]  # it did not run to the end
    failed = [item for item in result["checks"] if not item["passed"] and not item.get("skipped")]
    assert len(failed) == 1 and failed[0]["name"] == "doubles numbers"
    message = failed[0]["message"]
    assert message.startswith("double(0.0) should be 0.0, got 2.0")  # the advice first
    assert message.endswith("(Your code also raised ZeroDivisionError on line 4: its traceback is in the output.)")
    assert 'File "<your code>", line 4' in failed[0]["details"] and "ZeroDivisionError" in result["error"]
    assert result["checks"][-1].get("skipped") is True


def test_a_failing_check_keeps_its_own_traceback_when_the_code_also_crashed():
    result = run("def double(x):\n    return 2 * x / (x - 1.0)\n\ndouble(1.0)\n")
    failed = next(item for item in result["checks"] if not item["passed"])
    assert failed["message"].startswith("`double(1.0)` raised ZeroDivisionError")
    assert "in double" in failed["details"]
    assert "also raised ZeroDivisionError on line 2" in failed["message"]  # where the learner's call raised


def test_code_that_passes_every_check_but_raises_does_not_pass():
    result = run("def double(x):\n    return 2 * x\n\nprint(undefined_name)\n")
    assert result["passed"] is False
    assert [item["passed"] for item in result["checks"]] == [True, True, False]
    last = result["checks"][-1]
    assert last["name"] == checker.RUNS_TO_THE_END
    assert last["message"] == (
        "Every check passes, but your code raised NameError on line 4: fix that line too, "
        "so that all of your code runs."
    )
    assert "NameError" in last["details"] and "NameError" in result["error"]


def test_a_crash_before_the_definitions_is_still_the_one_message():
    result = run("print(1 / 0)\n\ndef double(x):\n    return 2 * x\n")
    assert messages(result)[0] == (
        checker.RUNS,
        False,
        False,
        "Your code raised ZeroDivisionError on line 1, so nothing else could be checked. Fix that first.",
    )
    assert all(item.get("skipped") for item in result["checks"][1:])


def test_checks_can_read_the_structure_of_the_code():
    code = textwrap.dedent("""
        import math
        from neuron.training import fit as train_it
        def train(n):
            for _ in range(3):
                n.fit([1], [2])
            return [w for w in n.weights]
        fit(1)
        while False:
            pass
    """)
    learner = authoring.Learner({}, code)
    assert learner.calls("fit") == [6, 8]
    assert learner.calls("fit", within="train") == [6]
    assert learner.calls("fit", within="nothing") == []
    assert learner.loops(within="train") == [5]  # the comprehension is not a loop statement
    assert learner.loops() == [5, 9]
    assert learner.imports("neuron") == [3] and learner.imports("math") == [2] and learner.imports("neur") == []
    assert authoring.Learner({}, "def broken(:\n").calls("fit") == []


def test_an_unknown_exercise_id_gets_a_did_you_mean():
    with pytest.raises(KeyError, match="did you mean 'relu-neuron'"):
        exercises.get("relu-nueron")
    with pytest.raises(KeyError, match=r"\(known: .*relu-neuron"):
        exercises.get("something-else-entirely")
