"""Read the lessons' widgets straight from their Markdown, as the site does.

The test suite uses this to run every code panel in CPython: it renders each
page with the site's own Markdown configuration, so what pytest checks is
exactly what the page shows.
"""

from __future__ import annotations

from pathlib import Path

import markdown
from mkdocs.config import load_config

from . import context


def collect_widgets(config_file: str | Path = "mkdocs.yml") -> dict[str, list[dict]]:
    """Map each page's source path to the widgets its fences and blocks wrote."""
    config = load_config(str(config_file))
    config.plugins.on_config(config)
    docs = Path(config.docs_dir)
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        page = context.begin(src_uri)
        try:
            md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
            md.convert(path.read_text(encoding="utf-8"))
        finally:
            context.end()
        if page.errors:
            raise ValueError("\n".join(page.errors))
        pages[src_uri] = page.widgets
    return pages
