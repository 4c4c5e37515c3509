"""Check a learner's code against an exercise, in the browser and in pytest.

The Python worker calls :func:`check` when the learner presses Check; the build
and the test suite call :func:`run_checks` with the reference solution, the
starter code and each documented mistake. The result is a plain dict::

    {"status": "checked", "passed": False, "tampered": False,
     "checks": [{"name": "Your code runs", "passed": True, "message": ""},
                {"name": "...", "passed": False, "message": "your neuron ignores the bias ...",
                 "details": "<the learner's traceback, when their code raised>",
                 "call": "neuron_output([2, 3], [0.5, -1.0], 1.0)"},
                {"name": "...", "passed": False, "skipped": True, "message": "Not checked yet: ..."}],
     "error": "<traceback, when the code itself did not run>"}

A failed check that called one of the learner's functions carries the call it
failed on as ``"call"``, code that makes it again (when its arguments are
literals): the page offers to step through it (:func:`coursekit.tracing.trace`).
That call is the one whose arguments the message names, else the one that
raised (the last), else the check's first.

A pass, answered to the page by :func:`check`, also carries ``"comparison"``:
the code that passed beside the reference solution (:mod:`coursekit.compare`).

Checks run in their order, from basic to specific, and the checker stops at the
first one that fails: the later checks are listed as not run (``skipped``), so
one mistake gets one message, the one meant for it, and not a pile of
failures whose advice points elsewhere. The unchanged starter code (the same
program, whatever its comments and spacing) runs no checks at all: it gets
``"starter": True`` and one message asking for a change, so that checks the
starter happens to satisfy never show as passes that mean nothing.

When the learner's code raises, the checks still run on what it defined before
the line that raised (a crash in the demo lines at the end must not hide the
advice about the function above them). Then there is no "Your code runs" item:
the first failing check's message leads, followed by a sentence naming the
error, and its ``details`` are the check's own traceback or else the crash's;
``"error"`` holds the crash's traceback (the page shows it in the output). If
every check passes, a last failed item "Your code runs to the end without
errors" names the error, so code that raises never passes. Only when nothing
can be checked (a syntax error, or a check finds a name missing, probably
defined below the line that raised) is the error the one message, as before.

Or the result is ``{"status": "interrupted"}`` when the Stop button (or the time limit)
interrupted it. The learner's code never crashes the checker: its exceptions
are failed checks, and changes it makes to Python's built-ins or to the checker
are undone and reported as a failure.
"""

from __future__ import annotations

import ast
import builtins
import sys
from collections.abc import Callable

from . import authoring, compare, exercises, runtime
from .authoring import CheckFailed, Exercise, Learner, Missing

RUNS = "Your code runs"
RUNS_TO_THE_END = "Your code runs to the end without errors"
STARTER = "You changed the starter code"
STARTER_MESSAGE = "This is still the starter code: change it, then Check."
AFTER_FAILURE = "Not checked yet: it runs once the check above passes."
#: What a failed hidden check says, whatever went wrong: no values, no call, no traceback.
HIDDEN = (
    "A hidden check failed: it tries your code on cases this exercise does not show. "
    "Make sure your code does what the exercise asks for every input, not only the examples."
)
_SYS_NAMES = ("stdout", "stderr", "stdin", "displayhook", "excepthook", "exit")


def check(exercise_id: str, code: str, display: runtime.Display | None = None) -> dict[str, object]:
    """Run the learner's ``code``, then the checks of exercise ``exercise_id``; a pass
    also brings the code that passed beside the reference (``comparison``, see
    :mod:`coursekit.compare`)."""
    try:
        exercise = exercises.get(exercise_id)
    except KeyError as error:
        return _result([_failed("Exercise", str(error.args[0]))])
    except exercises.SpecError as error:
        return _result([_failed("Exercise", str(error))])
    result = run_checks(exercise, code, display)
    if result.get("passed") is True:
        result["comparison"] = compare.side_by_side(code, exercise.solution)
    return result


def is_starter(exercise: Exercise, code: str) -> bool:
    """True when ``code`` is the exercise's starter code, up to comments and spacing."""
    if code.strip() == exercise.starter.strip():
        return True
    try:
        return ast.dump(ast.parse(code)) == ast.dump(ast.parse(exercise.starter))
    except (SyntaxError, ValueError):
        return False


