"""`mkdocs build --strict` with Parsons problems: a good one is drawn as a named
region with its lines shuffled (never saying which are distractors) and counts
in the progress index; an unknown id, a problem of fewer than three lines and a
solution failing its own checks fail the build, naming the page and line."""

from __future__ import annotations

import json
import logging
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .small_site import needs_npm_build, write_site  # noqa: F401 (an autouse fixture)

SPECS = """\
from coursekit import expect
from coursekit.parsons import Parsons

double = Parsons(
    id="double",
    title="Double a number",
    solution="def double(x):\\n    y = x * 2\\n    return y\\n",
    distractors=[("return x", "that returns x unchanged.")],
)


@double.check("doubles 3")
def doubles_three(learner):
    expect(learner.function("double", "x")(3) == 6, "double(3) should be 6")


short = Parsons(id="short", title="Too short", solution="x = 1\\ny = 2\\n")


@short.check("x is 1")
def x_is_one(learner):
    expect(learner["x"] == 1, "x should be 1")


broken = Parsons(id="broken", title="Broken", solution="def double(x):\\n    y = x + 2\\n    return y\\n")


@broken.check("doubles 3")
def broken_doubles(learner):
    expect(learner.function("double", "x")(3) == 6, "double(3) should be 6")
"""


def data_json(html: str, class_name: str) -> str:
    """The data-json attribute of the element with this class (unescaped, as the browser reads it)."""
    found = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if class_name in (attributes.get("class") or "").split():
                found.append(attributes["data-json"])

    Finder().feed(html)
    assert len(found) == 1, found
    return found[0]


def build_site(tmp_path: Path, block: str) -> Path:
    pages = {"index.md": "# Home\n", "lessons/a.md": f"# A\n\n{block}"}
    config = load_config(str(write_site(tmp_path, pages, extra="strict: true\n", exercises={"specs.py": SPECS})))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return tmp_path / "site"


def build_errors(tmp_path, caplog, block: str) -> list[str]:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(tmp_path, block)
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_good_problem_is_a_named_region_with_its_lines_shuffled_and_is_tracked(tmp_path):
    site = build_site(tmp_path, "/// parsons | double\n    title: Doubling, in order\n///\n")
    html = (site / "lessons/a/index.html").read_text()
    assert 'aria-label="Parsons problem: Doubling, in order"' in html
    assert 'data-parsons-id="double"' in html
    data = json.loads(data_json(html, "course-parsons__data"))
    assert sorted(data["lines"]) == sorted(["def double(x):", "y = x * 2", "return y", "return x"])
    assert "distractor" not in json.dumps(data) and "explanation" not in json.dumps(data)
    index = json.loads((site / "assets/course/progress.json").read_text())
    (item,) = index["lessons"][0]["items"]
    assert (item["kind"], item["key"], item["label"]) == ("parsons", "parsons:double", "Doubling, in order")


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            "/// parsons | no-such\n///\n",
            "lessons/a.md:3: Parsons problem 1 ('no-such'): there is no Parsons problem 'no-such'",
        ),
        (
            "/// parsons | short\n///\n",
            "lessons/a.md:3: Parsons problem 1 ('short'): its solution has 2 line(s): "
            "a Parsons problem needs at least three",
        ),
        (
            "/// parsons | broken\n///\n",
            "lessons/a.md:3: Parsons problem 1 ('broken'): its solution fails its own check 'doubles 3': "
            "double(3) should be 6",
        ),
        (
            "/// parsons | double\n    colour: red\n///\n",
            "lessons/a.md:3: Parsons problem 1 ('double'): unknown option 'colour'",
        ),
    ],
    ids=["unknown-id", "fewer-than-three-lines", "solution-fails-its-checks", "unknown-option"],
)
def test_an_author_mistake_fails_the_build_naming_page_and_line(tmp_path, caplog, block, message):
    errors = build_errors(tmp_path, caplog, block)
    assert any(message in error for error in errors), errors
