"""Page objects: a lesson page and its code panels, found by role and name."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

#: A cold Pyodide boot takes 2-3 s here; leave room for a loaded machine.
BOOT_TIMEOUT = 60_000
RUN_TIMEOUT = 20_000
READY = re.compile(r"^Ready")
#: How many runs the page has started (each Run, Check and live run marks one).
RUNS_STARTED = "performance.getEntriesByName('course:run-start').length"
#: What a test says when a Run it pressed started nothing: where the key went, and the panel's state.
PRESS_MISSED = """(panel) => ({
    status: panel.querySelector(".course-panel__status")?.textContent,
    runDisabled: panel.querySelector(".course-panel__run")?.getAttribute("aria-disabled"),
    focus: document.activeElement?.outerHTML.slice(0, 120),
    connected: panel.isConnected,
    runs: performance.getEntriesByName("course:run-start").length,
    documentAge: Math.round(performance.now()),
})"""
SNAPSHOT_FOLDER = "course-python-snapshot"  # in the origin private file system
#: The stored memory snapshots of Python, as file handles, of every course folder (web/src/runner/snapshot.js);
#: a file still being written is not one. Used by the snapshot tests and make bench.
SNAPSHOT_FILES = f"""(async () => {{
    const found = [];
    try {{
        const all = await (await navigator.storage.getDirectory()).getDirectoryHandle({SNAPSHOT_FOLDER!r});
        for await (const course of all.values())
            for await (const [name, handle] of course.entries())
                if (!name.endsWith(".partial")) found.push(handle);
    }} catch {{}}
    return found;
}})()"""


#: When Python said it was ready, in ms of the page's clock; null before.
PYTHON_READY = "performance.getEntriesByName('course:python-ready')[0]?.startTime ?? null"
#: Every widget of the page is set up (on a page with code, those out of view come after Python: ui/mount-later.js).
# (not the page's mark "course:all-set-up": Playwright's page.clock replaces performance, and its marks)
ALL_SET_UP = "document.documentElement.dataset.courseSetUp === 'all'"


def wait_snapshot_kept(page: Page) -> None:
    """Wait until the worker that makes a first visit's memory snapshot of Python has kept it and gone
    (runner/snapshot-maker.js): until then it boots a second Python beside the learner's, and on a
    two-core machine a run that a drag asks for can take long enough to turn live updates off."""
    wait_until(page, f"{SNAPSHOT_FILES}.then((files) => files.length > 0)", timeout=BOOT_TIMEOUT)


def wait_all_set_up(page: Page) -> None:
    """Wait until no widget of the page is still to be set up, so that no layout moves under the pointer."""
    wait_until(page, ALL_SET_UP, timeout=BOOT_TIMEOUT)


def wait_until(page: Page, expression: str, timeout: int = RUN_TIMEOUT) -> None:
    """Wait until a JavaScript expression is true in the page.

    The site's Content-Security-Policy forbids eval, which Playwright's
    wait_for_function uses; page.evaluate is not subject to it.
    """
    for _ in range(timeout // 50):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"still false after {timeout} ms: {expression}")


class Panel:
    def __init__(self, page: Page, root: Locator) -> None:
        self.page = page
        self.root = root
        self.run_button = root.get_by_role("button", name="Run", exact=True)
        self.stop_button = root.get_by_role("button", name="Stop", exact=True)
        self.reset_button = root.get_by_role("button", name="Reset", exact=True)
        self.output = root.get_by_role("log", name="Output")
        self.status = root.get_by_role("status")
        # The code editor, not a predict panel's "Your prediction" box.
        self.editor = root.get_by_role("textbox", name=re.compile(r"Python code$"))

    def starter(self) -> str:
        """The starter code the build wrote into the page."""
        return self.root.locator("pre.course-panel__starter").text_content().rstrip("\n")

    def wait_ready(self) -> Panel:
        expect(self.status).to_have_text(READY, timeout=BOOT_TIMEOUT)
        return self

    def set_code(self, code: str) -> Panel:
        """Replace the editor's text as a paste would."""
        self.editor.click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.press("Delete")
        self.page.keyboard.insert_text(code)
        return self

    def run(self) -> Panel:
        self.run_button.click()
        return self

    def run_surely(self) -> Panel:
        """Press Run from the keyboard (focus on it, Enter), as a keyboard user does, and check that a
        run started. Used where a test runs panel after panel down a page: a pointer's click lands
        where the button was when Playwright looked, and a page still settling can move it away."""
        before = self.page.evaluate(RUNS_STARTED)
        self.run_button.press("Enter")
        started = self.page.evaluate(RUNS_STARTED)
        assert started > before, f"pressing Run started no run in {self.root.get_attribute('aria-label')!r}: " + str(
            self.root.evaluate(PRESS_MISSED)
        )
        return self

    def expect_output(self, text: str | re.Pattern, timeout: int = RUN_TIMEOUT) -> None:
        expect(self.output).to_contain_text(text, timeout=timeout)

    def expect_status(self, text: str | re.Pattern, timeout: int = RUN_TIMEOUT) -> None:
        expect(self.status).to_have_text(text, timeout=timeout)


class Lesson:
    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self, path: str) -> Lesson:
        self.page.goto(path)
        return self

    @property
    def panels(self) -> Locator:
        return self.page.locator("section.course-panel")

    def panel(self, index: int = 0) -> Panel:
        return Panel(self.page, self.panels.nth(index))
