"""A live panel's output from the build's run, written into its page (coursesite/built_output.py)."""

from __future__ import annotations

import html
import json
import re

from coursesite.built_output import LIMIT, Recorder, keep, write_into
from coursesite.panel_check import panel_problems

from .test_build_widgets import build_site

PICTURE = "<svg xmlns='http://www.w3.org/2000/svg'><text>w &amp; b</text></svg>"
CODE = f"""\
import sys
from coursekit.runtime import show
class Picture:
    def _repr_svg_(self):
        return {PICTURE!r}
w = 0.5
print("before", w)
show(Picture())
print("after", end="")
print("!", file=sys.stderr)
"""


def recorded(panel: dict) -> Recorder:
    recorder = Recorder()
    assert panel_problems(panel, recorder) == []
    return recorder


def test_text_and_pictures_are_recorded_in_the_order_they_came():
    recorder = recorded({"code": CODE, "live": "live"})
    assert recorder.events == [
        ["stdout", "before 0.5\n"],
        ["display", "image/svg+xml", PICTURE],
        ["stdout", "after"],
        ["stderr", "!\n"],
    ]
    assert recorder.printed() == "before 0.5\nafter"


def test_only_a_live_panel_that_ran_well_on_a_page_of_its_own_keeps_its_output():
    live = {"code": CODE, "live": "live"}
    keep(live, recorded(live))
    assert json.loads(live["built_output"])[0] == ["stdout", "before 0.5\n"]
    for panel in (
        {"code": CODE},  # not live
        {"code": CODE, "sliders": "w=0..1", "namespace": "lessons/a"},  # one shared namespace
        {"code": "print(1)\n1 / 0", "live": "live"},  # failed
        {"code": f"print('x' * {LIMIT})", "live": "live"},  # too long for the page
    ):
        recorder = Recorder()
        panel_problems(panel, recorder)
        keep(panel, recorder)
        assert "built_output" not in panel, panel["code"]


def test_the_output_goes_on_its_own_panel_and_reads_back_intact():
    page = '<section data-panel-id="lessons/a&amp;b/x"></section><section data-panel-id="lessons/a#2"></section>'
    events = [["stdout", 'say "hi" & <b>\n'], ["display", "image/svg+xml", PICTURE]]
    widgets = [{"kind": "panel", "id": "lessons/a&b/x", "built_output": json.dumps(events)}]
    written = write_into(page, widgets)
    first, second = re.findall(r"<section[^>]*>", written)
    (value,) = re.findall(r'data-built-output="([^"]*)"', first)
    assert json.loads(html.unescape(value)) == events
    assert "data-built-output" not in second
    assert write_into(page, [{"kind": "panel", "id": "lessons/a#2"}]) == page


def test_the_built_page_carries_the_live_panels_output_and_not_the_others(tmp_path):
    site = build_site(
        tmp_path,
        {
            "lessons/one.md": '# One\n\n```panel live id="drag" sliders="w=0..1"\nw = 0.5\nprint("w is", w)\n```\n\n'
            '```panel\nprint("plain")\n```\n'
        },
    )
    written = (site / "lessons" / "one" / "index.html").read_text(encoding="utf-8")
    values = re.findall(r'data-built-output="([^"]*)"', written)
    assert [json.loads(html.unescape(value)) for value in values] == [[["stdout", "w is 0.5\n"]]]
    assert re.search(r'data-panel-id="lessons/one/drag" data-built-output=', written)
