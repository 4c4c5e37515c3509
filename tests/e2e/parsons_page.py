"""Page object for a Parsons problem, found by its region's name; its solution and
distractors come from the spec (coursekit.parsons), never from the page."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from coursekit import parsons

from .pages import BOOT_TIMEOUT


class Problem:
    """A Parsons problem on the page, found by its region's name."""

    def __init__(self, page: Page, problem_id: str, title: str | None = None) -> None:
        self.page = page
        self.spec = parsons.get(problem_id)
        self.root = page.get_by_role("region", name=f"Parsons problem: {title or self.spec.title}", exact=True)
        self.program = self.root.get_by_role("group", name="Your program", exact=True)
        self.aside = self.root.get_by_role("group", name=re.compile("^Set aside"))
        self.check_button = self.root.get_by_role("button", name="Check", exact=True)
        self.results = self.root.locator(".course-parsons__results")
        self.announcer = self.root.locator(".course-parsons__announce")

    @property
    def solution(self) -> list[tuple[int, int]]:
        """(line, indent) of the author's program, in order."""
        return [(index, line.indent) for index, line in enumerate(self.spec.lines) if not line.distractor]

    @property
    def distractors(self) -> list[int]:
        return [index for index, line in enumerate(self.spec.lines) if line.distractor]

    def option(self, line: int) -> Locator:
        return self.root.locator(f'[role="option"][data-line="{line}"]')

    def order(self) -> list[int]:
        return [
            int(value) for value in self.program.get_by_role("option").evaluate_all("os => os.map(o => o.dataset.line)")
        ]

    def focus(self, line: int) -> None:
        """Bring the focus to a line with the arrow keys, from the first line."""
        self.root.get_by_role("option").first.focus()
        self.page.keyboard.press("Home")
        everything = self.order() + [
            int(v) for v in self.aside.get_by_role("option").evaluate_all("os => os.map(o => o.dataset.line)")
        ]
        for _ in range(everything.index(line)):
            self.page.keyboard.press("ArrowDown")
        expect(self.option(line)).to_be_focused()

    def arrange_by_keyboard(self, wanted: list[tuple[int, int]], aside: list[int]) -> None:
        """Set lines aside (Delete), then bring each wanted line to its place (Alt+Up) and indent it (Space, Tab)."""
        keyboard = self.page.keyboard
        for line in aside:
            self.focus(line)
            keyboard.press("Delete")
        for position, (line, indent) in enumerate(wanted):
            self.focus(line)
            for _ in range(self.order().index(line) - position):
                keyboard.press("Alt+ArrowUp")
            keyboard.press("Space")
            for _ in range(indent):
                keyboard.press("Tab")
            keyboard.press("Escape")
            expect(self.option(line)).to_have_accessible_name(re.compile(f"^line {position + 1}, indent {indent}:"))

    def check(self) -> None:
        self.check_button.click()

    def expect_summary(self, text: str | re.Pattern) -> None:
        expect(self.results.locator(".course-parsons__summary")).to_have_text(text, timeout=BOOT_TIMEOUT)

    def solve_by_keyboard(self) -> None:
        self.arrange_by_keyboard(self.solution, self.distractors)
        self.check()
        self.expect_summary(re.compile("^✓ Solved"))
