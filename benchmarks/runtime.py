"""How fast a lesson's code panel becomes usable, measured in headless Chromium.

Prints, as medians over a few rounds in one run:
- time-to-ready (navigation start -> Python can run) of a lesson page, cold
  (empty cache) and warm (on-disk cache), next to a bare page that only boots
  the same Pyodide in a worker: the ratio is the figure that matters;
- time-to-ready of a panel after an instant navigation to another lesson;
- the round trip of a trivial run (click Run -> result on the page);
- the bytes fetched before the first run (raw, and gzipped as a host may serve them);
- an explorable's answer: a slider step -> the updated picture, p50 and p95
  over 50 steps (benchmarks/live.py).

Targets (from the foundation issue): ready <= 1.10 x bare, cold and warm;
<= 0.05 x cold after an instant navigation; a trivial run <= 30 ms; a
slider step -> picture p50 <= 50 ms, p95 <= 120 ms.

Usage: python benchmarks/runtime.py [--rounds N]   (`make bench` sets everything up)
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.live import slider_steps  # noqa: E402
from benchmarks.timeline import timeline_figures  # noqa: E402
from tests.e2e.conftest import QUIET_FLAGS, system_chromium  # noqa: E402
from tests.e2e.server import SiteServer  # noqa: E402

LESSON = "/lessons/first-neuron/"
NEXT_LESSON_LINK = "Playground"
READY_MARK = "course:python-ready"
BARE_DIR = "bench-bare"

BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><p>Booting Pyodide in a worker…</p>
<script type="module">
  const worker = new Worker("worker.js", { type: "module" });
  worker.onmessage = () => { performance.mark("bare:python-ready"); document.body.dataset.ready = "yes"; };
  worker.postMessage(new URL("../assets/course/pyodide/VERSION/", location.href).href);
</script></body></html>
"""

BARE_WORKER = """
self.onmessage = async ({ data: indexURL }) => {
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  await loadPyodide({ indexURL, lockFileURL: indexURL + "pyodide-lock.json" });
  self.postMessage("ready");
};
"""


def build(site_dir: Path, origin: str) -> None:
    env = {**os.environ, "SITE_URL": origin + "/", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)], cwd=ROOT, env=env, check=True
    )
    (version,) = [p.name for p in (site_dir / "assets/course/pyodide").iterdir()]
    bare = site_dir / BARE_DIR
    bare.mkdir()
    (bare / "index.html").write_text(BARE_PAGE.replace("VERSION", version))
    (bare / "worker.js").write_text(BARE_WORKER)


def wait_for(page, expression: str, timeout_ms: int = 120_000) -> None:
    """Poll a JavaScript expression (the site's policy forbids the eval that wait_for_function uses)."""
    for _ in range(timeout_ms // 20):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(20)
    raise TimeoutError(f"still false after {timeout_ms} ms: {expression}")


def sample(figure: str, value: float) -> float:
    """A measured time, refused if it cannot be one (a time taken from the wrong mark)."""
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"impossible sample for {figure}: {value!r} ms (measured from the wrong mark?)")
    return value


def mark(page, name: str) -> float:
    wait_for(page, f"performance.getEntriesByName({name!r}).length > 0")
    return sample(name, page.evaluate(f"performance.getEntriesByName({name!r}).at(-1).startTime"))


def time_to_ready(page, url: str, bare: bool) -> float:
    page.goto(url)
    return mark(page, "bare:python-ready" if bare else READY_MARK)


def launch_args() -> dict:
    args = {"args": [*QUIET_FLAGS, *(["--no-sandbox"] if os.geteuid() == 0 else [])]}
    if executable := system_chromium():
        args["executable_path"] = executable
    return args


