"""Progress in Chromium: answers, code and passes survive a reload; the nav and
the progress page show complete lessons; export, reset and import give
everything back; a changed exercise shows no stale pass."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.lesson_widgets import page_url, pages

from .pages import wait_until
from .widgets import PREFIX, Exercise, Quiz, Recall, complete_lesson, lesson_sources, nav_link, saved_keys, widgets

PROGRESS = "/progress/"


def lesson_with_everything() -> str:
    """The first lesson (in path order) that has quizzes, a recall prompt and an exercise."""
    for src in lesson_sources():
        kinds = {w["kind"] for w in pages()[src]}
        if {"quiz", "recall", "exercise"} <= kinds:
            return src
    pytest.skip("no lesson has a quiz, a recall prompt and an exercise yet")


def lesson_title(page, src) -> str:
    return next(lesson["title"] for lesson in read_index(page)["lessons"] if lesson["src"] == src)


def read_index(page) -> dict:
    return page.evaluate("async () => (await fetch('/assets/course/progress.json')).json()")


def progress_entry(page, src):
    return page.locator(f'.course-progress__lesson[data-lesson="{src}"]')


def test_answers_code_and_progress_survive_a_reload(page, watched):
    src = lesson_with_everything()
    page.goto(page_url(src))
    title = lesson_title(page, src)
    expect(nav_link(page, title).locator(".course-nav-done")).to_have_count(0)
    complete_lesson(page, src)
    recall = Recall(page, widgets(src, "recall")[0])
    recall.textbox.fill("my own words")
    exercise = Exercise(page, widgets(src, "exercise")[0]["id"])
    expect(nav_link(page, title)).to_contain_text("✓")  # marked as soon as the lesson is done
    wait_until(
        page,
        f"localStorage.getItem({PREFIX + recall.root.get_attribute('data-recall-key')!r})?.includes('my own words')",
    )

    page.reload()
    for spec in widgets(src, "quiz"):
        expect(Quiz(page, spec).feedback).to_have_text(re.compile(r"^✓ Correct"))
    for spec in widgets(src, "recall"):
        expect(Recall(page, spec).rating("Got it")).to_have_attribute("aria-pressed", "true")
    expect(recall.textbox).to_have_value("my own words")
    expect(recall.answer).to_be_visible()
    expect(exercise.summary).to_have_text("✓ You passed this exercise. Check again any time.")
    expect(exercise.solution).to_be_visible()
    expect(exercise.panel.editor).to_have_text(exercise.spec.solution.replace("\n", ""))  # the code typed before
    link = nav_link(page, title)
    expect(link.locator(".course-nav-done")).to_have_count(1)
    expect(link).to_have_accessible_name(re.compile(r"\(complete\)$"))

    page.goto(PROGRESS)
    entry = progress_entry(page, src)
    expect(entry).to_contain_text("✓ Complete")
    expect(page.locator(".course-progress__summary")).to_have_text(re.compile(r"^You have completed 1 of \d+ lessons"))
    counts = entry.locator(".course-progress__counts")
    quizzes = len(widgets(src, "quiz"))
    expect(counts).to_contain_text(f"{quizzes} of {quizzes} quiz")


def test_a_lesson_is_complete_without_its_optional_exercise(page, watched):
    src, optional = next(
        (src, spec["id"]) for src in lesson_sources() for spec in widgets(src, "exercise") if spec.get("optional")
    )
    page.goto(page_url(src))
    title = lesson_title(page, src)
    exercise = Exercise(page, optional)
    expect(exercise.root.locator(".course-exercise__kind")).to_have_text("Optional exercise")
    complete_lesson(page, src, optional=False)
    expect(nav_link(page, title)).to_contain_text("✓")
    expect(exercise.summary).to_have_count(0)  # never checked

    page.goto(PROGRESS)
    entry = progress_entry(page, src)
    expect(entry).to_contain_text("✓ Complete")
    exercises = sum(not spec.get("optional") for spec in widgets(src, "exercise"))
    counts = entry.locator(".course-progress__counts")
    expect(counts).to_contain_text(f"{exercises} of {exercises} exercise")
    expect(counts).to_contain_text("0 of 1 optional exercise passed")


def test_every_lesson_is_listed_on_the_progress_page(page, watched):
    page.goto(PROGRESS)
    index = read_index(page)
    assert [lesson["src"] for lesson in index["lessons"]] == [
        src for src in index_order(page) if src.startswith("lessons/")
    ]
    for lesson in index["lessons"]:
        entry = progress_entry(page, lesson["src"])
        expect(entry.get_by_role("link", name=lesson["title"])).to_have_count(1)
        expect(entry).to_contain_text("Not complete yet" if lesson["items"] else "Nothing to answer")


def index_order(page) -> list[str]:
    """The lesson pages in the order of the site's navigation links."""
    hrefs = page.locator(".md-nav--primary a.md-nav__link[href]").evaluate_all("links => links.map(a => a.href)")
    by_url = {page_url(src): src for src in pages()}
    origin = page.evaluate("location.origin")
    ordered = []
    for href in hrefs:
        src = by_url.get(href.removeprefix(origin))
        if src and src not in ordered:
            ordered.append(src)
    return ordered


