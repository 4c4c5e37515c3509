"""On a page with code, widgets out of view come to life later (web/src/ui/mount-later.js): what
is in view at once, the page's first code panel at once, the rest when scrolled near or once
Python is ready. (On a page without code, everything comes to life at once.)"""

from __future__ import annotations

from playwright.sync_api import expect

from .pages import ALL_SET_UP, BOOT_TIMEOUT, PYTHON_READY, Lesson, wait_until

LESSON = "/lessons/first-neuron/"

#: Records, in the page's clock, when each panel got its Run button and each formula its KaTeX.
RECORDER = """
window.__setUp = {panels: {}, maths: []};
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const panel = node.closest?.("section.course-panel");
    if (panel && (node.matches(".course-panel__run") || node.querySelector?.(".course-panel__run")))
      window.__setUp.panels[panel.dataset.panelId] ??= performance.now();
    if (node.matches?.(".katex") && node.parentElement?.matches(".arithmatex"))
      window.__setUp.maths.push(performance.now());
  }
}).observe(document, {subtree: true, childList: true});
"""


def set_up_times(page) -> dict:
    return page.evaluate("window.__setUp")


def test_out_of_view_panels_wait_for_python_and_then_all_come_to_life(page, watched):
    page.add_init_script(RECORDER)
    lesson = Lesson(page).open(LESSON)
    count = lesson.panels.count()
    lesson.panel(0).wait_ready()
    wait_until(page, f"Object.keys(window.__setUp.panels).length === {count}", timeout=BOOT_TIMEOUT)
    times, ready = set_up_times(page), page.evaluate(PYTHON_READY)
    ids = lesson.panels.evaluate_all("(panels) => panels.map((panel) => panel.dataset.panelId)")
    assert times["panels"][ids[0]] < ready, "the first panel waited for Python"
    assert times["panels"][ids[-1]] > ready, "the last panel, far out of view, was set up while Python started"
    expect(lesson.panel(count - 1).editor).to_be_visible()
    wait_until(page, ALL_SET_UP)
    assert times["maths"] and min(times["maths"]) < ready, "the maths in view waited for Python"


def test_a_panel_scrolled_to_comes_to_life_at_once(page, watched):
    page.add_init_script(RECORDER)
    lesson = Lesson(page).open(LESSON)
    last = lesson.panel(lesson.panels.count() - 1)
    last.root.scroll_into_view_if_needed()
    expect(last.run_button).to_be_visible()
    ready = page.evaluate(PYTHON_READY)
    assert ready is None or set_up_times(page)["panels"][last.root.get_attribute("data-panel-id")] < ready


#: Keeps the page's main thread busy without a pause (task after task), so that it is never idle.
NEVER_IDLE = """
addEventListener("DOMContentLoaded", () => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const until = performance.now() + 20;
    while (performance.now() < until);
    channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
});
"""


def test_on_a_page_never_idle_the_waiting_widgets_still_come_soon_after_python(page, watched):
    """The idle callback then only ever comes on its timeout (1 s): each such callback sets up widgets
    for a while, not one, or lesson 1's ~60 waiting panels and formulas would take a minute."""
    page.add_init_script(NEVER_IDLE)
    lesson = Lesson(page).open(LESSON)
    waiting = page.evaluate("document.querySelectorAll('.arithmatex:not(:has(.katex))').length")
    assert waiting > 20, f"only {waiting} formulas wait for Python: the test would prove nothing"
    lesson.panel(0).wait_ready()
    wait_until(page, ALL_SET_UP, timeout=15_000)
