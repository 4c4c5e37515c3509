"""Under ``mkdocs serve``, a build with mistakes is shown in the page, not only in the terminal.

MkDocs 1.6 serves nothing from a rebuild that failed: a strict build aborts on
the first warning count, the server keeps waiting for a good build, and the
page seems stuck (its requests wait too). So under ``mkdocs serve`` the plugin
takes the strict count off that build (``mkdocs build --strict`` still fails
on every one of them), keeps each warning and error the build logs, and puts
them at the top of every page: the author sees the page reload with the list,
file and line in each, and the list gone once they are fixed.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree

from mkdocs.utils import CountHandler

MKDOCS = logging.getLogger("mkdocs")
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*"[^>]*>')
BODY = re.compile(r"<body[^>]*>")


class BuildMistakes(logging.Handler):
    """The warnings and errors logged during one build (installed by :func:`watch`)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message not in self.messages:
            self.messages.append(message)

    def shown_in(self, page_html: str) -> str:
        """The page with the build's mistakes at the top of its content (unchanged if there are none)."""
        if not self.messages:
            return page_html
        match = ARTICLE.search(page_html) or BODY.search(page_html)
        if not match:
            return page_html
        return page_html[: match.end()] + banner(self.messages) + page_html[match.end() :]


_watching: BuildMistakes | None = None


def watch() -> BuildMistakes:
    """For this build: no strict count (the server would keep the old site), every mistake kept."""
    global _watching
    for handler in list(MKDOCS.handlers):
        if isinstance(handler, (CountHandler, BuildMistakes)):
            MKDOCS.removeHandler(handler)
    _watching = BuildMistakes()
    MKDOCS.addHandler(_watching)
    return _watching


def banner(messages: list[str]) -> str:
    """An alert listing the build's mistakes, as the site's author sees it while serving."""
    box = etree.Element("div", {"class": "admonition failure course-build-mistakes", "role": "alert"})
    title = etree.SubElement(box, "p", {"class": "admonition-title"})
    count = len(messages)
    title.text = f"This build has {count} mistake{'' if count == 1 else 's'} (mkdocs build --strict would stop here)"
    listing = etree.SubElement(box, "ul")
    for message in messages:
        item = etree.SubElement(listing, "li")
        code = etree.SubElement(item, "code")
        code.text = message
    return etree.tostring(box, encoding="unicode", method="html")