def run_checks(exercise: Exercise, code: str, display: runtime.Display | None = None) -> dict[str, object]:
    if is_starter(exercise, code):
        first = _failed(STARTER, STARTER_MESSAGE)
        rest = [_skipped(check.name, "Not checked yet: first change the starter code.") for check in exercise.checks]
        return {**_result([first, *rest]), "starter": True}
    guard = _Guard(exercise)
    namespace = runtime.fresh_namespace()
    try:
        ran = runtime.run(code, display, namespace)
    except KeyboardInterrupt:
        ran = {"status": "interrupted"}
    except BaseException as error:  # noqa: BLE001 - e.g. the code replaced sys.stdout
        ran = {
            "status": "error",
            "type": type(error).__name__,
            "line": None,
            "error": f"{type(error).__name__}: {error}\n",
        }
    tampered = guard.restore()
    if ran["status"] == "interrupted":
        return {"status": "interrupted"}
    if ran["status"] == "error" and ran["type"] == "SyntaxError":  # not one line ran
        return _crashed_only(exercise, ran, tampered)
    checked = _run_each(exercise, _Recording(namespace, code), guard)
    if checked is None:
        return {"status": "interrupted"}
    results, missing, changed = checked
    tampered = tampered or changed
    if ran["status"] != "error":
        return _result([{"name": RUNS, "passed": True, "message": ""}, *results], tampered)
    if missing:  # probably defined after the line that raised: the crash is the first thing to fix
        return _crashed_only(exercise, ran, tampered)
    return {**_result(_with_crash(results, ran), tampered), "error": ran["error"]}


def _run_each(exercise: Exercise, learner: _Recording, guard: _Guard) -> tuple[list[dict], bool, bool] | None:
    """Run the checks in order up to the first failure: (results, whether that failure was a
    Missing name, whether anything was tampered with); None when interrupted."""
    results: list[dict] = []
    blocked, missing, tampered = "", False, False
    for item in exercise.checks:
        if blocked:
            results.append(_skipped(item.name, blocked))
            continue
        made = len(learner.made)
        try:
            outcome = item.function(learner)
        except KeyboardInterrupt:
            guard.restore()
            return None
        except Missing as failure:
            results.append(_failed(item.name, failure.message))
            missing = True
        except CheckFailed as failure:  # includes the learner's own exceptions (LearnerError)
            results.append(_failed(item.name, failure.message, failure.details))
        except BaseException as error:  # noqa: BLE001 - never let a check crash the panel
            results.append(_unexpected(item.name, error))
        else:
            if outcome is None or outcome is True:
                results.append({"name": item.name, "passed": True, "message": ""})
            else:
                message = outcome if isinstance(outcome, str) and outcome else "This check failed."
                results.append(_failed(item.name, message))
        finally:
            if not results[-1]["passed"] and item.hidden:
                results[-1] = _failed(item.name, HIDDEN)
                blocked = AFTER_FAILURE
            elif not results[-1]["passed"]:
                call = _failing_call(learner.made[made:], results[-1]["message"])
                if call:
                    results[-1]["call"] = call
                blocked = AFTER_FAILURE  # one mistake, one message: the later checks wait for this one
            tampered = guard.restore() or tampered
    return results, missing, tampered


def _where(ran: dict) -> str:
    return f"{ran['type']} on line {ran['line']}" if ran.get("line") else str(ran["type"])


def _crashed_only(exercise: Exercise, ran: dict, tampered: bool) -> dict[str, object]:
    """The code raised before the checks could use it: that error is the only message."""
    first = _failed(RUNS, f"Your code raised {_where(ran)}, so nothing else could be checked. Fix that first.")
    first["details"] = ran["error"]
    rest = [
        _skipped(check.name, "Not checked yet: first make your code run without errors.") for check in exercise.checks
    ]
    return {**_result([first, *rest], tampered), "error": ran["error"]}


def _with_crash(results: list[dict], ran: dict) -> list[dict]:
    """The checks' results when the code raised after defining what they use: the first
    failing check's advice leads and the error comes second, in the same item (its
    traceback as the item's details unless the check has its own); when every check
    passes, one more failed item for the error, so the run does not pass."""
    failed = next((item for item in results if not item["passed"]), None)
    if failed is None:
        message = (
            f"Every check passes, but your code raised {_where(ran)}: fix that line too, so that all of your code runs."
        )
        return [*results, _failed(RUNS_TO_THE_END, message, str(ran["error"]))]
    failed["message"] = f"{failed['message']} (Your code also raised {_where(ran)}: its traceback is in the output.)"
    failed.setdefault("details", ran["error"])
    return results


