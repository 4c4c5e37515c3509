"""The review schedules itself: every quiz and recall prompt answered in a lesson
becomes a card, FSRS (ts-fsrs) says when it is due, the review page shows Due
today and Coming up, and the home page and the nav count the due cards.

The expected dates come from ts-fsrs run in Node apart from the page
(fsrs_oracle.mjs), from the same ratings at the same times. The browser's clock
is Playwright's (page.clock), in one fixed time zone and locale."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.lesson_widgets import page_url

from .pages import wait_until
from .test_accessibility import SCHEMES, serious_violations, set_scheme
from .widgets import PREFIX, Quiz, Recall, lesson_sources, widgets

ORACLE = Path(__file__).with_name("fsrs_oracle.mjs")
ZONE = timezone(timedelta(hours=1))  # Europe/Paris in December
START = datetime(2026, 12, 2, 10, 0, tzinfo=ZONE)
REVIEW = "/review/"
DAY = timedelta(days=1)


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "timezone_id": "Europe/Paris", "locale": "en-GB"}


def oracle(reviews: list[tuple[str, str, datetime]]) -> dict[str, dict]:
    """What ts-fsrs says: each card's due date after these (card, rating, time) reviews."""
    events = [{"card": card, "rating": rating, "at": at.isoformat()} for card, rating, at in reviews]
    done = subprocess.run(
        ["node", str(ORACLE)], input=json.dumps(events), capture_output=True, text=True, cwd=ORACLE.parents[2]
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def due_on(expected: dict[str, dict], day: datetime) -> set[str]:
    """The cards due on the local day of ``day`` (due before its midnight)."""
    midnight = (day + DAY).replace(hour=0, minute=0, second=0, microsecond=0)
    return {card for card, state in expected.items() if datetime.fromisoformat(state["due"]) < midnight}


def lesson_with_two_prompts_and_a_quiz() -> str:
    for src in lesson_sources():
        if len(widgets(src, "recall")) >= 2 and widgets(src, "quiz"):
            return src
    pytest.skip("no lesson has two recall prompts and a quiz")


def rate(recall: Recall, name: str) -> None:
    recall.show.click()
    recall.rating(name).click()
    expect(recall.rating(name)).to_have_attribute("aria-pressed", "true")


def answer_three(page, src: str) -> dict[str, str]:
    """Not yet, Partly and a right quiz answer in one lesson; returns card → FSRS rating."""
    first, second = (Recall(page, spec) for spec in widgets(src, "recall")[:2])
    quiz = Quiz(page, widgets(src, "quiz")[0])
    rate(first, "Not yet")
    rate(second, "Partly")
    quiz.answer(quiz.right_answer())
    expect(quiz.feedback).to_have_text(re.compile(r"^✓ Correct"))
    keys = [spec["key"] for spec in widgets(src, "recall")[:2]] + [quiz.spec["key"]]
    return dict(zip(keys, ["Again", "Hard", "Good"], strict=True))


def coming_up(page) -> dict[str, str]:
    items = page.locator(".course-review__coming > li")
    return dict(items.evaluate_all("els => els.map(li => [li.dataset.card, li.dataset.due])"))


def due_today(page) -> set[str]:
    return set(
        page.locator(".course-review__due .course-review__card").evaluate_all("els => els.map(e => e.dataset.card)")
    )


def stored_card(page, key: str) -> dict | None:
    return page.evaluate(f"JSON.parse(localStorage.getItem({PREFIX + 'card:' + key!r}))")


def reviewed_at(page, key: str) -> datetime:
    """When the page reviewed a card (Playwright's clock runs on from the time it is set to)."""
    return datetime.fromisoformat(stored_card(page, key)["last_review"])


def nav_due(page):
    return page.locator(".md-nav--primary .course-nav-due")


def test_three_cards_come_due_as_fsrs_says(page, watched):
    page.clock.install(time=START)
    src = lesson_with_two_prompts_and_a_quiz()
    page.goto(page_url(src))
    ratings = answer_three(page, src)
    reviews = [(card, rating, reviewed_at(page, card)) for card, rating in ratings.items()]
    expected = oracle(reviews)
    assert due_on(expected, START) == set()

    page.goto(REVIEW)
    expect(page.locator(".course-review__due-summary")).to_have_text("Nothing is due today.")
    expect(page.locator(".course-review__coming > li")).to_have_count(3)
    assert coming_up(page) == {card: state["due"] for card, state in expected.items()}
    # Sooner for a harder rating, as FSRS promises.
    again, hard, good = (datetime.fromisoformat(expected[card]["due"]) for card in ratings)
    assert again < hard < good
    first = page.locator(".course-review__coming > li").first
    expect(first.locator(".course-review__date")).to_have_text(re.compile(rf"\b{again.day}\b.*Dec.*2026"))
    expect(nav_due(page)).to_have_count(0)

    page.clock.set_system_time(START + DAY)
    page.goto("/")
    due = due_on(expected, START + DAY)
    assert len(due) == 1  # the card rated Not yet
    expect(page.locator(".course-review-due__count")).to_have_text(
        re.compile(r"^1 review card is due today\. Review them now$")
    )
    expect(nav_due(page)).to_have_text(" · 1 due")

    page.goto(REVIEW)
    expect(page.locator(".course-review__due-summary")).to_have_text("1 card due today.")
    assert due_today(page) == due
    (card,) = due
    own = page.locator(f'.course-review__card[data-card="{card}"] .course-recall').get_attribute("data-recall-key")
    rate(Recall(page, {"key": own}), "Got it")
    expect(page.locator(".course-review__due-summary")).to_have_text("Nothing is due today: all reviewed.")
    reviews.append((card, "Good", reviewed_at(page, card)))
    expected = oracle(reviews)
    expect(page.locator(".course-review__due-summary")).to_have_text("Nothing is due today: all reviewed.")
    expect(page.locator(f'.course-review__card[data-card="{card}"] .course-review__next')).to_have_text(
        re.compile(r"^Reviewed\. Next review: .*2026\.$")
    )
    expect(nav_due(page)).to_have_count(0)
    assert coming_up(page) == {card: state["due"] for card, state in expected.items()}

    page.clock.set_system_time(START + 2 * DAY)
    page.goto(REVIEW)
    due = due_on(expected, START + 2 * DAY)
    assert due, "the card rated Partly is due after two days"
    expect(page.locator(".course-review__due-summary")).to_have_text(
        f"{len(due)} card{'s' if len(due) > 1 else ''} due today."
    )
    assert due_today(page) == due
    expect(nav_due(page)).to_have_text(f" · {len(due)} due")


def test_the_due_cards_are_mixed_the_same_way_all_day(page, watched):
    page.clock.install(time=START)
    cards = {}
    for src in lesson_sources()[:3]:
        for spec in widgets(src, "recall")[:1] + widgets(src, "quiz")[:1]:
            cards[spec["key"]] = {
                "due": (START - DAY).isoformat(),
                "last_review": (START - 3 * DAY).isoformat(),
                "stability": 2.3,
                "difficulty": 5.0,
                "elapsed_days": 0,
                "scheduled_days": 2,
                "learning_steps": 0,
                "reps": 1,
                "lapses": 0,
                "state": 2,
            }
    page.goto(REVIEW)
    page.evaluate(
        "cards => { for (const [key, card] of Object.entries(cards)) "
        f"localStorage.setItem({PREFIX + 'card:'!r} + key, JSON.stringify(card)); }}",
        cards,
    )
    page.reload()
    order = page.locator(".course-review__due .course-review__card").evaluate_all("els => els.map(e => e.dataset.card)")
    assert sorted(order) == sorted(cards)
    assert order != list(cards), "not in course order"
    page.reload()
    again = page.locator(".course-review__due .course-review__card").evaluate_all("els => els.map(e => e.dataset.card)")
    assert again == order


def export_file(page, tmp_path: Path, name: str = "progress.json") -> Path:
    page.goto("/progress/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    path = tmp_path / name
    download.value.save_as(path)
    return path


def reset(page) -> None:
    page.get_by_role("button", name="Reset all progress").click()
    page.get_by_role("dialog", name="Reset all progress?").get_by_role("button", name="Reset all progress").click()
    expect(page.locator(".course-progress__status")).to_have_text(re.compile("^All progress"))


def test_export_reset_and_import_give_the_schedule_back(page, watched, tmp_path):
    page.clock.install(time=START)
    src = lesson_with_two_prompts_and_a_quiz()
    page.goto(page_url(src))
    answer_three(page, src)
    page.goto(REVIEW)
    expect(page.locator(".course-review__coming > li")).to_have_count(3)
    before = coming_up(page)
    exported = export_file(page, tmp_path)
    assert sum(key.startswith("card:") for key in json.loads(exported.read_text())["items"]) == 3
    reset(page)
    page.goto(REVIEW)
    expect(page.locator(".course-review__coming > li")).to_have_count(0)
    page.goto("/progress/")
    page.locator(".course-progress__file").set_input_files(exported)
    expect(page.locator(".course-progress__status")).to_have_text(
        re.compile(r"^Imported \d+ saved items from progress\.json\.$")
    )
    page.goto(REVIEW)
    expect(page.locator(".course-review__coming > li")).to_have_count(3)
    assert coming_up(page) == before


def test_a_malformed_schedule_is_not_imported_and_the_current_one_is_kept(page, watched, tmp_path):
    page.clock.install(time=START)
    src = lesson_with_two_prompts_and_a_quiz()
    page.goto(page_url(src))
    answer_three(page, src)
    quiz_key = widgets(src, "quiz")[0]["key"]
    kept = stored_card(page, quiz_key)
    recall = widgets(src, "recall")[0]
    bad = {
        "format": "one-neuron-progress",
        "prefix": PREFIX,
        "exported": START.isoformat(),
        "items": {
            recall["key"]: {"version": recall["version"], "text": "from the file", "revealed": True, "rating": "got"},
            f"card:{quiz_key}": {**kept, "due": "next Tuesday"},
        },
    }
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad))
    page.goto("/progress/")
    page.locator(".course-progress__file").set_input_files(path)
    expect(page.locator(".course-progress__status")).to_have_text(
        f'Imported 1 saved items from bad.json. Its review schedule was not imported (the card "{quiz_key}": '
        "its due date is not a date): your current schedule is kept."
    )
    assert stored_card(page, quiz_key) == kept
    assert page.evaluate(f"JSON.parse(localStorage.getItem({PREFIX + recall['key']!r})).text") == "from the file"


