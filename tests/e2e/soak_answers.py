"""The soak learner's quizzes and recall prompts: answer, retry, show the answer; write, reveal, rate."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.lesson_widgets import pages

from .widgets import Quiz, Recall

QUIZZES = {w["key"]: w for found in pages().values() for w in found if w["kind"] == "quiz"}
RATINGS = ("Got it", "Partly", "Not yet")
ANY = re.compile(".")


class Answers:
    """Mixed into the soak's Learner (soak_learner.py), which has page, rng, model, state and count."""

    def spec(self, key: str) -> dict:
        """The quiz as the lesson's Markdown wrote it; the review page's own copies only by type and size."""
        if key in QUIZZES:
            return QUIZZES[key]
        root = self.page.locator(f'.course-quiz[data-quiz-key="{key}"]')
        options = root.locator("input.course-quiz__input").count()
        return {"key": key, "type": root.get_attribute("data-quiz-type"), "options": [None] * options, "unknown": True}

    def choose(self, spec: dict):
        """A right or a wrong answer, as likely (a random one where the right one is not known)."""
        right = self.rng.random() < 0.5
        numeric = spec["type"] == "numeric"
        if spec.get("unknown"):
            return repr(self.rng.choice([0.5, -1.0, 2.0])) if numeric else self.tick(spec, None)
        if numeric:
            quiz = Quiz(self.page, spec)
            return quiz.right_answer() if right else quiz.wrong_answer()
        correct = sorted(i for i, option in enumerate(spec["options"]) if option["correct"])
        return correct if right else self.tick(spec, correct)

    def tick(self, spec: dict, correct: list[int] | None) -> list[int]:
        """Options to tick other than `correct`: one for a single-choice quiz."""
        indexes = list(range(len(spec["options"])))
        while True:
            size = 1 if spec["type"] == "single" else self.rng.randint(1, len(indexes))
            chosen = sorted(self.rng.sample(indexes, size))
            if chosen != correct:
                return chosen

    def quiz(self) -> None:
        key = self.rng.choice(self.keys("quiz"))
        quiz = Quiz(self.page, self.spec(key))
        now = self.model.expected(key, self.state)
        if now["result"] is None:
            quiz.answer(self.choose(quiz.spec))
            expect(quiz.root).to_have_attribute("data-result", ANY)
        elif now["result"] == "wrong" and not now["revealed"] and self.rng.random() < 0.5:
            quiz.show_answer_button.click()
            expect(quiz.show_answer_button).to_be_hidden()
        else:
            quiz.retry_button.click()
            expect(quiz.root).not_to_have_attribute("data-result", ANY)
        self.model.items[key] = self.observe()["items"][key]

    def recall(self) -> None:
        key = self.rng.choice(self.keys("recall"))
        recall = Recall(self.page, {"key": key})
        now = self.model.expected(key, self.state)
        if self.rng.random() < 0.4:
            recall.textbox.fill(f"soak note {self.count}")
        elif not now["revealed"]:
            recall.show.click()
            expect(recall.answer).to_be_visible()
        else:
            rating = recall.rating(self.rng.choice(RATINGS))
            rating.click()
            expect(rating).to_have_attribute("aria-pressed", "true")
        self.model.items[key] = self.observe()["items"][key]
