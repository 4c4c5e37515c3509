"""The lessons' widgets, read once from the Markdown the site is built from."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from coursesite.lessons import collect_widgets

ROOT = Path(__file__).resolve().parents[1]


@cache
def _read() -> tuple[dict[str, list[dict]], str | None]:
    try:
        return collect_widgets(ROOT / "mkdocs.yml"), None
    except ValueError as error:  # an author mistake: one failing test, not a collection error that stops the run
        return {}, str(error)


def pages() -> dict[str, list[dict]]:
    return _read()[0]


def build_error() -> str | None:
    """The author mistakes that stopped the lessons from being read, or None."""
    return _read()[1]


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
