"""The soak learner's travels: instant navigation, full loads, reloads, going back, and the
progress page's export and import."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from .soak_model import export_losses

NAV_LINKS = ".md-nav--primary a.md-nav__link[href]"
LINKS = """(links) => links.map((a) => [
  new URL(a.href).pathname,
  a.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && a.getBoundingClientRect().height > 0,
])"""


class Travel:
    """Mixed into the soak's Learner (soak_learner.py); `paths` are the pages it may visit."""

    def instant(self, to: str | None = None) -> None:
        """Follow a link of the navigation (to a random page, or to `to`): Material loads it without a reload."""
        links = self.page.locator(NAV_LINKS)
        found = links.evaluate_all(LINKS)
        here = self.state["path"]
        choices = [
            i
            for i, (path, visible) in enumerate(found)
            if visible and path in self.paths and path != here and to in (None, path)
        ]
        if not choices:
            return self.full(to)
        index = self.rng.choice(choices)
        self.figures["instant"] += 1
        return self.navigate("instant", lambda: links.nth(index).click())

    def full(self, path: str | None = None) -> None:
        path = path or self.rng.choice(sorted(self.paths))
        self.figures["full"] += 1
        self.navigate("full", lambda: self.page.goto(path))

    def reload(self) -> None:
        self.figures["reloads"] += 1
        self.navigate("reload", self.page.reload)

    def back(self) -> None:
        if len(self.history) < 2:
            return self.reload()
        self.figures["back"] += 1
        return self.navigate("back", self.page.go_back)

    def to_progress(self) -> None:
        if self.state["path"] == self.progress_path:
            return
        if self.rng.random() < 0.7:
            self.instant(self.progress_path)
        else:
            self.full(self.progress_path)

    def export_progress(self) -> None:
        self.to_progress()
        with self.page.expect_download() as download:
            self.page.get_by_role("button", name="Export progress").click()
        path = self.downloads / f"progress-{self.count}.json"
        download.value.save_as(path)
        items = json.loads(path.read_text())["items"]
        self.model.record_losses(export_losses(self.model, items, self.count), adopt=False)
        self.export = {"path": path, "snapshot": self.model.snapshot(items)}
        self.figures["exports"] += 1

    def import_progress(self) -> None:
        self.to_progress()
        status = self.page.locator(".course-progress__status")
        status.evaluate("(status) => { status.textContent = ''; }")
        self.page.locator(".course-progress__file").set_input_files(self.export["path"])
        expect(status).to_have_text(re.compile(r"^Imported \d+ saved items"))
        self.model.restore(self.export["snapshot"])
        self.figures["imports"] += 1
