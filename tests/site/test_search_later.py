"""Each page's theme config names the course's search worker, with the theme's own after the '#'
(coursesite.search_later; the browser's side: tests/e2e/test_search.py)."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from coursesite.search_later import CONFIG, defer_search, site_path

from .small_site import build_small_site, needs_npm_build  # noqa: F401 (an autouse fixture)

PAGES = {"index.md": "# Home\n", "notes/deep/page.md": "# Deep\n\n```panel\nprint(1)\n```\n"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_small_site(tmp_path_factory.mktemp("search"), PAGES)


def search_setting(page_html: str) -> str:
    return json.loads(CONFIG.search(page_html)[2])["search"]


@pytest.mark.parametrize("page", ["index.html", "notes/deep/page/index.html"])
def test_every_page_names_the_course_worker_and_after_it_the_theme_worker(site, page):
    ours, theirs = search_setting((site / page).read_text()).split("#")
    worker = site_path(ours, posixpath.dirname(page) + "/")
    assert re.fullmatch(r"assets/course/search-later-[A-Z0-9]{8}\.js", worker), worker
    assert (site / worker).is_file()
    theme_worker = site_path(theirs, worker)
    assert re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js", theme_worker), theme_worker
    assert (site / theme_worker).is_file()


def test_the_config_stays_safe_inside_its_script_element():
    config = '{"search": "w.js", "t": "\\u003c/script\\u003e it\\u0027s"}'
    page = f'<script id="__config" type="application/json">{config}</script>'
    out = defer_search(page, "a/", "assets/course/s.js")
    body = CONFIG.search(out)[2]
    assert "<" not in body and "'" not in body
    assert json.loads(body) == {"search": "../assets/course/s.js#../../a/w.js", "t": "</script> it's"}


def test_a_page_without_a_search_worker_is_left_as_it_is():
    for config in ('{"base": "."}', "not JSON", '["a list"]', '{"search": null}'):
        without = f'<script id="__config" type="application/json">{config}</script>'
        assert defer_search(without, "", "assets/course/s.js") == without
    assert defer_search("<p>no config</p>", "", "assets/course/s.js") == "<p>no config</p>"
    once = defer_search('<script id="__config" type="application/json">{"search": "w.js"}</script>', "", "x/s.js")
    assert defer_search(once, "", "x/s.js") == once  # already the course's
