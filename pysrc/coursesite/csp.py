"""The site's Content-Security-Policy: nothing is loaded from, or sent to, another origin.

A static host cannot send headers, so the policy is a ``<meta http-equiv>``
in every page, right after ``<meta charset>`` (a policy covers only what comes
after it). Inline scripts (the theme's and the course's preboot) are allowed
by their hashes, gathered from every page of the build: after one of
Material's instant navigations the first page's policy still governs, so every
page carries the same policy, naming the inline scripts of all pages.

The Python worker is started from a ``blob:`` URL (web/src/runner/start.js)
so that it inherits this policy; a worker started from its own URL would get
its policy from its response headers, that is, none.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from . import page_head

#: Script types a browser runs; others (application/json data) are inert.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
ATTRIBUTE_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
ATTRIBUTE_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
MARKER = 'http-equiv="Content-Security-Policy"'


def inline_script_hashes(page_html: str) -> set[str]:
    """The CSP sources (``'sha256-…'``) of every inline script the page runs."""
    hashes = set()
    for match in SCRIPT.finditer(page_html):
        attrs = match["attrs"]
        kind = ATTRIBUTE_TYPE.search(attrs)
        if ATTRIBUTE_SRC.search(attrs) or (kind and kind.group(1).lower() not in EXECUTABLE_TYPES):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def policy(script_hashes: Iterable[str]) -> str:
    """The policy: the site's own origin only; WebAssembly may compile (Pyodide), nothing may eval."""
    scripts = " ".join(["'self'", "blob:", "'wasm-unsafe-eval'", *sorted(script_hashes)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "worker-src 'self' blob:",  # the Python worker (blob:) and the service worker (its own URL)
            "manifest-src 'self'",
            "connect-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",  # CodeMirror, KaTeX and the theme set styles inline
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(page_html: str, content: str) -> str:
    """The page with the policy as its first element after ``<meta charset>``."""
    if MARKER in page_html:
        page_html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    # An HTML file without a head is a fragment: nothing runs in it on its own.
    return page_head.insert_early_in_head(page_html, meta) or page_html


def apply_to_site(site_dir: Path) -> str:
    """Write one policy, covering every page's inline scripts, into every page; returns it."""
    pages = sorted(site_dir.rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    content = policy(set().union(*map(inline_script_hashes, texts.values())) if texts else set())
    for path, text in texts.items():
        updated = with_policy(text, content)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
    return content
