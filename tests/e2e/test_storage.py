"""Storage trouble loses nothing (issue #10): a full storage, a disabled one, two tabs.

Two pages of one browser context share localStorage and get each other's
`storage` events, as two tabs do."""

import json
import re

from playwright.sync_api import expect

from .pages import Lesson, wait_until
from .widgets import PREFIX, Recall, widgets

LESSON = "/lessons/first-neuron/"
#: How often a panel retries a save refused for lack of room (panel.js RETRY_MS), plus a margin.
RETRY_WAIT_MS = 4_000

# Fill localStorage to the last byte: big values first, then halves down to one character.
FILL = """() => {
  let chunk = "x".repeat(1 << 20), i = 0;
  while (chunk.length) {
    try { localStorage.setItem("filler:" + i, chunk); i += 1; }
    catch { chunk = chunk.slice(0, chunk.length >> 1); }
  }
  return i;
}"""
# Full, but for a gap of about 100 characters: room for a short save, not a long one.
FILL_WITH_GAP = """() => {
  const fill = FILL;
  fill();
  localStorage.removeItem("filler:0");
  localStorage.setItem("filler:gap", "x".repeat(100));
  fill();
}""".replace("FILL", FILL)
OPEN_GAP = "() => localStorage.removeItem('filler:gap')"
FREE = "() => Object.keys(localStorage).filter(k => k.startsWith('filler:')).forEach(k => localStorage.removeItem(k))"

# A browser that does not let the site store anything: touching localStorage throws.
# What Material's own helpers throw is named, so the test can tell it from ours.
STORAGE_OFF = """
const refuse = () => {
  const material = /__md_get|__md_set|assets\\/javascripts\\/bundle/.test(new Error().stack);
  throw new DOMException(`Storage denied${material ? " (Material)" : ""}`, "SecurityError");
};
Object.defineProperty(window, "localStorage", { configurable: true, get: refuse });
"""


def stored(text: str) -> str:
    """A JavaScript expression: some saved value holds `text`."""
    return f"Object.values(localStorage).some(v => v.includes({text!r}))"


def storage_note(panel):
    return panel.root.locator(".course-panel__storage")


def test_full_storage_keeps_the_edit_warns_and_saves_when_there_is_room(lesson):
    panel = lesson.open(LESSON).panel(0)
    expect(panel.editor).to_be_visible()
    assert lesson.page.evaluate(FILL) > 0
    panel.set_code("print('kept while full')")
    note = storage_note(panel)
    expect(note).to_be_visible()
    expect(note).to_contain_text("storage is full")
    expect(note).to_contain_text("they will be saved when there is room")
    expect(panel.editor).to_have_text("print('kept while full')")
    assert not lesson.page.evaluate(stored("kept while full"))

    lesson.page.evaluate(FREE)  # room again: the panel retries on its own, without a new edit
    wait_until(lesson.page, stored("kept while full"), timeout=RETRY_WAIT_MS * 2)
    expect(note).to_be_hidden()
    lesson.page.reload()
    expect(lesson.panel(0).editor).to_have_text("print('kept while full')")


def test_full_storage_saves_on_the_next_edit_once_there_is_room(lesson):
    panel = lesson.open(LESSON).panel(0)
    expect(panel.editor).to_be_visible()
    lesson.page.evaluate(FILL)
    panel.set_code("print('first try')")
    expect(storage_note(panel)).to_contain_text("storage is full")
    lesson.page.evaluate(FREE)
    panel.set_code("print('second try')")
    wait_until(lesson.page, stored("second try"), timeout=1_000)  # well before a periodic retry
    expect(storage_note(panel)).to_be_hidden()


def test_disabled_storage_the_course_works_and_says_once_edits_are_not_kept(page, base_url):
    # Not the `lesson` fixture: Material's own palette and tab helpers read
    # localStorage without a try and log their SecurityError; only those may fail.
    errors = []
    page.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.add_init_script(STORAGE_OFF)
    lesson = Lesson(page).open(LESSON)
    panel = lesson.panel(0).wait_ready()
    note = storage_note(panel)
    expect(note).to_have_text(re.compile("^Your edits will not be kept in this browser"))
    panel.set_code("print(6 * 7)")
    panel.run()
    panel.expect_output("42")
    panel.set_code("print(7 * 7)")
    page.keyboard.press("ControlOrMeta+Enter")
    panel.expect_output("49")
    expect(note).to_have_count(1)
    expect(note).to_have_text(re.compile("^Your edits will not be kept in this browser"))
    ours = [error for error in errors if "Storage denied (Material)" not in error]
    assert not ours, f"errors besides Material's own storage reads: {ours}"


