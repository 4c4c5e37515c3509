"""How fast an explorable answers: a slider step on lesson 2 -> the updated picture on screen.

Each step moves the w1 slider of lesson 2's explorable by one notch from the
keyboard and times, in the page, from the slider's input event to the first
animation frame after the new picture is in the output. Steps are one at a
time (each waits for the last to settle), so each is the whole round trip:
the code rewritten, Python run in the worker, the SVG drawn.

Target (from the explorables issue): p50 <= 50 ms, p95 <= 120 ms.
"""

from __future__ import annotations

import statistics

LESSON = "/lessons/weights-and-bias/"
PANEL = "Code panel: A neuron that splits four points"

WATCH = """(name) => {
  const panel = [...document.querySelectorAll("section.course-panel")].find(
    (section) => section.getAttribute("aria-label") === name);
  const output = panel.querySelector(".course-output");
  window.liveTimes = [];
  panel.querySelector("input[type=range]").addEventListener(
    "input", () => (window.inputAt = performance.now()), { capture: true });
  new MutationObserver(() => {
    if (!window.inputAt || !output.querySelector("svg")) return;
    const from = window.inputAt;
    window.inputAt = 0;
    requestAnimationFrame(() => window.liveTimes.push(performance.now() - from));
  }).observe(output, { childList: true, subtree: true });
}"""

SETTLED = (
    "!document.querySelector('[aria-label=\"{name}\"] .course-output').hasAttribute('aria-busy')"
    " && document.querySelector('[aria-label=\"{name}\"] .course-panel__run').getAttribute('aria-disabled') === 'false'"
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def slider_steps(browser, origin: str, wait_for, steps: int = 50) -> dict[str, float]:
    """p50 and p95 (ms) of `steps` slider steps on lesson 2's explorable."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(origin + LESSON)
    panel = page.get_by_role("region", name=PANEL)
    panel.scroll_into_view_if_needed()
    panel.locator(".course-output svg").wait_for(timeout=120_000)  # its first run, by itself
    settled = SETTLED.format(name=PANEL)
    wait_for(page, settled)
    page.evaluate(WATCH, PANEL)
    slider = panel.get_by_role("slider", name="w1")
    for step in range(steps):
        slider.press("ArrowRight" if step % 2 == 0 else "ArrowLeft")  # to and fro, inside the range
        wait_for(page, f"window.liveTimes.length > {step} && {settled}")
    times = page.evaluate("window.liveTimes")
    context.close()
    if len(times) != steps:
        raise RuntimeError(f"{steps} steps, but {len(times)} pictures were timed")
    return {"p50": statistics.median(times), "p95": percentile(times, 0.95), "max": max(times)}
