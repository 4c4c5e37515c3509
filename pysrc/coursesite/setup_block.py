"""A page's setup code: ```` ```panel setup ````, once per page, before its first panel.

````markdown
```panel setup
from neuron import OR, Neuron
neuron = Neuron([1.0, 1.0], -0.5, activation="step")
```
````

Its code runs before every code panel of the page (coursekit.page_setup), in
the browser, in the build's run of every panel and in the lesson tests, so the
panels can use the names it defines. The page shows it read-only, folded
under a summary, so a learner can always see where a name comes from. With
``shared`` (```` ```panel setup shared ````) the page has one namespace: the
setup runs once and a later panel sees the variables of an earlier one.

Mistakes named with the page and line: a second setup block, a setup block
after a panel or on a page without panels, an option other than ``shared``, a
setup with no code (unless ``shared``), and (when the build runs the panels)
setup code that raises.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from coursekit import page_setup

from . import context
from .markup import error_box

OPTIONS = ("setup", "shared")
SUMMARY = "Setup code, run before every panel on this page"
SHARED_SUMMARY = "Setup code, run once for this page: its panels share one set of variables"


def format_setup(src: str, options: dict, page: context.PageContext) -> str:
    """The setup block's markup (or an error box), recording the setup on ``page``."""
    number = page.next_number("setup")
    problems = _problems(src, options, page, number)
    if problems:
        messages = [page.error_at("setup", number, f"setup code: {problem}") for problem in problems]
        return etree.tostring(error_box("setup code", messages), encoding="unicode", method="html")
    shared = "shared" in options
    page.setup = {"code": src, "shared": shared, "number": number}
    details = etree.Element("details", {"class": "course-setup", "data-page": page.stem})
    if shared:
        details.set("data-shared", "true")
    etree.SubElement(details, "summary").text = SHARED_SUMMARY if shared else SUMMARY
    pre = etree.SubElement(details, "pre", {"class": "course-setup__code"})
    etree.SubElement(pre, "code", {"class": "language-python"}).text = src.rstrip("\n") + "\n"
    return etree.tostring(details, encoding="unicode", method="html")


def _problems(src: str, options: dict, page: context.PageContext, number: int) -> list[str]:
    if number > 1:
        first = page.lines.get(("setup", 1))
        return [f"a page has one setup block; the first is{f' on line {first}' if first else ' above'}"]
    problems = []
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        problems.append(f"unknown option {', '.join(map(repr, unknown))}; a setup block takes only 'shared'")
    if page.counters.get("panel"):
        problems.append("the setup block must come before the page's first panel")
    if not src.strip() and "shared" not in options:
        problems.append("the setup block has no code")
    return problems


def panel_fields(page: context.PageContext) -> dict:
    """What a panel's recorded data says of its page's setup: its code, and the page's one
    namespace if it is shared (the lesson tests and the build run the panel with them)."""
    if page.setup is None:
        return {}
    return {"setup": page.setup["code"], "namespace": page.stem if page.setup["shared"] else None}


def check_page(page: context.PageContext, run: bool) -> bool:
    """Record the page's setup mistakes found once every fence is read: a setup on a page
    without panels, and (``run``: the build runs code) setup code that raises. Whether
    the page's panels can be run (False when its setup raised)."""
    if page.setup is None:
        return True
    number = page.setup["number"]
    if not any(widget["kind"] == "panel" for widget in page.widgets):
        page.error_at("setup", number, "setup code: the page has no code panel to run it before")
        return True
    if not run:
        return True
    try:
        page_setup.namespace(page.setup["code"])
    except page_setup.SetupFailed as error:
        fence = page.lines.get(("setup", number))
        line = fence + error.line if fence and error.line else fence
        page.error(f"setup code: it failed when the build ran it: {error}", line)
        return False
    return True