def test_an_edit_in_one_tab_shows_in_the_other_and_survives_reloading_either(context, page, watched):
    tab_a, tab_b = Lesson(page).open(LESSON), Lesson(context.new_page()).open(LESSON)
    panel_a, panel_b = tab_a.panel(0), tab_b.panel(0)
    expect(panel_a.editor).to_be_visible()
    expect(panel_b.editor).to_be_visible()
    panel_a.set_code("print('from tab A')")
    expect(panel_b.editor).to_have_text("print('from tab A')")
    tab_b.page.reload()
    expect(tab_b.panel(0).editor).to_have_text("print('from tab A')")
    tab_a.page.reload()
    expect(tab_a.panel(0).editor).to_have_text("print('from tab A')")


def test_the_other_tabs_text_is_one_undoable_change(context, page, watched):
    tab_a, tab_b = Lesson(page).open(LESSON), Lesson(context.new_page()).open(LESSON)
    panel_a, panel_b = tab_a.panel(0), tab_b.panel(0)
    expect(panel_b.editor).to_be_visible()
    panel_b.set_code("print('mine in B')")
    expect(panel_a.editor).to_have_text("print('mine in B')")
    panel_a.set_code("print('from tab A')")
    expect(panel_b.editor).to_have_text("print('from tab A')")
    expect(storage_note(panel_b)).to_contain_text("another tab")
    panel_b.editor.click()
    tab_b.page.keyboard.press("ControlOrMeta+z")
    expect(panel_b.editor).to_have_text("print('mine in B')")
    expect(panel_a.editor).to_have_text("print('mine in B')")  # the undo is an edit, saved and shared


def test_unsaved_edits_are_kept_and_do_not_overwrite_the_other_tabs_newer_copy(context, page, watched):
    tab_a, tab_b = Lesson(page).open(LESSON), Lesson(context.new_page()).open(LESSON)
    panel_a, panel_b = tab_a.panel(0), tab_b.panel(0)
    expect(panel_a.editor).to_be_visible()
    expect(panel_b.editor).to_be_visible()
    tab_b.page.evaluate(FILL_WITH_GAP)
    long_b = "print('unsaved in B')" + "  # too long to fit the gap" * 10
    panel_b.set_code(long_b)  # refused: B keeps it and retries
    expect(storage_note(panel_b)).to_contain_text("storage is full")
    tab_a.page.evaluate(OPEN_GAP)  # room for A's short text, never for B's long one
    panel_a.set_code("print('newer in A')")  # saved while B's edit is still unsaved
    expect(storage_note(panel_b)).to_contain_text("changed in another tab")
    expect(panel_b.editor).to_have_text(long_b)
    tab_b.page.wait_for_timeout(RETRY_WAIT_MS)  # a retry would have come by now: none may replace A's copy
    assert tab_b.page.evaluate(stored("newer in A"))
    assert not tab_b.page.evaluate(stored("unsaved in B"))
    expect(panel_a.editor).to_have_text("print('newer in A')")
    tab_b.page.evaluate(FREE)
    panel_b.set_code("print('edited again in B')")  # the learner's next edit in B saves B's text
    expect(panel_a.editor).to_have_text("print('edited again in B')")


# --- an edit is saved even when the page is left at once (less than the 300 ms debounce) ---

OTHER_LESSON = "/lessons/weights-and-bias/"
PLAYGROUND = "/playground/"
#: Timers of the saves' 300 ms delay (saved-edits.js SAVE_DELAY_MS, dom.js debounce) wait a minute instead.
HOLD_DEBOUNCED_SAVES = """
const realSetTimeout = window.setTimeout;
window.setTimeout = (f, ms, ...rest) => realSetTimeout(f, ms === 300 ? 60_000 : ms, ...rest);
"""


