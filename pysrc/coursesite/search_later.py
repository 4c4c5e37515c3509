"""The theme's search index, built once a page is settled (web/src/search/search-later.js).

Material for MkDocs starts the search worker its page config names (``"search"`` in the
``<script id="__config">`` JSON); bringing one's own is a documented extension point. Each
page's config names the course's worker instead, with the theme's own worker after the ``#``
(relative to the course's worker, which loads it once a page says "now").
"""

from __future__ import annotations

import json
import posixpath
import re

from mkdocs.utils import get_relative_url

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
#: What Jinja's ``tojson`` escapes, so that the JSON cannot end its <script> early.
HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def site_path(url: str, page_url: str) -> str:
    """A URL relative to the page at ``page_url``, as a path from the site's root."""
    page_dir = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    return posixpath.normpath(posixpath.join(page_dir, url)).lstrip("/")


def defer_search(page_html: str, page_url: str, worker: str) -> str:
    """The page with its theme config naming ``worker`` (a path from the site's root) as its search
    worker, the theme's own after the '#'; as it was if the page has no such config, or no search in it."""
    match = CONFIG.search(page_html)
    try:
        config = json.loads(match[2]) if match else {}
    except ValueError:  # a theme whose config is not JSON: its search as it is
        return page_html
    theirs = config.get("search") if isinstance(config, dict) else None
    if not isinstance(theirs, str) or not theirs or "#" in theirs:
        return page_html
    config["search"] = f"{get_relative_url(worker, page_url)}#{get_relative_url(site_path(theirs, page_url), worker)}"
    text = json.dumps(config)
    for character, escaped in HTML_SAFE.items():
        text = text.replace(character, escaped)
    return page_html[: match.start(2)] + text + page_html[match.end(2) :]
