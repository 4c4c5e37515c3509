"""Recall prompts, written in lesson Markdown: the learner answers from memory, then compares.

The block's body (Markdown) is the model answer; ``id`` is optional, as for quizzes::

    /// recall | Close your eyes: what three operations does a neuron perform, in order?
    Multiply each input by its weight; add the products and the bias; apply the activation function.
    ///

Mistakes are errors naming the page: an empty prompt, an empty model answer,
an unknown option key.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from ..markup import digest, inline
from .base import CourseBlock, parse_id


class RecallBlock(CourseBlock):
    NAME = "recall"
    LABEL = "recall prompt"
    OPTIONS = {"id": (None, parse_id)}

    def on_markdown(self) -> str:
        return "block"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.settings = self.parse_options()
        if not self.argument:
            self.problems.append("the prompt is empty: write it after the bar, `/// recall | Your prompt?`")
        self.key = self.storage_key(self.settings["id"])
        self.dom_id = f"course-recall-{self.number}"
        wrapper = etree.SubElement(
            parent,
            "div",
            {
                "class": "course-recall",
                "data-recall-key": self.key,
                "role": "group",
                "aria-labelledby": f"{self.dom_id}-prompt",
            },
        )
        self.answer = etree.Element(
            "div", {"class": "course-recall__answer", "id": f"{self.dom_id}-answer", "hidden": "hidden"}
        )
        return wrapper

    def on_add(self, block: etree.Element) -> etree.Element:
        return self.answer

    def on_end(self, block: etree.Element) -> None:
        if not len(self.answer) and not (self.answer.text or "").strip():
            self.problems.append("the model answer is empty: write it in the block's body")
        if self.report(block):
            return
        version = digest(self.argument)
        block.set("data-version", version)
        inline(block, "p", self.argument, {"class": "course-recall__prompt", "id": f"{self.dom_id}-prompt"})
        label = etree.SubElement(block, "label", {"class": "course-recall__label", "for": f"{self.dom_id}-mine"})
        label.text = "Your answer (optional: you may also just think it)"
        etree.SubElement(
            block, "textarea", {"id": f"{self.dom_id}-mine", "class": "course-recall__mine", "rows": "3"}
        ).text = ""
        heading = etree.Element("p", {"class": "course-recall__answer-title"})
        heading.text = "Model answer"
        self.answer.insert(0, heading)
        block.append(self.answer)
        self.page.widgets.append(
            {"kind": "recall", "number": self.number, "key": self.key, "version": version, "prompt": self.argument}
        )
