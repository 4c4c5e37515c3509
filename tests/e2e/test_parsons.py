"""Parsons problems in the browser: solved by keyboard only and by dragging, a
wrong order and a distractor get their messages, moves are announced with the
focus kept on the moved line, progress is kept, and axe finds nothing serious.

The solution, the distractors and their explanations come from the spec
(coursekit.parsons), never from the page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.lesson_widgets import ROOT, page_url, pages

from .pages import BOOT_TIMEOUT, wait_all_set_up
from .parsons_page import Problem
from .test_accessibility import serious_violations, set_scheme

LESSON = "/lessons/first-neuron/"
PROBLEM = "neuron-function"
SHOTS = ROOT / "build" / "screenshots"


@pytest.fixture
def problem(lesson, page) -> Problem:
    lesson.open(LESSON)
    found = Problem(page, PROBLEM)
    expect(found.root).to_have_class(re.compile("course-parsons--mounted"))
    wait_all_set_up(page)  # the drags aim at where the lines are
    return found


def test_the_lines_start_shuffled_as_the_spec_says(problem):
    assert problem.order() == problem.spec.order
    assert [index for index in problem.order() if index not in problem.distractors] != [i for i, _ in problem.solution]


def test_solved_by_keyboard_only_and_kept_after_a_reload(problem, page):
    problem.arrange_by_keyboard(problem.solution, problem.distractors)
    problem.check()
    problem.expect_summary(re.compile("^✓ Solved"))
    page.reload()
    again = Problem(page, PROBLEM)
    expect(again.results).to_contain_text("You solved this Parsons problem")
    assert again.order() == [line for line, _ in problem.solution]
    for line, indent in problem.solution:
        expect(again.option(line)).to_have_accessible_name(re.compile(f", indent {indent}:"))


EVERY = [(src, widget) for src, found in sorted(pages().items()) for widget in found if widget["kind"] == "parsons"]


@pytest.mark.parametrize(("src", "widget"), EVERY, ids=[widget["id"] for _, widget in EVERY])
def test_every_problem_of_the_course_is_solved_in_the_browser(lesson, page, src, widget):
    lesson.open(page_url(src))
    Problem(page, widget["id"], widget["title"]).solve_by_keyboard()


def test_a_move_is_announced_and_the_focus_stays_on_the_moved_line(problem, page):
    third = problem.order()[2]
    problem.focus(third)
    page.keyboard.press("Alt+ArrowUp")
    expect(problem.announcer).to_have_text("line 3 moved to position 2, indent 0")
    expect(problem.option(third)).to_be_focused()
    assert problem.order()[1] == third
    page.keyboard.press("Alt+ArrowRight")
    expect(problem.announcer).to_have_text("line 2, indent 1")
    expect(problem.option(third)).to_be_focused()


def test_tab_leaves_the_list_unless_a_line_is_selected(problem, page):
    first = problem.order()[0]
    problem.focus(first)
    page.keyboard.press("Space")
    expect(problem.option(first)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Tab")
    expect(problem.option(first)).to_be_focused()  # indented, focus kept
    expect(problem.option(first)).to_have_accessible_name(re.compile("indent 1:"))
    page.keyboard.press("Escape")
    expect(problem.option(first)).to_have_attribute("aria-selected", "false")
    page.keyboard.press("Tab")
    expect(problem.check_button).to_be_focused()  # not trapped


def test_solved_by_dragging(problem, page):
    for line in problem.distractors:
        problem.option(line).drag_to(problem.aside)
        expect(problem.option(line)).to_have_accessible_name(re.compile("^set aside:"))
    for position, (line, indent) in enumerate(problem.solution):
        if problem.order().index(line) != position:
            problem.option(line).drag_to(problem.option(problem.order()[position]))
        assert problem.order().index(line) == position
        drag_indent(page, problem.option(line), indent)
    problem.check()
    problem.expect_summary(re.compile("^✓ Solved"))


def drag_indent(page: Page, option: Locator, indent: int) -> None:
    """Press on the line and move right, a little at a time, until it shows ``indent``; then let go."""
    box = option.bounding_box()
    x, y = box["x"] + 40, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 400):
        if f", indent {indent}:" in (option.text_content() or ""):
            break
        page.mouse.move(x + step * 4, y)
    page.mouse.up()
    expect(option).to_have_accessible_name(re.compile(f", indent {indent}:"))


def test_the_shuffled_start_a_wrong_order_and_a_distractor_get_their_messages(problem):
    problem.check()
    problem.expect_summary(re.compile("^✗ Not solved"))
    expect(problem.results).to_contain_text("as they were shuffled")

    solution = problem.solution
    swapped = [solution[0], solution[2], solution[1], *solution[3:]]
    problem.arrange_by_keyboard(swapped, problem.distractors)
    problem.check()
    moved = problem.spec.lines[solution[2][0]].text
    after = problem.spec.lines[solution[1][0]].text
    expect(problem.results).to_contain_text(f"Line 2, `{moved}`, should come after `{after}`.", timeout=BOOT_TIMEOUT)
    expect(problem.option(solution[2][0])).to_have_attribute("data-problem", "order")

    distractor = problem.distractors[0]
    problem.focus(distractor)
    problem.page.keyboard.press("Delete")  # put it back, at the end of the program
    problem.check()
    explanation = problem.spec.lines[distractor].explanation
    expect(problem.results).to_contain_text(f"does not belong: {explanation}", timeout=BOOT_TIMEOUT)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_serious_and_the_problem_is_drawn_at_both_widths(problem, page, scheme):
    set_scheme(page, scheme)
    problem.focus(problem.order()[1])
    page.keyboard.press("Space")
    problem.check()
    problem.expect_summary(re.compile("^✗ Not solved"))
    assert serious_violations(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        problem.root.scroll_into_view_if_needed()
        problem.root.screenshot(path=str(SHOTS / f"parsons-{scheme}-{width}.png"))
    assert serious_violations(page) == []
