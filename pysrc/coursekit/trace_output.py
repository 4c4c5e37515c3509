"""What the code a trace runs prints: kept for the steps, not sent as a Run sends it.

The trace replaces ``sys.stdout`` and ``sys.stderr`` with a :class:`TracedOutput`,
which keeps the text up to a limit and counts it in UTF-16 code units (as the
page's JavaScript slices it), so each step can say how much was printed before it.
"""

from __future__ import annotations


class TracedOutput:
    """Stands in for ``sys.stdout`` and ``sys.stderr``: keeps what is printed, up to a limit."""

    def __init__(self, limit: int) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.units = 0  # the size in UTF-16 code units, as the page's JavaScript slices text
        self.limit = limit
        self.muted = False  # while the recorder itself takes reprs

    def write(self, text: str) -> int:
        if self.muted:
            return len(text)
        room = self.limit - self.size
        if room > 0:
            kept = text[:room]
            self.parts.append(kept)
            self.size += len(kept)
            self.units += len(kept.encode("utf-16-le")) // 2
        return len(text)

    def flush(self) -> None:
        pass

    def text(self) -> str:
        return "".join(self.parts)

    def display(self, mime_type: str, data: str) -> None:
        """``show()`` in traced code: a note in the output where the picture would be."""
        kind = "a picture" if mime_type.startswith("image/") else "a figure"
        self.write(f"[{kind}: press Run to see it]\n")
