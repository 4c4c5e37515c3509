"""Where a page's code panels and blocks are in its Markdown source, and the block mistakes the parsers miss.

Python-Markdown does not tell an extension which source line it is working
on, so the plugin reads the page once before it is rendered: the line of each
```` ```panel ```` fence and each ``/// name`` block, in order, skipping what
sits inside other fences (an example in a ```` ````markdown ```` fence is
not a panel). The fences and blocks number themselves in the same order, so
``lines[("panel", 2)]`` is where the page's second panel starts.

Three mistakes only this reading can see, because pymdownx.blocks passes them
by without a word: a misspelt block name (``/// quizz`` shows the quiz's
answers as a bullet list), a block that is never closed (it swallows the
rest of the page), and options that are not YAML (the block is left as
plain text): the last is named with the line YAML stopped at and its words.
"""

from __future__ import annotations

import difflib
import re
import textwrap
from dataclasses import dataclass, field

import yaml

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<marks>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")
#: A panel fence's ``setup`` option (a page's setup code: coursesite.setup_block), outside quoted values.
SETUP_WORD = re.compile(r"(?<![\w-])setup(?![\w-])")
QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'')
BLOCK = re.compile(r"^[ ]{0,3}(?P<slashes>/{3,})[ \t]*(?P<name>[A-Za-z][\w-]*)?(?P<rest>.*)$")
#: A line of a block's options, as pymdownx.blocks reads them: indented by 4 spaces or more.
OPTION_LINE = re.compile(r"^[ ]{4,}(?!\s)")
#: What a message about a block's options says, so the generic "could not be read" is not said too.
HEADER_PROBLEM = "its options (the lines under `/// {name}`) are not valid YAML"


@dataclass
class SourceMap:
    """Lines (1-based) of the page's panels and blocks, and the mistakes found on the way."""

    lines: dict[tuple[str, int], int] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)


def scan(markdown: str, block_names: tuple[str, ...]) -> SourceMap:
    """Read ``markdown`` for the lines of panels and of the blocks named ``block_names``."""
    found = SourceMap()
    counts: dict[str, int] = {}
    open_blocks: list[tuple[int, str, int]] = []  # (slashes, name, line)
    fence: str | None = None
    lines = markdown.splitlines()
    for number, line in enumerate(lines, start=1):
        if fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            continue
        opening = FENCE.match(line)
        if opening:
            fence = opening["marks"]
            if opening["info"].split(" ", 1)[0] == "panel":  # a panel, or the page's setup code
                is_setup = SETUP_WORD.search(QUOTED.sub("", opening["info"]))
                _count(found, counts, "setup" if is_setup else "panel", number)
            continue
        block = BLOCK.match(line)
        if block:
            _block_line(found, counts, open_blocks, block, number, block_names)
            if block["name"] in block_names:
                _check_options(found, block, counts[block["name"]], number, lines[number:])
    for slashes, name, line in open_blocks:
        marks = "/" * slashes
        found.problems.append((line, f"the `{marks} {name}` block is never closed: end it with a line `{marks}`"))
    return found


def _count(found: SourceMap, counts: dict[str, int], kind: str, line: int) -> None:
    counts[kind] = counts.get(kind, 0) + 1
    found.lines[(kind, counts[kind])] = line


def _block_line(found, counts, open_blocks, block: re.Match, line: int, block_names: tuple[str, ...]) -> None:
    slashes, name = len(block["slashes"]), block["name"]
    if name is None:  # a closing line: it closes the innermost block opened with as many slashes
        for index in range(len(open_blocks) - 1, -1, -1):
            if open_blocks[index][0] == slashes:
                del open_blocks[index:]
                break
        return
    open_blocks.append((slashes, name, line))
    if name in block_names:
        _count(found, counts, name, line)
        return
    close = difflib.get_close_matches(name, block_names, n=1, cutoff=0.7)
    if close:
        found.problems.append((line, f"unknown block `/// {name}`: did you mean `/// {close[0]}`?"))


def _check_options(found: SourceMap, block: re.Match, count: int, line: int, after: list[str]) -> None:
    """A block's options that YAML cannot read, named with the line YAML stopped at and the parser's words."""
    header = []
    for text in after:
        if not text.strip() or not OPTION_LINE.match(text):
            break
        header.append(text)
    if not header:
        return
    argument = block["rest"].strip().lstrip("|").strip()
    shown = f" ({argument if len(argument) <= 50 else argument[:49] + '…'!r})" if argument else ""
    what = f"{block['name']} {count}{shown}: {HEADER_PROBLEM.format(name=block['name'])}"
    try:
        options = yaml.safe_load(textwrap.dedent("\n".join(header)))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        words = "; ".join(
            str(part) for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part
        )
        tip = ""
        if "mapping values are not allowed" in words:
            tip = " (a text with ': ' in it, or starting with a backtick, goes in single quotes)"
        found.problems.append((line + 1 + (mark.line if mark else 0), f"{what}: {words or error}{tip}"))
        return
    if options is not None and not isinstance(options, dict):
        found.problems.append((line + 1, f"{what}: write one `name: value` per line, indented by 4 spaces"))
