"""The course's pymdownx blocks: quizzes, recall prompts, exercises, progress.

The ``course`` plugin adds this extension to the site's Markdown, so lesson
authors need nothing in ``mkdocs.yml``. The syntax of each block is in its
module (:mod:`.quiz`, :mod:`.recall`, :mod:`.exercise`, :mod:`.progress`) and
in the site's page for authors (``docs/authors.md``); what they share (options
judged by the block, mistakes shown in place) is in :mod:`.base`.

pymdownx.blocks would quietly leave a block it cannot read as plain text (a
header that is not YAML, say). A tree processor reports any block opening left
unread: author mistakes are errors naming the page, so
``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension

from .. import context, source_lines
from .exercise import ExerciseBlock
from .parsons import ParsonsBlock
from .progress import ProgressBlock
from .quiz import QuizBlock
from .recall import RecallBlock
from .review import ReviewBlock, ReviewDueBlock

BLOCKS = (QuizBlock, RecallBlock, ExerciseBlock, ParsonsBlock, ProgressBlock, ReviewBlock, ReviewDueBlock)
NAMES = tuple(block.NAME for block in BLOCKS)
UNREAD = re.compile(r"(?m)^[ ]{0,3}/{3,}[ ]*(" + "|".join(NAMES) + r")\b")


class UnreadBlocks(Treeprocessor):
    """Report a course block that pymdownx.blocks could not read (say, a header that is not YAML)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in ("code", "pre", "script"):
                continue
            for text in (element.text, element.tail):
                match = UNREAD.search(text or "")
                said = source_lines.HEADER_PROBLEM.format(name=match.group(1)) if match else ""
                if match and not any(said in error for error in context.current().errors):  # named already
                    context.current().error(
                        f"a `/// {match.group(1)}` block could not be read: are its options valid YAML, "
                        "indented by 4 spaces right under the opening line, and is the block closed with `///`?"
                    )


class CourseBlocksExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:  # noqa: N802 - pymdownx's name
        for block in BLOCKS:
            block_mgr.register(block, {})
        md.treeprocessors.register(UnreadBlocks(md), "course_unread_blocks", 1)


def makeExtension(**kwargs: Any) -> CourseBlocksExtension:  # noqa: N802 - Python-Markdown's name
    return CourseBlocksExtension(**kwargs)
