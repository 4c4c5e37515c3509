"""The review page gathers every retrieval check of the lessons, with answers
kept apart from the lessons' own."""

import re
from collections import Counter

from playwright.sync_api import expect

from tests.lesson_widgets import page_url

from .widgets import lesson_sources, widgets


def lesson_versions(kind: str) -> Counter:
    return Counter(w["version"] for src in lesson_sources() for w in widgets(src, kind))


def test_review_page_holds_every_recall_prompt_and_quiz_of_the_lessons(page, watched):
    page.goto("/review/")
    for kind, selector in (("recall", ".course-recall"), ("quiz", ".course-quiz")):
        expected = lesson_versions(kind)
        assert sum(expected.values()) > 0
        expect(page.locator(selector)).to_have_count(sum(expected.values()))
        found = Counter(page.locator(selector).evaluate_all("els => els.map(e => e.dataset.version)"))
        assert found == expected, kind
    headings = page.get_by_role("heading", level=3).get_by_role("link")  # one per lesson, under "Every check"
    expect(headings.first).to_have_attribute("href", re.compile(r"lessons/first-neuron/$"))


def test_a_rating_on_the_review_page_leaves_the_lesson_untouched(page, watched):
    page.goto("/review/")
    recall = page.locator(".course-recall").first
    version = recall.get_attribute("data-version")
    recall.get_by_role("button", name="Show answer", exact=True).click()
    recall.get_by_role("button", name="Not yet", exact=True).click()
    expect(recall.get_by_role("button", name="Not yet", exact=True)).to_have_attribute("aria-pressed", "true")
    src = next(src for src in lesson_sources() if any(w["version"] == version for w in widgets(src, "recall")))
    page.goto(page_url(src))
    in_lesson = page.locator(f'.course-recall[data-version="{version}"]')
    expect(in_lesson.get_by_role("button", name="Show answer", exact=True)).to_be_visible()
    expect(in_lesson.locator(".course-recall__answer")).to_be_hidden()
