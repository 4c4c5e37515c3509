"""axe-core (from npm, injected into the page: no network) finds no serious or
critical violation on a lesson page with its widgets in use, in the light and
dark palettes, nor on the progress and authors' pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.lesson_widgets import page_url, pages

from .widgets import Exercise, Quiz, Recall, lesson_sources, widgets

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


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


def lesson_with_widgets() -> str:
    for src in lesson_sources():
        kinds = {w["kind"] for w in pages()[src]}
        if {"quiz", "exercise"} <= kinds:
            return src
    pytest.skip("no lesson has a quiz and an exercise yet")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_lesson_page_in_use_has_no_serious_violations(scheme, page, watched):
    src = lesson_with_widgets()
    page.goto(page_url(src))
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', {scheme!r})")
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


@pytest.mark.parametrize("path", ["/progress/", "/authors/"])
def test_the_progress_and_authors_pages_have_no_serious_violations(path, page, watched):
    page.goto(path)
    expect(page.locator(".course-progress--mounted, .course-exercise--mounted").first).to_be_attached()
    assert serious_violations(page) == []


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
