"""A page's setup code in Chromium (```panel setup: coursekit.page_setup, web/src/panel/page-setup.js):
a panel using a name the setup defines runs, and steps through; with `shared`, a second panel sees
the first one's variable. A small site of its own, built strictly (which runs every panel in CPython)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.site.small_site import build_small_site

from .pages import Panel
from .server import SiteServer
from .widgets import Exercise

HELPERS = """\
# Helpers

```panel setup
def double(x):
    return 2 * x
```

```panel title="Twice" expect="42"
answer = double(21)
print(answer)
```

An exercise on the same page runs without the setup, in its Run as in its Check:

/// exercise | relu-neuron
///
"""

SHARED = """\
# One namespace

```panel setup shared
found = 0
```

```panel title="First"
found = 7
```

```panel title="Second" expect="42"
print(found * 6)
```
"""


@pytest.fixture(scope="module")
def setup_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("setup-site")
    build_small_site(folder, {"index.md": "# Home\n", "helpers.md": HELPERS, "shared.md": SHARED})
    with SiteServer(folder / "site") as server:
        yield server.origin


def panel(page, title: str) -> Panel:
    return Panel(page, page.get_by_role("region", name=f"Code panel: {title}"))


def test_a_panel_uses_a_name_from_the_pages_setup(setup_site, page):
    page.goto(setup_site + "/helpers/")
    setup = page.locator("details.course-setup")
    summary = setup.locator("summary")
    expect(summary).to_have_text("Setup code, run before every panel on this page")
    summary.focus()
    page.keyboard.press("Enter")  # opened from the keyboard, read-only code
    expect(setup.locator("code")).to_have_text("def double(x):\n    return 2 * x\n")
    twice = panel(page, "Twice")
    twice.wait_ready().run()
    twice.expect_output("42")
    # Not shared: each run starts afresh from the setup, without the last run's variables.
    twice.set_code("print('answer' in globals(), double(1))").run()
    expect(twice.output).to_have_text("False 2")
    twice.reset_button.click()
    twice.root.get_by_role("button", name="Step through", exact=True).click()
    # The panel's two lines and the end: none inside double, the setup's (as in CPython: tests/site).
    expect(twice.status).to_have_text("Step through: 3 steps recorded")


def test_an_exercise_on_the_page_runs_without_the_setup_as_its_check_does(setup_site, page):
    page.goto(setup_site + "/helpers/")
    exercise = Exercise(page, "relu-neuron").panel
    exercise.wait_ready().set_code("print(double(1))").run()
    exercise.expect_output("NameError")  # what Check would say too: the setup is the page's panels' only


def test_with_one_namespace_a_second_panel_sees_the_firsts_variable(setup_site, page):
    page.goto(setup_site + "/shared/")
    first, second = panel(page, "First"), panel(page, "Second")
    second.wait_ready().run()
    expect(second.output).to_have_text("0")  # only the setup has run: found = 0
    first.run()
    first.expect_status(re.compile(r"^Ready \(ran in"))
    second.run()
    second.expect_output("42")
    page.reload()  # a new Python: the page's namespace starts again from its setup
    second.wait_ready().run()
    expect(second.output).to_have_text("0")
