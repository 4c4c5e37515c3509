"""The progress index: what each lesson asks of the learner, and what a lesson
can be complete without (an exercise its block marks ``optional: true``)."""

from __future__ import annotations

import json

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from coursesite.progress import lesson_entry
from tests.lesson_widgets import pages

from .small_site import write_site
from .test_blocks import by_class, render, tree

QUIZ = {"kind": "quiz", "key": "quiz:lessons/a/1", "version": "q1", "question": "Why?"}
EXERCISE = {"kind": "exercise", "key": "exercise:one", "version": "e1", "title": "One"}
OPTIONAL = {"kind": "exercise", "key": "exercise:two", "version": "e2", "title": "Two", "optional": True}
PANEL = {"kind": "panel", "id": "lessons/a#1", "code": "print(1)"}


def test_an_optional_exercise_says_so_and_is_marked_for_the_index():
    html, page = render("/// exercise | relu-neuron\n    optional: true\n///\n")
    assert page.errors == []
    section = by_class(tree(html), "course-exercise")[0]
    assert by_class(section, "course-exercise__kind")[0].text == "Optional exercise"
    assert section.get("data-optional") == "true"
    assert page.widgets[0]["optional"] is True


def test_an_exercise_is_required_unless_marked():
    html, page = render("/// exercise | relu-neuron\n///\n")
    section = by_class(tree(html), "course-exercise")[0]
    assert by_class(section, "course-exercise__kind")[0].text == "Exercise"
    assert section.get("data-optional") is None
    assert "optional" not in page.widgets[0]


@pytest.mark.parametrize(
    ("option", "message"),
    [("optional: 1", "option 'optional': use true or false, not 1"), ("hidden: true", "unknown option 'hidden'")],
)
def test_a_wrong_option_is_an_error_naming_the_page(option, message):
    html, page = render(f"/// exercise | relu-neuron\n    {option}\n///\n")
    assert any(error.startswith("lessons/demo.md: ") and message in error for error in page.errors), page.errors
    assert "course-exercise__data" not in html


def test_each_item_says_whether_the_lesson_needs_it():
    entry = lesson_entry("lessons/a.md", "A", "lessons/a/", [QUIZ, PANEL, EXERCISE, OPTIONAL])
    assert entry["items"] == [
        {"kind": "quiz", "key": "quiz:lessons/a/1", "version": "q1", "label": "Why?", "optional": False},
        {"kind": "exercise", "key": "exercise:one", "version": "e1", "label": "One", "optional": False},
        {"kind": "exercise", "key": "exercise:two", "version": "e2", "label": "Two", "optional": True},
    ]


def test_the_backprop_exercise_of_lesson_8_is_optional_and_every_lesson_asks_something():
    optional = {(src, w["id"]) for src, widgets in pages().items() for w in widgets if w.get("optional")}
    assert optional == {("lessons/xor.md", "xor-backprop")}
    for src, widgets in pages().items():
        if src.startswith("lessons/"):
            items = lesson_entry(src, src, src, widgets)["items"]
            assert any(not item["optional"] for item in items), f"{src} has nothing a lesson needs"


def _index(tmp_path, pages, nav="", lessons_dir=None):
    path = write_site(tmp_path, pages, extra=nav)
    if lessons_dir is not None:
        path.write_text(path.read_text().replace("bundle_dir:", f"lessons_dir: {lessons_dir}\n      bundle_dir:"))
    build(load_config(str(path)))
    return [
        lesson["src"] for lesson in json.loads((tmp_path / "site/assets/course/progress.json").read_text())["lessons"]
    ]


QUIZ_PAGE = "# {title}\n\n/// quiz | Sum?\n- [x] 2\n    Yes.\n- [ ] 3\n    No.\n///\n"


def test_without_a_lessons_folder_every_page_that_asks_something_is_a_lesson(tmp_path):
    pages = {
        "index.md": "# Home\n",
        "intro.md": QUIZ_PAGE.format(title="Intro"),
        "part/more.md": "# More\n\n/// recall | Why?\nBecause.\n///\n",
        "about.md": "# About\n",
    }
    nav = "nav:\n  - index.md\n  - part/more.md\n  - intro.md\n  - about.md\n"
    assert _index(tmp_path, pages, nav) == ["part/more.md", "intro.md"]  # in the nav's order


def test_a_chosen_lessons_folder_is_the_lessons(tmp_path):
    pages = {"index.md": QUIZ_PAGE.format(title="Home"), "chapters/one.md": "# One\n", "lessons/x.md": QUIZ_PAGE}
    assert _index(tmp_path, {**pages, "lessons/x.md": QUIZ_PAGE.format(title="X")}, lessons_dir="chapters") == [
        "chapters/one.md"
    ]
