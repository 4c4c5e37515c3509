"""Where the course puts its tags in a built page: first thing in ``<head>``.

Right after ``<meta charset>``: before the stylesheets, which would hold a
script back, and before any script, which a Content-Security-Policy must precede.
"""

from __future__ import annotations

import re

CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
HEAD = re.compile(r"<head[^>]*>")


def insert_early_in_head(page_html: str, markup: str) -> str | None:
    """The page with ``markup`` right after ``<meta charset>`` (or ``<head>``); None if it has no head."""
    match = CHARSET.search(page_html) or HEAD.search(page_html)
    if not match:
        return None
    return page_html[: match.end()] + markup + page_html[match.end() :]
