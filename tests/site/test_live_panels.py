"""Live panels: the ``live`` and ``sliders`` fence options, and the author mistakes in them."""

import json

import pytest

from coursesite.live import Slider, check_live, parse_sliders

from .test_panels import render, sections

CODE = "w1 = 0.5\nw2 = -1.0\nb = 0\nprint(w1 * 2 + w2 * 3 + b)"


def test_a_live_panel_carries_its_sliders_for_the_page():
    html, page = render(f'```panel live sliders="w1=-3..3, w2 = -3 .. 3, b=-1.5..2"\n{CODE}\n```')
    assert page.errors == []
    (section,) = sections(html)
    assert section.get("data-live") == "true"
    assert json.loads(section.get("data-sliders")) == [
        {"name": "w1", "min": -3.0, "max": 3.0},
        {"name": "w2", "min": -3.0, "max": 3.0},
        {"name": "b", "min": -1.5, "max": 2.0},
    ]
    assert page.widgets[0]["live"] == "live"  # the test suites see the option too


def test_live_alone_has_no_sliders_and_sliders_alone_is_live():
    html, _ = render(f'```panel live\n{CODE}\n```\n\n```panel sliders="b=-1..1"\n{CODE}\n```')
    live, with_sliders = sections(html)
    assert (live.get("data-live"), json.loads(live.get("data-sliders"))) == ("true", [])
    assert with_sliders.get("data-live") == "true"


def test_a_plain_panel_is_not_live():
    html, _ = render(f"```panel\n{CODE}\n```")
    assert sections(html)[0].get("data-live") is None


def test_slider_ranges_are_read_and_checked():
    assert parse_sliders("w=-3..3,b=0.5..1e1") == ([Slider("w", -3, 3), Slider("b", 0.5, 10)], [])
    _, problems = parse_sliders("w=3..-3, b=1..x, 2w=0..1, , w=0..1, c=0..inf")
    assert problems == [
        "slider 'w': the range 3..-3 must go from low to high",
        "slider 'b': the range 1..x is not two numbers",
        "cannot read the slider '2w=0..1'; write name=low..high, e.g. w1=-3..3",
        "sliders 'w=3..-3, b=1..x, 2w=0..1, , w=0..1, c=0..inf' has an empty entry; "
        "write name=low..high, e.g. w1=-3..3",
        "slider 'c': the range must be finite numbers",
    ]
    # The first w was refused, so the second is the first valid one (not a duplicate).
    assert parse_sliders("w=0..1, w=0..2")[1] == ["slider 'w' is given twice"]


@pytest.mark.parametrize(
    "code, sliders, message",
    [
        ("w = 0.5\nw = 1.0\nprint(w)", "w=-3..3", "slider 'w': w is set more than once (lines 1, 2)"),
        ("w = 0.5\nw += 1\nprint(w)", "w=-3..3", "w is set more than once (lines 1, 2)"),
        ("w, b = 0.5, 1\nw = 1\nprint(w)", "w=-3..3", "w is set more than once"),
        ("print(1)", "w=-3..3", "slider 'w': the code never sets w (write a line such as `w = 0.5`)"),
        ("w = abs(-2.0)\nprint(w)", "w=-3..3", "slider 'w': line 1 must set w to a plain number, as in `w = 0.5`"),
        ("w = True\nprint(w + 1)", "w=-3..3", "line 1 must set w to a plain number"),
        ("w = 1e-3\nprint(w + 1)", "w=-3..3", "line 1 must set w to a plain number"),
        ("w = 1_0\nprint(w + 1)", "w=-30..30", "line 1 must set w to a plain number"),
        ("print(0x10, 2j)", None, "a live panel needs at least one number in its code to move"),
        ("w = 5.0\nprint(w)", "w=-3..3", "slider 'w': w = 5.0 in the code is outside the range -3.0..3.0"),
        ('print("no numbers here")', None, "a live panel needs at least one number in its code to move"),
        ("w = (\n", "w=-3..3", "a live panel's code must be valid Python (line 1"),
    ],
)
def test_mistakes_in_a_live_panel_fail_the_build_naming_page_and_panel(code, sliders, message):
    option = f'sliders="{sliders}"' if sliders else "live"
    html, page = render(f"```panel {option}\n{code}\n```")
    assert len(page.errors) == 1, page.errors
    assert page.errors[0].startswith("lessons/demo.md: code panel 1: ")
    assert message in page.errors[0]
    assert sections(html) == []


def test_live_takes_no_value():
    _, problems = check_live(CODE, {"live": "yes"})
    assert problems == ["live takes no value: write just `live`, not live='yes'"]


def test_a_variable_set_inside_a_function_or_loop_does_not_count_as_top_level():
    code = "w = 0.5\ndef f(w=2):\n    w = 3\n    return w\nfor b in range(2):\n    pass\nprint(f())"
    assert check_live(code, {"sliders": "w=-3..3"})[1] == []
    assert check_live(code, {"sliders": "b=-3..3"})[1] == [
        "slider 'b': the code never sets b (write a line such as `b = 0.5`)"
    ]


def test_a_negative_literal_and_a_comment_are_fine():
    assert check_live("b = -1.5  # the bias\nprint(b)", {"sliders": "b=-3..3"})[1] == []
