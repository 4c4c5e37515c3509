"""What a learner waits for, measured in the page (used by benchmarks/runtime.py).

- The first result: from navigation start to the first output of the first
  panel's Run, pressed (Enter on the focused button) the moment the panel
  exists (a Run sent before Python is ready waits for it), so the editor
  bundle, the first ``import neuron`` and the first plot all count. The bare
  page's equivalent is its worker's first print.
- Stop-to-ready: from a click on Stop during an endless loop to Python ready
  again (the panel says Stopped; where the worker was restarted, the new one is ready).

Marks are taken in the page by a MutationObserver that an init script installs
(Playwright injects it outside the site's Content-Security-Policy).
"""

from __future__ import annotations

import time

from tests.e2e.pages import SNAPSHOT_FILES

FIRST_OUTPUT = "bench:first-output"

#: Marks bench:first-output when the first panel's output area (or the bare page's #output) gets text from a
#: run. Only after a run started: a live panel shows the build's output of its starter code from the start.
OBSERVER = f"""
new MutationObserver((_, observer) => {{
  const ran = performance.getEntriesByName("course:run-start").length > 0;
  const panel = document.querySelector("section.course-panel");
  if ((ran && panel?.querySelector(".course-output:not(.course-output--empty)")) ||
      document.querySelector("#output:not(:empty)")) {{
    performance.mark({FIRST_OUTPUT!r});
    observer.disconnect();
  }}
}}).observe(document, {{ subtree: true, childList: true, attributes: true, attributeFilter: ["class"] }});
"""

#: Marks bench:stop when Stop is clicked, and bench:stopped when that panel's status says it stopped.
STOP_OBSERVER = """
document.addEventListener("click", (event) => {
  const panel = event.target.closest?.(".course-panel__stop")?.closest("section.course-panel");
  if (!panel) return;
  performance.mark("bench:stop");
  const status = panel.querySelector(".course-panel__status");
  new MutationObserver((_, observer) => {
    if (!status.textContent.startsWith("Stopped")) return;
    performance.mark("bench:stopped");
    observer.disconnect();
  }).observe(status, { subtree: true, childList: true, characterData: true });
}, { capture: true });
"""
#: After a Stop that restarted the worker, Python is ready again at its next ready mark.
READY_AFTER_STOP = (
    "performance.getEntriesByName('course:python-ready')"
    ".filter((m) => m.startTime > performance.getEntriesByName('bench:stop')[0].startTime)"
)

LOOP = "while True:\n    pass"


def first_result(page, url: str, bare: bool, mark, ready_mark: str) -> tuple[float, float]:
    """Open `url`, click the first Run as soon as it exists; (time to ready, time to first output) in ms.

    Times are counted from the moment the navigation was asked for, on the wall clock, so that a
    reload on the way (a service worker making the page cross-origin isolated) counts too.
    """
    page.add_init_script(OBSERVER)
    asked = time.time() * 1000
    page.goto(url, wait_until="commit")
    if not bare:
        panel = page.locator("section.course-panel").first
        if panel.get_attribute("data-built-output") is not None:  # its output is there before any run
            raise ValueError(f"the first panel of {url} shows the build's output: no first result to time there")
        # Enter on the focused button, as a keyboard user runs it: a pointer's click would first wait for the
        # page to stop moving (the maths above being typeset), on Playwright's retry schedule (up to 500 ms a try).
        panel.get_by_role("button", name="Run", exact=True).press("Enter")
    ready, first = mark(page, ready_mark), mark(page, FIRST_OUTPUT)
    since = page.evaluate("performance.timeOrigin") - asked  # this document's start, after any reload
    return since + ready, since + first


def wait_for_snapshot(page, wait_for, count: int = 1) -> None:
    """Wait until `count` courses' workers have stored their snapshots (the next visit restores one).
    (The site under /isolated/ is a course of its own: its package's URL differs.)"""
    wait_for(page, f"{SNAPSHOT_FILES}.then((files) => files.length >= {count})")


def stop_to_ready(context, url: str, wait_for, mark) -> tuple[float, bool]:
    """Stop an endless loop: ms from the click to Python ready again (the panel says Stopped, and
    where the worker was restarted, the new one is ready), and whether the page was cross-origin isolated."""
    page = context.new_page()
    page.add_init_script(STOP_OBSERVER)
    page.goto(url)
    panel = page.locator("section.course-panel").first
    wait_for(page, "document.querySelector('.course-panel__status')?.textContent.startsWith('Ready')")
    panel.get_by_role("textbox").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(LOOP)
    panel.get_by_role("button", name="Run", exact=True).click()
    wait_for(page, "document.querySelector('.course-panel__status')?.textContent === 'Running…'")
    panel.get_by_role("button", name="Stop", exact=True).click()
    ready = mark(page, "bench:stopped")
    isolated = page.evaluate("crossOriginIsolated")
    if not isolated:  # terminated and restarted: ready when the new worker is
        wait_for(page, f"{READY_AFTER_STOP}.length > 0")
        ready = max(ready, page.evaluate(f"{READY_AFTER_STOP}[0].startTime"))
    elapsed = ready - mark(page, "bench:stop")
    page.close()
    return elapsed, isolated
