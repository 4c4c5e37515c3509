"""Pieces of widget markup shared by the panel fence and the blocks, built as element trees.

Author text goes into ``.text`` (ElementTree escapes it); data for the browser
goes, as JSON, into the ``data-json`` attribute of an empty hidden child, never
into markup.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as etree

from markdown import util


def data_script(parent: etree.Element, data: dict, class_name: str) -> etree.Element:
    """An empty hidden child holding ``data`` for the browser as JSON in its ``data-json`` attribute.

    Not a ``<script type="application/json">``: Material's instant navigation
    re-creates every script of the new page's content as a plain script with
    only its text (no type, no class), which the page's policy then blocks and
    the widget never finds. An attribute is left alone.
    """
    # The serializer escapes quotes and brackets but leaves what looks like an
    # entity ("&amp;") as it is, for the browser to decode: no "&" reaches it.
    text = json.dumps(data, ensure_ascii=False).replace("&", "\\u0026")
    attributes = {"class": class_name, "hidden": "hidden", "data-json": text}
    return etree.SubElement(parent, "div", attributes)


def digest(*parts: object) -> str:
    """A short hash of what makes a widget what it is (stored answers record it)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:12]


def inline(parent: etree.Element, tag: str, markdown_text: str, attrib: dict | None = None) -> etree.Element:
    """An element whose text is inline Markdown, rendered later by the page's
    own inline processors (code spans, emphasis, $maths$)."""
    element = etree.SubElement(parent, tag, attrib or {})
    element.text = markdown_text
    return element


_TEX_NAMES = {
    "cdot": "·",
    "times": "×",
    "le": "≤",
    "ge": "≥",
    "leq": "≤",
    "geq": "≥",
    "neq": "≠",
    "approx": "≈",
    "to": "→",
    "infty": "∞",
    "partial": "∂",
    "sigma": "σ",
    "alpha": "α",
    "eta": "η",
    "lambda": "λ",
    "sum": "Σ",
}
_TEX_WRAPPERS = re.compile(r"\\(?:mathrm|text|mathbf|operatorname|mathit)\{([^{}]*)\}")
_TEX_COMMAND = re.compile(r"\\([A-Za-z]+)")


def plain_text(markdown_text: str) -> str:
    """A plain reading of inline Markdown with maths, for an accessible name
    (rendered maths may give a label no text that assistive tools can read)."""
    text = _TEX_WRAPPERS.sub(r"\1", markdown_text)
    text = _TEX_COMMAND.sub(lambda m: _TEX_NAMES.get(m.group(1), m.group(1)), text)
    text = re.sub(r"[$`*_{}\\]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def starter_code(code: str) -> etree.Element:
    """The ``<pre>`` holding a code panel's starter code, which the browser's editor reads."""
    pre = etree.Element("pre", {"class": "course-panel__starter"})
    etree.SubElement(pre, "code", {"class": "language-python"}).text = code.rstrip("\n") + "\n"
    return pre


def error_box(what: str, messages: list[str], box: etree.Element | None = None) -> etree.Element:
    """The alert that shows an author's mistakes where the widget would be.

    ``what`` names the widget ("code panel", "quiz"); the messages are shown as
    they are, not read as Markdown. Given a ``box`` (a block's own element), it
    is emptied and becomes the alert; otherwise a new element is made.
    """
    if box is None:
        box = etree.Element("div")
    box.clear()
    box.tag = "div"
    box.set("class", "admonition failure course-author-error")
    box.set("role", "alert")
    title = etree.SubElement(box, "p", {"class": "admonition-title"})
    title.text = util.AtomicString(f"This {what} has a mistake")
    for message in messages:
        line = etree.SubElement(box, "p")
        line.text = util.AtomicString(message)
    return box
