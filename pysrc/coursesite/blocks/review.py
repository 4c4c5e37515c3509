"""The review's blocks: where the browser shows the learner's review schedule.

The review page holds one review block, with no body::

    /// review
    ///

The plugin gathers every lesson's quizzes and recall prompts after it
(:mod:`coursesite.review`) and gives the block its ``cards`` option: which
lesson block each gathered copy stands for. The browser (web/src/review/)
fills the block with *Due today* and *Coming up*, from the schedule it keeps.

Any page (the home page, say) may show how many cards are due with::

    /// review-due
    ///
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from ..markup import data_script
from .base import CourseBlock

#: A storage key of a quiz or recall block, as coursesite.blocks.base.CourseBlock.storage_key writes it.
KEY_KINDS = ("quiz:", "recall:")


def parse_cards(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(key, str) and isinstance(card, str) and card.startswith(KEY_KINDS) for key, card in value.items()
    ):
        raise ValueError("it is written by the course plugin: leave it out")
    return value


class ReviewBlock(CourseBlock):
    NAME = "review"
    LABEL = "review block"
    OPTIONS = {"cards": ({}, parse_cards)}

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.settings = self.parse_options()
        return etree.SubElement(parent, "div", {"class": "course-review"})

    def on_end(self, block: etree.Element) -> None:
        if str(block.text or "").strip():
            self.problems.append("the review block takes no body")
        block.text = None
        if self.report(block):
            return
        # The two headings are written here, so they are in the page's table of contents.
        etree.SubElement(block, "h2", {"id": "due-today"}).text = "Due today"
        note = etree.SubElement(block, "p", {"class": "course-review__loading"})
        note.text = "Your review schedule is kept in this browser, and shows here once the page's script has loaded."
        etree.SubElement(block, "h2", {"id": "coming-up"}).text = "Coming up"
        data_script(block, {"cards": self.settings["cards"]}, "course-review__data")
        self.page.widgets.append({"kind": "review", "number": self.number, "cards": self.settings["cards"]})


class ReviewDueBlock(CourseBlock):
    NAME = "review-due"
    LABEL = "review-due block"

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parse_options()
        return etree.SubElement(parent, "div", {"class": "course-review-due"})

    def on_end(self, block: etree.Element) -> None:
        if str(block.text or "").strip():
            self.problems.append("the review-due block takes no body")
        block.text = None
        if self.report(block):
            return
        note = etree.SubElement(block, "p", {"class": "course-review-due__loading"})
        note.text = "How many review cards are due shows here once the page's script has loaded."
        self.page.widgets.append({"kind": "review-due", "number": self.number})
