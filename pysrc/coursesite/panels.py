"""The ```` ```panel ```` fence: a runnable code panel, written in Markdown.

````markdown
```panel title="Your first neuron" expect="output: 0.0"
from neuron import Neuron
print(Neuron([0.5, -1.0], 1.0, activation="relu").explain([2.0, 3.0]))
```
````

Options (all optional):

``title``
    Shown above the editor and used in the panel's accessible name.
``id``
    Where the learner's edits are saved (default: the page's path and the
    panel's number among the panels without an id). Give one to keep edits
    when panels are reordered, and to every panel added to a published lesson.
``expect``
    Text the output must contain. The test suite runs every panel, in CPython
    and in the browser, and checks it.
``raises``
    The exception the code is meant to end with (a lesson about errors).
``timeout``
    Seconds before a run is stopped (default 10, at most 300).
``live``
    Every number in the code can be dragged, and the code runs again as it
    moves (see ``coursesite.live``).
``sliders``
    Sliders for variables of a live panel: ``sliders="w1=-3..3, b=-3..3"``.
``predict``
    Ask "What will this print?" before the first Run, in a text box, or as a
    choice: ``predict="0.5 | 0.73 | 1.0"`` (see ``coursesite.predict_option``).

A page's setup code, run before each of its panels, is a panel fence too:
```` ```panel setup ```` (see ``coursesite.setup_block``).

Mistakes (an unknown option, an empty panel, a duplicate id, a bad timeout,
a slider the code cannot move) are reported as errors naming the page, so ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from coursekit.authoring import ID_PATTERN, ID_RULE

from . import context, setup_block
from .live import Slider, check_live
from .markup import digest, error_box, starter_code
from .predict_option import check_predict, choices

FENCE_NAME = "panel"
OPTIONS = ("title", "id", "expect", "raises", "timeout", "live", "sliders", "predict")
DEFAULT_TIMEOUT = 10
MAX_TIMEOUT = 300


def validate(language: str, inputs: dict, options: dict, attrs: dict, md) -> bool:
    """Accept every fence named ``panel``; the formatter judges its options.

    (A validator that returns False makes superfences fall back silently to a
    plain code block, which would hide the author's mistake.)
    """
    options.update(inputs)
    return True


def format_panel(src: str, language: str, class_name: str, options: dict, md, **kwargs) -> str:
    page = context.current()
    if "setup" in options:  # the page's setup code, not a panel
        return setup_block.format_setup(src, options, page)
    number = page.next_number("panel")
    sliders, live_problems = check_live(src, options) if is_live(options) and src.strip() else ([], [])
    problems = _problems(src, options, page) + live_problems
    if problems:
        messages = [page.error_at("panel", number, f"code panel {number}: {problem}") for problem in problems]
        return etree.tostring(error_box("code panel", messages), encoding="unicode", method="html")
    element = _panel_element(src, options, page, number, sliders)
    panel_id = element.get("data-panel-id")
    page.widgets.append(
        # "id": where the page keeps the panel's edits (an author's id option is only part of it)
        {"kind": "panel", "number": number, "code": src, **options, "id": panel_id, **setup_block.panel_fields(page)}
    )
    return etree.tostring(element, encoding="unicode", method="html")


def _problems(src: str, options: dict, page: context.PageContext) -> list[str]:
    problems = []
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown == ["shared"]:
        problems.append("'shared' belongs on the page's setup block: ```panel setup shared")
    elif unknown:
        problems.append(f"unknown option {', '.join(map(repr, unknown))}; panels take {', '.join(OPTIONS)}")
    if not src.strip():
        problems.append("the panel has no code")
    if "timeout" in options:
        try:
            seconds = float(options["timeout"])
        except ValueError:
            seconds = -1
        if not 0 < seconds <= MAX_TIMEOUT:
            problems.append(f"timeout must be a number of seconds from 1 to {MAX_TIMEOUT}, not {options['timeout']!r}")
    if "id" in options:
        if not ID_PATTERN.match(options["id"]):
            problems.append(f"id {options['id']!r} {ID_RULE}")
        elif options["id"] in page.ids:
            problems.append(f"id {options['id']!r} is used twice on this page")
        page.ids.add(options["id"])
    for name in ("title", "expect", "raises"):
        if name in options and not options[name].strip():
            problems.append(f"{name} is empty")
    return problems + (check_predict(options) if "predict" in options else [])


def is_live(options: dict) -> bool:
    """A panel with sliders is live, whether or not it also says ``live``."""
    return "live" in options or "sliders" in options


def _panel_element(
    src: str, options: dict, page: context.PageContext, number: int, sliders: list[Slider]
) -> etree.Element:
    title = options.get("title", "").strip()
    # Panels with an id do not count in the numbering, so adding one (with an
    # id) to a lesson leaves the others' saved edits where they were.
    panel_id = f"{page.stem}/{options['id']}" if "id" in options else f"{page.stem}#{page.next_number('panel:unnamed')}"
    section = etree.Element(
        "section",
        {
            "class": "course-panel",
            "aria-label": f"Code panel: {title}" if title else f"Code panel {number}",
            "data-panel-id": panel_id,
            "data-timeout": str(options.get("timeout", DEFAULT_TIMEOUT)),
        },
    )
    for name in ("expect", "raises"):
        if name in options:
            section.set(f"data-{name}", options[name])
    if is_live(options):
        section.set("data-live", "true")
        section.set("data-sliders", json.dumps([slider.as_data() for slider in sliders]))
    if "predict" in options:
        section.set("data-predict", json.dumps({"choices": choices(options), "version": digest(src, choices(options))}))
    if title:
        heading = etree.SubElement(section, "p", {"class": "course-panel__title"})
        heading.text = title
    section.append(starter_code(src))
    return section


def fence_config() -> dict:
    """The superfences ``custom_fences`` entry for code panels."""
    return {"name": FENCE_NAME, "class": "course-panel", "validator": validate, "format": format_panel}
