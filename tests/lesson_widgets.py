"""The lessons' widgets, read once from the Markdown the site is built from."""

from __future__ import annotations

import contextlib
import io
from functools import cache
from pathlib import Path

from coursekit import page_setup
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


def run_panel(panel: dict, widgets: list[dict], display) -> dict:
    """Run a panel of the page whose widgets are ``widgets`` as the page does: after the page's setup
    code (the same text, from the Markdown); on a page with one namespace, after the page's panels
    above it, as a learner running them in order."""
    namespace = panel.get("namespace")
    try:
        if namespace is not None:
            page_setup.forget(namespace)
            earlier = [w for w in widgets if w["kind"] == "panel" and w["number"] < panel["number"]]
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                for other in earlier:
                    page_setup.run_panel(other["code"], lambda mime, data: None, other["setup"], namespace)
        return page_setup.run_panel(panel["code"], display, panel.get("setup", ""), namespace)
    finally:
        if namespace is not None:
            page_setup.forget(namespace)


def page_url(src_uri: str) -> str:
    """The URL path MkDocs gives a page (directory URLs)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return "/" + stem
    return f"/{stem}/"
