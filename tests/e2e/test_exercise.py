"""Every exercise on the site, in Chromium: a documented mistake gets its
specific message, the reference solution passes. Learner exceptions, endless
loops and tampering are failures, never a broken panel; hints one at a time;
the solution after a real attempt and a confirmation, the learner's code kept."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.lesson_widgets import page_url, pages

from .pages import BOOT_TIMEOUT
from .widgets import Exercise, widgets

EXERCISES = sorted((src, w["id"]) for src, found in pages().items() for w in found if w["kind"] == "exercise")
AUTHORS = "authors.md"
EXAMPLE = widgets(AUTHORS, "exercise")[0]["id"]


@pytest.mark.parametrize("src, exercise_id", EXERCISES, ids=[f"{src}:{i}" for src, i in EXERCISES])
def test_every_exercise_names_a_mistake_then_passes_its_solution(src, exercise_id, page, watched):
    page.goto(page_url(src))
    exercise = Exercise(page, exercise_id).wait_ready()
    code, fragment = exercise.spec.mistakes[0]
    exercise.check(code)
    exercise.expect_failed(
        re.compile(r"^✗ Not passed yet: 1 check failed\.( Fix it first: \d+ more checks? will run after it\.)?$")
    )
    failed = exercise.results.locator(".course-exercise__result--failed")
    expect(failed).to_have_count(1)  # one mistake, one message: the checks after it are not run
    expect(failed).to_contain_text(fragment)
    expect(exercise.solution).to_be_hidden()
    exercise.check(exercise.spec.solution)
    exercise.expect_passed()
    expect(exercise.results.locator(".course-exercise__result--failed")).to_have_count(0)
    expect(exercise.solution).to_be_visible()  # shown after a pass
    expect(exercise.solution.locator("code")).to_have_text(exercise.spec.solution)


def test_the_starter_code_does_not_pass_and_runs_no_checks(page, watched):
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE).wait_ready()
    exercise.check()
    exercise.expect_failed("✗ Not passed yet: This is still the starter code: change it, then Check.")
    expect(exercise.results.locator(".course-exercise__result--passed")).to_have_count(0)


def test_an_exception_in_the_learners_code_is_a_failed_check_with_its_traceback(page, watched):
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE).wait_ready()
    exercise.check("def helper():\n    raise ValueError('oops')\n\nhelper()\n")
    exercise.expect_failed()
    first = exercise.results.locator(".course-exercise__result").first
    expect(first).to_contain_text("Your code raised ValueError on line 2")
    first.get_by_text("Traceback", exact=True).click()
    expect(first.locator("pre")).to_contain_text('File "<your code>", line 2, in helper')
    exercise.check(exercise.spec.solution)  # the panel still works
    exercise.expect_passed()


def test_an_endless_loop_stopped_by_the_learner_is_a_failure(page, watched):
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE).wait_ready()
    exercise.check("while True:\n    pass\n")
    exercise.panel.expect_status("Running…")
    exercise.panel.stop_button.click()
    exercise.expect_failed("✗ Not passed. You stopped the check before it finished.")
    exercise.panel.expect_status(re.compile(r"Ready$"), timeout=BOOT_TIMEOUT)  # "Stopped · Ready" after a restart
    exercise.check(exercise.spec.solution)
    exercise.expect_passed()


def test_an_endless_loop_is_stopped_by_the_time_limit_and_reported(page, watched):
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE).wait_ready()
    exercise.check("while True:\n    pass\n")  # whatever the exercise, its code never ends
    limit = exercise.spec.timeout
    exercise.expect_failed(re.compile(rf"^✗ Not passed\. Your code ran for more than {limit:g} s"))
    expect(exercise.panel.output).to_contain_text("time limit")


def test_tampering_with_python_is_reported_as_a_failure(page, watched):
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE).wait_ready()
    exercise.check("import builtins\nbuiltins.max = lambda *args: 0.0\n\n" + exercise.spec.solution)
    exercise.expect_failed()
    expect(exercise.results).to_contain_text("changed Python's built-in functions or the checker")
    exercise.check(exercise.spec.solution)
    exercise.expect_passed()


def test_hints_appear_one_at_a_time(page, watched):
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE)
    hints = exercise.root.locator(".course-exercise__hint")
    expect(hints).to_have_count(len(exercise.spec.hints))
    for shown in range(1, len(exercise.spec.hints) + 1):
        exercise.hint_button.click()
        for index in range(len(exercise.spec.hints)):
            (expect(hints.nth(index)).to_be_visible if index < shown else expect(hints.nth(index)).to_be_hidden)()
        expect(exercise.announcer).to_contain_text(f"Hint {shown} of {len(exercise.spec.hints)}")
    expect(exercise.hint_button).to_have_attribute("aria-disabled", "true")


def test_the_solution_needs_a_real_attempt_and_a_confirmation_and_keeps_the_learners_code(page, watched):
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE).wait_ready()
    exercise.solution_button.click()
    expect(exercise.help).to_contain_text("Try it first")
    expect(exercise.solution).to_be_hidden()
    exercise.check()  # the starter code, unchanged, is not a real attempt
    exercise.expect_failed()
    exercise.solution_button.click()
    expect(exercise.solution).to_be_hidden()
    mine, _ = exercise.spec.mistakes[0]
    exercise.check(mine)
    exercise.expect_failed()
    exercise.solution_button.click()
    dialog = page.get_by_role("dialog", name="Show the solution?")
    dialog.get_by_role("button", name="Not yet").click()
    expect(dialog).to_have_count(0)
    expect(exercise.solution).to_be_hidden()
    exercise.solution_button.click()
    page.get_by_role("dialog", name="Show the solution?").get_by_role("button", name="Show solution").click()
    expect(exercise.solution).to_be_visible()
    expect(exercise.help).to_have_text("")  # "Try it first" is gone once the solution is shown
    editor = exercise.panel.editor
    expect(editor).to_have_text(mine.replace("\n", ""))  # the learner's code is still there
    exercise.solution.get_by_role("button", name="Put the solution in the editor").click()
    expect(editor).to_have_text(exercise.spec.solution.replace("\n", ""))
    editor.click()
    page.keyboard.press("ControlOrMeta+z")
    expect(editor).to_have_text(mine.replace("\n", ""))  # undo gives it back


def test_an_exercise_with_the_keyboard_only(page, watched):
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE).wait_ready()
    exercise.panel.editor.focus()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(exercise.spec.solution)
    page.keyboard.press("Escape")  # CodeMirror: Escape, then Tab leaves the editor
    page.keyboard.press("Tab")
    expect(exercise.panel.run_button).to_be_focused()
    page.keyboard.press("Tab")
    expect(exercise.check_button).to_be_focused()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus must be visible"
    page.keyboard.press("Enter")
    exercise.expect_passed()
    expect(exercise.check_button).to_be_focused()


def passing_variant(solution: str) -> list[str]:
    """The reference solution with a line of the learner's own on top and a comment on its last line."""
    lines = solution.rstrip("\n").split("\n")
    return ["# my own version", *lines[:-1], lines[-1] + "  # mine"]


