"""Live panels in the browser: numbers dragged with the mouse or moved with
Alt+arrow keys, sliders bound to variables, re-runs where the latest value
wins, the slow-code rule, undo, saving, and axe on a page with one.

The panel is the example of the authors' page (docs/authors.md): w = 0.5,
b = -1.0, x = 4.0, so z = w * x + b = 1.0 to start with.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .pages import BOOT_TIMEOUT, Panel, wait_all_set_up, wait_snapshot_kept, wait_until
from .test_accessibility import serious_violations

PAGE = "/authors/"
NAME = "Code panel: Drag w and b"


@pytest.fixture
def live(page, watched) -> Panel:
    page.goto(PAGE)
    panel = Panel(page, page.get_by_role("region", name=NAME))
    # A live panel runs by itself once it is in view: no click needed.
    panel.root.scroll_into_view_if_needed()
    expect(panel.output).to_contain_text("z = 1.0", timeout=BOOT_TIMEOUT)
    settled(panel)
    wait_all_set_up(page)  # the drags aim at where the numbers are
    wait_snapshot_kept(page)  # no second Python booting beside the one the drags run in
    return panel


def settled(panel: Panel) -> None:
    """Wait until the moving is over and every run it asked for has finished."""
    expect(panel.output).not_to_have_attribute("aria-busy", "true")
    expect(panel.status).to_have_text(re.compile(r"Ready \(ran in"))


def number(panel: Panel, text: str):
    return panel.root.locator(".cm-course-number", has_text=re.compile(f"^{re.escape(text)}$")).first


def slider(panel: Panel, name: str):
    return panel.root.get_by_role("slider", name=name)


def drag(page, locator, dx: float, steps: int = 8) -> None:
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y, steps=steps)
    page.mouse.up()


def test_dragging_a_number_rewrites_it_reruns_and_undoes_in_one_step(live, page):
    # The output is replaced in place: it never goes empty while the number moves.
    page.evaluate(
        """() => {
        const output = document.querySelector('[aria-label="Code panel: Drag w and b"] .course-output');
        window.emptied = 0;
        new MutationObserver(() => { if (!output.childElementCount) window.emptied += 1; })
          .observe(output, {childList: true});
    }"""
    )
    box = number(live, "0.5").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 40, y, steps=8)  # 4 px a step: ten steps of 0.1
    expect(live.output).to_have_attribute("aria-busy", "true")  # not announced while it moves
    page.mouse.up()
    expect(live.root.locator(".cm-line").first).to_have_text("w = 1.5")
    live.expect_output("z = 5.0")  # 1.5 * 4 - 1
    settled(live)
    expect(slider(live, "w")).to_have_value("1.5")  # the slider follows the code
    expect(live.status).to_have_text(re.compile(r"^line 1: w = 1\.5 · Ready"))
    assert page.evaluate("window.emptied") == 0

    live.editor.press("ControlOrMeta+z")  # the whole drag is one undo step
    expect(live.root.locator(".cm-line").first).to_have_text("w = 0.5")
    live.expect_output("z = 1.0")  # and undoing a move runs again too
    live.editor.press("ControlOrMeta+z")  # nothing older: the starter stays
    expect(live.root.locator(".cm-line").first).to_have_text("w = 0.5")


def test_a_click_on_a_number_places_the_cursor_for_typing(live, page):
    number(live, "4.0").click()
    page.keyboard.type("2")
    line = live.root.locator(".cm-line").nth(2)
    expect(line).to_have_text(re.compile(r"^x = (24\.0|42\.0|4\.20|4\.02|4\.0)$"))
    expect(line).not_to_have_text("x = 4.0")  # a 2 typed into the number where the click put the cursor


def test_alt_arrows_move_the_number_at_the_cursor_and_a_burst_is_one_undo_step(live, page):
    number(live, "-1.0").click()  # b = -1.0: the minus sign belongs to the number
    page.keyboard.down("Alt")
    for _ in range(3):
        page.keyboard.press("ArrowUp")
    page.keyboard.up("Alt")
    expect(live.root.locator(".cm-line").nth(1)).to_have_text("b = -0.7")
    live.expect_output("z = 1.3")
    settled(live)
    page.keyboard.press("Shift+Alt+ArrowUp")  # ten steps
    expect(live.root.locator(".cm-line").nth(1)).to_have_text("b = 0.3")
    live.expect_output("z = 2.3")
    settled(live)
    page.keyboard.press("ControlOrMeta+z")
    expect(live.root.locator(".cm-line").nth(1)).to_have_text("b = -0.7")
    page.keyboard.press("ControlOrMeta+z")
    expect(live.root.locator(".cm-line").nth(1)).to_have_text("b = -1.0")
    live.expect_output("z = 1.0")


def test_the_latest_value_always_wins(live, page):
    number(live, "0.5").click()
    page.keyboard.down("Alt")
    for _ in range(25):  # key repeats far faster than runs finish
        page.keyboard.press("ArrowUp")
    page.keyboard.up("Alt")
    expect(live.root.locator(".cm-line").first).to_have_text("w = 3.0")
    settled(live)
    expect(live.output).to_contain_text("z = 11.0")  # 3.0 * 4 - 1: the final value ran


def test_sliders_and_code_follow_each_other(live, page):
    w = slider(live, "w")
    expect(w).to_have_attribute("aria-valuetext", "0.5")
    w.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(live.root.locator(".cm-line").first).to_have_text("w = 0.7")
    live.expect_output("z = 1.8")
    settled(live)

    live.set_code("w = 2.5\nx = 4.0\nprint(w * x)")  # typed: b is gone
    expect(w).to_have_value("2.5")
    b = slider(live, "b")
    expect(b).to_be_disabled()
    expect(live.root.get_by_text("No slider: the code no longer sets b.")).to_be_visible()
    live.set_code("w = 2.5\nb = 1.0\nb = 2.0\nprint(w + b)")
    expect(live.root.get_by_text(re.compile("sets b more than once"))).to_be_visible()


def test_slow_code_switches_live_updates_off_until_a_quick_run(live, page):
    live.set_code("import time\nw = 0.5\ntime.sleep(0.6)\nprint('w is', w)")
    live.run()
    live.expect_output("w is 0.5")
    drag(page, number(live, "0.5"), 8)
    note = live.root.locator(".course-live__note")
    expect(note).to_have_text(re.compile(r"^Live updates are off: this code takes \d+\.\d s to run\. Press Run"))
    expect(live.run_button).to_have_attribute("aria-disabled", "false")
    shown = live.output.inner_text()
    drag(page, number(live, "0.7"), 8)  # off: the code changes, nothing runs
    expect(live.root.locator(".cm-line").nth(1)).to_have_text("w = 0.9")
    # A run would have started by now (it starts as the number moves): none did.
    assert live.run_button.get_attribute("aria-disabled") == "false"
    assert live.output.inner_text() == shown
    live.set_code("w = 0.5\nprint('quick', w)")
    live.run()
    expect(note).to_have_text(re.compile("^Live updates are on again"))
    drag(page, number(live, "0.5"), 8)
    live.expect_output("quick 0.7")


MARK = "performance.getEntriesByName({!r}).length > 0"


def test_a_run_slowed_by_the_first_visits_snapshot_leaves_live_updates_on(page, watched):
    """On a first visit a second Python boots beside the learner's to make a snapshot
    (runner/snapshot-maker.js); a run slowed while it works says nothing of the code's speed.
    The same slow code, moved once the snapshot is kept, switches live updates off."""
    page.goto(PAGE)  # a fresh context: no snapshot yet
    live = Panel(page, page.get_by_role("region", name=NAME))
    live.root.scroll_into_view_if_needed()
    expect(live.output).to_contain_text("z = 1.0", timeout=BOOT_TIMEOUT)  # the panel's first run
    wait_all_set_up(page)
    live.set_code("import time\nw = 0.5\ntime.sleep(0.6)\nprint('w is', w)")
    number(live, "0.5").click()
    wait_until(page, MARK.format("course:snapshot-making"), timeout=BOOT_TIMEOUT)
    page.keyboard.press("Alt+ArrowUp")  # one step, one run
    live.expect_output("w is 0.6")
    settled(live)
    assert not page.evaluate(MARK.format("course:snapshot-made")) or page.evaluate(
        "performance.getEntriesByName('course:snapshot-made')[0].startTime"
        " > performance.getEntriesByName('course:run-start').at(-1).startTime"
    ), "the snapshot was made before the run began: this test shows nothing"
    note = live.root.locator(".course-live__note")
    expect(note).not_to_have_text(re.compile("^Live updates are off"))

    wait_until(page, MARK.format("course:snapshot-made"), timeout=BOOT_TIMEOUT)
    page.keyboard.press("Alt+ArrowUp")
    live.expect_output("w is 0.7")
    expect(note).to_have_text(re.compile(r"^Live updates are off: this code takes \d+\.\d s to run\."))


def test_a_moved_number_survives_a_reload(live, page):
    drag(page, number(live, "-1.0"), -8)
    expect(live.root.locator(".cm-line").nth(1)).to_have_text("b = -1.2")
    settled(live)
    page.reload()
    panel = Panel(page, page.get_by_role("region", name=NAME))
    expect(panel.root.locator(".cm-line").nth(1)).to_have_text("b = -1.2", timeout=BOOT_TIMEOUT)
    expect(slider(panel, "b")).to_have_value("-1.2")


# Every text the live panel's output area showed, from the start of the page on.
OUTPUTS_SHOWN = """
window.outputsShown = [];
new MutationObserver(() => {
  const output = document.querySelector('[aria-label="Code panel: Drag w and b"] .course-output');
  if (output) window.outputsShown.push(output.textContent);
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def test_a_saved_edit_never_shows_the_builds_output_of_the_starter(live, page):
    drag(page, number(live, "-1.0"), -8)  # b = -1.2: z = 0.8
    settled(live)
    page.add_init_script(OUTPUTS_SHOWN)
    page.reload()
    panel = Panel(page, page.get_by_role("region", name=NAME))
    panel.root.scroll_into_view_if_needed()
    panel.expect_output("z = 0.8", timeout=BOOT_TIMEOUT)
    shown = page.evaluate("window.outputsShown")
    assert shown and not any("z = 1.0" in text for text in shown), shown


def test_a_live_panel_shows_its_output_before_python_and_its_first_run_keeps_the_page_still(page, watched):
    page.goto("/lessons/first-neuron/")
    panel = Panel(page, page.get_by_role("region", name="Code panel: Move the numbers, watch the neuron"))
    expect(panel.output.locator("svg")).to_have_count(1)  # the neuron's picture, from the build
    runs, text = page.evaluate(
        """() => [performance.getEntriesByName("course:run-start").length,
                  document.querySelector('[aria-label="Code panel: Move the numbers, watch the neuron"]'
                    + ' .course-output').textContent]"""
    )
    assert runs == 0 and "z = -1.00   output = 0.00" in text
    height = panel.root.bounding_box()["height"]
    panel.root.scroll_into_view_if_needed()  # its first run, unasked
    expect(panel.status).to_have_text(re.compile(r"Ready \(ran in"), timeout=BOOT_TIMEOUT)
    assert panel.root.bounding_box()["height"] == height
    slider(panel, "b").focus()
    page.keyboard.press("ArrowRight")  # b from -1.0 up a step: the output follows Python
    expect(panel.output).not_to_contain_text("z = -1.00   output = 0.00")


def test_a_page_with_an_explorable_in_use_has_no_serious_violations(live, page):
    slider(live, "b").focus()
    page.keyboard.press("ArrowLeft")
    settled(live)
    wait_until(page, "!!document.querySelector('.course-slider__input')")
    assert serious_violations(page) == []


def test_lesson_2s_picture_turns_and_slides_with_its_sliders(page, watched):
    page.goto("/lessons/weights-and-bias/")
    panel = Panel(page, page.get_by_role("region", name="Code panel: A neuron that splits four points"))
    panel.root.scroll_into_view_if_needed()
    title = panel.output.locator("svg text", has_text="w = [")
    expect(title).to_have_text("w = [1.0, 1.0], b = -1.5", timeout=BOOT_TIMEOUT)
    boundary = panel.output.locator("svg polyline[stroke-dasharray]").first  # the dashed z = 0 line
    before = boundary.get_attribute("points")
    slider(panel, "b").focus()
    for _ in range(10):  # b from -1.5 to -0.5: OR
        page.keyboard.press("ArrowRight")
    expect(title).to_have_text("w = [1.0, 1.0], b = -0.5")
    panel.expect_output("[0, 1] -> z = 0.5 -> 1.0")
    assert boundary.get_attribute("points") != before  # the line moved
    expect(panel.root.locator(".cm-line").nth(4)).to_have_text("b = -0.5")


def test_reset_runs_a_live_panel_again(live, page):
    drag(page, number(live, "0.5"), 20)
    live.expect_output("z = 3.0")  # w = 1.0
    settled(live)
    live.reset_button.click()
    expect(live.root.locator(".cm-line").first).to_have_text("w = 0.5")
    live.expect_output("z = 1.0")  # the starter's picture and numbers, not the moved ones
