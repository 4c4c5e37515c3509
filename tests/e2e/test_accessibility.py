"""axe-core (from npm, injected into the page: no network) finds no serious or
critical violation on any page of the site's navigation, in the light and dark
palettes, nor on a lesson page with its widgets in use."""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config
from playwright.sync_api import expect

from tests.lesson_widgets import ROOT, page_url, pages

from .pages import wait_until
from .widgets import Exercise, Quiz, Recall, lesson_sources, widgets

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")
SCHEMES = ("default", "slate")  # Material's light and dark palettes
#: Every widget of the page drawn: editors in place of the starter code, maths typeset, progress listed.
DRAWN = """() =>
  [...document.querySelectorAll("pre.course-panel__starter")].every((pre) => pre.hidden) &&
  [...document.querySelectorAll(".arithmatex")].every((maths) => maths.querySelector(".katex")) &&
  !document.querySelector(".course-progress:not(.course-progress--mounted), .course-progress__lessons:empty")"""
#: No colour still in transition (Material fades colours when the palette changes).
SETTLED = "() => document.getAnimations().every((animation) => animation.playState !== 'running')"


def nav_sources(items=None) -> list[str]:
    """Every page of the site's navigation (mkdocs.yml), in order."""
    if items is None:
        items = load_config(str(ROOT / "mkdocs.yml")).nav
    sources = []
    for item in items:
        for value in item.values():
            sources += nav_sources(value) if isinstance(value, list) else [value]
    return sources


def serious_violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci`", pytrace=False)
    # Evaluated rather than added as a <script>: the site's policy refuses inline scripts it does not know.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("async () => (await axe.run()).violations")
    return [
        f"{v['impact']} {v['id']}: {v['help']} — {[' '.join(map(str, node['target'])) for node in v['nodes']][:5]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]


def set_scheme(page, scheme: str) -> None:
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', {scheme!r})")
    wait_until(page, f"({SETTLED})()")


def lesson_with_widgets() -> str:
    for src in lesson_sources():
        kinds = {w["kind"] for w in pages()[src]}
        if {"quiz", "exercise"} <= kinds:
            return src
    pytest.skip("no lesson has a quiz and an exercise yet")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_lesson_page_in_use_has_no_serious_violations(scheme, page, watched):
    src = lesson_with_widgets()
    page.goto(page_url(src))
    set_scheme(page, scheme)
    quiz = Quiz(page, widgets(src, "quiz")[0])
    quiz.answer(quiz.wrong_answer())  # explanations and ✗ marks on show
    expect(quiz.feedback).to_have_text(re.compile("^✗"))
    for spec in widgets(src, "recall")[:1]:
        recall = Recall(page, spec)
        recall.show.click()
        recall.rating("Partly").click()
    exercise = Exercise(page, widgets(src, "exercise")[0]["id"]).wait_ready()
    exercise.check(exercise.spec.mistakes[0][0])
    exercise.expect_failed()
    expect(page.locator(".arithmatex .katex").first).to_be_attached()
    assert serious_violations(page) == []
    exercise.check(exercise.spec.solution)
    exercise.expect_passed()
    compare = exercise.root.get_by_role("button", name="Compare with the reference")
    compare.click()
    expect(compare).to_have_attribute("aria-expanded", "true")  # the comparison on show
    assert serious_violations(page) == []


@pytest.fixture(scope="module")
def scan(browser, site):
    """One page for the whole scan, reused from page to page; its console errors recorded.

    No service worker, as in every test's own context (conftest): each page scanned is as a first
    visit finds it; tests/e2e/test_offline.py scans the update banner with one."""
    context = browser.new_context(base_url=site.origin, service_workers="block")
    page, errors = context.new_page(), []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()


@pytest.mark.parametrize("src", nav_sources())
def test_every_page_of_the_nav_has_no_serious_violations_light_and_dark(src, scan):
    page, errors = scan
    errors.clear()
    page.goto(page_url(src))
    wait_until(page, f"({DRAWN})()")
    found = {}
    for scheme in SCHEMES:
        set_scheme(page, scheme)
        found[scheme] = serious_violations(page)
    assert found == {scheme: [] for scheme in SCHEMES}
    assert errors == [], f"console errors: {errors}"


def test_the_scan_covers_every_lesson_and_page():
    sources = nav_sources()
    assert set(lesson_sources()) <= set(sources)
    assert {"index.md", "playground.md", "progress.md", "authors.md"} <= set(sources)


def test_the_confirmation_dialog_is_named_and_traps_escape(page, watched):
    page.goto("/progress/")
    reset = page.get_by_role("button", name="Reset all progress")
    reset.click()
    dialog = page.get_by_role("dialog", name="Reset all progress?")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()  # the safe choice first
    assert serious_violations(page) == []
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(reset).to_be_focused()  # focus comes back
