"""A learner for the soak test: one seeded random action at a time on the page in front of it.

Every action works on what the current page shows (read with soak_model.OBSERVE) and
tells the model what the learner should find again. Arriving on a page (a reload, an
instant navigation, a full load, going back) compares the whole page with the model.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from playwright.sync_api import Page, expect

from coursekit import exercises
from tests.lesson_widgets import page_url, pages

from .pages import wait_until
from .soak_answers import Answers
from .soak_model import MARK_LEFT, OBSERVE, Model, kind
from .soak_travel import Travel

#: A cold Pyodide boot, a lesson's code or an exercise's checks on a loaded machine.
PYTHON_WAIT_MS = 120_000
ARRIVE_WAIT_MS = 60_000
#: The pages a learner goes through (the authors' page is for authors).
SOURCES = sorted(src for src in pages() if src != "authors.md")
PATHS = {page_url(src): src for src in SOURCES}
#: One of those pages, with every widget drawn.
DRAWN = f"({OBSERVE})().ready && {json.dumps(sorted(PATHS))}.includes(location.pathname)"
PROGRESS = page_url("progress.md")
#: How often a learner does what, and what it needs on the page.
ACTIONS = {
    "type_code": (20, "code"),
    "run": (6, "code"),
    "stop": (2, "code"),
    "reset": (4, "code"),
    "undo": (4, "undoable"),
    "check": (5, "exercise"),
    "hint": (4, "exercise"),
    "solution": (2, "exercise"),
    "quiz": (14, "quiz"),
    "recall": (8, "recall"),
    "instant": (12, None),
    "full": (6, None),
    "reload": (6, None),
    "back": (3, None),
    "export_progress": (2, None),
    "import_progress": (2, "export"),
}


class Learner(Answers, Travel):
    paths = PATHS
    progress_path = PROGRESS

    def __init__(self, page: Page, seed: int, downloads: Path) -> None:
        self.page = page
        self.rng = random.Random(seed)
        self.model = Model()
        self.downloads = downloads
        self.state: dict = {}
        self.history: list[str] = []
        self.undoable: tuple[str, str] | None = None
        self.export: dict | None = None
        self.count = 0
        self.log: list[str] = []
        self.figures = {"actions": 0, "reloads": 0, "instant": 0, "full": 0, "back": 0, "exports": 0, "imports": 0}
        self.visited: set[str] = set()
        self.seen_on: dict[str, set[str]] = {}  # the pages each widget was seen on

    # --- one action -----------------------------------------------------------

    def possible(self, needs: str | None) -> bool:
        if needs == "undoable":
            return self.undoable is not None
        if needs == "export":
            return self.export is not None
        return needs is None or bool(self.keys(needs))

    def step(self) -> None:
        self.count += 1
        names = [name for name, (_, needs) in ACTIONS.items() if self.possible(needs)]
        name = self.rng.choices(names, weights=[ACTIONS[name][0] for name in names])[0]
        self.log.append(f"{self.count}: {name} on {self.state['path']}")
        undoable = self.undoable
        getattr(self, name)()
        if self.undoable is undoable:
            self.undoable = None  # an undo must come straight after its reset
        self.figures["actions"] += 1

    def stop(self) -> None:
        self.run(stop=True)

    # --- the page -------------------------------------------------------------

    def observe(self) -> dict:
        return self.page.evaluate(OBSERVE)

    def keys(self, of_kind: str) -> list[str]:
        return sorted(key for key in self.state["items"] if kind(key) == of_kind)

    def arrive(self, how: str) -> None:
        """Wait for the new page to be drawn, then compare every widget on it with the model."""
        wait_until(self.page, DRAWN, timeout=ARRIVE_WAIT_MS)
        self.state = state = self.observe()
        self.visited.add(state["path"])
        for key in state["items"]:
            self.seen_on.setdefault(key, set()).add(state["path"])
        self.undoable = None
        self.model.record_losses(self.model.compare(state, self.count, f"{how} to {state['path']}"))

    def navigate(self, how: str, go) -> None:
        self.page.evaluate(MARK_LEFT)
        go()
        self.arrive(how)
        if how == "back":
            self.history.pop()
        elif how != "reload":
            self.history.append(self.state["path"])

    def host(self, key: str):
        return self.page.locator(f'[data-panel-id="{key.split(":", 1)[1]}"]')

    def expected_code(self, key: str) -> str:
        return self.model.expected(key, self.state)

    # --- code panels ----------------------------------------------------------

    def type_code(self) -> None:
        key = self.rng.choice(self.keys("code"))
        editor = self.host(key).locator(".cm-content")
        editor.click()
        if self.rng.random() < 0.5:
            text = f"print('soak {self.count}')"
            self.page.keyboard.press("ControlOrMeta+a")
            self.page.keyboard.press("Delete")
            self.page.keyboard.insert_text(text)
        else:
            typed = f" # soak {self.count}"
            self.page.keyboard.press("ControlOrMeta+End")
            self.page.keyboard.type(typed)
            text = self.expected_code(key) + typed
        self.model.items[key] = text

    def wait_run_over(self, host) -> None:
        expect(host.get_by_role("button", name="Run", exact=True)).to_have_attribute(
            "aria-disabled", "false", timeout=PYTHON_WAIT_MS
        )

    def run(self, stop: bool = False) -> None:
        host = self.host(self.rng.choice(self.keys("code")))
        host.get_by_role("button", name="Run", exact=True).click()
        if stop:  # the run may be over already: then Stop does nothing (aria-disabled, still clickable)
            host.get_by_role("button", name="Stop", exact=True).click(force=True)
        self.wait_run_over(host)

    def reset(self) -> None:
        changed = [key for key in self.keys("code") if self.expected_code(key) != self.state["starters"][key]]
        if not changed:
            return self.type_code()
        key = self.rng.choice(changed)
        previous = self.expected_code(key)
        self.host(key).get_by_role("button", name="Reset", exact=True).click()
        self.model.items[key] = self.state["starters"][key]
        self.undoable = (key, previous)
        return None

    def undo(self) -> None:
        key, previous = self.undoable
        self.host(key).locator(".cm-content").click()
        self.page.keyboard.press("ControlOrMeta+z")
        self.model.items[key] = previous

    # --- exercises ------------------------------------------------------------

    def exercise(self, key: str):
        return self.page.locator(f'section.course-exercise[data-exercise-id="{key.split(":", 1)[1]}"]')

    def check(self) -> None:
        key = self.rng.choice(self.keys("exercise"))
        spec = exercises.get(key.split(":", 1)[1])
        root = self.exercise(key)
        code_key = "code:" + root.locator("[data-panel-id]").get_attribute("data-panel-id")
        code = spec.solution if self.rng.random() < 0.5 else f"{spec.starter}\nsoak_attempt = {self.count}"
        self.host(code_key).locator(".cm-content").click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.press("Delete")
        self.page.keyboard.insert_text(code)
        self.model.items[code_key] = code
        root.get_by_role("button", name="Check", exact=True).click()
        results = root.get_by_role("status", name="Check results")
        expect(results).not_to_have_attribute("data-kind", "running", timeout=PYTHON_WAIT_MS)
        passed = results.get_attribute("data-kind") == "passed"
        before = self.model.expected(key, self.state)
        self.model.items[key] = {
            **before,
            "passed": before["passed"] or passed,
            "solution": before["solution"] or passed,
        }

    def hint(self) -> None:
        key = self.rng.choice(self.keys("exercise"))
        button = self.exercise(key).get_by_role("button", name="Show hint", exact=True)
        if not button.count() or button.get_attribute("aria-disabled") == "true":
            return
        before = self.model.expected(key, self.state)
        button.click()
        self.model.items[key] = {**before, "hints": before["hints"] + 1}

    def solution(self) -> None:
        key = self.rng.choice(self.keys("exercise"))
        root = self.exercise(key)
        button = root.get_by_role("button", name="Show solution", exact=True)
        if button.get_attribute("aria-disabled") == "true":
            return
        button.click()
        dialog = self.page.get_by_role("dialog", name="Show the solution?")
        help_text = root.locator(".course-exercise__help")
        expect(dialog.or_(help_text.filter(has_text="Try it first"))).to_be_visible()
        if dialog.is_visible():
            dialog.get_by_role("button", name="Show solution", exact=True).click()
            expect(root.get_by_role("group", name="Reference solution")).to_be_visible()
            self.model.items[key] = {**self.model.expected(key, self.state), "solution": True}
