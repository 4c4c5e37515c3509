"""What the Markdown extensions know about the page being built.

MkDocs renders one page at a time; the plugin opens a :class:`PageContext` in
``on_page_markdown`` so that fences can number themselves and name the page in
their error messages, and reads the collected errors in ``on_page_content``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageContext:
    """The page being rendered: its source path and what its fences found."""

    src_uri: str
    counters: dict[str, int] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    #: Every widget the fences wrote, as plain data (the lesson tests read these).
    widgets: list[dict] = field(default_factory=list)
    #: Where each panel and block starts in the source: (kind, number) -> line.
    lines: dict[tuple[str, int], int] = field(default_factory=dict)
    #: The page's setup code (coursesite.setup_block): {"code", "shared", "number"}, or None.
    setup: dict | None = None

    @property
    def stem(self) -> str:
        """The page's path without ``.md``: the prefix of its widget ids."""
        return self.src_uri.removesuffix(".md").removesuffix("/index")

    def next_number(self, kind: str) -> int:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return self.counters[kind]

    def error(self, message: str, line: int | None = None) -> str:
        """Record an author mistake; returns the message, naming the page (and the line, when known)."""
        text = f"{self.src_uri}:{line}: {message}" if line else f"{self.src_uri}: {message}"
        self.errors.append(text)
        return text

    def error_at(self, kind: str, number: int, message: str) -> str:
        """An author mistake in the page's ``number``-th panel or block of ``kind``."""
        return self.error(message, self.lines.get((kind, number)))


_current: PageContext | None = None


def begin(src_uri: str) -> PageContext:
    global _current
    _current = PageContext(src_uri)
    return _current


def current() -> PageContext:
    """The page being rendered (a stand-in page outside a MkDocs build)."""
    global _current
    if _current is None:
        _current = PageContext("<markdown>")
    return _current


def end() -> PageContext | None:
    global _current
    page, _current = _current, None
    return page