def test_a_card_whose_block_left_the_course_is_dropped_quietly(page, watched):
    page.clock.install(time=START)
    src = lesson_with_two_prompts_and_a_quiz()
    page.goto(page_url(src))
    answer_three(page, src)
    gone = "quiz:lessons/first-neuron/a-quiz-that-was-removed"
    card = {**stored_card(page, widgets(src, "quiz")[0]["key"]), "due": (START - DAY).isoformat()}
    card["last_review"] = (START - 3 * DAY).isoformat()
    page.evaluate(f"card => localStorage.setItem({PREFIX + 'card:' + gone!r}, JSON.stringify(card))", card)
    page.goto(REVIEW)
    expect(page.locator(".course-review__due-summary")).to_have_text("Nothing is due today.")
    wait_until(page, f"localStorage.getItem({PREFIX + 'card:' + gone!r}) === null")
    expect(nav_due(page)).to_have_count(0)
    expect(page.locator(".course-review__coming > li")).to_have_count(3)


def test_a_clock_that_jumps_backwards_leaves_the_schedule_whole(page, watched):
    page.clock.install(time=START)
    src = lesson_with_two_prompts_and_a_quiz()
    page.goto(page_url(src))
    quiz = Quiz(page, widgets(src, "quiz")[0])
    quiz.answer(quiz.right_answer())
    expect(quiz.feedback).to_have_text(re.compile(r"^✓ Correct"))
    key = quiz.spec["key"]
    expected = oracle([(key, "Good", reviewed_at(page, key))])[key]
    assert stored_card(page, key)["due"] == expected["due"]

    # Back five days: the card is not due, so answering again changes nothing.
    page.clock.set_system_time(START - 5 * DAY)
    page.goto(page_url(src))
    quiz.retry_button.click()
    quiz.answer(quiz.wrong_answer())
    expect(quiz.feedback).to_have_text(re.compile(r"^✗"))
    assert stored_card(page, key)["due"] == expected["due"]
    page.goto(REVIEW)
    expect(page.locator(".course-review__due-summary")).to_have_text("Nothing is due today.")
    assert coming_up(page) == {key: expected["due"]}

    # A card last reviewed later today (another device's clock ahead): a review now is
    # dated at that last review, never before it, so FSRS sees no negative interval.
    later = START + timedelta(hours=6)
    recall = widgets(src, "recall")[0]
    ahead = {
        **stored_card(page, key),
        "last_review": later.isoformat(),
        "due": (later + timedelta(hours=1)).isoformat(),
    }
    page.clock.set_system_time(START)
    page.goto(page_url(src))
    page.evaluate(f"c => localStorage.setItem({PREFIX + 'card:' + recall['key']!r}, JSON.stringify(c))", ahead)
    rate(Recall(page, recall), "Got it")
    after = stored_card(page, recall["key"])
    assert datetime.fromisoformat(after["last_review"]) == later
    assert datetime.fromisoformat(after["due"]) > later
    assert after["scheduled_days"] >= 1 and after["elapsed_days"] >= 0


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_review_page_with_cards_due_is_axe_clean(scheme, page, watched, tmp_path):
    page.clock.install(time=START)
    src = lesson_with_two_prompts_and_a_quiz()
    page.goto(page_url(src))
    answer_three(page, src)
    page.clock.set_system_time(START + 2 * DAY)
    page.goto(REVIEW)
    expect(page.locator(".course-review__due .course-review__card")).not_to_have_count(0)
    expect(page.get_by_role("heading", name="Due today")).to_be_in_viewport()  # the page opens on it
    set_scheme(page, scheme)
    assert serious_violations(page) == []
    page.screenshot(path=str(tmp_path / f"review-{scheme}.png"))  # the top of the page: Due today in view
    page.locator(".course-review").screenshot(path=str(tmp_path / f"review-{scheme}-schedule.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    assert serious_violations(page) == []
    page.locator(".course-review").screenshot(path=str(tmp_path / f"review-{scheme}-390.png"))
