"""How fast Step through records and steps, measured in headless Chromium (Pyodide in the worker).

Prints, as medians over a few rounds:
- recording lesson 1's neuron function (the panel "A neuron function for any
  number of inputs", 3 calls, some 30 steps), and a 2,000-step trace (that
  function called in a loop until the step limit), each timed in Pyodide in
  the page's worker (``coursekit.trace_chunks.trace_for_page``, packing
  included, with ``time.perf_counter``) and from the click on Step through to
  the first step drawn (the next animation frame), the worker's round trip
  and the page's unpacking included;
- one step in the page: the Right arrow key on the stepper -> the step drawn
  ("Step n of N" written, and the next animation frame), p50 and p95 over 60.

Targets (from the issue): recording lesson 1's function <= 20 ms and a 2,000-step
trace <= 50 ms in Pyodide; one step <= 16 ms.

Usage: python benchmarks/stepper.py [--rounds N]   (`make bench` runs it after runtime.py)
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.live import percentile  # noqa: E402
from benchmarks.runtime import bench_main, launch_args, print_table, sample, wait_for  # noqa: E402

LESSON = "/lessons/first-neuron/"
PANEL = "Code panel: A neuron function for any number of inputs"
LOOP = """def neuron(inputs, weights, bias):
    z = bias
    for x, w in zip(inputs, weights):
        z = z + x * w
    return max(0.0, z)

outputs = []
for i in range(1000):
    outputs.append(neuron([i * 0.1, 1.0], [0.5, -1.0], 1.0))
"""
#: Run in the panel: trace_for_page on `code`, 7 times, the median printed.
IN_PYODIDE = """import time
from coursekit.trace_chunks import trace_for_page
times, steps = [], []
for _ in range(7):
    start = time.perf_counter()
    trace_for_page({code!r}, "", steps.append)
    times.append(time.perf_counter() - start)
times.sort()
print(f"trace ms: {{1000 * times[3]:.2f}}")
"""

#: Click Step through on the panel; resolves with the ms until the first step is drawn.
STEP_THROUGH = """(name) => new Promise((resolve) => {
  const panel = [...document.querySelectorAll("section.course-panel")].find(
    (section) => section.getAttribute("aria-label") === name);
  const observer = new MutationObserver(() => {
    const position = panel.querySelector(".course-stepper__position");
    if (!position || position.closest("[hidden]") || !position.textContent.startsWith("Step 1 of")) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
  const start = performance.now();
  panel.querySelector(".course-panel__step").click();
})"""

#: Times each keydown on the stepper until its position is written, and until the next frame.
WATCH_STEPS = """(name) => {
  const panel = [...document.querySelectorAll("section.course-panel")].find(
    (section) => section.getAttribute("aria-label") === name);
  const stepper = panel.querySelector(".course-stepper");
  window.stepTimes = [];
  window.stepFrames = [];
  stepper.addEventListener("keydown", () => (window.keyAt = performance.now()), { capture: true });
  new MutationObserver(() => {
    if (!window.keyAt) return;
    const from = window.keyAt;
    window.keyAt = 0;
    window.stepTimes.push(performance.now() - from);
    requestAnimationFrame(() => window.stepFrames.push(performance.now() - from));
  }).observe(stepper.querySelector(".course-stepper__position"), { childList: true, characterData: true });
}"""


def set_code(page, panel, code: str) -> None:
    panel.get_by_role("textbox").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text(code)


def idle(page) -> str:
    return (
        f"document.querySelector('[aria-label=\"{PANEL}\"] .course-panel__run').getAttribute('aria-disabled')"
        " === 'false'"
    )


def in_pyodide(page, panel, code: str) -> float:
    """trace_for_page on `code` in the worker: the median of 7, in ms."""
    set_code(page, panel, IN_PYODIDE.format(code=code))
    panel.get_by_role("button", name="Run", exact=True).click()
    selector = f'[aria-label="{PANEL}"] .course-output'
    wait_for(page, f"document.querySelector('{selector}').textContent.includes('trace ms')")
    text = page.locator(selector).text_content()
    return sample("in Pyodide", float(re.search(r"trace ms: ([\d.]+)", text).group(1)))


def click_to_drawn(page, panel, code: str, rounds: int) -> list[float]:
    set_code(page, panel, code)
    times = []
    for _ in range(rounds):
        times.append(sample("step through", page.evaluate(STEP_THROUGH, PANEL)))
        wait_for(page, idle(page))
    return times


def stepping(page, panel, steps: int = 60) -> tuple[list[float], list[float]]:
    page.evaluate(WATCH_STEPS, PANEL)
    panel.get_by_role("button", name="Next", exact=True).focus()
    for step in range(steps):
        page.keyboard.press("ArrowRight")
        wait_for(page, f"window.stepFrames.length > {step}")
    return page.evaluate("[window.stepTimes, window.stepFrames]")


def measure(origin: str, rounds: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        page = browser.new_context().new_page()
        page.goto(origin + LESSON)
        panel = page.get_by_role("region", name=PANEL)
        panel.scroll_into_view_if_needed()
        wait_for(
            page,
            f"document.querySelector('[aria-label=\"{PANEL}\"] .course-panel__status')?.textContent"
            ".startsWith('Ready')",
        )
        neuron = panel.locator("pre.course-panel__starter").text_content().rstrip("\n")
        figures["neuron_pyodide"] = [in_pyodide(page, panel, neuron) for _ in range(rounds)]
        figures["loop_pyodide"] = [in_pyodide(page, panel, LOOP) for _ in range(rounds)]
        figures["neuron_click"] = click_to_drawn(page, panel, neuron, rounds)
        figures["loop_click"] = click_to_drawn(page, panel, LOOP, rounds)
        figures["step"], figures["step_frame"] = stepping(page, panel)
        browser.close()
    return figures


def report(figures: dict[str, list[float]], rounds: int) -> None:
    med = {key: statistics.median(values) for key, values in figures.items()}
    rows = [
        (
            "record lesson 1's neuron function, in Pyodide",
            f"{med['neuron_pyodide']:.1f} ms",
            f"{med['neuron_pyodide'] / 20:.2f} x target",
            "<= 20 ms",
        ),
        (
            "record a 2,000-step trace, in Pyodide",
            f"{med['loop_pyodide']:.1f} ms",
            f"{med['loop_pyodide'] / 50:.2f} x target",
            "<= 50 ms",
        ),
        ("Step through lesson 1's function: click -> drawn", f"{med['neuron_click']:.0f} ms", "", ""),
        ("Step through 2,000 steps: click -> drawn", f"{med['loop_click']:.0f} ms", "", ""),
        (
            "one step: key -> drawn",
            f"p50 {med['step']:.1f} ms",
            f"p95 {percentile(figures['step'], 0.95):.1f} ms",
            "<= 16 ms",
        ),
        (
            "one step: key -> next frame",
            f"p50 {med['step_frame']:.1f} ms",
            f"p95 {percentile(figures['step_frame'], 0.95):.1f} ms",
            "",
        ),
    ]
    print(f"Stepper benchmark: median of {rounds} rounds (each in Pyodide: median of 7), headless Chromium\n")
    print_table(rows)
    raw = ", ".join(f"{key}={[round(v, 1) for v in values]}" for key, values in figures.items() if key[:4] != "step")
    print(f"\nraw samples (ms): {raw}")


if __name__ == "__main__":
    bench_main(measure, report)
