"""What exercise authors write checks with.

An exercise is an :class:`Exercise` (starter code, reference solution, hints,
documented mistakes) plus checks: functions that receive the learner's
namespace as a :class:`Learner` and fail in the learner's terms::

    relu_neuron = Exercise(id="relu-neuron", title=..., starter=..., solution=..., hints=[...], mistakes=[...])

    @relu_neuron.check("gives 0.0 for the lesson's example")
    def lesson_example(learner):
        neuron_output = learner.function("neuron_output", "inputs", "weights", "bias")
        expect_close(neuron_output([2, 3], [0.5, -1.0], 1.0), 0.0,
                     "expected {expected} for inputs [2, 3], got {actual}: did you apply ReLU?")

A check passes when it returns ``None`` (or ``True``). It fails when it raises
:class:`CheckFailed` (the ``expect_*`` helpers and :func:`fail` do) or returns a
message string. Messages may say ``{actual}`` and ``{expected}``; the helpers
fill them in. When the learner's code raises, or a name is missing or takes the
wrong arguments, the checker says so itself, with the learner's traceback.

A check may also look at the code's structure, for a rule the prompt states
("write the loop yourself, without `fit`"): ``learner.calls("fit", within="train")``,
``learner.loops(within="train")`` and ``learner.imports("neuron")`` give the lines
where the code does that (an empty list when it does not), as futurecoder's
disallowed-construct checks do::

    lines = learner.calls("fit", within="train")
    expect(not lines, f"line {lines[0] if lines else 0} calls fit: write the loop yourself")

This module runs in the browser (Pyodide) and in pytest: standard library only.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import inspect
import math
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .runtime import error_report

#: What an id may be: an exercise's, a code panel's, a quiz's or a recall prompt's (the site checks
#: theirs with the same rule). Ids end up in storage keys and HTML ids.
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ID_RULE = "must use only lowercase letters, digits, '-' and '_'"
#: Default tolerance of :func:`expect_close` (relative and absolute).
TOLERANCE = 1e-6


class CheckFailed(Exception):
    """A check's verdict, in the learner's terms: the message is shown as is."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class Missing(CheckFailed):
    """Something the exercise asks for is not there (or takes the wrong arguments).

    The checker stops at this failure: the later checks would only repeat it.
    """


class LearnerError(CheckFailed):
    """The learner's code raised while a check called it; ``details`` is the traceback."""


# --- the exercise ---------------------------------------------------------


@dataclass(frozen=True)
class Check:
    name: str
    function: Callable[[Learner], object]
    hidden: bool = False  # fails with a generic message: the learner sees neither its values nor its calls


@dataclass(eq=False)
class Exercise:
    """One exercise: what the page shows, how it is checked, and its known mistakes.

    ``mistakes`` are (wrong code, fragment of the message it must get) pairs: the
    common mistakes the checks recognise. The test suite runs each of them.
    """

    id: str
    title: str
    starter: str
    solution: str
    hints: list[str]
    mistakes: list[tuple[str, str]]
    prompt: str = ""
    #: Seconds before a Check is stopped (an endless loop in the learner's code).
    timeout: float = 10
    checks: list[Check] = field(default_factory=list)

    def check(
        self, name: str, hidden: bool = False
    ) -> Callable[[Callable[[Learner], object]], Callable[[Learner], object]]:
        """Decorator: add a check, named as the learner sees it (checks run in order); a ``hidden``
        one that fails says only that a hidden check failed (see coursekit.checker.HIDDEN)."""

        def register(function: Callable[[Learner], object]) -> Callable[[Learner], object]:
            self.checks.append(Check(name, function, hidden))
            return function

        return register

    @property
    def version(self) -> str:
        """A short hash of the solution and the checks' source: it changes when
        the exercise changes, so a pass recorded before is not shown as current."""
        digest = hashlib.sha256(self.solution.encode())
        for check in self.checks:
            digest.update(check.name.encode())
            for source in _sources(check.function):
                digest.update(source.encode())
        return digest.hexdigest()[:12]

    def problems(self) -> list[str]:
        """Mistakes in the spec itself (the reference solution is verified separately)."""
        problems = []
        if not ID_PATTERN.match(self.id):
            problems.append(f"id {self.id!r} {ID_RULE}")
        for name in ("title", "starter", "solution"):
            if not str(getattr(self, name)).strip():
                problems.append(f"{name} is empty")
        if not self.checks:
            problems.append("it has no checks (add some with @exercise.check('...'))")
        if len(self.mistakes) < 2:
            problems.append("document at least two common mistakes in `mistakes`")
        if not all(isinstance(hint, str) and hint.strip() for hint in self.hints):
            problems.append("every hint must be a non-empty string")
        return problems

    def public(self) -> dict[str, object]:
        """What the browser is given: everything but the checks."""
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "prompt": self.prompt,
            "starter": self.starter,
            "solution": self.solution,
            "hints": list(self.hints),
            "timeout": self.timeout,
        }


