"""A page's setup code (```panel setup): the fence's markup, the runs after it
(coursekit.page_setup), and author mistakes failing the strict build with file and line."""

import xml.etree.ElementTree as ElementTree

import pytest

from coursekit import page_setup, trace_chunks
from tests import lesson_widgets

from .test_build import build_site
from .test_panels import render

DOUBLE = "def double(x):\n    return 2 * x\n"
SETUP = f"```panel setup\n{DOUBLE}```\n\n"
PANEL = '```panel expect="6"\nprint(double(3))\n```\n'


@pytest.fixture(autouse=True)
def no_kept_namespaces():
    page_setup.forget()
    yield
    page_setup.forget()


def test_the_setup_is_shown_read_only_once_and_every_panel_records_it():
    html, page = render(SETUP + PANEL + "\n" + PANEL)
    root = ElementTree.fromstring(f"<root>{html}</root>")
    (details,) = root.findall("details")
    assert details.get("class") == "course-setup" and details.get("data-shared") is None
    assert details.find("summary").text == "Setup code, run before every panel on this page"
    assert details.find("pre/code").text == "def double(x):\n    return 2 * x\n"
    assert len(root.findall(".//section")) == 2 and not root.findall(".//section//details")
    assert page.errors == []
    panels = [widget for widget in page.widgets if widget["kind"] == "panel"]
    assert [panel["number"] for panel in panels] == [1, 2]  # the setup is not a panel
    assert all(panel["setup"] == "def double(x):\n    return 2 * x" and panel["namespace"] is None for panel in panels)


def test_a_shared_setup_names_the_pages_one_namespace():
    html, page = render("```panel setup shared\ntotal = 0\n```\n\n" + PANEL, "lessons/sums.md")
    details = ElementTree.fromstring(f"<root>{html}</root>").find("details")
    assert details.get("data-shared") == "true" and details.get("data-page") == "lessons/sums"
    assert "share one set of variables" in details.find("summary").text
    assert page.widgets[0]["namespace"] == "lessons/sums"


def test_a_page_without_setup_records_its_panels_as_before():
    _html, page = render(PANEL)
    assert "setup" not in page.widgets[0] and "namespace" not in page.widgets[0]


@pytest.mark.parametrize(
    "markdown, message",
    [
        (SETUP + SETUP + PANEL, "a page has one setup block; the first is above"),
        (PANEL + "\n" + SETUP, "the setup block must come before the page's first panel"),
        ('```panel setup title="Helpers"\nx = 1\n```\n\n' + PANEL, "unknown option 'title'; a setup block takes only"),
        ("```panel setup\n```\n\n" + PANEL, "the setup block has no code"),
        ("```panel shared\nprint(1)\n```\n", "'shared' belongs on the page's setup block"),
    ],
    ids=["two setups", "after a panel", "unknown option", "no code", "shared on a panel"],
)
def test_setup_mistakes_are_named(markdown, message):
    _html, page = render(markdown)
    assert any(message in error for error in page.errors), page.errors


def test_panels_run_after_the_setup_and_its_output_is_not_shown(capsys):
    setup = "print('setting up')\nprices = [1.5, 2.0]\n"
    assert page_setup.run_panel("print(sum(prices))", setup=setup) == {"status": "ok"}
    assert capsys.readouterr().out == "3.5\n"
    # Each run starts afresh: a change to a setup variable is gone by the next run.
    page_setup.run_panel("prices.append(10)", setup=setup)
    page_setup.run_panel("print(len(prices))", setup=setup)
    assert capsys.readouterr().out == "2\n"


def test_with_one_namespace_a_later_run_sees_an_earlier_ones_variables(capsys):
    setup = "print('once')\ncount = 0\n"
    for _ in range(2):
        page_setup.run_panel("count += 1\nfound = count", setup=setup, page="lessons/a")
    page_setup.run_panel("print(count, found)", setup=setup, page="lessons/a")
    page_setup.run_panel("print('found' in globals())", setup=setup, page="lessons/b")  # another page's own
    assert capsys.readouterr().out == "2 2\nFalse\n"
    for _ in range(2):  # "" (what the worker sends for none) keeps nothing, as None does
        page_setup.run_panel("print('kept' in globals())\nkept = 1", setup=setup, page="")
    assert capsys.readouterr().out == "False\nFalse\n"
    page_setup.forget("lessons/a")  # a new Python: the setup runs again
    page_setup.run_panel("print(count)", setup=setup, page="lessons/a")
    assert capsys.readouterr().out == "0\n"


