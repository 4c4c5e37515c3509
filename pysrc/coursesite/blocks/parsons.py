"""Parsons problems, written in lesson Markdown: a correct program's lines, shuffled, to put in order.

A problem is placed by its id; its spec (solution lines, distractors, checks)
is a :class:`coursekit.parsons.Parsons` in the site's exercises folder. The
title comes from the spec, or from the block's ``title`` option::

    /// parsons | train-loop-order
        title: The training loop, in order
    ///

At build time the solution is run through the problem's checks in CPython: an
unknown id, a spec with mistakes (fewer than three lines, a distractor without
an explanation, the same line twice) or a solution that fails its own checks
is an error naming the page and line, so ``mkdocs build --strict`` fails. The
page gets the lines in their shuffled order (never which are distractors, nor
the checks) as JSON in a hidden child's ``data-json`` attribute; without
JavaScript the shuffled lines are still there to read, as a list.
"""

from __future__ import annotations

import contextlib
import io
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown.util import AtomicString

from coursekit import checker, parsons
from coursekit.parsons import Parsons

from ..markup import data_script, inline, plain_text
from .base import CourseBlock

#: Problems verified in this process: (id, version) → problems.
_verified: dict[tuple[str, str], list[str]] = {}

KEYS = (
    "Up and Down move between lines. Alt+Up and Alt+Down move the line. Space selects a line: then Up and Down "
    "move it too, Tab and Shift+Tab indent it, and Escape (or Space) lets it go; Alt+Right and Alt+Left indent "
    "at any time. Delete sets a line aside, out of your program, and puts it back. With a mouse or a finger, "
    "drag a line up or down, right or left to indent it, or into the box of lines set aside."
)


def verify(problem: Parsons) -> list[str]:
    """Problems with the spec, and failures of its solution against its own checks."""
    key = (problem.id, problem.version)
    if key not in _verified:
        problems = problem.problems()
        if not problems:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                result = checker.run_checks(problem, problem.solution, lambda mime, data: None)
            for item in result.get("checks", []):
                if not item["passed"]:
                    problems.append(f"its solution fails its own check {item['name']!r}: {item['message']}")
            if result["status"] != "checked":
                problems.append(f"its solution did not finish ({result['status']})")
        _verified[key] = problems
    return _verified[key]


def _parse_title(value: Any) -> str:
    text = str(value).strip()
    if not text:
        raise ValueError("the title is empty")
    return text


class ParsonsBlock(CourseBlock):
    NAME = "parsons"
    LABEL = "Parsons problem"
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {"title": (None, _parse_title)}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.settings = self.parse_options()
        return etree.SubElement(parent, "section", {"class": "course-parsons"})

    def on_end(self, block: etree.Element) -> None:
        body = str(block.text or "").strip()
        block.text = None
        if body:
            self.problems.append("a parsons block has no body: its lines and checks live in the exercises folder")
        problem = self.find()
        if problem is not None:
            self.problems += verify(problem)
            if f"parsons:{problem.id}" in self.page.ids:
                self.problems.append(f"Parsons problem {problem.id!r} is on this page twice")
            self.page.ids.add(f"parsons:{problem.id}")
        if self.report(block):
            return
        self.build(block, problem)

    def find(self) -> Parsons | None:
        if not self.argument:
            self.problems.append("name the problem: `/// parsons | its-id`")
            return None
        try:
            return parsons.get(self.argument)
        except KeyError as error:
            self.problems.append(str(error.args[0]))
        except Exception as error:  # noqa: BLE001 - a broken spec module is the author's to fix
            self.problems.append(f"the Parsons problems could not be loaded: {type(error).__name__}: {error}")
        return None

    def build(self, block: etree.Element, problem: Parsons) -> None:
        public = problem.public()
        title = self.settings["title"] or problem.title
        public["title"] = title
        dom_id = f"course-parsons-{problem.id}"
        block.set("aria-label", f"Parsons problem: {plain_text(title)}")
        block.set("data-parsons-id", problem.id)
        block.set("data-version", public["version"])
        heading = etree.SubElement(block, "p", {"class": "course-parsons__title", "id": f"{dom_id}-title"})
        kind = etree.SubElement(heading, "span", {"class": "course-parsons__kind"})
        kind.text = "Parsons problem"
        kind.tail = " "
        inline(heading, "span", title, {"class": "course-parsons__name"})
        if problem.prompt.strip():
            prompt = etree.SubElement(block, "div", {"class": "course-parsons__prompt"})
            self.md.parser.parseChunk(prompt, problem.prompt)
        etree.SubElement(block, "p", {"class": "course-parsons__keys", "id": f"{dom_id}-keys"}).text = AtomicString(
            KEYS
        )
        shuffled = etree.SubElement(block, "ol", {"class": "course-parsons__static", "aria-label": "The lines"})
        for index in public["order"]:
            item = etree.SubElement(shuffled, "li")
            etree.SubElement(item, "code").text = AtomicString(public["lines"][index])
        data_script(block, public, "course-parsons__data")
        self.page.widgets.append(
            {
                "kind": "parsons",
                "number": self.number,
                "id": problem.id,
                "key": f"parsons:{problem.id}",
                "version": public["version"],
                "title": title,
            }
        )
