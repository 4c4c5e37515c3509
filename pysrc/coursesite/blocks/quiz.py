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

``feedback`` maps the likely wrong answers to what a learner who gives one
should read; the key ``wrong sign`` is for any answer of the right size with
the wrong sign. Messages are inline Markdown, in single quotes (YAML would read
a colon or a leading backtick as its own)::

    feedback:
        -0.693: 'A loss is never negative: mind the minus in front of the log.'
        0.301: 'That is the log to base 10: the loss uses the *natural* log.'
        wrong sign: 'The size is right; check the sign of each term.'

The browser (web/src/quiz/numeric.js) judges an answer in this order: the
right answer (within the tolerance); a feedback value (within the tolerance
too, or exactly, up to rounding, if it is 0); the right size with the wrong
sign (the author's ``wrong sign`` message, or a built-in one); the answer
rounded to fewer decimals than it needs (:func:`decimals_asked`: 0.69 or 0.7
for 0.693 with tolerance 0.001), told to give more; a feedback value so
rounded, then the wrong sign so rounded; otherwise "not the expected one".

Mistakes are errors naming the page: no correct option, a single-choice quiz
with several, an option without explanation, fewer than two options, a line
that is not an option, an unknown option key, an empty question; feedback that
is not a mapping, a feedback value that is not a number, one for the right
answer itself, two that one answer could match, an empty message, ``wrong
sign`` for an answer of 0.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from ..markup import data_script, digest, inline, plain_text
from .base import CourseBlock, parse_bool, parse_id
from .numbers import decimals_asked, is_close, parse_feedback, parse_number, parse_tolerance

OPTION = re.compile(r"^- \[(?P<mark>[ xX])\][ \t]+(?P<text>\S.*)$")
CONTINUATION = "    "
TYPES = ("single", "multiple", "numeric")
CHOICE_OPTIONS = ("type", "shuffle", "id")
NUMERIC_OPTIONS = ("type", "answer", "tolerance", "fractions", "feedback", "id")
#: The feedback key for any answer of the right size with the wrong sign.
SIGN = "wrong sign"


def parse_type(value: Any) -> str:
    if value not in TYPES:
        raise ValueError(f"{value!r} is not a quiz type; use single, multiple or numeric")
    return value


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
        "feedback": (None, parse_feedback),
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
        self.key = self.storage_key(self.settings["id"])
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
        self.check_choice(options, kind, correct)
        if self.report(block):
            return
        version = digest(self.argument, kind, [(o["text"], o["correct"], o["why"]) for o in options])
        block.set("data-quiz-type", kind)
        block.set("data-version", version)
        fieldset = etree.SubElement(block, "fieldset", {"class": "course-quiz__fieldset"})
        inline(fieldset, "legend", self.argument, {"class": "course-quiz__question"})
        instructions = etree.SubElement(fieldset, "p", {"class": "course-quiz__instructions"})
        instructions.text = "Choose one answer." if kind == "single" else "Choose every correct answer."
        self.build_options(etree.SubElement(fieldset, "ul", {"class": "course-quiz__options"}), options, kind)
        data = {"key": self.key, "type": kind, "version": version, "shuffle": self.settings["shuffle"]}
        data_script(block, {**data, "correct": correct}, "course-quiz__data")
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

    def check_choice(self, options: list[dict[str, Any]], kind: str, correct: list[int]) -> None:
        """The author's mistakes in a choice quiz's options, added to ``problems``."""
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

    def build_options(self, listing: etree.Element, options: list[dict[str, Any]], kind: str) -> None:
        """One labelled radio button or checkbox per option, each with its hidden explanation."""
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

    # --- numeric -------------------------------------------------------------

    def read_feedback(self, answer: float | None, tolerance: float) -> tuple[list[tuple[float, str]], str | None]:
        """The feedback for wrong values, as (value, message), and for a wrong sign."""
        values: list[tuple[float, str, str]] = []
        sign = None
        for key, message in (self.settings["feedback"] or {}).items():
            name = f"`{SIGN}`" if key == SIGN else key
            if message is None or (isinstance(message, str) and not message.strip()):
                self.problems.append(f"the feedback for {name} has no message: write it after the colon, in quotes")
            elif not isinstance(message, str):
                self.problems.append(
                    f"the feedback for {name} must be text, and YAML read it as {message!r}: put it in single quotes"
                )
            elif key == SIGN:
                sign = message.strip()
            else:
                try:
                    values.append((parse_number(key), message.strip(), str(key)))
                except ValueError:
                    self.problems.append(
                        f"the feedback for {key!r}: {key!r} is not a number (nor `{SIGN}`); "
                        "write each wrong answer as a number, such as -0.693 or 1/2"
                    )
        if answer is not None:
            self.check_feedback(answer, tolerance, values, sign)
        return [(value, message) for value, message, _ in values], sign

    def check_feedback(
        self, answer: float, tolerance: float, values: list[tuple[float, str, str]], sign: str | None
    ) -> None:
        itself = f"within the tolerance ({tolerance:g}) of the answer, {answer:g}" if tolerance else "the answer itself"
        if sign is not None and answer == 0:
            self.problems.append(f"the feedback for `{SIGN}` can never be given: the answer is 0, which has no sign")
        for value, _, key in values:
            if is_close(value, answer, tolerance):
                self.problems.append(
                    f"the feedback for {key} is for the right answer: {key} is {itself}, "
                    "and feedback is for wrong answers"
                )
        for index, (value, _, key) in enumerate(values):
            for other, _, other_key in values[:index]:
                if is_close(value, other, 2 * tolerance):
                    same = is_close(value, other, 0)
                    apart = "the same number as" if same else f"within twice the tolerance ({tolerance:g}) of"
                    self.problems.append(
                        f"the feedback for {other_key} and for {key} overlap: {key} is {apart} {other_key}, "
                        "so one answer could match both"
                    )

    def build_numeric(self, block: etree.Element) -> None:
        if self.settings["answer"] is None:
            self.problems.append("a numeric quiz needs `answer: <number>`")
        if not len(self.explanation) and not (self.explanation.text or "").strip():
            self.problems.append("a numeric quiz needs an explanation: write it in the block's body")
        answer, tolerance, fractions = self.settings["answer"], self.settings["tolerance"], self.settings["fractions"]
        feedback, sign = self.read_feedback(answer, tolerance)
        if self.report(block):
            return
        parts: list[Any] = [self.argument, answer, tolerance, fractions]
        if feedback or sign:  # quizzes without feedback keep the version learners' answers were saved with
            parts += [feedback, sign]
        version = digest(*parts)
        block.set("data-quiz-type", "numeric")
        block.set("data-version", version)
        self.build_answer_box(etree.SubElement(block, "fieldset", {"class": "course-quiz__fieldset"}))
        block.append(self.explanation)
        messages = self.build_messages(block, feedback, sign)
        data = {
            "key": self.key,
            "type": "numeric",
            "version": version,
            "answer": answer,
            "tolerance": tolerance,
            "fractions": fractions,
            "decimals": decimals_asked(answer, tolerance),
            "feedback": [
                {"value": value, "decimals": decimals_asked(value, tolerance), "message": message_id}
                for (value, _), message_id in zip(feedback, messages)
            ],
            "sign": messages[-1] if sign else None,
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
                "decimals": data["decimals"],
                "feedback": [{"value": value, "message": message} for value, message in feedback],
                "sign": sign,
            }
        )

    def build_answer_box(self, fieldset: etree.Element) -> None:
        """The question as the legend, and a text box labelled "Your answer"."""
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

    def build_messages(self, block: etree.Element, feedback: list[tuple[float, str]], sign: str | None) -> list[str]:
        """The author's messages as hidden inline Markdown, rendered like the explanations;
        the browser copies one into the quiz's live region. Returns their ids, the sign's last."""
        if not feedback and not sign:
            return []
        box = etree.SubElement(block, "div", {"class": "course-quiz__messages", "hidden": "hidden"})
        texts = [(str(index), message) for index, (_, message) in enumerate(feedback, 1)]
        if sign:
            texts.append(("sign", sign))
        ids = []
        for suffix, message in texts:
            ids.append(f"{self.dom_id}-message-{suffix}")
            inline(box, "p", message, {"class": "course-quiz__message", "id": ids[-1]})
        return ids