def test_an_edit_survives_a_reload_straight_after_it(lesson):
    panel = lesson.open(LESSON).panel(0)
    expect(panel.editor).to_be_visible()
    panel.set_code("print('reloaded at once')")
    lesson.page.reload()
    expect(lesson.panel(0).editor).to_have_text("print('reloaded at once')")


def test_an_edit_survives_leaving_the_page_straight_after_it(lesson):
    panel = lesson.open(LESSON).panel(0)
    expect(panel.editor).to_be_visible()
    panel.set_code("print('left at once')")
    lesson.page.goto(OTHER_LESSON)
    lesson.page.goto(LESSON)
    expect(lesson.panel(0).editor).to_have_text("print('left at once')")


def test_an_edit_survives_hiding_the_page_and_closing_it(context, page, watched):
    tab = Lesson(page).open(LESSON)
    expect(tab.panel(0).editor).to_be_visible()
    tab.panel(0).set_code("print('closed at once')")
    page.close()  # runs pagehide/visibilitychange as a closed tab does
    again = Lesson(context.new_page()).open(LESSON)
    expect(again.panel(0).editor).to_have_text("print('closed at once')")


def test_an_edit_survives_an_instant_navigation_away_and_back(lesson):
    # The debounced save is held back for a minute, so that it cannot come
    # round before the panel mounts again on the way back (as on a slow machine).
    lesson.page.add_init_script(HOLD_DEBOUNCED_SAVES)
    panel = lesson.open(PLAYGROUND).panel(0)
    expect(panel.editor).to_be_visible()
    lesson.page.evaluate("window.stillTheSamePage = true")
    panel.set_code("print('navigated at once')")
    lesson.page.locator(".md-nav--primary").get_by_role("link", name="Your progress").click()
    expect(lesson.page.locator(".course-progress__summary")).to_be_visible()
    lesson.page.go_back()
    expect(lesson.page).to_have_url(re.compile(PLAYGROUND + "$"))
    expect(lesson.panel(0).editor).to_have_text("print('navigated at once')")
    assert lesson.page.evaluate("window.stillTheSamePage"), "the navigation loaded the page afresh"


def test_a_page_back_from_the_cache_takes_what_another_tab_saved_meanwhile(lesson):
    # Playwright's Chromium keeps no page in the back/forward cache (and a page
    # holding Python's Web Lock is not kept): the restore is played by its event.
    # A page in the cache misses the storage events; a write from the page
    # itself gets none either.
    panel = lesson.open(LESSON).panel(0)
    expect(panel.editor).to_be_visible()
    panel.set_code("print('before leaving')")
    wait_until(lesson.page, stored("before leaving"))
    key = PREFIX + "code:" + panel.root.get_attribute("data-panel-id")
    lesson.page.evaluate(f"localStorage.setItem({key!r}, JSON.stringify(\"print('saved in another tab')\"))")
    lesson.page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }))")
    expect(panel.editor).to_have_text("print('before leaving')")  # a plain pageshow reads nothing again
    lesson.page.evaluate("dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))")
    expect(panel.editor).to_have_text("print('saved in another tab')")
    expect(storage_note(panel)).to_contain_text("another tab")


def test_a_recall_answer_survives_a_reload_straight_after_it(lesson):
    lesson.open(LESSON)
    recall = Recall(lesson.page, widgets("lessons/first-neuron.md", "recall")[0])
    recall.textbox.fill("written just before the reload")
    lesson.page.reload()
    expect(recall.textbox).to_have_value("written just before the reload")


def test_an_export_straight_after_an_instant_navigation_holds_the_last_edits(lesson, tmp_path):
    lesson.page.add_init_script(HOLD_DEBOUNCED_SAVES)
    panel = lesson.open(LESSON).panel(0)
    expect(panel.editor).to_be_visible()
    recall = Recall(lesson.page, widgets("lessons/first-neuron.md", "recall")[0])
    code_key = "code:" + panel.root.get_attribute("data-panel-id")
    recall_key = recall.root.get_attribute("data-recall-key")
    panel.set_code("print('edited before the export')")
    recall.textbox.fill("written before the export")
    lesson.page.locator(".md-nav--primary").get_by_role("link", name="Your progress").click()
    with lesson.page.expect_download() as download:
        lesson.page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    items = json.loads(exported.read_text())["items"]
    assert items[code_key] == "print('edited before the export')"
    assert items[recall_key]["text"] == "written before the export"
