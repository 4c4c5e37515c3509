"""The review page: every retrieval check of the course, gathered in one place.

An author writes an empty block on a page::

    /// review
    ///

and the plugin replaces it, before the page is rendered, with the recall
prompts and quizzes of every lesson, in course order, under a heading that
links back to each lesson. They render as ordinary blocks, with their own
saved answers, so reviewing later does not overwrite what the learner did in
the lesson: spaced practice means coming back and retrieving again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The block an author writes where the gathered checks go.
MARKER = re.compile(r"^/// review[ \t]*\n///[ \t]*$", re.MULTILINE)
#: A quiz or recall block of a lesson, from its opening line to its closing ``///``.
CHECK = re.compile(r"^/// (?:quiz|recall)[ \t]*\|.*?^///[ \t]*$", re.MULTILINE | re.DOTALL)
#: An ``id:`` option: ids are unique within one lesson, not across the course.
ID_OPTION = re.compile(r"^    id:.*\n", re.MULTILINE)
#: A relative Markdown link to another page, which must be re-based when moved.
RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)([^)\s]+)\)")


@dataclass(frozen=True)
class Lesson:
    title: str
    link: str  # the lesson, as a Markdown link target from the review page, e.g. "lessons/xor.md"
    markdown: str

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
            sections.append(f"## [{lesson.title}]({lesson.link})\n\n" + "\n\n".join(found))
    return "\n\n".join(sections)


def expand(page_markdown: str, lessons: list[Lesson]) -> tuple[str, bool]:
    """Replace the review block, if the page has one; says whether it did."""
    if not MARKER.search(page_markdown):
        return page_markdown, False
    return MARKER.sub(lambda _: gather(lessons), page_markdown, count=1), True
