"""Step through: a panel's code run line by line, its steps drawn in the page.

What the page shows is compared with what coursekit.tracing records in
CPython for the same code (the worker runs the same recorder in Pyodide)."""

import re

import pytest
from playwright.sync_api import expect

from coursekit.tracing import trace

from .pages import BOOT_TIMEOUT, RUN_TIMEOUT, Panel, wait_until
from .server import ISOLATED
from .test_accessibility import serious_violations, set_scheme
from .widgets import Exercise

LESSON = "/lessons/first-neuron/"
CODE = """\
def double(x):
    y = x * 2
    return y

total = 0
for i in range(3):
    total += double(i)
    print("total", total)
"""


class Stepper:
    def __init__(self, panel):
        self.panel = panel
        root = panel.root
        self.button = root.get_by_role("button", name="Step through", exact=True)
        self.group = root.get_by_role("group", name=re.compile("^Step through"))
        self.first = self.group.get_by_role("button", name="First", exact=True)
        self.previous = self.group.get_by_role("button", name="Previous", exact=True)
        self.next = self.group.get_by_role("button", name="Next", exact=True)
        self.last = self.group.get_by_role("button", name="Last", exact=True)
        self.leave = self.group.get_by_role("button", name="Leave step mode", exact=True)
        self.slider = self.group.get_by_role("slider", name="Step")
        self.position = self.group.locator(".course-stepper__position")
        self.announcer = self.group.locator(".course-stepper__announce[aria-live=polite]")
        self.rows = self.group.get_by_role("table", name="Variables").locator("tbody tr")
        self.output = self.group.locator(".course-stepper__output")
        self.line = root.locator(".cm-line.course-step-line")

    def start(self):
        self.button.click()
        expect(self.position).to_have_text(re.compile(r"^Step 1 of "), timeout=RUN_TIMEOUT)
        return self

    def expect_step(self, steps, index, code):
        step = steps[index]
        where = "after the last line" if step["line"] is None else f"line {step['line']}"
        expect(self.position).to_have_text(f"Step {index + 1} of {len(steps):,}, {where}")
        if step["line"] is None:
            expect(self.line).to_have_count(0)
        else:
            expect(self.line).to_have_text(code.splitlines()[step["line"] - 1])
        rows = [f"{v['name']}{v['value']}{'changed' if v['changed'] else ''}" for v in step["variables"]]
        expect(self.rows).to_have_text(rows)
        expect(self.slider).to_have_value(str(index + 1))


def stepper_with(lesson, code):
    panel = lesson.open(LESSON).panel(0).wait_ready()
    panel.set_code(code)
    return Stepper(panel).start()


def test_the_steps_shown_are_the_recorders(lesson):
    steps = trace(CODE)["steps"]
    stepper = stepper_with(lesson, CODE)
    stepper.expect_step(steps, 0, CODE)
    expect(stepper.panel.status).to_have_text(f"Step through: {len(steps)} steps recorded")
    inside = [index for index, step in enumerate(steps) if step["function"] == "double"]
    assert inside, "the trace should step into double()"
    for index in range(1, inside[0] + 2):
        stepper.next.click()
        stepper.expect_step(steps, index, CODE)
        if index == inside[0]:
            expect(stepper.group).to_contain_text("In double(), call depth 1.")
    stepper.last.click()
    stepper.expect_step(steps, len(steps) - 1, CODE)
    expect(stepper.output).to_have_text("total 0\ntotal 2\ntotal 6\n")
    stepper.previous.click()
    stepper.expect_step(steps, len(steps) - 2, CODE)
    stepper.first.click()
    stepper.expect_step(steps, 0, CODE)
    expect(stepper.output).to_have_text("Nothing printed yet.")
    expect(stepper.first).to_have_attribute("aria-disabled", "true")


def test_keyboard_only(lesson):
    steps = trace(CODE)["steps"]
    stepper = stepper_with(lesson, CODE)
    page = lesson.page
    stepper.button.focus()  # from here on, keys only
    page.keyboard.press("Enter")  # Step through again, from the keyboard
    expect(stepper.next).to_be_focused()
    stepper.expect_step(steps, 0, CODE)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    stepper.expect_step(steps, 2, CODE)
    expect(stepper.announcer).to_have_text(re.compile(r"^Step 3 of \d+, line \d+\."))
    page.keyboard.press("End")
    stepper.expect_step(steps, len(steps) - 1, CODE)
    page.keyboard.press("ArrowLeft")
    stepper.expect_step(steps, len(steps) - 2, CODE)
    page.keyboard.press("Home")
    stepper.expect_step(steps, 0, CODE)
    stepper.slider.focus()
    page.keyboard.press("ArrowRight")  # the native range input
    stepper.expect_step(steps, 1, CODE)
    stepper.panel.editor.focus()
    page.keyboard.press("Alt+ArrowRight")  # inside the editor
    stepper.expect_step(steps, 2, CODE)
    page.keyboard.press("Alt+ArrowLeft")
    stepper.expect_step(steps, 1, CODE)
    stepper.leave.focus()
    page.keyboard.press("Enter")
    expect(stepper.group).to_be_hidden()
    expect(stepper.button).to_be_focused()


