"""The progress page's block: where the browser lists the learner's progress through the lessons.

The progress page is one block, with no options and no body::

    /// progress
    ///

The build writes what each lesson asks of the learner to ``progress.json``
(:mod:`coursesite.progress`); the browser fills the block from it.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from .base import CourseBlock


class ProgressBlock(CourseBlock):
    NAME = "progress"
    LABEL = "progress block"

    def on_markdown(self) -> str:
        return "raw"

    def on_create(self, parent: etree.Element) -> etree.Element:
        self.parse_options()
        return etree.SubElement(parent, "div", {"class": "course-progress"})

    def on_end(self, block: etree.Element) -> None:
        if str(block.text or "").strip():
            self.problems.append("the progress block takes no body")
        block.text = None
        if self.report(block):
            return
        note = etree.SubElement(block, "p", {"class": "course-progress__loading"})
        note.text = "Your progress is kept in this browser, and shows here once the page's script has loaded."
        self.page.widgets.append({"kind": "progress", "number": self.number})