def test_export_reset_and_import_give_everything_back(page, watched, tmp_path):
    src = lesson_with_everything()
    page.goto(page_url(src))
    complete_lesson(page, src)

    page.goto(PROGRESS)  # leaving the lesson saves its last edits at once
    before = saved_keys(page)
    assert any(key.startswith(PREFIX + "code:") for key in before)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["format"] == "one-neuron-progress"
    assert sorted(PREFIX + key for key in data["items"]) == before

    page.get_by_role("button", name="Reset all progress").click()
    dialog = page.get_by_role("dialog", name="Reset all progress?")
    dialog.get_by_role("button", name="Cancel").click()
    expect(progress_entry(page, src)).to_contain_text("✓ Complete")  # cancelled: nothing removed
    page.get_by_role("button", name="Reset all progress").click()
    page.get_by_role("dialog", name="Reset all progress?").get_by_role("button", name="Reset all progress").click()
    expect(page.locator(".course-progress__status")).to_have_text(
        "All progress and saved code were removed from this browser."
    )
    expect(progress_entry(page, src)).to_contain_text("Not complete yet")
    assert saved_keys(page) == []

    page.locator(".course-progress__file").set_input_files(exported)
    expect(page.locator(".course-progress__status")).to_have_text(
        f"Imported {len(before)} saved items from progress.json."
    )
    expect(progress_entry(page, src)).to_contain_text("✓ Complete")
    assert saved_keys(page) == before

    page.goto(page_url(src))
    for spec in widgets(src, "quiz"):
        expect(Quiz(page, spec).feedback).to_have_text(re.compile(r"^✓ Correct"))
    exercise = Exercise(page, widgets(src, "exercise")[0]["id"])
    expect(exercise.panel.editor).to_have_text(exercise.spec.solution.replace("\n", ""))


def test_an_export_with_a_recall_prompt_revealed_but_not_rated_imports_back(page, watched, tmp_path):
    src = lesson_with_everything()
    page.goto(page_url(src))
    recall = Recall(page, widgets(src, "recall")[0])
    recall.show.click()  # saved with no rating yet
    key = PREFIX + recall.root.get_attribute("data-recall-key")
    wait_until(page, f"localStorage.getItem({key!r}) !== null")
    page.goto(PROGRESS)
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    page.locator(".course-progress__file").set_input_files(exported)
    expect(page.locator(".course-progress__status")).to_have_text("Imported 1 saved items from progress.json.")


def test_a_file_that_is_not_a_progress_export_is_refused(page, watched, tmp_path):
    page.goto(PROGRESS)
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}')
    page.locator(".course-progress__file").set_input_files(other)
    expect(page.locator(".course-progress__status")).to_have_text(
        re.compile(r"^Could not import other\.json: this file is not a progress file")
    )