def _sources(function: Callable, seen: set[int] | None = None) -> list[str]:
    """The source of a check and of the module-level functions it uses."""
    seen = set() if seen is None else seen
    if id(function) in seen:
        return []
    seen.add(id(function))
    try:
        sources = [inspect.getsource(function)]
    except (OSError, TypeError):  # no source file: fall back on the bytecode
        sources = [function.__code__.co_code.hex()] if hasattr(function, "__code__") else []
    code = getattr(function, "__code__", None)
    if code is not None:
        for name in code.co_names:
            used = function.__globals__.get(name)
            if inspect.isfunction(used) and used.__module__ == function.__module__:
                sources += _sources(used, seen)
    return sources


# --- the learner's namespace ------------------------------------------------

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class Learner:
    """The learner's code after it ran, as the checks see it: the names it defined
    (``namespace``) and its text (``source``, for checks on its structure)."""

    def __init__(self, namespace: dict[str, object], source: str = "") -> None:
        self.namespace = namespace
        self.source = source

    @property
    def tree(self) -> ast.Module:
        """The learner's code, parsed (an empty module when it does not parse)."""
        try:
            return ast.parse(self.source)
        except (SyntaxError, ValueError):
            return ast.Module(body=[], type_ignores=[])

    def _nodes(self, within: str | None) -> list[ast.AST]:
        """Every node of the code, or of each function or class called ``within``."""
        everything = list(ast.walk(self.tree))
        if within is None:
            return everything
        scopes = [node for node in everything if isinstance(node, _SCOPES) and node.name == within]
        return [node for scope in scopes for node in ast.walk(scope)]

    def calls(self, name: str, within: str | None = None) -> list[int]:
        """Lines where the code (or the function ``within``) calls ``name``: ``fit(...)`` or ``n.fit(...)``."""
        return sorted(
            node.lineno
            for node in self._nodes(within)
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == name
        )

    def loops(self, within: str | None = None) -> list[int]:
        """Lines of the ``for`` and ``while`` statements (not comprehensions) in the code or in ``within``."""
        return sorted(
            node.lineno for node in self._nodes(within) if isinstance(node, (ast.For, ast.AsyncFor, ast.While))
        )

    def imports(self, module: str) -> list[int]:
        """Lines that import ``module`` or a part of it: ``import neuron``, ``from neuron.training import fit``."""
        lines = []
        for node in self._nodes(None):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            if any(name == module or name.startswith(module + ".") for name in names):
                lines.append(node.lineno)
        return sorted(lines)

    def __contains__(self, name: str) -> bool:
        return name in self.namespace

    def __getitem__(self, name: str) -> object:
        if name not in self.namespace:
            raise Missing(f"Your code does not define `{name}`. Keep its name exactly as in the starter code.")
        return self.namespace[name]

    def function(self, name: str, *parameters: str) -> Callable:
        """The learner's function ``name``, callable with ``parameters`` (by position).

        Fails clearly when it is missing, not a function, or takes other
        arguments. Calls to it that raise are reported with the learner's
        traceback and the call that raised, e.g. ``neuron_output([2, 3], [0.5], 1.0)``.
        """
        wanted = f"{name}({', '.join(parameters)})"
        value = self[name]
        if not callable(value):
            raise Missing(f"`{name}` should be a function, `def {wanted}:`, but it is {describe(value)}.")
        try:
            signature = inspect.signature(value)
        except (TypeError, ValueError):
            signature = None
        if signature is not None:
            try:
                signature.bind(*parameters)
            except TypeError:
                raise Missing(
                    f"`{name}` should take {_count(len(parameters), 'argument')}, `def {wanted}:`, "
                    f"but yours is `def {name}{signature}:`."
                ) from None
        return _Called(name, value)


class _Called:
    """A learner's function; a call that raises becomes a :class:`LearnerError`."""

    def __init__(self, name: str, function: Callable) -> None:
        self.name = name
        self.function = function

    def __call__(self, *args: object) -> object:
        call = f"{self.name}({', '.join(map(brief, args))})"
        try:
            return self.function(*copy.deepcopy(args))  # a copy: the learner may change lists in place
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # noqa: BLE001 - any learner exception is a failed check
            report = error_report(error)
            raise LearnerError(f"`{call}` raised {type(error).__name__}: {error}", report["error"]) from None