def test_editing_the_code_or_running_it_leaves_step_mode(lesson):
    stepper = stepper_with(lesson, CODE)
    stepper.next.click()
    expect(stepper.line).to_have_count(1)
    stepper.panel.editor.click()
    lesson.page.keyboard.press("End")
    lesson.page.keyboard.type("  # edited")
    expect(stepper.group).to_be_hidden()
    expect(stepper.line).to_have_count(0)
    stepper.start()
    stepper.panel.run()
    expect(stepper.group).to_be_hidden()
    stepper.panel.expect_output("total 6")
    expect(stepper.line).to_have_count(0)


def test_an_exception_is_shown_at_the_last_step(lesson):
    code = "def inverse(x):\n    return 1 / x\n\nprint('before')\ninverse(0)\n"
    result = trace(code)
    stepper = stepper_with(lesson, code)
    expect(stepper.panel.status).to_have_text(re.compile("ending in ZeroDivisionError$"))
    stepper.last.click()
    stepper.expect_step(result["steps"], len(result["steps"]) - 1, code)
    expect(stepper.group).to_contain_text("ZeroDivisionError: division by zero")
    expect(stepper.announcer).to_contain_text("The code raised ZeroDivisionError here.")
    stepper.previous.click()
    expect(stepper.group).not_to_contain_text("ZeroDivisionError: division by zero")


def test_a_loop_that_never_ends_shows_its_first_2000_steps(lesson):
    stepper = stepper_with(lesson, "n = 0\nwhile True:\n    n += 1\n")
    expect(stepper.group).to_contain_text("Showing the first 2,000 steps")
    stepper.last.click()
    expect(stepper.position).to_have_text(re.compile(r"^Step 2,000 of 2,000, line [23]$"))


def test_a_syntax_error_reports_as_run_does(lesson):
    panel = lesson.open(LESSON).panel(0).wait_ready()
    panel.set_code("x = (")
    Stepper(panel).button.click()
    panel.expect_status(re.compile("^Error: SyntaxError"))
    panel.expect_output("SyntaxError")
    expect(Stepper(panel).group).to_have_count(0)


def test_stepping_is_quick(lesson):
    code = "values = []\nfor i in range(300):\n    values.append(i * i)\n    total = sum(values)\n"
    stepper = stepper_with(lesson, code)
    stepper.next.focus()
    elapsed = lesson.page.evaluate(
        """() => {
            const next = document.activeElement;
            const start = performance.now();
            for (let i = 0; i < 100; i++) next.click();
            return (performance.now() - start) / 100;
        }"""
    )
    expect(stepper.position).to_have_text(re.compile(r"^Step 101 of "))
    assert elapsed <= 16, f"one step took {elapsed:.1f} ms"


def test_step_mode_is_accessible_light_and_dark(lesson):
    stepper = stepper_with(lesson, CODE)
    stepper.next.click()
    wait_until(lesson.page, "document.querySelector('.course-step-line') !== null")
    for scheme in ("default", "slate"):
        set_scheme(lesson.page, scheme)
        assert serious_violations(lesson.page) == [], scheme


def test_stop_ends_a_recording_as_it_ends_a_run(lesson):
    panel = lesson.open(LESSON).panel(0).wait_ready()
    panel.set_code("import time\nwhile True:\n    time.sleep(0.2)\n")
    Stepper(panel).button.click()
    expect(panel.stop_button).to_have_attribute("aria-disabled", "false", timeout=RUN_TIMEOUT)
    panel.stop_button.click()
    panel.expect_status(re.compile("^Stopped"))
    panel.set_code("print(6 * 7)")
    panel.run()
    panel.expect_output("42", timeout=60_000)


SLOW_LOOP = "import time\nn = 0\nwhile True:\n    n += 1\n    time.sleep(0.05)\n"


