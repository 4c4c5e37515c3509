"""input() in a code panel, where the page is cross-origin isolated (web/src/runner/input-channel.js).

The answer box appears in the output area after the prompt; the answer goes
back to Python synchronously. Without isolation input() keeps its message
(tests/e2e/test_panel.py::test_input_gives_a_clear_message).
"""

import re

import pytest
from playwright.sync_api import expect

from .server import ISOLATED
from .test_accessibility import SCHEMES, serious_violations, set_scheme
from .test_runtime import python_workers_started

LESSON = ISOLATED + "lessons/first-neuron/"
ASK_NAME = "name = input('Your name? ')\nprint('Hello,', name)"


def answer_box(panel, prompt: str):
    return panel.output.get_by_role("textbox", name=f"Your answer to: {prompt}")


def open_panel(lesson):
    panel = lesson.open(LESSON).panel(0).wait_ready()
    assert lesson.page.evaluate("crossOriginIsolated") is True
    return panel


def test_input_asks_in_the_output_area_and_returns_the_answer(lesson):
    panel = open_panel(lesson)
    panel.set_code(ASK_NAME)
    panel.run()
    box = answer_box(panel, "Your name?")
    expect(box).to_be_focused()
    panel.expect_status("Waiting for your input…")
    expect(panel.output).to_contain_text("Your name?")
    box.fill("Ada Lovelace")
    box.press("Enter")
    panel.expect_output("Hello, Ada Lovelace")
    panel.expect_status(re.compile(r"^Ready \(ran in"))
    expect(box).to_have_count(0)
    expect(panel.output).to_be_focused()  # the focus stayed in the output area, not lost to the page


def test_an_empty_answer_the_send_button_and_the_end_of_input(lesson):
    panel = open_panel(lesson)
    panel.set_code(
        "import sys\n"
        "first = input('first? ')\n"
        "second = sys.stdin.readline()\n"
        "try:\n"
        "    input('third? ')\n"
        "except EOFError:\n"
        "    print('EOF')\n"
        "print(repr(first), repr(second))"
    )
    panel.run()
    answer_box(panel, "first?").press("Enter")  # an empty answer is an empty string
    box = panel.output.get_by_role("textbox", name="Your code's input")  # readline() has no prompt
    box.fill("naïve ☃")
    panel.output.get_by_role("button", name="Send").click()
    answer_box(panel, "third?").press("Control+d")
    panel.expect_output("EOF\n'' 'naïve ☃\\n'")
    panel.expect_status(re.compile(r"^Ready \(ran in"))


def test_stop_while_waiting_for_input_keeps_python(lesson):
    page = lesson.page
    panel = open_panel(lesson)
    panel.set_code("x = input('Wait? ')\nprint('not reached')")
    panel.run()
    expect(answer_box(panel, "Wait?")).to_be_visible()
    panel.stop_button.click()
    panel.expect_status("Stopped")
    expect(panel.output).to_contain_text("Stopped.")
    expect(panel.output).not_to_contain_text("restarted")
    expect(panel.output.get_by_role("textbox")).to_have_count(0)
    panel.set_code("print('still here')")
    panel.run()
    panel.expect_output("still here")
    assert python_workers_started(page) == 1, "the worker was restarted"


def test_the_time_limit_waits_while_the_learner_answers(lesson):
    """The panel's 10 s limit counts Python's time, not the learner's: a minute at the prompt stops nothing."""
    page = lesson.page
    page.clock.install()  # the page's timers, the time limit's among them, follow this clock
    panel = open_panel(lesson)
    panel.set_code("answer = input('Take your time? ')\nprint('got', answer)")
    panel.run()
    box = answer_box(panel, "Take your time?")
    expect(box).to_be_visible()
    page.clock.run_for("01:00")
    panel.expect_status("Waiting for your input…")
    box.fill("yes")
    box.press("Enter")
    panel.expect_output("got yes")
    panel.set_code("while True:\n    pass")
    panel.run()
    panel.expect_status("Running…")
    page.clock.run_for("00:11")  # the limit still counts while Python runs
    panel.expect_status("Stopped (time limit)")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_answer_box_is_accessible_light_and_dark(lesson, width, tmp_path):
    page = lesson.page
    page.set_viewport_size({"width": width, "height": 900})
    panel = open_panel(lesson)
    panel.set_code(ASK_NAME)
    panel.run()
    box = answer_box(panel, "Your name?")
    expect(box).to_be_focused()
    for scheme in SCHEMES:
        set_scheme(page, scheme)
        panel.output.screenshot(path=tmp_path / f"input-{scheme}-{width}.png")
        assert serious_violations(page) == [], scheme
    box.fill("Ada")
    box.press("Enter")
    panel.expect_output("Hello, Ada")
