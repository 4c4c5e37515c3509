"""How fast the training timeline answers, and how long a loss landscape takes in Pyodide.

Scrub: lesson 7's replay of 1000 epochs of OR training (200 frames); each step
presses an arrow key on the Epoch slider and times, in the page, from the
keydown to the moment the new frame is drawn (the widget draws in an animation
frame and sets data-epoch last; the browser paints right after that frame's
callbacks), and also to the start of the following animation frame, which
adds up to one frame interval. Steps go one at a time, each waiting for the last.
Target (from the timeline issue): median <= 16 ms, p95 <= 33 ms.

Landscape: in the same page's Python, ``loss_landscape(X, y, size=41)`` for OR
with the best bias at each of the 1681 points, timed with ``time.perf_counter``.
Target: <= 1 s.
"""

from __future__ import annotations

import re
import statistics

from benchmarks.live import percentile

LESSON = "/lessons/training-or/"
PANEL = "Code panel: Replay training, epoch by epoch"

WATCH = """(name) => {
  const panel = [...document.querySelectorAll("section.course-panel")].find(
    (section) => section.getAttribute("aria-label") === name);
  const widget = panel.querySelector(".course-timeline");
  window.scrubTimes = [];
  window.nextFrameTimes = [];
  widget.querySelector("input[type=range]").addEventListener(
    "keydown", () => (window.keyAt = performance.now()), { capture: true });
  new MutationObserver(() => {
    if (!window.keyAt) return;
    const from = window.keyAt;
    window.keyAt = 0;
    window.scrubTimes.push(performance.now() - from);
    requestAnimationFrame(() => window.nextFrameTimes.push(performance.now() - from));
  }).observe(widget, { attributes: true, attributeFilter: ["data-epoch"] });
}"""

LANDSCAPE = """import time
from neuron import OR, loss_landscape
X, y = OR
times = []
for _ in range(5):
    start = time.perf_counter()
    loss_landscape(X, y, size=41)
    times.append(time.perf_counter() - start)
times.sort()
print(f"landscape ms: {1000 * times[2]:.1f}")
"""


def timeline_figures(browser, origin: str, wait_for, steps: int = 60) -> dict[str, float]:
    """Scrub p50 / p95 / max (ms) over `steps` arrow-key steps, and the 41 x 41 landscape's median time (ms)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(origin + LESSON)
    panel = page.get_by_role("region", name=PANEL)
    panel.scroll_into_view_if_needed()
    wait_for(
        page,
        f"document.querySelector('[aria-label=\"{PANEL}\"] .course-panel__status')?.textContent.startsWith('Ready')",
    )
    panel.get_by_role("button", name="Run", exact=True).click()
    slider = panel.get_by_role("slider", name="Epoch")
    slider.wait_for(timeout=120_000)
    page.evaluate(WATCH, PANEL)
    for step in range(steps):
        slider.press("ArrowRight")
        wait_for(page, f"window.nextFrameTimes.length > {step}")
    times, after = page.evaluate("[window.scrubTimes, window.nextFrameTimes]")
    editor = panel.get_by_role("textbox")
    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(LANDSCAPE)
    panel.get_by_role("button", name="Run", exact=True).click()
    output = panel.get_by_role("log", name="Output")
    wait_for(
        page, f"document.querySelector('[aria-label=\"{PANEL}\"] .course-output').textContent.includes('landscape ms')"
    )
    landscape = float(re.search(r"landscape ms: ([\d.]+)", output.text_content()).group(1))
    context.close()
    return {
        "p50": statistics.median(times),
        "p95": percentile(times, 0.95),
        "max": max(times),
        "next_frame_p50": statistics.median(after),
        "next_frame_p95": percentile(after, 0.95),
        "landscape": landscape,
    }
