"""Search: the theme's index is built once a page with code is settled, or at once when asked.

Material for MkDocs builds its Lunr index in a worker from the whole search index, a few hundred
ms of CPU; on a page with code that time is taken from Python's boot, so the course's worker
(web/src/search/search-later.js) holds the theme's worker back until the page says "now".
"""

from __future__ import annotations

import re
import time

from playwright.sync_api import expect

from .pages import BOOT_TIMEOUT, PYTHON_READY, wait_until

LESSON = "/lessons/activations/"
THEIR_WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
READY_AT = f"performance.timeOrigin + {PYTHON_READY}"  # on the wall clock, as the requests are timed


def theme_worker_requests(context) -> list[float]:
    """Wall-clock times (ms) at which the theme's search worker script was asked for."""
    times: list[float] = []
    context.on("request", lambda request: THEIR_WORKER.search(request.url) and times.append(time.time() * 1000))
    return times


def search_for(page, words: str) -> None:
    page.keyboard.press("s")  # Material's key for search
    page.keyboard.type(words)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=BOOT_TIMEOUT)


def test_a_page_with_code_builds_the_search_index_after_python_is_ready(page, watched):
    requested = theme_worker_requests(page.context)
    page.goto(LESSON)
    wait_until(page, f"{PYTHON_READY} !== null", timeout=BOOT_TIMEOUT)
    ready_at = page.evaluate(READY_AT)
    search_for(page, "sigmoid")
    assert requested, "the theme's search worker was never loaded"
    assert requested[0] > ready_at, "the theme's search worker was loaded while Python was starting"


def test_opening_search_builds_the_index_at_once(page, watched):
    requested = theme_worker_requests(page.context)
    page.goto(LESSON)
    search_for(page, "sigmoid")
    expect(page.locator(".md-search-result__item").first).to_contain_text(re.compile("sigmoid", re.I))
    ready = page.evaluate(f"{PYTHON_READY} !== null")
    assert requested and (not ready or requested[0] < page.evaluate(READY_AT)), (
        "the search waited for Python" if requested else "the theme's search worker was never loaded"
    )


def test_a_page_without_code_builds_its_index_at_once(page, watched):
    with page.context.expect_event("request", lambda request: THEIR_WORKER.search(request.url)):
        page.goto("/")
    search_for(page, "neuron")
