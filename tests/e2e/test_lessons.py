"""Every page opens with the network cut off its origin, and every code panel
on it runs in the browser and prints what the lesson promises."""

import re

import pytest
from playwright.sync_api import expect

from tests.lesson_widgets import page_url, pages

from .pages import BOOT_TIMEOUT, Lesson

PAGES_WITH_PANELS = sorted(src for src, widgets in pages().items() if any(w["kind"] == "panel" for w in widgets))


@pytest.mark.parametrize("src", PAGES_WITH_PANELS)
def test_every_panel_runs_offline(src, page, site, watched):
    page.route(
        re.compile(r"^(?!" + re.escape(site.origin) + r"/).*"), lambda route: route.abort("internetdisconnected")
    )
    lesson = Lesson(page).open(page_url(src))
    panels = [w for w in pages()[src] if w["kind"] == "panel"]
    expect(lesson.panels).to_have_count(len(panels))
    lesson.panel(0).wait_ready()
    for index, spec in enumerate(panels):
        panel = lesson.panel(index)
        # Keyboard activation: a click can miss while maths and plots above
        # are still changing the layout (the mouse path is tested in test_panel.py).
        panel.run_button.press("Enter")
        if "raises" in spec:
            panel.expect_status(re.compile(f"^Error: {re.escape(spec['raises'])}"), timeout=BOOT_TIMEOUT)
        else:
            panel.expect_status(re.compile(r"^Ready \(ran in"), timeout=BOOT_TIMEOUT)
        if "expect" in spec:
            expect(panel.output).to_contain_text(spec["expect"])
        expect(panel.output.locator(".course-output__error")).to_have_count(0 if "raises" not in spec else 1)
