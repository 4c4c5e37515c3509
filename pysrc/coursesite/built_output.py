"""A live panel's first output, written into the page by the build.

The build runs every panel once (:mod:`coursesite.panel_check`). For a live
panel, what its starter code printed and drew, in order, goes into the page
(``data-built-output`` on the panel), and the page shows it at once, before
Python has loaded: the picture is there from the start, and the panel's first
run in the browser replaces it in place instead of growing the page under the
learner's pointer. A learner with a saved edit of the panel sees the output of
their own code instead, once it runs.

Not recorded: a panel whose run failed, one on a page with one shared
namespace (its output depends on what the learner ran before it), and output
over :data:`LIMIT` characters.
"""

from __future__ import annotations

import html
import io
import json
import re

from .panels import is_live

#: The most characters of recorded output (as JSON) a page carries per panel.
LIMIT = 100_000

_PANEL_ID = re.compile(r'data-panel-id="([^"]*)"')


class Recorder:
    """stdout, stderr and pictures in the order a run produced them, as the page's output area takes them:
    ``["stdout", text]``, ``["stderr", text]`` and ``["display", mime, data]``."""

    def __init__(self) -> None:
        self.events: list[list[str]] = []
        self.result: dict = {}  # how the run ended, as coursekit.runtime.run says
        self.stdout = _Stream(self, "stdout")
        self.stderr = _Stream(self, "stderr")

    def write(self, stream: str, text: str) -> None:
        if self.events and self.events[-1][0] == stream:
            self.events[-1][1] += text
        elif text:
            self.events.append([stream, text])

    def display(self, mime: str, data: str) -> None:
        self.events.append(["display", mime, data])

    def printed(self) -> str:
        """Everything written to stdout."""
        return "".join(event[1] for event in self.events if event[0] == "stdout")


class _Stream(io.TextIOBase):
    def __init__(self, recorder: Recorder, name: str) -> None:
        self.recorder, self.stream = recorder, name

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.recorder.write(self.stream, text)
        return len(text)


def keep(panel: dict, recorder: Recorder) -> None:
    """Record on ``panel`` the output of its build run, if the page is to show it."""
    if not is_live(panel) or panel.get("namespace") or recorder.result.get("status") != "ok":
        return
    encoded = json.dumps(recorder.events, ensure_ascii=False)
    if recorder.events and len(encoded) <= LIMIT:
        panel["built_output"] = encoded


def write_into(html_text: str, widgets: list[dict]) -> str:
    """The page's HTML with each recorded output on its panel's element."""
    built = {widget["id"]: widget["built_output"] for widget in widgets if widget.get("built_output")}
    if not built:
        return html_text

    def add(match: re.Match) -> str:
        encoded = built.get(html.unescape(match.group(1)))
        if encoded is None:
            return match.group(0)
        return f'{match.group(0)} data-built-output="{html.escape(encoded, quote=True)}"'

    return _PANEL_ID.sub(add, html_text)
