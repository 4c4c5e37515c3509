"""What every course block shares: options judged by the block itself, and mistakes shown in place.

pymdownx.blocks would quietly leave a block it cannot read as plain text (an
unknown option, a header that is not YAML). Here every block accepts any
option and judges them itself: author mistakes are errors naming the page, so
``mkdocs build --strict`` fails, and the page shows an error box where the
block would be.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from pymdownx.blocks.block import Block

from coursekit.authoring import ID_PATTERN, ID_RULE

from .. import context
from ..markup import error_box


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
            self.problems.append(
                f"unknown option {', '.join(map(repr, unknown))}; it takes {', '.join(spec) or 'no options'}"
            )
        for name, value in self.given.items():
            if name in spec:
                try:
                    parsed[name] = spec[name][1](value)
                except (TypeError, ValueError) as error:
                    self.problems.append(f"option {name!r}: {error}")
        return parsed

    def storage_key(self, block_id: str | None) -> str:
        """Where the learner's answer is kept: ``quiz:<page>/<id>``, or the block's number among those without an id.

        Blocks with an id do not count in the numbering, so adding one (with
        an id) anywhere on a page leaves the keys of the others, and so the
        answers learners already gave, where they were.
        """
        if block_id is None:
            return f"{self.NAME}:{self.page.stem}/{self.page.next_number(f'{self.NAME}:unnamed')}"
        if block_id.isdigit():
            self.problems.append(f"id {block_id!r} is a number, which is how blocks without an id are kept: add a word")
        elif f"{self.NAME}:{block_id}" in self.page.ids:
            self.problems.append(f"id {block_id!r} is used by another {self.NAME} on this page")
        self.page.ids.add(f"{self.NAME}:{block_id}")
        return f"{self.NAME}:{self.page.stem}/{block_id}"

    def described(self) -> str:
        text = self.argument if len(self.argument) <= 50 else self.argument[:49] + "…"
        return f"{self.LABEL} {self.number}" + (f" ({text!r})" if text else "")

    def report(self, block: etree.Element) -> bool:
        """If there were problems, record them and replace the block by an error box."""
        if not self.problems:
            return False
        messages = [
            self.page.error_at(self.NAME, self.number, f"{self.described()}: {problem}") for problem in self.problems
        ]
        error_box(self.LABEL, messages, block)
        return True


# --- option parsers shared by the blocks ---------------------------------------


def parse_id(value: Any) -> str:
    text = str(value)
    if not ID_PATTERN.match(text):
        raise ValueError(f"{text!r} {ID_RULE}")
    return text


def parse_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"use true or false, not {value!r}")
    return value