def test_a_setup_that_raises_is_reported_as_the_pages_not_the_learners():
    result = page_setup.run_panel("print(x)", setup="x = 1\ny = [][3]\n")
    assert result["status"] == "error" and result["type"] == "SetupFailed" and result["line"] is None
    assert "The page's setup code failed before your code ran" in result["error"]
    assert "IndexError: list index out of range (line 2 of the setup)" in result["error"]


def test_the_lesson_tests_run_a_panel_as_its_page_does(capsys):
    shared = "```panel setup shared\ntotal = 0\n```\n\n```panel\ntotal += 5\n```\n\n```panel\nprint(total)\n```\n"
    for markdown, printed in ((shared, "5\n"), (shared.replace(" shared", ""), "0\n")):
        _html, page = render(markdown)
        capsys.readouterr()
        assert lesson_widgets.run_panel(page.widgets[1], page.widgets, lambda mime, data: None) == {"status": "ok"}
        assert capsys.readouterr().out == printed  # the panel above ran first only in the shared namespace


def test_step_through_runs_after_the_setup_and_steps_the_panels_lines_only():
    sent = []
    result = trace_chunks.trace_for_page("y = double(4)\nprint(y)", "", sent.append, setup=DOUBLE)
    steps = trace_chunks.unpack(sent)
    assert result["status"] == "ok" and steps["output"] == "8\n"
    assert [step["line"] for step in steps["steps"]] == [1, 2, None]  # not the setup's lines, nor double's
    failed = trace_chunks.trace_for_page("print(1)", "", sent.append, setup="1 / 0")
    assert failed["type"] == "SetupFailed" and failed["limit"] and failed["call"] is None


def test_step_through_shows_the_setups_names_only_once_the_panel_sets_them():
    """What the setup defined is there before the panel's first line: not a change that line made."""
    sent = []
    setup = DOUBLE + "import math\nW = [1, 2]\n"
    trace_chunks.trace_for_page("y = double(4)\nW = W + [y]\nprint(y)", "", sent.append, setup=setup)
    steps = trace_chunks.unpack(sent)["steps"]
    shown = [{v["name"]: v["changed"] for v in step["variables"]} for step in steps]
    assert shown == [{}, {"y": True}, {"W": True, "y": False}, {"W": False, "y": False}]


def test_a_site_with_setup_code_builds_and_its_panels_keep_their_promises(tmp_path):
    shared = "# S\n\n```panel setup shared\ntotal = 0\n```\n\n```panel\nfound = 3\n```\n\n"
    shared += "```panel expect='3'\nprint(found)\n```\n"  # the variable of the panel before
    result = build_site(tmp_path, {"index.md": "# Helpers\n\n" + SETUP + PANEL, "shared.md": shared})
    assert result.returncode == 0, result.stderr
    assert 'class="course-setup"' in (tmp_path / "site/index.html").read_text()


def test_setup_mistakes_fail_the_strict_build_naming_file_and_line(tmp_path):
    pages = {
        "index.md": "# Home\n",
        "raises.md": "# R\n\n```panel setup\nx = 1\ny = 1 / 0\n```\n\n```panel\nprint(x)\n```\n",
        "two.md": "# T\n\n```panel setup\nx = 1\n```\n\n```panel setup\nx = 2\n```\n\n```panel\nprint(x)\n```\n",
        "none.md": "# N\n\n```panel setup\nx = 1\n```\n",
        "unshared.md": "# U\n\n```panel setup\nn = 0\n```\n\n```panel\nfound = 3\n```\n\n```panel\nprint(found)\n```\n",
    }
    result = build_site(tmp_path, pages)
    assert result.returncode != 0
    for message in (
        "raises.md:5: setup code: it failed when the build ran it: ZeroDivisionError: division by zero",
        "two.md:7: setup code: a page has one setup block; the first is on line 3",
        "none.md:3: setup code: the page has no code panel to run it before",
        # Without `shared`, each panel runs on its own: the build says so at the second.
        "unshared.md:11: code panel 2: its code failed on line 1 when the build ran it: NameError",
    ):
        assert message in result.stderr, result.stderr
    assert "raises.md:9" not in result.stderr  # its panel is not blamed for the setup
