"""The review page: every retrieval check of the course, gathered in one place.

An author writes an empty block on a page::

    /// review
    ///

and the plugin puts after it, before the page is rendered, the recall
prompts and quizzes of every lesson, in course order, under a heading that
links back to each lesson. They render as ordinary blocks, with their own
saved answers, so reviewing later does not overwrite what the learner did in
the lesson: spaced practice means coming back and retrieving again.

The block itself stays, with one option the plugin writes: ``cards``, which
maps each gathered block's own storage key (``quiz:review/3``) to the key of
the lesson's block it copies (``quiz:lessons/loss/quiz-mse``). That lesson key
is the block's review card: the browser schedules it with FSRS
(web/src/review/) and shows it under *Due today* when its time has come.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

#: The block an author writes where the gathered checks go.
MARKER = re.compile(r"^/// review[ \t]*\n///[ \t]*$", re.MULTILINE)
#: A quiz or recall block of a lesson, from its opening line to its closing ``///``.
CHECK = re.compile(r"^/// (?:quiz|recall)[ \t]*\|.*?^///[ \t]*$", re.MULTILINE | re.DOTALL)
#: An ``id:`` option: ids are unique within one lesson, not across the course.
ID_OPTION = re.compile(r"^    id:.*\n", re.MULTILINE)
#: The id an ``id:`` option gives, and the kind of block on its opening line.
ID_VALUE = re.compile(r"^    id:[ \t]*['\"]?([^'\"\s]+)", re.MULTILINE)
KIND = re.compile(r"^/// (quiz|recall)")
#: What comes before the gathered checks (their lessons' headings are one level below).
EVERY_CHECK = (
    "## Every check, by lesson\n\n"
    "Every quiz and recall prompt of the course, lesson by lesson, to practise whenever you like. "
    "One that is not in your schedule yet joins it once you answer it."
)
#: A relative Markdown link to another page, which must be re-based when moved.
RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)([^)\s]+)\)")


@dataclass(frozen=True)
class Lesson:
    title: str
    link: str  # the lesson, as a Markdown link target from the review page, e.g. "lessons/xor.md"
    markdown: str
    src: str = ""  # the lesson's source path, e.g. "lessons/xor.md"

    @property
    def stem(self) -> str:
        """The prefix of the lesson's storage keys (as coursesite.context.PageContext.stem)."""
        return self.src.removesuffix(".md").removesuffix("/index")

    @property
    def folder(self) -> str:
        """Where the lesson's own relative links start from, seen from the review page."""
        return self.link.rpartition("/")[0]


def checks(markdown: str, folder: str = "") -> list[str]:
    """The quiz and recall blocks of one lesson's Markdown, in order, without
    their ids, with relative links re-based from ``folder``."""
    prefix = f"{folder}/" if folder else ""
    return [
        RELATIVE_LINK.sub(lambda m: f"]({prefix}{m.group(1)})", ID_OPTION.sub("", block))
        for block in CHECK.findall(markdown)
    ]


def gather(lessons: list[Lesson]) -> str:
    """Markdown for every lesson's retrieval checks, under one heading per lesson."""
    sections = []
    for lesson in lessons:
        found = checks(lesson.markdown, lesson.folder)
        if found:
            sections.append(f"### [{lesson.title}]({lesson.link})\n\n" + "\n\n".join(found))
    return "\n\n".join([EVERY_CHECK, *sections]) if sections else ""


def lesson_keys(lesson: Lesson) -> list[str]:
    """The storage keys of a lesson's gathered blocks, in order, given as the lesson's own blocks
    get them (coursesite.blocks.base.CourseBlock.storage_key): ``<kind>:<stem>/<id>``, or the
    block's number among the blocks of its kind without an id."""
    unnamed: dict[str, int] = {}
    keys = []
    for block in CHECK.findall(lesson.markdown):
        kind = KIND.match(block).group(1)
        named = ID_VALUE.search(block)
        if named:
            keys.append(f"{kind}:{lesson.stem}/{named.group(1)}")
        else:
            unnamed[kind] = unnamed.get(kind, 0) + 1
            keys.append(f"{kind}:{lesson.stem}/{unnamed[kind]}")
    return keys


def card_keys(lessons: list[Lesson], review_stem: str) -> dict[str, str]:
    """Each gathered block's key on the review page (none keeps its id) → the key of its lesson's block."""
    counters: dict[str, int] = {}
    cards = {}
    for lesson in lessons:
        for key in lesson_keys(lesson):
            kind = key.partition(":")[0]
            counters[kind] = counters.get(kind, 0) + 1
            cards[f"{kind}:{review_stem}/{counters[kind]}"] = key
    return cards


def review_block(cards: dict[str, str]) -> str:
    """The review block, with the map of its cards (JSON is YAML) as its option."""
    return f"/// review\n    cards: {json.dumps(cards, sort_keys=True)}\n///"


def expand(page_markdown: str, lessons: list[Lesson], review_stem: str = "review") -> tuple[str, bool]:
    """Put the gathered checks after the review block, if the page has one; says whether it did."""
    if not MARKER.search(page_markdown):
        return page_markdown, False
    block = review_block(card_keys(lessons, review_stem))
    gathered = gather(lessons)
    return MARKER.sub(lambda _: block + ("\n\n" + gathered if gathered else ""), page_markdown, count=1), True
