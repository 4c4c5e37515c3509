"""The index of what each lesson asks of the learner, for the progress page and the nav.

The build writes it to ``assets/course/progress.json``::

    {"lessons": [{"src": "lessons/first-neuron.md", "url": "lessons/first-neuron/",
                  "title": "1. Your first neuron",
                  "items": [{"kind": "quiz", "key": "quiz:lessons/first-neuron/2", "version": "…",
                             "label": "…", "optional": false},
                            {"kind": "exercise", "key": "exercise:relu-neuron", "version": "…",
                             "label": "A ReLU neuron", "optional": false}]}]}

``key`` is where the browser keeps the learner's answer (web/src/storage.js
adds its prefix) and ``version`` what it must match to count: a quiz or an
exercise that changed since does not show a stale result. A lesson is
complete when every item that is not ``optional`` is done (an exercise marked
``optional: true``, for the keen, is counted apart and never holds a lesson
back); web/src/progress/store.js applies this to what the browser has saved.
Lessons are, in the order of the site's navigation, the pages under the
plugin's ``lessons_dir``; without one, the pages under ``lessons/`` if the site
has that folder, else every page that asks something of the learner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

LESSONS = "lessons/"
TRACKED = ("quiz", "recall", "exercise", "parsons")
FILENAME = "progress.json"


def lesson_entry(src_uri: str, title: str, url: str, widgets: list[dict]) -> dict:
    items = []
    for widget in widgets:
        if widget["kind"] in TRACKED:
            label = widget.get("question") or widget.get("prompt") or widget.get("title") or ""
            items.append(
                {
                    "kind": widget["kind"],
                    "key": widget["key"],
                    "version": widget["version"],
                    "label": label,
                    "optional": bool(widget.get("optional", False)),
                }
            )
    return {"src": src_uri, "url": url, "title": title, "items": items}


def lesson_rule(lessons_dir: str | None, pages: Iterable[str]) -> Callable[[dict], bool]:
    """Which page entries are lessons (see the module's docstring)."""
    pages = list(pages)
    if lessons_dir is None and not any(src.startswith(LESSONS) for src in pages):
        return lambda entry: bool(entry["items"])  # no lessons/ folder: every page that asks something
    folder = LESSONS if lessons_dir is None else lessons_dir.strip("/") + "/"
    return lambda entry: entry["src"].startswith(folder)


def lesson_index(entries: dict[str, dict], nav_order: list[str], is_lesson: Callable[[dict], bool]) -> dict:
    """The lessons among ``entries`` (by source path), in navigation order, then the rest by path."""
    lessons = [src for src, entry in entries.items() if is_lesson(entry)]
    position = {src: index for index, src in enumerate(nav_order)}
    lessons.sort(key=lambda src: (position.get(src, len(position)), src))
    return {"lessons": [entries[src] for src in lessons]}
