"""Parsons problems: the lines of a correct program, shuffled, for the learner to put in order.

A problem is a :class:`Parsons` spec beside the exercises, in a module of the
site's exercises folder (the course's are in ``exercises/parsons_problems.py``): its reference solution, one
statement per line, optional distractor lines that do not belong (each with
the explanation a learner who uses it gets), and checks, written as for an
exercise or borrowed from one. A lesson shows it with::

    /// parsons | train-loop-order
    ///

The learner's arrangement is a list of ``{"line": n, "indent": k}`` (``n`` an
index into :attr:`Parsons.lines`, ``k`` levels of four spaces), the lines in
their program, in order. :func:`check` assembles the code and runs it through
the exercise checker (:func:`coursekit.checker.run_checks`), so any correct
order passes, not only the author's; a failure also gets ``placement``: the
distractors used, with their explanations, then the first line that is out of
place, left out or indented wrongly compared with the author's solution.

This module runs in the browser (Pyodide) and in pytest: standard library only.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from . import checker, exercises, runtime
from .authoring import ID_PATTERN, ID_RULE, Check, Learner, _sources

INDENT = "    "
#: The deepest indentation the learner may give a line.
MAX_INDENT = 4
NOT_BELONGING = "Uses only the lines that belong"
SHUFFLED = "These are the lines as they were shuffled: put them in order, then Check."


@dataclass(frozen=True)
class Line:
    """One line to place: its text (without indentation), its indent in the solution (None for a distractor)."""

    text: str
    indent: int | None
    explanation: str = ""

    @property
    def distractor(self) -> bool:
        return self.indent is None


@dataclass(eq=False)
class Parsons:
    """A Parsons problem: ``solution`` (one statement per line), ``distractors`` ((line, why it does not belong))."""

    id: str
    title: str
    solution: str
    prompt: str = ""
    distractors: list[tuple[str, str]] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    timeout: float = 10

    def check(self, name: str) -> Callable[[Callable[[Learner], object]], Callable[[Learner], object]]:
        """Decorator: add a check, as :meth:`coursekit.authoring.Exercise.check` does."""

        def register(function: Callable[[Learner], object]) -> Callable[[Learner], object]:
            self.checks.append(Check(name, function))
            return function

        return register

    @property
    def lines(self) -> list[Line]:
        """The solution's lines (blank lines dropped), then the distractors."""
        found = []
        for text in self.solution.splitlines():
            if text.strip():
                stripped = text.lstrip(" ")
                found.append(Line(stripped.rstrip(), (len(text) - len(stripped)) // len(INDENT)))
        return found + [Line(text.strip(), None, why) for text, why in self.distractors]

    @property
    def order(self) -> list[int]:
        """The lines as the learner first sees them: shuffled, the same way for the same id, never in order."""
        lines = self.lines
        solution = [index for index, line in enumerate(lines) if not line.distractor]
        order = list(range(len(lines)))
        shuffler = random.Random(self.id)
        for _ in range(100):
            shuffler.shuffle(order)
            if len(solution) < 2 or [index for index in order if index in solution] != solution:
                break
        return order

    @property
    def starter(self) -> str:
        """The shuffled lines as code (the checker treats an unchanged start as not yet tried)."""
        return assemble(self, [{"line": index, "indent": 0} for index in self.order])

    @property
    def version(self) -> str:
        digest = hashlib.sha256(json.dumps([self.solution, self.distractors]).encode())
        for item in self.checks:
            digest.update(item.name.encode())
            for source in _sources(item.function):
                digest.update(source.encode())
        return digest.hexdigest()[:12]

    def problems(self) -> list[str]:
        """Mistakes in the spec itself (the solution is run through the checks separately)."""
        problems = []
        if not ID_PATTERN.match(self.id):
            problems.append(f"id {self.id!r} {ID_RULE}")
        if not self.title.strip():
            problems.append("title is empty")
        lines = self.lines
        solution = [line for line in lines if not line.distractor]
        if len(solution) < 3:
            problems.append(f"its solution has {len(solution)} line(s): a Parsons problem needs at least three")
        if any(line.indent > MAX_INDENT for line in solution):
            problems.append(f"a line of its solution is indented deeper than {MAX_INDENT} levels")
        if any(("\t" in line.text) for line in lines):
            problems.append("indent its solution with spaces, four per level, not tabs")
        texts = [line.text for line in lines]
        repeated = sorted({text for text in texts if texts.count(text) > 1})
        if repeated:
            problems.append(f"each line must be different, but {repeated[0]!r} is there twice")
        if any(not why.strip() for _, why in self.distractors):
            problems.append("every distractor needs an explanation of why it does not belong")
        if not self.checks:
            problems.append("it has no checks (add some with @problem.check('...'), or borrow an exercise's)")
        return problems

    def public(self) -> dict[str, object]:
        """What the browser is given: the lines in their shuffled order, never which are distractors."""
        lines = self.lines
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "lines": [lines[index].text for index in range(len(lines))],
            "order": self.order,
            "maxIndent": MAX_INDENT,
            "timeout": self.timeout,
        }


# --- the registry -----------------------------------------------------------------

_cache: tuple[object, dict[str, Parsons]] | None = None


def load(reload: bool = False) -> dict[str, Parsons]:
    """Every Parsons problem of the site, by id: those defined in the modules of its exercises
    folder (which :func:`coursekit.exercises.load` imports)."""
    global _cache
    registry = exercises.load(reload)
    if _cache is not None and _cache[0] is registry:
        return _cache[1]
    package = getattr(exercises, "PACKAGE", exercises.__name__) + "."
    found: dict[str, Parsons] = {}
    for name, module in sorted(sys.modules.items()):
        if name.startswith(package) and module is not None:
            for value in vars(module).values():
                if isinstance(value, Parsons):
                    if found.get(value.id, value) is not value:
                        raise ValueError(f"two Parsons problems have the id {value.id!r} (the second in {name})")
                    found[value.id] = value
    _cache = (registry, found)
    return found


def get(problem_id: str) -> Parsons:
    """The problem with this id; KeyError (naming the known ones) if there is none."""
    registry = load()
    if problem_id not in registry:
        raise exercises.unknown_id("Parsons problem", problem_id, registry)
    return registry[problem_id]


# --- checking an arrangement ---------------------------------------------------------


def assemble(problem: Parsons, arrangement: list[dict]) -> str:
    """The learner's program: each placed line at its indentation."""
    lines = problem.lines
    return "".join(INDENT * int(item["indent"]) + lines[int(item["line"])].text + "\n" for item in arrangement)


def read_arrangement(problem: Parsons, arrangement: object) -> list[dict]:
    """The arrangement as the page sent it, or ValueError saying what is wrong with it."""
    if isinstance(arrangement, str):
        arrangement = json.loads(arrangement)
    count = len(problem.lines)
    if not isinstance(arrangement, list):
        raise ValueError("the arrangement should be a list of lines")
    seen = set()
    for item in arrangement:
        line, indent = (item.get("line"), item.get("indent")) if isinstance(item, dict) else (None, None)
        if type(line) is not int or not 0 <= line < count or line in seen:
            raise ValueError(f"line {line!r} is not one of the problem's lines, or is placed twice")
        if type(indent) is not int or not 0 <= indent <= MAX_INDENT:
            raise ValueError(f"indent {indent!r} should be a whole number from 0 to {MAX_INDENT}")
        seen.add(line)
    return arrangement


def check(problem_id: str, arrangement: object, display: runtime.Display | None = None) -> dict[str, object]:
    """Check the learner's arrangement (see the module's docstring)."""
    try:
        problem = get(problem_id)
        placed = read_arrangement(problem, arrangement)
    except (KeyError, ValueError) as error:
        message = str(error.args[0]) if error.args else str(error)
        return {"status": "checked", "passed": False, "checks": [checker._failed("Parsons problem", message)]}
    result = checker.run_checks(problem, assemble(problem, placed), display)
    if result["status"] != "checked":
        return result
    if result.get("starter"):
        result["checks"][0].update(name="Lines put in order", message=SHUFFLED)
        return result
    placement = diagnose(problem, placed)
    used = [item for item in placement if item["kind"] == "distractor"]
    if used:
        message = " ".join(item["message"] for item in used)
        # The placement says it line by line; the page shows that, not this item ("placement": True).
        result["checks"].insert(0, {**checker._failed(NOT_BELONGING, message), "placement": True})
        result["passed"] = False
    if not result["passed"]:
        result["placement"] = placement
    return result


def diagnose(problem: Parsons, placed: list[dict]) -> list[dict]:
    """Where the arrangement differs from the author's solution: each distractor used, then
    the first line out of place, the first line left out, or the first line indented wrongly.

    Lines are numbered as in the learner's program (1 is its first line)."""
    lines = problem.lines
    found = [
        _item(number, "distractor", f"Line {number} does not belong: {lines[item['line']].explanation}")
        for number, item in enumerate(placed, 1)
        if lines[item["line"]].distractor
    ]
    first = _first_difference(lines, placed)
    return [*found, first] if first else found


def _first_difference(lines: list[Line], placed: list[dict]) -> dict | None:
    """The first line out of place, else the first left out, else the first indented wrongly."""
    program = [(number, item) for number, item in enumerate(placed, 1) if not lines[item["line"]].distractor]
    solution = [index for index, line in enumerate(lines) if not line.distractor]
    present = [index for index in solution if any(item["line"] == index for _, item in program)]
    for (number, item), expected in zip(program, present):
        if item["line"] != expected:
            return _out_of_place(lines, number, item["line"])
    missing = [index for index in solution if index not in present]
    if missing:
        return _item(None, "missing", f"`{lines[missing[0]].text}` is left out, but the program needs it.")
    for number, item in program:
        expected = lines[item["line"]].indent
        if item["indent"] != expected:
            text = lines[item["line"]].text
            return _item(
                number, "indent", f"Line {number}, `{text}`, is indented {item['indent']}, expected {expected}."
            )
    return None


def _out_of_place(lines: list[Line], number: int, index: int) -> dict:
    text = lines[index].text
    if index == 0:
        return _item(number, "order", f"Line {number}, `{text}`, should come first.")
    return _item(number, "order", f"Line {number}, `{text}`, should come after `{lines[index - 1].text}`.")


def _item(line: int | None, kind: str, message: str) -> dict:
    return {"line": line, "kind": kind, "message": message}