def expect_recorded(panel, at_least):
    """Wait until the page holds `at_least` steps of the recording in flight."""
    expect(panel.root).to_have_attribute("data-steps-recorded", re.compile(r"^\d+$"), timeout=RUN_TIMEOUT)
    wait_until(panel.page, f"document.querySelector('[data-steps-recorded]').dataset.stepsRecorded >= {at_least}")


@pytest.mark.parametrize("where", ["/", ISOLATED], ids=["plain", "isolated"])
def test_stop_keeps_the_steps_recorded_until_then(lesson, where):
    panel = lesson.open(where.rstrip("/") + LESSON).panel(0).wait_ready()
    assert lesson.page.evaluate("crossOriginIsolated") is (where == ISOLATED)
    panel.set_code(SLOW_LOOP)
    stepper = Stepper(panel)
    stepper.button.click()
    expect_recorded(panel, 8)
    panel.stop_button.click()
    expect(stepper.group).to_contain_text(re.compile(r"Stopped after \d+ steps: showing the steps recorded until then"))
    count = int(re.search(r"of (\d+),", stepper.position.text_content()).group(1))
    assert count >= 8
    expect(panel.status).to_have_text(re.compile(r"^Stopped"))
    steps = trace(SLOW_LOOP, limit=count)["steps"]  # the same code, cut at as many steps
    stepper.expect_step(steps, 0, SLOW_LOOP)
    for index in range(1, 8):
        stepper.next.click()
        stepper.expect_step(steps, index, SLOW_LOOP)
    if count > 8:  # (with exactly 8 steps the eighth is the last, and Last is disabled)
        stepper.last.click()
    expect(stepper.line).to_have_count(1)  # stopped on a line of the loop, not after the end
    restarted = "Python was restarted"
    if where == ISOLATED:  # interrupted: the worker and its steps stay
        expect(panel.output).not_to_contain_text(restarted)
    else:  # terminated: the steps came before it
        expect(panel.output).to_contain_text(restarted)
    panel.run()  # and Python works again
    expect(stepper.group).to_be_hidden()


def test_the_time_limit_keeps_the_steps_recorded_until_then(lesson):
    panel = lesson.open(LESSON).panel(0).wait_ready()
    panel.root.evaluate("el => el.dataset.timeout = '1'")
    code = "n = 0\nfor i in range(3):\n    n += i\nimport time\ntime.sleep(60)\n"
    steps = trace(code.replace("60", "0"))["steps"][:-1]  # up to the line that sleeps, not its end
    panel.set_code(code)
    stepper = Stepper(panel)
    stepper.button.click()
    expect(stepper.group).to_contain_text(
        f"Stopped at the time limit after {len(steps)} steps: showing the steps recorded until then",
        timeout=RUN_TIMEOUT,
    )
    expect(panel.output).to_contain_text("more than 1 s")
    stepper.last.click()
    stepper.expect_step(steps, len(steps) - 1, code)  # the line it was stuck on
    expect(stepper.line).to_have_text("time.sleep(60)")


LIVE_LESSON = "/lessons/weights-and-bias/"
LIVE_PANEL = "Code panel: A neuron that splits four points"


def code_of(panel):
    """The editor's text, line by line (a short panel: CodeMirror draws every line)."""
    return "\n".join(panel.root.locator(".cm-content .cm-line").all_text_contents())


def test_step_through_in_a_live_panel_and_a_slider_leaves_it(lesson):
    page = lesson.open(LIVE_LESSON).page
    panel = Panel(page, page.get_by_role("region", name=LIVE_PANEL))
    panel.root.scroll_into_view_if_needed()
    expect(panel.output).to_contain_text("[1, 1] -> z = 0.5 -> 1.0", timeout=BOOT_TIMEOUT)  # its own first run
    expect(panel.status).to_have_text(re.compile(r"Ready \(ran in"), timeout=RUN_TIMEOUT)
    code = code_of(panel)
    steps = trace(code)["steps"]
    stepper = Stepper(panel).start()
    stepper.expect_step(steps, 0, code)
    for index in range(1, 6):  # from the keyboard
        stepper.next.press("ArrowRight")
        stepper.expect_step(steps, index, code)
    stepper.last.click()
    stepper.expect_step(steps, len(steps) - 1, code)
    expect(stepper.output).to_contain_text("[1, 1] -> z = 0.5 -> 1.0\n[a picture: press Run to see it]")
    slider = panel.root.get_by_role("slider", name="w1")
    slider.press("ArrowRight")  # rewrites w1 in the code: step mode ends, the live run shows it
    expect(stepper.group).to_be_hidden()
    expect(stepper.line).to_have_count(0)
    expect(panel.output.locator("svg")).to_have_count(1, timeout=RUN_TIMEOUT)
    expect(panel.status).to_have_text(re.compile(r"Ready \(ran in"), timeout=RUN_TIMEOUT)
    moved = code_of(panel)
    assert moved != code and "w1 = 1.0" not in moved
    steps = trace(moved)["steps"]
    stepper.start()
    stepper.expect_step(steps, 0, moved)
    stepper.last.click()
    stepper.expect_step(steps, len(steps) - 1, moved)
    assert serious_violations(page) == []


