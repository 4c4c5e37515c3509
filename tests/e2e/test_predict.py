"""Predict, then run, in the browser: the authors' page has a panel that asks in a
text box (z = 0.5 * 4.0 - 1.0 prints 1.0) and one with choices (the sigmoid of 1
prints 0.7310585786300049; of 0.5 | 0.73 | 1.0 only 0.73 matches). Python decides
the match (coursekit.predict); these tests check what the learner sees and hears."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .pages import BOOT_TIMEOUT, RUN_TIMEOUT, Panel
from .test_accessibility import AXE, SCHEMES, SERIOUS, set_scheme

PAGE = "/authors/"
TEXT = "Code panel: Predict z"
CHOICES = "Code panel: Predict the sigmoid"
MATCH = "Match: the output is what you predicted · Ready (ran in"
NO_MATCH = "No match: the output differs from your prediction · Ready (ran in"
SECOND_LOOK = "Not what you expected? Read the code line by line, or press Step through."


class PredictPanel(Panel):
    def __init__(self, page: Page, name: str) -> None:
        super().__init__(page, page.get_by_role("region", name=name))
        self.prediction = self.root.get_by_role("textbox", name="Your prediction")
        self.run_with = self.root.get_by_role("button", name="Run with my prediction")
        self.skip = self.root.get_by_role("button", name="Just run it")
        self.result = self.root.get_by_role("group", name="Your prediction and the output")

    def choice(self, text: str):
        return self.root.get_by_role("radio", name=text, exact=True)

    def record_status(self) -> None:
        """Keep every text the status line shows from now on (what a screen reader is given)."""
        self.root.locator("[role=status]").evaluate(
            """(status) => {
              window.statusTexts = [];
              new MutationObserver(() => window.statusTexts.push(status.textContent))
                .observe(status, { childList: true, characterData: true, subtree: true });
            }"""
        )

    def status_texts(self) -> list[str]:
        return self.page.evaluate("window.statusTexts")


def serious_violations_in_predict_panels(page: Page) -> list[str]:
    """axe's serious and critical findings inside the page's predict panels (the rest of the
    authors' page belongs to other widgets, and test_accessibility scans every page whole)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("async () => (await axe.run({ include: [['.course-panel--predict']] })).violations")
    return [
        f"{v['impact']} {v['id']}: {v['help']} — {[' '.join(map(str, node['target'])) for node in v['nodes']][:5]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]


def open_panel(page: Page, name: str) -> PredictPanel:
    page.goto(PAGE)
    panel = PredictPanel(page, name)
    panel.root.scroll_into_view_if_needed()
    panel.wait_ready()
    return panel


@pytest.fixture
def text_panel(page, watched) -> PredictPanel:
    return open_panel(page, TEXT)


@pytest.fixture
def choice_panel(page, watched) -> PredictPanel:
    return open_panel(page, CHOICES)


def test_a_matching_prediction_is_shown_beside_the_output_and_said_once(text_panel):
    panel = text_panel
    expect(panel.root.get_by_text("What will this print?")).to_be_visible()
    panel.record_status()
    panel.prediction.fill("1")  # the output is 1.0: a whole number equal to it
    panel.run_with.click()
    panel.expect_status(re.compile("^" + re.escape(MATCH)))
    panel.expect_output("1.0")
    expect(panel.result).to_contain_text("Match")
    expect(panel.result.locator(".course-predict__side")).to_have_text(["Your prediction1", "Output1.0"])
    expect(panel.result).not_to_contain_text(SECOND_LOOK)
    expect(panel.prediction).to_have_count(0)  # the question is answered
    # The run's outcome reaches the live region once, with the verdict: never "Ready" alone first.
    finished = [text for text in panel.status_texts() if "Ready" in text]
    assert len(finished) == 1 and finished[0].startswith(MATCH), panel.status_texts()


def test_a_wrong_choice_is_no_match_with_an_invitation_to_look_again(choice_panel):
    panel = choice_panel
    expect(panel.root.get_by_role("group", name="Your prediction")).to_be_visible()
    panel.choice("0.5").check()
    panel.run_with.click()
    panel.expect_status(re.compile("^" + re.escape(NO_MATCH)))
    expect(panel.result).to_contain_text("No match")
    expect(panel.result).to_contain_text(SECOND_LOOK)
    expect(panel.result.locator(".course-predict__side")).to_have_text(
        ["Your prediction0.5", "Output0.7310585786300049"]
    )


def test_a_rounded_prediction_matches_and_whitespace_does_not_count(text_panel, page):
    panel = text_panel
    panel.set_code("print('z =', 0.7310585786300049)\nprint(2)")
    panel.prediction.fill("  z=0.73   2 ")
    panel.run_button.click()  # the panel's own Run, with a prediction written, runs with it
    panel.expect_status(re.compile("^" + re.escape(MATCH)))


def test_the_panels_run_with_nothing_written_just_runs(text_panel):
    panel = text_panel
    panel.run()
    panel.expect_status(re.compile(r"^Ready \(ran in"))
    panel.expect_output("1.0")
    expect(panel.prediction).to_have_count(0)
    expect(panel.result).to_have_count(0)


def test_run_with_an_empty_prediction_asks_for_one(text_panel):
    panel = text_panel
    panel.run_with.click()
    panel.expect_status("Write what you expect first, or press “Just run it”.")
    expect(panel.prediction).to_be_focused()
    expect(panel.output).to_be_empty()


def test_just_run_it_runs_without_asking_and_a_reload_does_not_ask_again(text_panel, page):
    panel = text_panel
    panel.skip.click()
    panel.expect_status(re.compile(r"^Ready \(ran in"))
    panel.expect_output("1.0")
    expect(panel.result).to_have_count(0)
    expect(panel.run_button).to_be_focused()  # focus stays in the panel when the question goes
    page.reload()
    again = PredictPanel(page, TEXT).wait_ready()
    expect(again.editor).to_be_visible()
    expect(again.prediction).to_have_count(0)
    expect(again.skip).to_have_count(0)


def test_a_reload_remembers_the_answer_and_reset_asks_again(choice_panel, page):
    panel = choice_panel
    panel.choice("0.73").check()
    panel.run_with.click()
    panel.expect_status(re.compile("^" + re.escape(MATCH)))
    page.reload()
    again = PredictPanel(page, CHOICES).wait_ready()
    expect(again.result).to_contain_text("Match", timeout=RUN_TIMEOUT)
    expect(again.result.locator(".course-predict__side")).to_have_text(
        ["Your prediction0.73", "Output0.7310585786300049"]
    )
    expect(again.choice("0.73")).to_have_count(0)
    again.reset_button.click()
    expect(again.choice("0.73")).to_be_visible()
    expect(again.result).to_have_count(0)
    page.reload()
    expect(PredictPanel(page, CHOICES).choice("0.5")).to_be_visible(timeout=BOOT_TIMEOUT)  # Reset is kept too


def test_keyboard_only_choice_and_text(choice_panel, page):
    panel = choice_panel
    panel.choice("0.5").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # 0.73
    expect(panel.choice("0.73")).to_be_checked()
    page.keyboard.press("Tab")
    expect(panel.run_with).to_be_focused()
    page.keyboard.press("Enter")
    panel.expect_status(re.compile("^" + re.escape(MATCH)))
    expect(panel.result).to_be_focused()  # the question is gone: focus moves to its answer

    text = PredictPanel(page, TEXT)
    text.prediction.focus()
    page.keyboard.type("2")
    page.keyboard.press("Enter")  # Enter in the box runs with the prediction
    text.expect_status(re.compile("^" + re.escape(NO_MATCH)))
    expect(text.result).to_be_focused()
    expect(text.result).to_contain_text(SECOND_LOOK)


def test_an_error_counts_as_printed(text_panel):
    panel = text_panel
    panel.set_code("print(1)\n1 / 0")
    panel.prediction.fill("1 ZeroDivisionError: division by zero")
    panel.run_with.click()
    panel.expect_status(re.compile(r"^Match: the output is what you predicted · Error: ZeroDivisionError"))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_asking_and_answered_are_axe_clean(scheme, page, watched):
    text = open_panel(page, TEXT)
    choices = PredictPanel(page, CHOICES)
    set_scheme(page, scheme)
    expect(choices.choice("0.5")).to_be_visible()
    assert serious_violations_in_predict_panels(page) == []
    text.prediction.fill("3")
    text.run_with.click()
    choices.choice("0.73").check()
    choices.run_with.click()
    text.expect_status(re.compile("^" + re.escape(NO_MATCH)))
    choices.expect_status(re.compile("^" + re.escape(MATCH)))
    assert serious_violations_in_predict_panels(page) == []
