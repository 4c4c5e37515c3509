"""Page objects for quizzes, recall prompts, exercises and the progress page,
found by role and name. Specs (correct options, answers, solutions) come from
the site's Markdown and the exercise registry, never from the tests."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from coursekit import exercises
from tests.lesson_widgets import pages

from .pages import BOOT_TIMEOUT, RUN_TIMEOUT, Panel, wait_all_set_up
from .parsons_page import Problem

PREFIX = "neuron-course:v1:"


def widgets(src: str, kind: str) -> list[dict]:
    return [w for w in pages()[src] if w["kind"] == kind]


def lesson_sources() -> list[str]:
    return sorted(src for src in pages() if src.startswith("lessons/"))


class Quiz:
    def __init__(self, page: Page, spec: dict) -> None:
        self.page = page
        self.spec = spec
        self.root = page.locator(f'.course-quiz[data-quiz-key="{spec["key"]}"]')
        self.group = self.root.get_by_role("group")  # the <fieldset>, named by its <legend>
        self.check_button = self.root.get_by_role("button", name="Check", exact=True)
        self.retry_button = self.root.get_by_role("button", name="Retry", exact=True)
        self.show_answer_button = self.root.get_by_role("button", name="Show answer", exact=True)
        self.feedback = self.root.get_by_role("status")

    @property
    def numeric(self) -> bool:
        return self.spec["type"] == "numeric"

    def option(self, index: int) -> Locator:
        return self.root.locator(f'input[value="{index}"]')

    def explanation(self, index: int) -> Locator:
        return self.root.locator(f'.course-quiz__option[data-index="{index}"] .course-quiz__explanation')

    @property
    def field(self) -> Locator:
        return self.root.get_by_role("textbox", name="Your answer")

    def right_answer(self):
        if self.numeric:
            return repr(self.spec["answer"])
        return [i for i, option in enumerate(self.spec["options"]) if option["correct"]]

    def wrong_answer(self):
        if self.numeric:
            return repr(self.spec["answer"] + 10 * self.spec["tolerance"] + 1)
        return [next(i for i, option in enumerate(self.spec["options"]) if not option["correct"])]

    def answer(self, answer) -> Quiz:
        # Formulas near the quiz are set up as it scrolls into view: a click aimed before they are lands
        # where the option was (test_every_quiz_keeps_the_answer_hidden_after_a_wrong_try, lessons/loss).
        wait_all_set_up(self.page)
        if self.numeric:
            self.field.fill(answer)
        else:
            for index in answer:
                self.option(index).check()
        self.check_button.click()
        return self


class Recall:
    def __init__(self, page: Page, spec: dict) -> None:
        self.root = page.locator(f'.course-recall[data-recall-key="{spec["key"]}"]')
        self.textbox = self.root.get_by_role("textbox")
        self.show = self.root.get_by_role("button", name="Show answer", exact=True)
        self.answer = self.root.locator(".course-recall__answer")
        self.feedback = self.root.locator(".course-recall__feedback")

    def rating(self, name: str) -> Locator:
        return self.root.get_by_role("button", name=name, exact=True)


class Exercise:
    def __init__(self, page: Page, exercise_id: str) -> None:
        self.page = page
        self.spec = exercises.get(exercise_id)
        self.root = page.locator(f'section.course-exercise[data-exercise-id="{exercise_id}"]')
        self.panel = Panel(page, self.root.get_by_role("group", name=re.compile("^Exercise code")))
        self.check_button = self.root.get_by_role("button", name="Check", exact=True)
        self.results = self.root.get_by_role("status", name="Check results")
        self.summary = self.results.locator(".course-exercise__summary")
        self.hint_button = self.root.get_by_role("button", name="Show hint", exact=True)
        self.solution_button = self.root.get_by_role("button", name="Show solution", exact=True)
        self.solution = self.root.get_by_role("group", name="Reference solution")
        self.help = self.root.locator(".course-exercise__help")
        self.announcer = self.root.locator(".course-exercise__announce")

    def wait_ready(self) -> Exercise:
        self.panel.wait_ready()
        return self

    def check(self, code: str | None = None) -> Exercise:
        if code is not None:
            self.panel.set_code(code)
        self.check_button.click()
        return self

    def expect_passed(self) -> None:
        expect(self.summary).to_have_text(re.compile(r"^✓ All \d+ checks pass"), timeout=BOOT_TIMEOUT)

    def expect_failed(self, text: str | re.Pattern = re.compile(r"^✗ Not passed")) -> None:
        expect(self.summary).to_have_text(text, timeout=BOOT_TIMEOUT)


def complete_lesson(page: Page, src: str, optional: bool = True) -> None:
    """Answer every quiz rightly, rate every recall prompt, pass every exercise and solve every
    Parsons problem of a lesson (but its optional exercises when ``optional`` is false)."""
    wait_all_set_up(page)  # the clicks aim where the options are: nothing set up later moves them
    for spec in widgets(src, "quiz"):
        quiz = Quiz(page, spec)
        quiz.answer(quiz.right_answer())
        expect(quiz.feedback).to_have_text(re.compile(r"^✓ Correct"))
    for spec in widgets(src, "recall"):
        recall = Recall(page, spec)
        recall.show.click()
        recall.rating("Got it").click()
        expect(recall.rating("Got it")).to_have_attribute("aria-pressed", "true")
    for spec in widgets(src, "exercise"):
        if spec.get("optional") and not optional:
            continue
        exercise = Exercise(page, spec["id"]).wait_ready()
        exercise.check(exercise.spec.solution)
        exercise.expect_passed()
    for spec in widgets(src, "parsons"):
        Problem(page, spec["id"], spec["title"]).solve_by_keyboard()


def nav_link(page: Page, title: str) -> Locator:
    return page.locator(".md-nav--primary").get_by_role("link", name=re.compile("^" + re.escape(title)))


def saved_keys(page: Page) -> list[str]:
    return page.evaluate(f"Object.keys(localStorage).filter(k => k.startsWith({PREFIX!r})).sort()")


__all__ = [
    "Quiz",
    "Recall",
    "Exercise",
    "complete_lesson",
    "nav_link",
    "saved_keys",
    "widgets",
    "lesson_sources",
    "RUN_TIMEOUT",
]