def listeners_on_the_page(page) -> int:
    """Event listeners on window and document (Chrome's DevTools protocol can list them)."""
    cdp = page.context.new_cdp_session(page)
    try:
        total = 0
        for target in ("window", "document"):
            handle = cdp.send("Runtime.evaluate", {"expression": target})["result"]["objectId"]
            total += len(cdp.send("DOMDebugger.getEventListeners", {"objectId": handle})["listeners"])
        return total
    finally:
        cdp.detach()


def there_and_back(lesson):
    """To lesson 2 and back to lesson 1 by the footer's Next and Previous links (instant navigation),
    then Step through again."""
    page = lesson.page
    footer = page.get_by_role("navigation", name="Footer")
    footer.get_by_role("link", name=re.compile(r"^Next")).click()
    expect(page).to_have_url(re.compile(r"/lessons/weights-and-bias/$"))
    lesson.panel(0).wait_ready()
    footer.get_by_role("link", name=re.compile(r"^Previous")).click()
    expect(page).to_have_url(re.compile(r"/lessons/first-neuron/$"))
    assert page.evaluate("window.stillTheSamePage") is True, "the navigation reloaded the page"
    panel = lesson.panel(0).wait_ready()
    panel.set_code(CODE)
    return Stepper(panel).start()


def test_step_mode_across_instant_navigation(lesson):
    steps = trace(CODE)["steps"]
    stepper = stepper_with(lesson, CODE)
    stepper.next.click()  # left in step mode, then the page changes under it
    lesson.page.evaluate("window.stillTheSamePage = true")
    stepper = there_and_back(lesson)
    stepper.expect_step(steps, 0, CODE)
    stepper.next.focus()
    lesson.page.keyboard.press("ArrowRight")
    stepper.expect_step(steps, 1, CODE)
    expect(lesson.page.locator(".course-stepper")).to_have_count(1)  # only this page's
    expect(lesson.page.locator(".cm-line.course-step-line")).to_have_count(1)
    first = listeners_on_the_page(lesson.page)
    for _ in range(2):
        stepper = there_and_back(lesson)
        stepper.last.click()
        stepper.expect_step(steps, len(steps) - 1, CODE)
    assert listeners_on_the_page(lesson.page) == first, "each visit left listeners behind"


RETURN_IN_THE_LOOP = (
    "def neuron_output(inputs, weights, bias):\n"
    "    z = bias\n"
    "    for x, w in zip(inputs, weights):\n"
    "        z += x * w\n"
    "        return max(0.0, z)\n"
)


def test_a_failed_check_steps_through_the_call_it_made(lesson):
    lesson.open(LESSON)
    exercise = Exercise(lesson.page, "relu-neuron").wait_ready()
    exercise.check(RETURN_IN_THE_LOOP).expect_failed()
    offer = exercise.results.get_by_role("button", name="Step through this call")
    expect(offer).to_have_count(1)
    call = offer.get_attribute("title").removeprefix("Run ").removesuffix(" line by line, on your code")
    steps = trace(RETURN_IN_THE_LOOP, call=call)["steps"]
    offer.click()
    stepper = Stepper(exercise.panel)
    expect(stepper.group).to_contain_text(f"Stepping through the call {call}", timeout=RUN_TIMEOUT)
    expect(stepper.next).to_be_focused()
    stepper.expect_step(steps, 0, RETURN_IN_THE_LOOP)
    expect(stepper.group).to_contain_text("In neuron_output(), call depth 1.")
    lesson.page.keyboard.press("End")
    stepper.expect_step(steps, len(steps) - 1, RETURN_IN_THE_LOOP)
    expect(stepper.rows).to_have_text([re.compile(r"^returned")])
    expect(exercise.summary).to_have_text(re.compile(r"^✗ Not passed"))  # the check's results stay
    assert serious_violations(lesson.page) == []
