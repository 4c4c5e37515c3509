"""Every code panel of every page runs in CPython, and its output is checked
(after its page's setup code, as in the browser: tests.lesson_widgets.run_panel).

The panels come from the lesson Markdown itself (rendered with the site's own
configuration), so a lesson cannot rot without this failing.
"""

import json
import math
import xml.etree.ElementTree as ElementTree

import pytest

from neuron.timeline import MIME_TYPE as TIMELINE_MIME
from tests.lesson_widgets import build_error, pages, panels, run_panel

PANELS = panels()


def _id(item):
    src, panel = item
    return f"{src}#{panel['number']}"


def test_the_lessons_have_no_author_mistakes():
    assert build_error() is None, build_error()


def test_the_site_has_panels():
    assert len(PANELS) >= 2


@pytest.mark.parametrize("item", PANELS, ids=map(_id, PANELS))
def test_panel_runs_and_prints_what_it_promises(item, capsys):
    src, panel = item
    pictures = []
    result = run_panel(panel, pages()[src], display=lambda mime, data: pictures.append((mime, data)))
    out = capsys.readouterr().out
    if "raises" in panel:
        assert result["status"] == "error", f"expected {panel['raises']}, but the code ran without error"
        assert result["type"] == panel["raises"], result["error"]
    else:
        assert result["status"] == "ok", result.get("error")
    if "expect" in panel:
        assert panel["expect"] in out, f"expected {panel['expect']!r} in the output:\n{out}"
    for mime, data in pictures:
        if mime == TIMELINE_MIME:  # a timeline: JSON the page's widget can draw
            frames = json.loads(data)["frames"]
            assert frames and all(len(f["weights"]) == 2 and math.isfinite(f["loss"]) for f in frames)
            continue
        assert mime == "image/svg+xml", mime
        ElementTree.fromstring(data)  # well-formed, so the browser can show it


@pytest.mark.parametrize("item", [p for p in PANELS if p[0].startswith("lessons/")], ids=_id)
def test_every_lesson_panel_states_its_expected_output(item):
    src, panel = item
    assert "expect" in panel or "raises" in panel, (
        f'{src}, code panel {panel["number"]}: add expect="…" (text the output must contain) '
        'or raises="…", so the tests can check it'
    )