def test_a_changed_exercise_shows_no_stale_pass(page, watched):
    src = lesson_with_everything()
    exercise_id = widgets(src, "exercise")[0]["id"]
    page.goto(PROGRESS)
    stale = {"version": "an-old-one", "passed": True, "attempts": 1, "hints": 0, "solution": True}
    page.evaluate(f"localStorage.setItem({PREFIX + 'exercise:' + exercise_id!r}, {json.dumps(json.dumps(stale))})")
    page.goto(page_url(src))
    exercise = Exercise(page, exercise_id)
    expect(exercise.summary).to_have_text("This exercise has changed since you passed it: check your code again.")
    expect(exercise.solution).to_have_count(0)
    page.goto(PROGRESS)
    expect(progress_entry(page, src).locator(".course-progress__counts")).to_contain_text("0 of ")


def stored(page) -> dict:
    """Everything in this origin's localStorage, exactly."""
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


def progress_file(items: dict, prefix: str = PREFIX) -> str:
    return json.dumps(
        {"format": "one-neuron-progress", "prefix": prefix, "exported": "2026-12-01T00:00:00Z", "items": items}
    )


def nested(levels: int) -> str:
    return '{"a":' * levels + "1" + "}" * levels


GOOD = {"exercise:relu-neuron": {"version": "abc", "passed": True, "attempts": 2, "hints": 1, "solution": False}}
BAD_FILES = {
    "malformed.json": ("{not json at all", "this file is not valid JSON"),
    "truncated.json": (progress_file(GOOD)[:60], "this file is not valid JSON"),
    "old-version.json": (progress_file(GOOD, prefix="neuron-course:v0:"), "this file comes from another version"),
    "huge.json": (progress_file({"code:lessons/x#1": "x" * 10_000_000}), "this file is 10.0 MB"),
    "deep.json": (progress_file({})[:-2] + '"code:a#1": ' + nested(5000) + "}}", "this file is nested far deeper"),
    "proto.json": (
        f'{{"format": "one-neuron-progress", "prefix": "{PREFIX}", "items": {{"__proto__": {{"polluted": true}}}}}}',
        'it holds an entry this course does not keep ("__proto__")',
    ),
    "types.json": (
        progress_file({"exercise:relu-neuron": {"version": "abc", "passed": "yes", "attempts": "3"}}),
        'the entry exercise:relu-neuron has a wrong value for "passed"',
    ),
    "unknown-kind.json": (progress_file({"settings:theme": "dark"}), "it holds an entry this course does not keep"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_progress_file_is_refused_and_changes_nothing(page, watched, tmp_path, name):
    page.goto(PROGRESS)
    page.evaluate(
        f"localStorage.setItem({PREFIX + 'exercise:relu-neuron'!r}, JSON.stringify({{version: 'v', passed: true}}))"
    )
    before = stored(page)
    text, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_text(text)
    page.locator(".course-progress__file").set_input_files(path)
    expect(page.locator(".course-progress__status")).to_contain_text(f"Could not import {name}: {message}")
    assert stored(page) == before
    assert page.evaluate("({}).polluted") is None


def test_an_import_the_browser_cannot_store_is_undone_whole(page, watched, tmp_path):
    page.goto(PROGRESS)
    page.evaluate(f"localStorage.setItem({PREFIX + 'code:lessons/a#1'!r}, JSON.stringify('mine'))")
    # Fill the storage to the brim with one key of another site's, then try to import.
    page.evaluate(
        """() => { let size = 1 << 22; let filler = '';
        while (size > 8) {
          try { localStorage.setItem('other-site', filler + 'x'.repeat(size)); filler += 'x'.repeat(size); }
        catch { size >>= 1; } } }"""
    )
    before = stored(page)
    items = {
        "code:lessons/a#1": "t",  # shorter than "mine": it fits, and must be undone
        **{f"code:lessons/b#{n}": "y" * 50_000 for n in range(30)},
    }
    path = tmp_path / "progress.json"
    path.write_text(progress_file(items))
    page.locator(".course-progress__file").set_input_files(path)
    expect(page.locator(".course-progress__status")).to_contain_text("refused to store the progress")
    assert stored(page) == before
    page.evaluate("localStorage.removeItem('other-site')")
