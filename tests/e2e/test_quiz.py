"""Every quiz and recall prompt on the site, in Chromium: a wrong answer gets ✗ and
the explanations of the chosen options only, Retry and Show answer (then every
option's explanation); right answers get ✓ and every explanation; numbers in reasonable
formats; a wrong number hears the author's message for it, "wrong sign" or "give more
decimals"; a recall prompt reveals and rates; one quiz done with the keyboard only."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.lesson_widgets import page_url, pages

from .widgets import Quiz, Recall, widgets

QUIZ_PAGES = sorted(src for src, found in pages().items() if any(w["kind"] == "quiz" for w in found))
RECALL_PAGES = sorted(src for src, found in pages().items() if any(w["kind"] == "recall" for w in found))
AUTHORS = "authors.md"


def test_the_site_has_quizzes_of_every_type():
    types = {w["type"] for src in QUIZ_PAGES for w in widgets(src, "quiz")}
    assert types == {"single", "multiple", "numeric"}


def expect_only_chosen_explained(quiz, chosen) -> None:
    """After a wrong try: the chosen options are marked and explained, the others (and so the right answer) not."""
    for index, option in enumerate(quiz.spec["options"]):
        why = quiz.explanation(index)
        if index in chosen:
            expect(why).to_be_visible()
            expect(why).to_contain_text(
                ("✓ Right answer" if option["correct"] else "✗ Wrong answer") + " (your choice)"
            )
            expect(quiz.option(index)).to_have_attribute("aria-describedby", re.compile(r"-why-\d+$"))
        else:
            expect(why).to_be_hidden()
            expect(quiz.option(index)).not_to_have_attribute("aria-describedby", re.compile("."))
    expect(quiz.root).not_to_contain_text("✓ Right answer.")  # no unchosen right option is given away


def expect_all_explained(quiz) -> None:
    if quiz.numeric:
        expect(quiz.root.locator(".course-quiz__explanation")).to_be_visible()
        return
    for index, option in enumerate(quiz.spec["options"]):
        why = quiz.explanation(index)
        expect(why).to_be_visible()
        expect(why).to_contain_text("✓ Right answer" if option["correct"] else "✗ Wrong answer")
        expect(quiz.option(index)).to_have_attribute("aria-describedby", re.compile(r"-why-\d+$"))


@pytest.mark.parametrize("src", QUIZ_PAGES)
def test_every_quiz_keeps_the_answer_hidden_after_a_wrong_try(src, page, watched):
    page.goto(page_url(src))
    for spec in widgets(src, "quiz"):
        quiz = Quiz(page, spec)
        expect(quiz.retry_button).to_be_hidden()
        expect(quiz.show_answer_button).to_be_hidden()
        quiz.answer(quiz.wrong_answer())
        expect(quiz.feedback).to_have_text(re.compile(r"^✗ Not quite.*try again"))
        expect(quiz.show_answer_button).to_be_visible()
        if quiz.numeric:
            expect(quiz.root.locator(".course-quiz__explanation")).to_be_hidden()
        else:
            expect_only_chosen_explained(quiz, quiz.wrong_answer())
        quiz.show_answer_button.click()
        expect_all_explained(quiz)
        expect(quiz.show_answer_button).to_be_hidden()
        expect(quiz.retry_button).to_be_focused()  # focus kept in the quiz
        quiz.retry_button.click()
        expect(quiz.feedback).to_have_text("")
        expect(quiz.root.locator(".course-quiz__explanation").first).to_be_hidden()
        quiz.answer(quiz.right_answer())
        expect(quiz.feedback).to_have_text(re.compile(r"^✓ Correct"))
        expect(quiz.check_button).to_have_attribute("aria-disabled", "true")
        expect(quiz.show_answer_button).to_be_hidden()
        expect_all_explained(quiz)  # a right answer shows every option's explanation


@pytest.mark.parametrize("src", QUIZ_PAGES)
def test_every_wrong_option_is_explained_when_chosen(src, page, watched):
    page.goto(page_url(src))
    for spec in widgets(src, "quiz"):
        if spec["type"] == "numeric":
            continue
        quiz = Quiz(page, spec)
        for index, option in enumerate(spec["options"]):
            if option["correct"]:
                continue
            quiz.answer([index])
            expect(quiz.feedback).to_have_text(re.compile(r"^✗ Not quite"))
            expect_only_chosen_explained(quiz, [index])
            quiz.retry_button.click()


def test_a_wrong_try_and_a_shown_answer_survive_a_reload(page, watched):
    spec = next(w for w in widgets(AUTHORS, "quiz") if w["type"] != "numeric")
    page.goto(page_url(AUTHORS))
    quiz = Quiz(page, spec).answer(Quiz(page, spec).wrong_answer())
    expect_only_chosen_explained(quiz, quiz.wrong_answer())
    page.reload()
    quiz = Quiz(page, spec)
    expect(quiz.feedback).to_have_text(re.compile(r"^✗ Not quite"))
    expect_only_chosen_explained(quiz, quiz.wrong_answer())
    expect(quiz.show_answer_button).to_be_visible()
    quiz.show_answer_button.click()
    expect_all_explained(quiz)
    page.reload()
    quiz = Quiz(page, spec)
    expect_all_explained(quiz)
    expect(quiz.show_answer_button).to_be_hidden()
    expect(quiz.retry_button).to_be_visible()


def numeric_quiz(src=AUTHORS) -> dict:
    return next(w for w in widgets(src, "quiz") if w["type"] == "numeric" and w["fractions"])


@pytest.mark.parametrize(
    "write",
    [
        lambda a: repr(a),
        lambda a: f"{a:.6e}",
        lambda a: f"{a * 4:g}/4",
        lambda a: f" {a:g} ",
        lambda a: f"−{-a:g}" if a < 0 else f"+{a:g}",
    ],
    ids=["decimal", "exponent", "fraction", "spaces", "sign"],
)
def test_numeric_answers_accept_reasonable_formats(write, page, watched):
    spec = numeric_quiz()
    page.goto(page_url(AUTHORS))
    Quiz(page, spec).answer(write(spec["answer"]))
    expect(Quiz(page, spec).feedback).to_have_text(re.compile(r"^✓ Correct"))


def test_text_that_is_not_a_number_gets_a_message_not_a_wrong_mark(page, watched):
    spec = numeric_quiz()
    page.goto(page_url(AUTHORS))
    quiz = Quiz(page, spec).answer("about zero")
    expect(quiz.feedback).to_have_text(re.compile(r"^“about zero” is not a number\. Write a number such as 0\.5"))
    expect(quiz.retry_button).to_be_hidden()
    expect(quiz.root.locator(".course-quiz__explanation")).to_be_hidden()
    quiz.answer(quiz.right_answer())
    expect(quiz.feedback).to_have_text(re.compile(r"^✓ Correct"))


def test_fractions_are_refused_where_the_quiz_does_not_allow_them(page, watched):
    spec = next(
        (w for src in QUIZ_PAGES for w in widgets(src, "quiz") if w["type"] == "numeric" and not w["fractions"]), None
    )
    if spec is None:
        pytest.skip("no numeric quiz without fractions on the site")
    src = next(src for src in QUIZ_PAGES if spec in widgets(src, "quiz"))
    page.goto(page_url(src))
    quiz = Quiz(page, spec).answer("1/2")
    expect(quiz.feedback).to_have_text(re.compile("this question does not take fractions"))


NUMERIC_PAGES = sorted(src for src in QUIZ_PAGES if any(w["type"] == "numeric" for w in widgets(src, "quiz")))
RETRY = "Try again: press Retry, or Show answer."


def close(value: float, target: float, tolerance: float) -> bool:
    return abs(value - target) <= tolerance + 1e-9 * max(1.0, abs(target))


def text(locator) -> str:
    return " ".join((locator.text_content() or "").split())


def author_message(quiz: Quiz, index: int | None = None) -> str:
    """The text of an author's message as the page rendered it (hidden): the feedback for
    value ``index`` of the spec, or for the wrong sign; its maths typeset first."""
    messages = quiz.root.locator(".course-quiz__message")
    message = messages.last if index is None else messages.nth(index)
    markdown = quiz.spec["sign"] if index is None else quiz.spec["feedback"][index]["message"]
    expect(message.locator(".arithmatex:not(:has(.katex))")).to_have_count(0)
    rendered = text(message)
    words = re.split(r"[$`*_\\]", markdown)[0].strip()
    assert rendered.startswith(words), (rendered, markdown)  # the Markdown, rendered
    return rendered


def expect_said_once(quiz: Quiz, expected: str) -> None:
    """The live region says the message, once; the hidden copy and the explanation stay hidden."""
    expect(quiz.feedback).to_have_text(expected)
    assert text(quiz.feedback).count(expected.removeprefix("✗ Not quite. ")) == 1
    expect(quiz.root.locator(".course-quiz__messages")).to_be_hidden()
    expect(quiz.root.locator(".course-quiz__explanation")).to_be_hidden()
    expect(quiz.show_answer_button).to_be_visible()


def feedback_for(quiz: Quiz, value: float) -> int | None:
    spec = quiz.spec
    return next((i for i, f in enumerate(spec["feedback"]) if close(value, f["value"], spec["tolerance"])), None)


def test_a_wrong_sign_an_authors_value_and_too_few_decimals_each_get_their_message(page, watched):
    spec = next(w for w in widgets(AUTHORS, "quiz") if w["type"] == "numeric" and w["feedback"] and w["sign"])
    page.goto(page_url(AUTHORS))
    quiz = Quiz(page, spec)
    wrong = spec["feedback"][0]["value"]
    quiz.answer(f"{wrong:g}")
    expect_said_once(quiz, f"✗ Not quite. {author_message(quiz, 0)} {RETRY}")
    quiz.retry_button.click()
    quiz.answer(f"{-spec['answer']:g}")
    expect_said_once(quiz, f"✗ Not quite. {author_message(quiz)} {RETRY}")
    quiz.retry_button.click()
    places, needed = spec["decimals"] - 1, spec["decimals"]
    rounded = f"{spec['answer']:.{places}f}"
    quiz.answer(rounded)
    close_but = f"Close: {rounded} is the answer rounded to {places} decimals. Give {needed} decimals."
    expect_said_once(quiz, f"✗ Not quite. {close_but} {RETRY}")
    quiz.retry_button.click()
    quiz.answer(f"{-float(rounded):g}")  # the wrong sign and too few decimals
    expect_said_once(quiz, f"✗ Not quite. {author_message(quiz)} Give {needed} decimals, too. {RETRY}")
    quiz.show_answer_button.click()
    expect(quiz.feedback).to_have_text(
        f"✗ Not quite. {author_message(quiz)} Give {needed} decimals, too. "
        "The explanation below gives the answer; press Retry to answer again."
    )
    quiz.retry_button.click()
    quiz.answer(quiz.right_answer())
    expect(quiz.feedback).to_have_text("✓ Correct.")
    expect(quiz.root.locator(".course-quiz__explanation")).to_be_visible()


@pytest.mark.parametrize("src", NUMERIC_PAGES)
def test_every_numeric_quiz_names_the_slips_it_knows_then_takes_the_right_answer(src, page, watched):
    page.goto(page_url(src))
    for spec in widgets(src, "quiz"):
        if spec["type"] != "numeric":
            continue
        quiz = Quiz(page, spec)
        for index, wrong in enumerate(spec["feedback"]):
            quiz.answer(f"{wrong['value']:g}")
            expect_said_once(quiz, f"✗ Not quite. {author_message(quiz, index)} {RETRY}")
            quiz.retry_button.click()
        flipped = -spec["answer"]
        if spec["answer"] != 0 and feedback_for(quiz, flipped) is None:
            quiz.answer(f"{flipped:g}")
            if spec["sign"]:
                expected = f"✗ Not quite. {author_message(quiz)} {RETRY}"
            else:
                expected = f"✗ Not quite. Your answer, {flipped:g}, is the right size but has the wrong sign. {RETRY}"
            expect_said_once(quiz, expected)
            quiz.retry_button.click()
        places = (spec["decimals"] or 0) - 1
        rounded = float(f"{spec['answer']:.{max(places, 0)}f}")
        if (
            places >= 1
            and not close(rounded, spec["answer"], spec["tolerance"])
            and feedback_for(quiz, rounded) is None
        ):
            quiz.answer(f"{rounded:.{places}f}")
            expect(quiz.feedback).to_have_text(
                re.compile(rf"^✗ Not quite\. Close: .* is the answer rounded to {places} decimals?\. Give \d+ decimals")
            )
            quiz.retry_button.click()
        quiz.answer(quiz.right_answer())
        expect(quiz.feedback).to_have_text("✓ Correct.")


@pytest.mark.parametrize("src", RECALL_PAGES)
def test_every_recall_prompt_reveals_its_answer_and_takes_a_rating(src, page, watched):
    page.goto(page_url(src))
    for spec in widgets(src, "recall"):
        recall = Recall(page, spec)
        expect(recall.answer).to_be_hidden()
        recall.textbox.fill("weights, sum, activation")
        recall.show.click()
        expect(recall.answer).to_be_visible()
        recall.rating("Partly").click()
        expect(recall.rating("Partly")).to_have_attribute("aria-pressed", "true")
        expect(recall.rating("Got it")).to_have_attribute("aria-pressed", "false")
        expect(recall.feedback).to_contain_text("you rated this “Partly”")


def test_a_quiz_with_the_keyboard_only(page, watched):
    spec = next(w for w in widgets(AUTHORS, "quiz") if w["type"] == "single")
    page.goto(page_url(AUTHORS))
    quiz = Quiz(page, spec)
    first = quiz.root.locator("input").first
    first.focus()
    page.keyboard.press("Shift+Tab")  # step back out of the quiz, then in again with Tab
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus must be visible"
    wrong = quiz.wrong_answer()[0]
    for _ in range(len(spec["options"])):  # arrow keys move between the radios, checking each
        if quiz.option(wrong).is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(quiz.option(wrong)).to_be_checked()
    page.keyboard.press("Tab")
    expect(quiz.check_button).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    scrolled = page.evaluate("scrollY")
    page.keyboard.press("Enter")
    expect(quiz.feedback).to_have_text(re.compile(r"^✗ Not quite"))
    expect(quiz.check_button).to_be_focused()  # no focus loss
    assert page.evaluate("scrollY") == scrolled, "the page must not jump"
    page.keyboard.press("Tab")
    expect(quiz.retry_button).to_be_focused()
    page.keyboard.press("Enter")
    expect(quiz.root.locator("input").first).to_be_focused()
    right = quiz.right_answer()[0]
    for _ in range(len(spec["options"])):
        if quiz.option(right).is_checked():
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # a no-op on a checked radio, and it stays checked
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(quiz.feedback).to_have_text(re.compile(r"^✓ Correct"))


def test_the_question_names_the_group_and_feedback_is_announced(page, watched):
    spec = widgets(AUTHORS, "quiz")[0]
    page.goto(page_url(AUTHORS))
    quiz = Quiz(page, spec)
    expect(page.get_by_role("group", name=re.compile(re.escape(spec["question"].split("$")[0].strip())))).to_have_count(
        1
    )
    expect(quiz.feedback).to_have_attribute("aria-live", "polite")


def test_quizzes_and_exercises_work_after_an_instant_navigation(page, watched):
    # Material's instant navigation re-creates every <script> of the new page's
    # content as a plain one: the widgets' data must not live in one.
    src = next(s for s in QUIZ_PAGES if s.startswith("lessons/") and widgets(s, "exercise"))
    start = next(s for s in sorted(pages()) if s.startswith("lessons/") and s != src)
    page.goto(page_url(start))  # a lesson: the nav's lesson section is open
    page.evaluate("window.stillTheSamePage = true")
    page.locator(f'.md-nav--primary a[href$="{page_url(src)}"]').first.click()
    expect(page).to_have_url(re.compile(re.escape(page_url(src)) + "$"))
    spec = widgets(src, "quiz")[0]
    quiz = Quiz(page, spec).answer(Quiz(page, spec).right_answer())
    expect(quiz.feedback).to_have_text(re.compile(r"^✓ Correct"))
    exercise = page.locator(f'section.course-exercise[data-exercise-id="{widgets(src, "exercise")[0]["id"]}"]')
    expect(exercise.get_by_role("button", name="Check", exact=True)).to_be_visible()
    assert page.evaluate("window.stillTheSamePage"), "the navigation loaded the page afresh"
