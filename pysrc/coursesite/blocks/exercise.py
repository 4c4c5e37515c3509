"""Exercises, written in lesson Markdown.

An exercise is placed by its id; its spec (prompt, starter code, reference
solution, hints, checks) lives in the site's exercises folder (``exercises/`` beside
``mkdocs.yml``; see :mod:`coursekit.exercises`)::

    /// exercise | relu-neuron
    ///

An exercise for the keen, which a lesson is complete without, says so::

    /// exercise | xor-backprop
        optional: true
    ///

At build time the reference solution is run through the exercise's checks in
CPython: an unknown id is an error naming the page; an incomplete spec, or a
solution that fails its own checks, is an error naming the spec file and line
(``exercises/loss.py:12: exercise 'mse': …``). The page gets the exercise's public parts
(never its checks) as JSON in a hidden child's ``data-json`` attribute (see
:func:`coursesite.markup.data_script`).
"""

from __future__ import annotations

import contextlib
import io
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from coursekit import checker, exercises
from coursekit.authoring import Exercise

from ..markup import data_script, error_box, inline, starter_code
from .base import CourseBlock, parse_bool

#: Exercises verified in this process: (id, version) → problems.
_verified: dict[tuple[str, str], list[str]] = {}


def verify(exercise: Exercise) -> list[str]:
    """Problems with the exercise's spec, and failures of its reference solution."""
    key = (exercise.id, exercise.version)
    if key not in _verified:
        problems = exercise.problems()
        if not problems:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                result = checker.run_checks(exercise, exercise.solution, lambda mime, data: None)
            for item in result.get("checks", []):
                if not item["passed"]:
                    problems.append(f"its reference solution fails its own check {item['name']!r}: {item['message']}")
            if result["status"] != "checked":
                problems.append(f"its reference solution did not finish ({result['status']})")
        _verified[key] = problems
    return _verified[key]


class ExerciseBlock(CourseBlock):
    NAME = "exercise"
    LABEL = "exercise"
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {"optional": (False, parse_bool)}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.settings = self.parse_options()
        self.spec_problems: list[str] = []
        return etree.SubElement(parent, "section", {"class": "course-exercise"})

    def on_end(self, block: etree.Element) -> None:
        body = str(block.text or "").strip()
        block.text = None
        if body:
            self.problems.append(
                "an exercise block has no body: its prompt and code live in the site's exercises/ folder"
            )
        exercise = self.find()
        if exercise is not None:
            self.blame_spec(exercise, verify(exercise))
            if f"exercise:{exercise.id}" in self.page.ids:
                self.problems.append(f"exercise {exercise.id!r} is on this page twice")
            self.page.ids.add(f"exercise:{exercise.id}")
        if self.report(block):
            return
        self.build(block, exercise)

    def blame_spec(self, exercise: Exercise, problems: list[str]) -> None:
        """Mistakes in the spec name the spec file and line (the box on the page shows them too)."""
        if not problems:
            return
        spec = exercises.where(exercise.id) or "its spec"
        messages = [f"{spec}: exercise {exercise.id!r}: {problem}" for problem in problems]
        self.page.errors += messages
        self.spec_problems = messages

    def report(self, block: etree.Element) -> bool:
        if super().report(block):
            return True
        if self.spec_problems:
            error_box(self.LABEL, self.spec_problems, block)
        return bool(self.spec_problems)

    def find(self) -> Exercise | None:
        if not self.argument:
            self.problems.append("name the exercise: `/// exercise | its-id`")
            return None
        try:
            return exercises.get(self.argument)
        except KeyError as error:
            self.problems.append(str(error.args[0]))
        except Exception as error:  # noqa: BLE001 - a broken exercise module is the author's to fix
            self.problems.append(f"the exercises could not be loaded: {type(error).__name__}: {error}")
        return None

    def build(self, block: etree.Element, exercise: Exercise) -> None:
        public = exercise.public()
        optional = self.settings["optional"]
        title_id = f"course-exercise-{exercise.id}-title"
        block.set("aria-labelledby", title_id)
        block.set("data-exercise-id", exercise.id)
        block.set("data-version", public["version"])
        if optional:
            block.set("data-optional", "true")
        title = etree.SubElement(block, "p", {"class": "course-exercise__title", "id": title_id})
        label = etree.SubElement(title, "span", {"class": "course-exercise__kind"})
        label.text = "Optional exercise" if optional else "Exercise"
        label.tail = " "
        inline(title, "span", exercise.title, {"class": "course-exercise__name"})
        if exercise.prompt.strip():
            prompt = etree.SubElement(block, "div", {"class": "course-exercise__prompt"})
            self.md.parser.parseChunk(prompt, exercise.prompt)
        panel = etree.SubElement(
            block,
            "div",
            {
                "class": "course-exercise__panel",
                "role": "group",
                "aria-label": f"Exercise code: {exercise.title}",
                "data-panel-id": f"exercise/{exercise.id}",
                "data-timeout": str(exercise.timeout),
            },
        )
        pre = starter_code(exercise.starter)
        # Stashed, as the panel fence's output is, so that the site's code
        # highlighter leaves it as the plain starter code the panel reads.
        holder = etree.SubElement(panel, "p")
        holder.text = self.md.htmlStash.store(etree.tostring(pre, encoding="unicode", method="html"))
        if exercise.hints:
            hints = etree.SubElement(block, "ol", {"class": "course-exercise__hints", "aria-label": "Hints"})
            for number, hint in enumerate(exercise.hints, 1):
                inline(
                    hints, "li", hint, {"class": "course-exercise__hint", "data-hint": str(number), "hidden": "hidden"}
                )
        data_script(block, public, "course-exercise__data")
        self.page.widgets.append(
            {
                "kind": "exercise",
                "number": self.number,
                "id": exercise.id,
                "key": f"exercise:{exercise.id}",
                "version": public["version"],
                "title": exercise.title,
                **({"optional": True} if optional else {}),
            }
        )
