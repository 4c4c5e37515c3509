"""The ``predict`` option of a code panel: its markup, the author's mistakes in it
(reported with page and panel, and with file and line by the strict build), and the
build's run of the panel (it must print something; exactly one listed choice is right)."""

import json

import pytest

from coursesite.panel_check import panel_problems
from tests.lesson_widgets import pages

from .test_build_widgets import expect_failure
from .test_panels import render, sections

CODE = "z = 0.5 * 2.0 - 1.0\nprint(z)"


def test_a_predict_panel_carries_its_choices_and_a_version_for_the_page():
    html, page = render(f'```panel predict="0.0 | 1.0 |-1.0"\n{CODE}\n```\n\n```panel predict\n{CODE}\n```')
    assert page.errors == []
    choice, text = sections(html)
    data, plain = json.loads(choice.get("data-predict")), json.loads(text.get("data-predict"))
    assert data["choices"] == ["0.0", "1.0", "-1.0"]
    assert plain["choices"] == []
    assert data["version"] != plain["version"]  # new choices ask again
    assert page.widgets[0]["predict"] == "0.0 | 1.0 |-1.0"


def test_a_plain_panel_does_not_ask():
    html, _ = render(f"```panel\n{CODE}\n```")
    assert sections(html)[0].get("data-predict") is None


def test_the_version_follows_the_code():
    first, _ = render(f"```panel predict\n{CODE}\n```")
    second, _ = render(f"```panel predict\n{CODE.replace('0.5', '0.25')}\n```")
    assert (
        json.loads(sections(first)[0].get("data-predict"))["version"]
        != json.loads(sections(second)[0].get("data-predict"))["version"]
    )


@pytest.mark.parametrize(
    "option, message",
    [
        ('predict="0.0"', "cannot read predict='0.0'; write `predict` alone for a text box, or list choices"),
        ('predict=""', "cannot read predict=''"),
        ('predict="0.0 | | 1.0"', "predict='0.0 | | 1.0' has an empty choice"),
        ('predict="1.0 | 0.0 | 1.0"', "predict lists '1.0' more than once"),
        ("predict live", "a live panel cannot ask for a prediction"),
        ('predict sliders="z=-1..1"', "a live panel cannot ask for a prediction"),
    ],
)
def test_mistakes_in_predict_name_page_and_panel(option, message):
    html, page = render(f"```panel {option}\n{CODE}\n```")
    assert any(error.startswith("lessons/demo.md: code panel 1: ") and message in error for error in page.errors), (
        page.errors
    )
    assert sections(html) == []


def test_the_build_run_needs_output_and_exactly_one_right_choice():
    assert panel_problems({"code": CODE, "predict": "predict"}) == []
    assert panel_problems({"code": CODE, "predict": "0.0 | 1.0 | -1.0"}) == []
    assert panel_problems({"code": "z = 1", "predict": "predict"}) == [
        "a predict panel's code must print something for the learner to predict; it printed nothing"
    ]
    assert panel_problems({"code": CODE, "predict": "1.0 | -1.0"}) == [
        "none of the predict choices matches what the code prints ('0.0')"
    ]
    assert panel_problems({"code": "print(0.7310585)", "predict": "0.7 | 0.73 | 1.0"}) == [
        "more than one predict choice matches what the code prints: '0.7', '0.73'"
    ]
    # A lesson about errors may ask for the error: its last line counts as printed.
    assert (
        panel_problems(
            {"code": "1 / 0", "raises": "ZeroDivisionError", "predict": "0 | ZeroDivisionError: division by zero"}
        )
        == []
    )


def test_the_strict_build_fails_on_a_bad_predict_option_naming_file_and_line(tmp_path, caplog):
    page = f'# Bad\n\nSome text.\n\n```panel predict="0.0"\n{CODE}\n```\n'
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": page},
        "lessons/bad.md:5: code panel 1: cannot read predict='0.0'",
    )


def test_the_strict_build_fails_when_no_choice_is_right_naming_file_and_line(tmp_path, caplog):
    page = f'# Bad\n\n```panel predict="1.0 | 2.0"\n{CODE}\n```\n'
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": page},
        "lessons/bad.md:3: code panel 1: none of the predict choices matches what the code prints ('0.0')",
    )


def test_every_lesson_asks_for_a_prediction_and_its_panels_keep_the_rule():
    lessons = {src: widgets for src, widgets in pages().items() if src.startswith("lessons/")}
    assert len(lessons) == 8
    for src, widgets in lessons.items():
        predicting = [w for w in widgets if w["kind"] == "panel" and "predict" in w]
        assert predicting, f"{src} has no predict panel"
        for panel in predicting:
            assert panel_problems(panel) == [], (src, panel.get("title"))
