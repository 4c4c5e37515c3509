"""The course's pymdownx blocks: quizzes, recall prompts, exercises, progress.

The ``course`` plugin adds this extension to the site's Markdown, so lesson
authors need nothing in ``mkdocs.yml``. The syntax of each block is in its
module (:mod:`coursesite.quizzes`, :mod:`coursesite.exercise_block`) and in
the site's page for authors (``docs/authors.md``).

pymdownx.blocks would quietly leave a block it cannot read as plain text (an
unknown option, a header that is not YAML). Here every block accepts any
option and judges them itself, and a tree processor reports any block opening
left unread: author mistakes are errors naming the page, so
``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown, util
from markdown.treeprocessors import Treeprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from coursekit.authoring import ID_PATTERN, ID_RULE

from . import context

NAMES = ("quiz", "recall", "exercise", "progress")
UNREAD = re.compile(r"(?m)^[ ]{0,3}/{3,}[ ]*(" + "|".join(NAMES) + r")\b")


class CourseBlock(Block):
    """A block that reports its author's mistakes instead of vanishing.

    Subclasses set ``NAME``, ``LABEL`` (how error messages name it), ``OPTIONS``
    (name → (default, parser raising ValueError)) and implement ``build``.
    """

    ARGUMENT = None
    LABEL = "block"
    OPTIONS: dict[str, tuple[Any, Any]] = {}

    def _validate(self, parent: etree.Element, arg: str | None, **options: Any) -> bool:
        # Accept everything: the options are judged in on_create, where
        # mistakes can be reported (returning False would hide the block).
        self.argument = (arg or "").strip()
        self.given = options
        self.options = {"attrs": {}}
        self.page = context.current()
        self.number = self.page.next_number(self.NAME)
        self.problems: list[str] = []
        return True

    def parse_options(self) -> dict[str, Any]:
        spec = {name: value for name, value in type(self).OPTIONS.items() if name != "attrs"}
        parsed = {name: default for name, (default, _) in spec.items()}
        unknown = sorted(set(self.given) - set(spec))
        if unknown:
            self.problems.append(f"unknown option {', '.join(map(repr, unknown))}; it takes {', '.join(spec) or 'no options'}")
        for name, value in self.given.items():
            if name in spec:
                try:
                    parsed[name] = spec[name][1](value)
                except (TypeError, ValueError) as error:
                    self.problems.append(f"option {name!r}: {error}")
        return parsed

    def described(self) -> str:
        text = self.argument if len(self.argument) <= 50 else self.argument[:49] + "…"
        return f"{self.LABEL} {self.number}" + (f" ({text!r})" if text else "")

    def report(self, block: etree.Element) -> bool:
        """If there were problems, record them and replace the block by an error box."""
        if not self.problems:
            return False
        messages = [self.page.error(f"{self.described()}: {problem}") for problem in self.problems]
        block.clear()
        block.tag = "div"
        block.set("class", "admonition failure course-author-error")
        block.set("role", "alert")
        title = etree.SubElement(block, "p", {"class": "admonition-title"})
        title.text = util.AtomicString(f"This {self.LABEL} has a mistake")
        for message in messages:
            line = etree.SubElement(block, "p")
            line.text = util.AtomicString(message)
        return True


# --- shared helpers ----------------------------------------------------------


def data_script(parent: etree.Element, data: dict, class_name: str) -> etree.Element:
    """A ``<script type="application/json">`` child holding ``data`` for the browser."""
    script = etree.SubElement(parent, "script", {"type": "application/json", "class": class_name})
    # "</" would end the script element early: escape it inside the JSON.
    script.text = util.AtomicString(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))
    return script


def digest(*parts: object) -> str:
    """A short hash of what makes a widget what it is (stored answers record it)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:12]


def inline(parent: etree.Element, tag: str, markdown_text: str, attrib: dict | None = None) -> etree.Element:
    """An element whose text is inline Markdown, rendered later by the page's
    own inline processors (code spans, emphasis, $maths$)."""
    element = etree.SubElement(parent, tag, attrib or {})
    element.text = markdown_text
    return element


_TEX_NAMES = {"cdot": "·", "times": "×", "le": "≤", "ge": "≥", "leq": "≤", "geq": "≥", "neq": "≠", "approx": "≈",
              "to": "→", "infty": "∞", "partial": "∂", "sigma": "σ", "alpha": "α", "eta": "η", "lambda": "λ", "sum": "Σ"}
_TEX_WRAPPERS = re.compile(r"\\(?:mathrm|text|mathbf|operatorname|mathit)\{([^{}]*)\}")
_TEX_COMMAND = re.compile(r"\\([A-Za-z]+)")


def plain_text(markdown_text: str) -> str:
    """A plain reading of inline Markdown with maths, for an accessible name
    (rendered maths may give a label no text that assistive tools can read)."""
    text = _TEX_WRAPPERS.sub(r"\1", markdown_text)
    text = _TEX_COMMAND.sub(lambda m: _TEX_NAMES.get(m.group(1), m.group(1)), text)
    text = re.sub(r"[$`*_{}\\]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_id(value: Any) -> str:
    text = str(value)
    if not ID_PATTERN.match(text):
        raise ValueError(f"{text!r} {ID_RULE}")
    return text


def parse_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"use true or false, not {value!r}")
    return value


# --- the extension ---------------------------------------------------------------


class UnreadBlocks(Treeprocessor):
    """Report a course block that pymdownx.blocks could not read (say, a header that is not YAML)."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element.tag in ("code", "pre", "script"):
                continue
            for text in (element.text, element.tail):
                match = UNREAD.search(text or "")
                if match:
                    context.current().error(
                        f"a `/// {match.group(1)}` block could not be read: are its options valid YAML, "
                        "indented by 4 spaces right under the opening line, and is the block closed with `///`?"
                    )


class CourseBlocksExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        from .exercise_block import ExerciseBlock, ProgressBlock
        from .quizzes import QuizBlock, RecallBlock

        for block in (QuizBlock, RecallBlock, ExerciseBlock, ProgressBlock):
            block_mgr.register(block, {})
        md.treeprocessors.register(UnreadBlocks(md), "course_unread_blocks", 1)


def makeExtension(**kwargs: Any) -> CourseBlocksExtension:  # noqa: N802 - Python-Markdown's name
    return CourseBlocksExtension(**kwargs)