def open_comparison(page, width: int = 1280):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(page_url(AUTHORS))
    exercise = Exercise(page, EXAMPLE).wait_ready()
    compare = exercise.root.get_by_role("button", name="Compare with the reference")
    expect(compare).to_have_count(0)  # nothing to compare before a pass
    mine = passing_variant(exercise.spec.solution)
    exercise.check("\n".join(mine) + "\n")
    exercise.expect_passed()
    expect(compare).to_have_attribute("aria-expanded", "false")
    compare.focus()
    page.keyboard.press("Enter")  # reachable and usable from the keyboard
    expect(compare).to_have_attribute("aria-expanded", "true")
    return exercise, mine, compare


def test_after_a_pass_the_code_that_passed_is_compared_line_by_line_with_the_reference(page, watched):
    exercise, mine, compare = open_comparison(page)
    reference = exercise.spec.solution.rstrip("\n").split("\n")
    view = exercise.root.locator(f"#{compare.get_attribute('aria-controls')}")
    yours_side = view.get_by_role("region", name="Your code (as it passed)")
    reference_side = view.get_by_role("region", name="Reference solution")
    expect(view.locator(".course-compare__summary")).to_have_text(
        "2 lines differ: − marks a line of yours, + a line of the reference."
    )
    expect(yours_side.get_by_role("listitem")).to_have_count(len(mine))
    expect(reference_side.get_by_role("listitem")).to_have_count(len(reference))
    # Marked by a sign, by <del>/<ins> and by words, not only by colour.
    expect(yours_side.locator("del")).to_have_text([f"only in yours: {mine[0]}", f"differs: {mine[-1]}"])
    expect(reference_side.locator("ins")).to_have_text([f"differs: {reference[-1]}"])
    expect(yours_side.locator(".course-compare__line--yours .course-compare__sign")).to_have_text(["−", "−"])
    expect(reference_side.locator(".course-compare__line--reference .course-compare__sign")).to_have_text(["+"])
    # Side by side, each pair of lines level with the other.
    left, right = yours_side.bounding_box(), reference_side.bounding_box()
    assert left["x"] + left["width"] <= right["x"] and left["y"] == right["y"]
    last_yours, last_reference = yours_side.locator("li").last, reference_side.locator("li").last
    assert last_yours.bounding_box()["y"] == last_reference.bounding_box()["y"]
    page.keyboard.press("Enter")
    expect(compare).to_have_attribute("aria-expanded", "false")
    expect(view).to_be_hidden()


def test_on_a_phone_the_two_programs_are_stacked(page, watched):
    exercise, _, compare = open_comparison(page, width=390)
    view = exercise.root.locator(f"#{compare.get_attribute('aria-controls')}")
    yours_side = view.get_by_role("region", name="Your code (as it passed)").bounding_box()
    reference_side = view.get_by_role("region", name="Reference solution").bounding_box()
    assert yours_side["y"] + yours_side["height"] <= reference_side["y"]
    assert reference_side["width"] > 300  # the full width, not half of it
    expect(view.locator(".course-compare__line--filler").first).to_be_hidden()
