"""The site's service worker (web/sw, web/src/offline): offline after one visit, cross-origin
isolation on a plain static host, and updates that wait for the learner's Reload.

Every other browser test blocks service workers (conftest.py); these open their own
contexts that allow them, on the session's server (a plain host: no COOP/COEP headers
outside /isolated/).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.lesson_widgets import page_url, pages
from tests.site.small_site import build_small_site

from .pages import BOOT_TIMEOUT, RUN_TIMEOUT, Lesson
from .server import SUB_PATH, SiteHandler, SiteServer
from .test_accessibility import serious_violations
from .test_runtime import python_workers_started
from .widgets import Quiz

LESSON = "lessons/first-neuron/"
PYODIDE_VERSION = json.loads((Path(__file__).parents[2] / "node_modules/pyodide/package.json").read_text())["version"]
INSTALL_TIMEOUT = 60_000  # the precache downloads the whole site, Pyodide included


@pytest.fixture
def sw_page(browser, site):
    """A page in a fresh context where service workers may run; fails the test on console errors."""
    context = browser.new_context(base_url=site.origin, service_workers="allow")
    errors = []
    context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    context.on("weberror", lambda error: errors.append(str(error.error)))
    page = context.new_page()
    yield page
    context.close()
    assert not errors, f"console errors: {errors}"


#: Settles once a service worker controls the page (the page's policy forbids wait_for_function's eval).
CONTROLLED = """new Promise((resolve) => navigator.serviceWorker.controller ? resolve()
    : navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }))"""


def first_visit(page: Page, path: str) -> None:
    """Open a page and wait until the service worker controls it: its precache is complete."""
    page.goto(path)
    page.evaluate(CONTROLLED)


@pytest.fixture
def served(monkeypatch):
    """(path, status) of every GET the session's server answers during one test (service workers' too)."""
    answered: list[tuple[str, int]] = []
    monkeypatch.setattr(SiteHandler, "answered", answered)
    return answered


def test_a_plain_host_becomes_isolated_and_stop_keeps_python_state(sw_page, site, served):
    loads = []
    sw_page.on("domcontentloaded", lambda page: loads.append(page.url))
    first_visit(sw_page, "/" + LESSON)
    # The first visit is neither isolated nor reloaded to become so: Python booted at once.
    assert sw_page.evaluate("crossOriginIsolated") is False
    assert len(loads) == 1, loads
    sw_page.reload()  # the learner's next visit: served by the worker, with COOP/COEP
    assert sw_page.evaluate("crossOriginIsolated") is True
    # A same-origin subresource is handed back as Cache Storage holds it, not as a copy with the headers
    # added: the browser keeps its compiled code for Pyodide's wasm only for the former.
    wasm = f"/assets/course/pyodide/{PYODIDE_VERSION}/pyodide.asm.wasm"
    answer = "(url) => fetch(url).then((r) => [r.status, Object.fromEntries(r.headers)])"
    status, headers = sw_page.evaluate(answer, wasm)
    assert status == 200 and headers.get("content-type") == "application/wasm", (status, headers)
    assert "cross-origin-embedder-policy" not in headers, headers
    panel = Lesson(sw_page).panel(0).wait_ready()
    # Each run has fresh globals; the interpreter's own state (a module's attribute) lives as long as the worker.
    panel.set_code("import sys\nsys.kept_by_stop = 42\nwhile True:\n    pass")
    panel.run()
    panel.expect_status("Running…")
    panel.stop_button.click()
    panel.expect_status("Stopped")
    expect(panel.output).to_have_text("Stopped.")  # interrupted, not restarted
    panel.set_code("import sys\nprint(sys.kept_by_stop)")
    panel.run()
    panel.expect_output("42")
    assert python_workers_started(sw_page) == 1, "Python was restarted"
    # Python's files came from the host once, for the first visit's Python: the precache that followed took
    # them from the HTTP cache (at most a 304 asking whether they changed). Not the 9 MB wasm here: a test's
    # context keeps its HTTP cache in memory, which holds no entry that big (a browser profile's disk cache
    # does: `make bench` counts a first visit's bytes in one).
    pyodide = "/assets/course/pyodide/" + PYODIDE_VERSION + "/"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "python_stdlib.zip.gz", "pyodide-lock.json"):
        assert [status for path, status in served if path == pyodide + name and status != 304] == [200], name
    course_zips = [path for path, status in served if path.startswith("/assets/course/python/") and status == 200]
    assert len(course_zips) == 1, course_zips
    # A revised file the page fetched itself is only revalidated by the precache (sw/revalidate.js): 304, no body.
    index = [status for path, status in served if path == "/search/search_index.json"]
    assert index.count(200) == 1 and 304 in index, index


def expect_panel_runs(page: Page) -> None:
    """The page's first code panel runs to the end (an error of the lesson's own code counts: Python ran)."""
    panel = Lesson(page).panel(0).wait_ready()
    panel.run_surely()
    panel.expect_status(re.compile(r"^(Ready \(ran in|Error: (?!Python))"), timeout=RUN_TIMEOUT)


def follow_nav_link(page: Page, url: str) -> bool:
    """Click the nav's link to ``url`` (whether or not its section is open), as a learner's click would."""
    return page.evaluate(
        """(url) => {
            const link = [...document.querySelectorAll(".md-nav--primary a")].find((a) => a.href === url);
            link?.click();
            return Boolean(link);
        }""",
        url,
    )


@pytest.mark.xfail(
    strict=False,
    reason="fails about one full run in three, never alone: after a reload with the network cut, a panel said "
    "Ready and a click on Run started nothing (2026-12-02, lessons/loss/). The first-visit reload, suspected "
    "before, is gone, so the cause is elsewhere; open on issue 15",
)
def test_after_one_visit_every_page_works_with_the_network_cut(sw_page, site):
    first_visit(sw_page, "/")
    sw_page.context.set_offline(True)
    assert sw_page.evaluate("navigator.onLine") is False
    sw_page.keyboard.press("s")  # Material's key for search
    sw_page.keyboard.type("sigmoid")
    expect(sw_page.locator(".md-search-result__item").first).to_be_visible()
    sw_page.keyboard.press("Escape")
    for src, found in pages().items():
        url = page_url(src)
        assert follow_nav_link(sw_page, site.origin + url), f"no link to {url} in the nav"
        expect(sw_page).to_have_url(site.origin + url)
        expect(sw_page.locator(".md-content h1").first).to_be_visible()
        sw_page.reload()
        expect(sw_page.locator(".md-content h1").first).to_be_visible(timeout=BOOT_TIMEOUT)
        if any(widget["kind"] == "panel" for widget in found):
            expect_panel_runs(sw_page)
        quizzes = [widget for widget in found if widget["kind"] == "quiz"]
        if quizzes:
            quiz = Quiz(sw_page, quizzes[0]).answer(Quiz(sw_page, quizzes[0]).right_answer())
            expect(quiz.feedback).to_have_text(re.compile(r"^✓ Correct"))


def test_after_one_visit_the_browser_can_install_the_course_as_an_app(sw_page, site):
    """Chromium's own installability check (DevTools' Page.getInstallabilityErrors) finds nothing missing."""
    first_visit(sw_page, "/")
    devtools = sw_page.context.new_cdp_session(sw_page)
    manifest = devtools.send("Page.getAppManifest")
    assert manifest["errors"] == [], manifest["errors"]
    assert json.loads(manifest["data"])["name"] == "One Neuron"
    errors = devtools.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # A test's context is incognito, where Chromium installs nothing: every other requirement is met.
    assert [error["errorId"] for error in errors] == ["in-incognito"], errors


def test_under_a_sub_path_the_worker_covers_the_course_only(sw_page, site):
    first_visit(sw_page, SUB_PATH + LESSON)
    scope = sw_page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == site.origin + SUB_PATH
    sw_page.context.set_offline(True)
    sw_page.goto(SUB_PATH + "playground/")
    expect_panel_runs(sw_page)


@pytest.fixture
def course_v1(tmp_path):
    """A small course of its own (built here, served by its own server), for a test that redeploys it."""
    folder = tmp_path / "course"
    (folder / "site").mkdir(parents=True)
    with SiteServer(folder / "site") as server:
        yield folder, server


def deploy(folder, version: str) -> None:
    pages = {
        "index.md": f"# Home\n\nThis is version {version}.\n",
        "other.md": f"# Other\n\nThe other page, version {version}.\n",
    }
    build_small_site(folder, pages)


def test_an_update_waits_for_reload_and_never_mixes_versions(browser, course_v1):
    folder, server = course_v1
    deploy(folder, "one")
    context = browser.new_context(base_url=server.origin, service_workers="allow")
    errors = []
    context.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page = context.new_page()
    first_visit(page, "/")
    deploy(folder, "two")
    page.get_by_role("link", name="Other").first.click()  # the browser checks for a new version
    banner = page.get_by_role("status").filter(has_text="A new version of the course is available")
    expect(banner).to_have_text("A new version of the course is available — Reload", timeout=INSTALL_TIMEOUT)
    expect(page.locator(".md-content")).to_contain_text("version one")  # the old version, whole, until Reload
    assert serious_violations(page) == []
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")  # Material's dark palette
    assert serious_violations(page) == []
    reload = banner.get_by_role("button", name="Reload")
    reload.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".md-content")).to_contain_text("The other page, version two.", timeout=INSTALL_TIMEOUT)
    expect(banner).to_have_count(0)
    page.goto("/")
    expect(page.locator(".md-content")).to_contain_text("This is version two.")
    context.close()
    assert not errors, f"console errors: {errors}"