def measure(origin: str, site_dir: Path, rounds: int) -> tuple[dict[str, list[float]], dict[str, float]]:
    figures: dict[str, list[float]] = {k: [] for k in ("cold", "bare_cold", "warm", "bare_warm", "navigation", "run")}
    lesson, bare = origin + LESSON, f"{origin}/{BARE_DIR}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        for _ in range(rounds):
            for key, url, is_bare in (("cold", lesson, False), ("bare_cold", bare, True)):
                context = browser.new_context()  # a new context has an empty cache
                figures[key].append(time_to_ready(context.new_page(), url, is_bare))
                context.close()
            # Instant navigation to another page with a panel, then a trivial run.
            context = browser.new_context()
            page = context.new_page()
            time_to_ready(page, lesson, bare=False)
            page.evaluate(
                "document.addEventListener('click', () => window.clickAt = performance.now(),"
                " {capture: true, once: true})"
            )
            # Enter on the focused link (a click event, as Material's instant loading expects):
            # unlike a mouse click, it cannot land on the sticky header.
            # Every panel of the first page marks panel-ready too: count only marks after the click.
            page.get_by_role("navigation").get_by_role("link", name=NEXT_LESSON_LINK).first.press("Enter")
            after_click = "performance.getEntriesByName('course:panel-ready').filter(m => m.startTime > window.clickAt)"
            wait_for(page, f"window.clickAt !== undefined && {after_click}.length > 0")
            figures["navigation"].append(
                sample("navigation", page.evaluate(f"{after_click}[0].startTime - window.clickAt"))
            )
            panel = page.locator("section.course-panel").first
            panel.get_by_role("textbox").click()
            page.keyboard.press("ControlOrMeta+a")
            page.keyboard.insert_text("pass")
            panel.get_by_role("button", name="Run", exact=True).click()
            wait_for(page, "performance.getEntriesByName('course:run-end').length > 0")
            figures["run"].append(
                sample(
                    "run",
                    page.evaluate(
                        "performance.getEntriesByName('course:run-end').at(-1).startTime"
                        " - performance.getEntriesByName('course:run-start').at(-1).startTime"
                    ),
                )
            )
            context.close()
        live = slider_steps(browser, origin, wait_for)
        live["timeline"] = timeline_figures(browser, origin, wait_for)
        browser.close()
        # Warm: a persistent profile keeps its disk cache between visits.
        with tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(profile, **launch_args())
            for url in (lesson, bare):  # fill the cache
                time_to_ready(context.new_page(), url, is_bare := url == bare)
            for _ in range(rounds):
                for key, url, is_bare in (("warm", lesson, False), ("bare_warm", bare, True)):
                    page = context.new_page()
                    figures[key].append(time_to_ready(page, url, is_bare))
                    page.close()
            context.close()
    return figures, live


def bytes_before_first_run(origin: str, site_dir: Path) -> tuple[int, int, int]:
    """Bytes a cold visit fetches until Python is ready: raw, gzipped, and request count."""
    paths: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        page = browser.new_page()
        page.on("requestfinished", lambda r: paths.append(r.url.removeprefix(origin)) if r.method == "GET" else None)
        time_to_ready(page, origin + LESSON, bare=False)
        browser.close()
    raw = gz = 0
    for path in paths:
        file = site_dir / path.lstrip("/").split("?")[0]
        if file.is_dir() or path.endswith("/"):
            file = file / "index.html"
        if file.is_file():
            data = file.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, 6))
    return raw, gz, len(paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        server = SiteServer(site_dir)
        build(site_dir, server.origin)
        with server:
            figures, live = measure(server.origin, site_dir, rounds)
            raw, gz, count = bytes_before_first_run(server.origin, site_dir)
    med = {key: statistics.median(values) for key, values in figures.items()}
    rows = [
        (
            "time-to-ready, cold",
            f"{med['cold']:.0f} ms",
            f"bare Pyodide {med['bare_cold']:.0f} ms",
            f"{med['cold'] / med['bare_cold']:.2f} x",
            "<= 1.10 x",
        ),
        (
            "time-to-ready, warm",
            f"{med['warm']:.0f} ms",
            f"bare Pyodide {med['bare_warm']:.0f} ms",
            f"{med['warm'] / med['bare_warm']:.2f} x",
            "<= 1.10 x",
        ),
        (
            "ready after instant navigation",
            f"{med['navigation']:.0f} ms",
            f"cold {med['cold']:.0f} ms",
            f"{med['navigation'] / med['cold']:.3f} x",
            "<= 0.05 x",
        ),
        ("trivial run, click to result", f"{med['run']:.1f} ms", "", "", "<= 30 ms"),
        (
            "slider step -> picture (lesson 2)",
            f"p50 {live['p50']:.0f} ms",
            f"p95 {live['p95']:.0f} ms",
            f"max {live['max']:.0f} ms",
            "p50 <= 50, p95 <= 120 ms",
        ),
        (
            "timeline scrub: key -> frame drawn (lesson 7)",
            f"p50 {live['timeline']['p50']:.1f} ms",
            f"p95 {live['timeline']['p95']:.1f} ms",
            f"max {live['timeline']['max']:.1f} ms",
            "p50 <= 16, p95 <= 33 ms",
        ),
        (
            "timeline scrub: key -> next frame",
            f"p50 {live['timeline']['next_frame_p50']:.1f} ms",
            f"p95 {live['timeline']['next_frame_p95']:.1f} ms",
            "",
            "",
        ),
        ("41 x 41 loss landscape in Pyodide", f"{live['timeline']['landscape']:.0f} ms", "", "", "<= 1000 ms"),
        ("fetched before first run", f"{raw / 1e6:.2f} MB raw", f"{gz / 1e6:.2f} MB gzipped", f"{count} requests", ""),
    ]
    print(f"Runtime benchmark: median of {rounds} rounds, headless Chromium, localhost\n")
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    print(
        textwrap.dedent(f"""
        raw samples (ms): {", ".join(f"{k}={[round(v) for v in vs]}" for k, vs in figures.items())}""")
    )


if __name__ == "__main__":
    main()
