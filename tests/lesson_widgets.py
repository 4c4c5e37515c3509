"""The lessons' widgets, read once from the Markdown the site is built from."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from coursesite.lessons import collect_widgets

ROOT = Path(__file__).resolve().parents[1]


@cache
def pages() -> dict[str, list[dict]]:
    return collect_widgets(ROOT / "mkdocs.yml")


def panels() -> list[tuple[str, dict]]:
    """Every code panel of the site, as (page source path, panel)."""
    return [(src, widget) for src, widgets in pages().items() for widget in widgets if widget["kind"] == "panel"]


def page_url(src_uri: str) -> str:
    """The URL path MkDocs gives a page (directory URLs)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return "/" + stem
    return f"/{stem}/"