# --- helpers for checks -------------------------------------------------------


def brief(value: object, limit: int = 120) -> str:
    """A short, safe text for a value (the learner's objects may have odd reprs)."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001
        text = f"<a {type(value).__name__} that cannot be shown>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(value: object) -> str:
    """How to name a value in a message: ``None``, ``the text 'a'``, ``a list [1, 2]``."""
    if value is None:
        return "None"
    if isinstance(value, str):
        return f"the text {brief(value)}"
    return f"a {type(value).__name__} {brief(value)}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _fill(message: str, **values: object) -> str:
    for name, value in values.items():
        message = message.replace("{" + name + "}", brief(value))
    return message


def rounded(actual: object, expected: object, digits: int = 4) -> tuple[object, object]:
    """Two numbers for a message, to ``digits`` significant digits (more only where
    they would otherwise look equal): ``-0.3161``, not ``-0.31606027941427883``."""

    def cut(value: object, places: int) -> object:
        if type(value) is not float or not math.isfinite(value):
            return value
        return float(f"{value:.{places}g}")

    for places in range(digits, 18):
        a, e = cut(actual, places), cut(expected, places)
        if brief(a) != brief(e) or places == 17:
            return a, e
    return actual, expected


def fail(message: str) -> None:
    """Fail the check with ``message``."""
    raise CheckFailed(message)


def expect(condition: object, message: str) -> None:
    """Fail with ``message`` unless ``condition`` is true."""
    if not condition:
        raise CheckFailed(message)


def expect_number(value: object, what: str = "your result") -> float:
    """``value`` as a float, or a failure saying what it is instead."""
    if type(value) not in (int, float):  # exact types: a subclass could fake its comparisons
        hint = ": did you forget `return`?" if value is None else ""
        raise CheckFailed(f"{what} should be a number, but it is {describe(value)}{hint}")
    return float(value)


def expect_close(actual: object, expected: float, message: str, tol: float = TOLERANCE) -> None:
    """Fail with ``message`` unless ``actual`` is a number within ``tol`` of ``expected``.

    ``tol`` is both relative and absolute (``math.isclose``), so it suits large
    and small values. ``message`` may say ``{actual}`` and ``{expected}``: they
    are shown to 4 significant digits (more where those would look equal).
    """
    number = expect_number(actual, _fill("the result", actual=actual))
    ok = math.isnan(number) if math.isnan(expected) else math.isclose(number, expected, rel_tol=tol, abs_tol=tol)
    if not ok:
        shown_actual, shown_expected = rounded(actual, expected)
        raise CheckFailed(_fill(message, actual=shown_actual, expected=shown_expected))


def expect_equal(actual: object, expected: object, message: str) -> None:
    """Fail with ``message`` unless ``actual == expected`` (same type, too)."""
    if type(actual) is not type(expected) or not bool(expected == actual):
        raise CheckFailed(_fill(message, actual=actual, expected=expected))


def expect_all_close(
    function: Callable,
    cases: Iterable[tuple],
    reference: Callable,
    message: str = "for {args}: expected {expected}, got {actual}",
    tol: float = TOLERANCE,
) -> None:
    """Call ``function(*case)`` for every case and compare with ``reference(*case)``.

    ``message`` may say ``{args}``, ``{actual}`` and ``{expected}``.
    """
    for case in cases:
        expected = reference(*case)
        actual = function(*case)
        expect_close(actual, expected, message.replace("{args}", ", ".join(map(brief, case))), tol)


#: Interesting numbers for checks over many inputs: zero, small, negative, large.
NUMBERS = (0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -3.0, 0.1, -0.25, 7.5, -12.0, 100.0, -250.0, 1e-6, -1e-6, 1e6, -1e6)


def numbers() -> list[float]:
    """Numbers to try a function on: zero, negative, fractional and large values."""
    return list(NUMBERS)


def vectors(size: int, count: int = 25, seed: int = 1) -> list[list[float]]:
    """``count`` lists of ``size`` numbers, the same on every run: all zeros, all
    negative, large values, then a deterministic random mix."""
    rng = random.Random(seed)
    fixed = [[0.0] * size, [-1.0 - i for i in range(size)], [1e3 * (i + 1) for i in range(size)], [0.5] * size]
    randoms = [[round(rng.choice(NUMBERS) * rng.uniform(0.5, 1.5), 6) for _ in range(size)] for _ in range(count)]
    return (fixed + randoms)[:count]
