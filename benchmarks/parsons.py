"""How quick a Parsons problem is, measured in headless Chromium on lesson 7's training loop.

Prints:
- one move in the page: Alt+Up or Alt+Down on a line -> the move announced
  (the list redrawn, the focus back on the line, the arrangement saved), and
  -> the next animation frame, p50 and p95 over 60 moves;
- the longest main-thread task seen while moving (a long task is one of 50 ms
  or more; none is the usual answer);
- a Check: the click -> the result written (the worker's round trip, the
  learner's program run through train-loop's checks in Pyodide), median of the rounds.

Targets: one move <= 16 ms (a frame); no main-thread task over 200 ms.

Usage: python benchmarks/parsons.py [--rounds N]   (`make bench` runs it)
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.live import percentile  # noqa: E402
from benchmarks.runtime import bench_main, launch_args, print_table, sample, wait_for  # noqa: E402

LESSON = "/lessons/training-or/"
ROOT_SELECTOR = 'section.course-parsons[data-parsons-id="train-loop-order"]'

#: Time each keydown on the list until its announcement is written, and until the next frame; watch long tasks.
WATCH_MOVES = """(selector) => {
  const root = document.querySelector(selector);
  window.moveTimes = [];
  window.moveFrames = [];
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
  }).observe({ type: "longtask" });
  root.querySelector('[role="listbox"]').addEventListener("keydown", () => (window.keyAt = performance.now()), {
    capture: true,
  });
  new MutationObserver(() => {
    if (!window.keyAt) return;
    const from = window.keyAt;
    window.keyAt = 0;
    window.moveTimes.push(performance.now() - from);
    requestAnimationFrame(() => window.moveFrames.push(performance.now() - from));
  }).observe(root.querySelector(".course-parsons__announce"), { childList: true, characterData: true });
}"""

#: Click Check; resolves with the ms until the result (not "Checking…") is written.
CHECK = """(selector) => new Promise((resolve) => {
  const root = document.querySelector(selector);
  const results = root.querySelector(".course-parsons__results");
  const observer = new MutationObserver(() => {
    if (results.dataset.kind === "running" || !results.dataset.kind) return;
    observer.disconnect();
    resolve(performance.now() - start);
  });
  observer.observe(results, { subtree: true, childList: true, attributes: true });
  const start = performance.now();
  root.querySelector(".course-parsons__check").click();
})"""


def moving(page, moves: int = 60) -> tuple[list[float], list[float], list[float]]:
    page.evaluate(WATCH_MOVES, ROOT_SELECTOR)
    page.locator(f'{ROOT_SELECTOR} [role="option"]').nth(3).focus()
    for move in range(moves):
        page.keyboard.press("Alt+ArrowUp" if move % 2 else "Alt+ArrowDown")
        wait_for(page, f"window.moveFrames.length > {move}")
    return page.evaluate("[window.moveTimes, window.moveFrames, window.longTasks]")


def checking(page, rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        times.append(sample("check", page.evaluate(CHECK, ROOT_SELECTOR)))
    return times


def measure(origin: str, rounds: int) -> dict[str, list[float]]:
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        page = browser.new_context().new_page()
        page.goto(origin + LESSON)
        wait_for(page, f"document.querySelector('{ROOT_SELECTOR}.course-parsons--mounted') !== null")
        page.locator(ROOT_SELECTOR).scroll_into_view_if_needed()
        checking(page, 1)  # Python booted and the checker imported, before timing
        figures = dict(zip(("move", "move_frame", "long"), moving(page)))
        page.keyboard.press("Alt+ArrowDown")  # no longer the shuffled start: the checks run
        figures["check"] = checking(page, rounds)
        browser.close()
    return figures


def report(figures: dict[str, list[float]], rounds: int) -> None:
    longest = max(figures["long"], default=0.0)
    rows = [
        (
            "one move: key -> announced",
            f"p50 {statistics.median(figures['move']):.1f} ms",
            f"p95 {percentile(figures['move'], 0.95):.1f} ms",
            "<= 16 ms",
        ),
        (
            "one move: key -> next frame",
            f"p50 {statistics.median(figures['move_frame']):.1f} ms",
            f"p95 {percentile(figures['move_frame'], 0.95):.1f} ms",
            "",
        ),
        ("longest main-thread task while moving", f"{longest:.0f} ms", f"{len(figures['long'])} long", "<= 200 ms"),
        (f"Check: click -> result (median of {rounds})", f"{statistics.median(figures['check']):.0f} ms", "", ""),
    ]
    print("Parsons benchmark: lesson 7's training loop, headless Chromium\n")
    print_table(rows)
    print(f"\nraw Check samples (ms): {[round(v) for v in figures['check']]}")


if __name__ == "__main__":
    bench_main(measure, report)
