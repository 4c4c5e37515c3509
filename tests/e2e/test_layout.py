"""How a lesson's code panel is laid out: every line shows (the page scrolls, not
the editor), on a wide screen and on a phone, and a line wrapped on a phone
continues indented, not at column 0."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.lesson_widgets import page_url, panels

from .test_accessibility import serious_violations

PHONE, DESKTOP = 390, 1280

#: For each wrapped line of an editor: where its own text starts and where its
#: continuation (the second row) starts, and the width of one character.
WRAPPED_LINES = """(selector) => {
  const rows = [];
  for (const line of document.querySelector(selector).querySelectorAll(".cm-line")) {
    const boxes = [];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        boxes.push({ char: node.data[i], box: range.getBoundingClientRect() });
      }
    }
    const lead = boxes.findIndex(({ char }) => char !== " ");
    if (lead < 0) continue;
    const first = boxes[lead].box;
    const onFirstRow = ({ box }) => box.top < first.top + first.height / 2;
    if (!boxes.slice(0, lead).every(onFirstRow)) continue; // broken inside its indentation: no text on row 1
    const next = boxes.find((item) => !onFirstRow(item) && item.box.top > first.top);
    if (next) rows.push({ text: line.textContent, start: first.left, continuation: next.box.left, ch: first.width });
  }
  return rows;
}"""


def longest_lesson_panel() -> tuple[str, dict]:
    """The lesson panel with the most lines of code (the one most likely to be cut short)."""
    lessons = [(src, panel) for src, panel in panels() if src.startswith("lessons/")]
    return max(lessons, key=lambda item: len(item[1]["code"].splitlines()))


@pytest.fixture
def longest(page, watched):
    src, panel = longest_lesson_panel()

    def open_at(width: int):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(page_url(src))
        root = page.locator(f'section.course-panel[data-panel-id="{panel["id"]}"]')
        # As a learner comes to it: a panel far down the page gets its editor as it nears the view
        # (ui/mount-later.js), or once Python has started, which a slow machine may take longer than 5 s to do.
        root.scroll_into_view_if_needed()
        expect(root.get_by_role("textbox")).to_be_visible()
        return root

    return open_at


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_long_lesson_panel_shows_every_line(width, longest, page):
    root = longest(width)
    scroller = root.locator(".cm-scroller")
    sizes = scroller.evaluate("(element) => [element.scrollHeight, element.clientHeight]")
    assert sizes[0] <= sizes[1], f"the editor hides {sizes[0] - sizes[1]} px of its {sizes[0]} px of code"
    last = root.locator(".cm-line").last
    last.scroll_into_view_if_needed()
    box, editor = last.bounding_box(), root.locator(".cm-editor").bounding_box()
    assert box["y"] + box["height"] <= editor["y"] + editor["height"] + 1, "the last line is below the editor's edge"


def test_a_wrapped_line_continues_indented_on_a_phone(longest, page):
    root = longest(PHONE)
    selector = f'section.course-panel[data-panel-id="{root.get_attribute("data-panel-id")}"] .cm-content'
    # Measured as soon as the editor shows: the first paint must have it, not only the first edit.
    rows = page.evaluate(f"({WRAPPED_LINES})({selector!r})")
    assert rows, "no line of the longest panel wraps at 390 px: the test would prove nothing"
    flat = [row["text"] for row in rows if row["continuation"] < row["start"] + 2 * row["ch"]]
    assert flat == [], "wrapped lines continue at or left of their own start"


def test_a_table_too_wide_for_a_phone_can_be_scrolled_from_the_keyboard(page, watched):
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto("/lessons/training-or/")
    wide = page.locator(".md-typeset__scrollwrap[tabindex='0']")
    expect(wide.first).to_have_attribute("aria-label", "Table (scrolls sideways)")
    wide.first.focus()
    page.keyboard.press("ArrowRight")
    assert wide.first.evaluate("element => element.scrollLeft") > 0  # the arrow key scrolled it
    assert [v for v in serious_violations(page) if "scrollable-region" in v] == []
    page.set_viewport_size({"width": DESKTOP, "height": 800})  # it fits again: out of the tab order
    expect(page.locator(".md-typeset__scrollwrap[tabindex]")).to_have_count(0)
