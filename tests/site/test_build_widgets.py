"""`mkdocs build --strict` on small sites with quizzes and exercises: a good
one builds and writes the progress index; each kind of author mistake fails
the build, naming the page. (Spec mistakes: test_exercise_specs.py.)"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from coursekit import exercises

from .small_site import needs_npm_build, write_site  # noqa: F401 (an autouse fixture)

ROOT = Path(__file__).resolve().parents[2]

QUIZ = """\
/// quiz | What is 1 + 1?
    id: sum

- [x] 2
    Yes.
- [ ] 3
    No.
///
"""


def build_site(tmp_path: Path, pages: dict[str, str], nav: str = "") -> Path:
    extensions = "strict: true\nmarkdown_extensions:\n  - pymdownx.arithmatex:\n      generic: true\n"
    config = load_config(str(write_site(tmp_path, pages, extra=extensions + nav)))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return tmp_path / "site"


def expect_failure(tmp_path, caplog, pages, message):
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(tmp_path, pages)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert any(message in error for error in errors), errors


def test_a_good_site_builds_and_indexes_each_lessons_widgets(tmp_path):
    nav = "nav:\n  - index.md\n  - Lessons:\n    - Second: lessons/b.md\n    - First: lessons/a.md\n"
    site = build_site(
        tmp_path,
        {
            "index.md": "# Home\n\n" + QUIZ,
            "lessons/a.md": "# A\n\n"
            + QUIZ
            + "\n/// exercise | relu-neuron\n///\n\n/// recall | Why?\nBecause.\n///\n",
            "lessons/b.md": "# B\n\nNothing to do.\n",
        },
        nav,
    )
    index = json.loads((site / "assets/course/progress.json").read_text())
    assert [lesson["src"] for lesson in index["lessons"]] == ["lessons/b.md", "lessons/a.md"]  # nav order, lessons only
    second, first = index["lessons"]
    assert second == {"src": "lessons/b.md", "url": "lessons/b/", "title": "Second", "items": []}
    assert [(i["kind"], i["key"]) for i in first["items"]] == [
        ("quiz", "quiz:lessons/a/sum"),
        ("exercise", "exercise:relu-neuron"),
        ("recall", "recall:lessons/a/1"),
    ]
    assert first["items"][1]["version"] == exercises.get("relu-neuron").version
    html = (site / "lessons/a/index.html").read_text()
    assert 'class="course-quiz"' in html and 'class="course-exercise"' in html
    assert "assets/course/course-widgets-" in html  # its content-hashed name
    runtime = html.split('name="course-runtime" content="')[1].split('"')[0]
    assert "&quot;boot&quot;: true" in runtime  # a page with an exercise starts Python early


def test_a_quiz_with_no_correct_answer_fails_naming_the_page_and_line(tmp_path, caplog):
    bad = "# Bad\n\n" + QUIZ.replace("[x] 2", "[ ] 2")
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": bad},
        "lessons/bad.md:3: quiz 1 ('What is 1 + 1?'): no option is marked correct",
    )


def test_a_malformed_option_fails_naming_the_page_and_line(tmp_path, caplog):
    bad = "# Bad\n\n" + QUIZ.replace("- [ ] 3", "- [] 3")
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": bad},
        "lessons/bad.md:3: quiz 1 ('What is 1 + 1?'): malformed option '- [] 3'",
    )


def test_an_unknown_option_fails_naming_the_page_and_line(tmp_path, caplog):
    bad = "# Bad\n\n" + QUIZ.replace("    id: sum\n", "    id: sum\n    colour: red\n")
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": bad},
        "lessons/bad.md:3: quiz 1 ('What is 1 + 1?'): unknown option 'colour'",
    )


def test_an_unknown_exercise_fails_naming_the_page_and_line(tmp_path, caplog):
    bad = "# Bad\n\n/// exercise | no-such-thing\n///\n"
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": bad},
        "lessons/bad.md:3: exercise 1 ('no-such-thing'): there is no exercise 'no-such-thing'",
    )


def test_a_block_whose_header_is_not_yaml_fails_naming_the_page_line_and_the_parsers_words(tmp_path, caplog):
    bad = "# Bad\n\n" + QUIZ.replace("    id: sum\n", "    id: [sum\n")
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": bad},
        "lessons/bad.md:4: quiz 1 ('What is 1 + 1?'): its options (the lines under `/// quiz`) are not valid YAML: "
        "while parsing a flow sequence; expected ',' or ']', but got '<stream end>'",
    )
