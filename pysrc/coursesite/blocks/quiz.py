"""Quizzes, written in lesson Markdown.

Single or multiple choice (``type`` defaults to ``single``; a quiz with more
than one correct option must say ``type: multiple``; ``shuffle`` defaults to
false; ``id`` keeps the learner's answer when quizzes are reordered)::

    /// quiz | What does a neuron compute before its activation?
        type: single
        shuffle: true
        id: before-activation

    - [x] The weighted sum of its inputs plus the bias, z = w·x + b
        Right: the products are summed and the bias is added; only then is the activation applied.
    - [ ] The activation of each input separately
        No: the activation is applied once, to z, not to each input.
    ///

Each option is ``- [x] text`` (correct) or ``- [ ] text``, then its
explanation on the following line(s), indented by 4 spaces. Both are inline
Markdown (code, emphasis, ``$maths$``).

Numeric (the body is the explanation shown after answering; ``tolerance``
defaults to 0, ``fractions: true`` also accepts answers such as ``1/2``)::

    /// quiz | What does this ReLU neuron output for inputs [2, 3]?
        type: numeric
        answer: 0
        tolerance: 0.001
        fractions: true

    z = 2·0.5 + 3·(−1) + 1 = −1, and ReLU turns any negative z into 0.
    ///

Mistakes are errors naming the page: no correct option, a single-choice quiz
with several, an option without explanation, fewer than two options, a line
that is not an option, an unknown option key, an empty question.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as etree
from fractions import Fraction
from typing import Any, ClassVar

from ..markup import data_script, digest, inline, plain_text
from .base import CourseBlock, parse_bool, parse_id

OPTION = re.compile(r"^- \[(?P<mark>[ xX])\][ \t]+(?P<text>\S.*)$")
CONTINUATION = "    "
TYPES = ("single", "multiple", "numeric")
CHOICE_OPTIONS = ("type", "shuffle", "id")
NUMERIC_OPTIONS = ("type", "answer", "tolerance", "fractions", "id")


def parse_type(value: Any) -> str:
    if value not in TYPES:
        raise ValueError(f"{value!r} is not a quiz type; use single, multiple or numeric")
    return value


def parse_number(value: Any) -> float:
    """A number from YAML: 0, 0.5, .5, -1, 1e-3 (PyYAML reads that as text) or 1/2."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().replace("−", "-")
        try:
            number = float(Fraction(text)) if "/" in text else float(text)
        except (ValueError, ZeroDivisionError):
            raise ValueError(f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def parse_tolerance(value: Any) -> float:
    number = parse_number(value)
    if number < 0:
        raise ValueError("the tolerance cannot be negative")
    return number


class QuizBlock(CourseBlock):
    NAME = "quiz"
    LABEL = "quiz"
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {
        "type": ("single", parse_type),
        "shuffle": (False, parse_bool),
        "id": (None, parse_id),
        "answer": (None, parse_number),
        "tolerance": (0.0, parse_tolerance),
        "fractions": (False, parse_bool),
    }

    @property
    def numeric(self) -> bool:
        return self.given.get("type") == "numeric"

    def on_markdown(self) -> str:
        # A choice quiz's body is a list of options, read here; a numeric
        # quiz's body is Markdown, the explanation.
        return "block" if self.numeric else "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.settings = self.parse_options()
        allowed = NUMERIC_OPTIONS if self.numeric else CHOICE_OPTIONS
        misplaced = sorted(set(self.given) & set(self.OPTIONS) - set(allowed))
        if misplaced:
            kind = "numeric quizzes" if self.numeric else "choice quizzes"
            self.problems.append(
                f"option {', '.join(map(repr, misplaced))} does not apply to {kind}; they take {', '.join(allowed)}"
            )
        if not self.argument:
            self.problems.append("the question is empty: write it after the bar, `/// quiz | Your question?`")
        self.key = f"quiz:{self.page.stem}/{self.settings['id'] or self.number}"
        self.dom_id = f"course-quiz-{self.number}"
        wrapper = etree.SubElement(parent, "div", {"class": "course-quiz", "data-quiz-key": self.key})
        if self.numeric:
            self.explanation = etree.Element(
                "div", {"class": "course-quiz__explanation", "id": f"{self.dom_id}-why", "hidden": "hidden"}
            )
        return wrapper

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.explanation if self.numeric else block

    def on_end(self, block: etree.Element) -> None:
        if self.numeric:
            self.build_numeric(block)
        else:
            body = str(block.text or "")
            block.text = None
            self.build_choice(block, body)

    # --- choice --------------------------------------------------------------

    def read_options(self, body: str) -> list[dict[str, Any]]:
        options: list[dict[str, Any]] = []
        for line in body.split("\n"):
            match = OPTION.match(line)
            if match:
                options.append({"text": match["text"].strip(), "correct": match["mark"] != " ", "why": []})
            elif not line.strip():
                if options and options[-1]["why"]:
                    options[-1]["why"].append("")
            elif line.startswith(CONTINUATION) and options:
                options[-1]["why"].append(line[len(CONTINUATION) :].strip())
            else:
                self.problems.append(
                    f"malformed option {line.strip()!r}: each option is a line `- [x] text` (correct) or `- [ ] text`, "
                    "then its explanation indented by 4 spaces"
                )
        for option in options:
            option["why"] = " ".join(part for part in option["why"] if part).strip()
        return options

    def build_choice(self, block: etree.Element, body: str) -> None:
        options = self.read_options(body)
        kind = self.settings["type"]
        correct = [index for index, option in enumerate(options) if option["correct"]]
        if len(options) < 2:
            self.problems.append(f"a quiz needs at least two options, this one has {len(options)}")
        elif not correct:
            self.problems.append("no option is marked correct: mark the right answer(s) with `- [x]`")
        elif kind == "single" and len(correct) > 1:
            self.problems.append(
                f"{len(correct)} options are marked correct: "
                "a quiz with more than one right answer needs `type: multiple`"
            )
        for option in options:
            if not option["why"]:
                self.problems.append(
                    f"option {option['text']!r} has no explanation: write one on the next line, indented by 4 spaces"
                )
        if self.report(block):
            return
        version = digest(self.argument, kind, [(o["text"], o["correct"], o["why"]) for o in options])
        block.set("data-quiz-type", kind)
        block.set("data-version", version)
        fieldset = etree.SubElement(block, "fieldset", {"class": "course-quiz__fieldset"})
        inline(fieldset, "legend", self.argument, {"class": "course-quiz__question"})
        instructions = etree.SubElement(fieldset, "p", {"class": "course-quiz__instructions"})
        instructions.text = "Choose one answer." if kind == "single" else "Choose every correct answer."
        listing = etree.SubElement(fieldset, "ul", {"class": "course-quiz__options"})
        for index, option in enumerate(options):
            item = etree.SubElement(listing, "li", {"class": "course-quiz__option", "data-index": str(index)})
            label = etree.SubElement(item, "label", {"class": "course-quiz__label"})
            control = etree.SubElement(
                label,
                "input",
                {
                    "type": "radio" if kind == "single" else "checkbox",
                    "name": self.dom_id,
                    "value": str(index),
                    "class": "course-quiz__input",
                },
            )
            if "$" in option["text"]:
                control.set("aria-label", plain_text(option["text"]))
            inline(label, "span", option["text"], {"class": "course-quiz__text"})
            inline(
                item,
                "div",
                option["why"],
                {"class": "course-quiz__explanation", "id": f"{self.dom_id}-why-{index}", "hidden": "hidden"},
            )
        data_script(
            block,
            {
                "key": self.key,
                "type": kind,
                "version": version,
                "shuffle": self.settings["shuffle"],
                "correct": correct,
            },
            "course-quiz__data",
        )
        self.page.widgets.append(
            {
                "kind": "quiz",
                "number": self.number,
                "key": self.key,
                "version": version,
                "type": kind,
                "question": self.argument,
                "options": [{"text": o["text"], "correct": o["correct"]} for o in options],
            }
        )

    # --- numeric -------------------------------------------------------------

    def build_numeric(self, block: etree.Element) -> None:
        if self.settings["answer"] is None:
            self.problems.append("a numeric quiz needs `answer: <number>`")
        if not len(self.explanation) and not (self.explanation.text or "").strip():
            self.problems.append("a numeric quiz needs an explanation: write it in the block's body")
        if self.report(block):
            return
        answer, tolerance, fractions = self.settings["answer"], self.settings["tolerance"], self.settings["fractions"]
        version = digest(self.argument, answer, tolerance, fractions)
        block.set("data-quiz-type", "numeric")
        block.set("data-version", version)
        fieldset = etree.SubElement(block, "fieldset", {"class": "course-quiz__fieldset"})
        inline(fieldset, "legend", self.argument, {"class": "course-quiz__question"})
        label = etree.SubElement(
            fieldset, "label", {"class": "course-quiz__number-label", "for": f"{self.dom_id}-answer"}
        )
        label.text = "Your answer"
        etree.SubElement(
            fieldset,
            "input",
            {
                "type": "text",
                "id": f"{self.dom_id}-answer",
                "class": "course-quiz__number",
                "autocomplete": "off",
                "spellcheck": "false",
            },
        )
        block.append(self.explanation)
        data = {
            "key": self.key,
            "type": "numeric",
            "version": version,
            "answer": answer,
            "tolerance": tolerance,
            "fractions": fractions,
        }
        data_script(block, data, "course-quiz__data")
        self.page.widgets.append(
            {
                "kind": "quiz",
                "number": self.number,
                "key": self.key,
                "version": version,
                "type": "numeric",
                "question": self.argument,
                "answer": answer,
                "tolerance": tolerance,
                "fractions": fractions,
            }
        )