def _result(results: list[dict], tampered: bool = False) -> dict[str, object]:
    if tampered:
        results.append(
            _failed(
                "Python and the checker are left as they were",
                "Your code changed Python's built-in functions or the checker itself, so these results cannot be "
                "trusted. They were put back; remove the part of your code that changes them and check again.",
            )
        )
    return {
        "status": "checked",
        "passed": all(item["passed"] for item in results),
        "tampered": tampered,
        "checks": results,
    }


def _failed(name: str, message: str, details: str = "") -> dict[str, object]:
    item: dict[str, object] = {"name": name, "passed": False, "message": message}
    if details:
        item["details"] = details
    return item


def _skipped(name: str, message: str) -> dict[str, object]:
    return {"name": name, "passed": False, "skipped": True, "message": message}


def _unexpected(name: str, error: BaseException) -> dict[str, object]:
    """An exception out of a check: the learner's (their frames are in it) or the check's own."""
    report = runtime.error_report(error)  # trimmed to the learner's lines
    if report["line"] is not None or isinstance(error, (SystemExit, RecursionError, MemoryError)):
        return _failed(name, f"Your code raised {type(error).__name__}: {error}", report["error"])
    return _failed(
        name,
        f"This check could not finish ({type(error).__name__}: {error}). Does your code return what the "
        "exercise asks for?",
    )


class _Recording(Learner):
    """The Learner the checks get: it remembers each call they make of the learner's
    functions, as code that makes it again (None when an argument is no literal)."""

    def __init__(self, namespace: dict[str, object], source: str = "") -> None:
        super().__init__(namespace, source)
        self.made: list[tuple[str | None, tuple, bool]] = []  # (code, arguments, whether it raised)

    def function(self, name: str, *parameters: str) -> Callable:
        called = super().function(name, *parameters)

        def call(*args: object) -> object:
            self.made.append((_as_code(name, args), args, True))
            result = called(*args)
            self.made[-1] = (*self.made[-1][:2], False)
            return result

        return call


def _failing_call(made: list[tuple[str | None, tuple, bool]], message: str) -> str | None:
    """Which of a failed check's calls to offer: see the module's docstring."""
    named = [code for code, args, _ in made if args and all(_loose(arg) in message for arg in args)]
    raised = [code for code, _, raised in made if raised]
    if named or raised:
        return named[0] if named else raised[-1]
    return made[0][0] if made else None


def _loose(value: object) -> str:
    """A value as a message might write it: ``[1, 2, 0.5]`` for ``[1.0, 2.0, 0.5]``."""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        inner = ", ".join(_loose(item) for item in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner})"
    return repr(value)


def _as_code(name: str, args: tuple) -> str | None:
    """``name(arg, ...)`` if each argument's repr reads back as the same value, else None."""
    try:
        texts = [repr(arg) for arg in args]
        if any(ast.literal_eval(text) != arg for text, arg in zip(texts, args)):
            return None
    except Exception:  # noqa: BLE001 - a repr that raises or does not read back
        return None
    code = f"{name}({', '.join(texts)})"
    return code if len(code) <= 2000 else None


class _Guard:
    """Remembers Python's built-ins and the checker's modules, to undo any change the learner's code makes."""

    def __init__(self, exercise: Exercise) -> None:
        every = [exercise, *(other for other in exercises.load().values() if other is not exercise)]
        modules = {authoring, runtime, exercises, sys.modules["coursekit"], sys.modules[__name__]}
        for item in every:
            for check in item.checks:
                module = sys.modules.get(getattr(check.function, "__module__", ""))
                if module is not None:
                    modules.add(module)
        self.dicts = [(vars(builtins), dict(vars(builtins)))]
        self.dicts += [(vars(module), dict(vars(module))) for module in modules]
        self.dicts += [(vars(item), dict(vars(item))) for item in every]
        self.checks = [(item.checks, list(item.checks)) for item in every]
        self.sys = {name: getattr(sys, name, None) for name in _SYS_NAMES}

    def restore(self) -> bool:
        """Put everything back; True if anything had been changed."""
        changed = False
        for live, saved in self.dicts:
            if live.keys() != saved.keys() or any(live[key] is not value for key, value in saved.items()):
                live.clear()
                live.update(saved)
                changed = True
        for live, saved in self.checks:
            if live != saved:
                live[:] = saved
                changed = True
        for name, value in self.sys.items():
            if getattr(sys, name, None) is not value:
                setattr(sys, name, value)
                changed = True
        return changed
