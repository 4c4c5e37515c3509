"""How fast a lesson's code panel becomes usable, measured in headless Chromium.

Prints, as medians over a few rounds in one run:
- the first result (navigation start -> the first output of the first panel's
  Run, clicked the moment the panel exists: benchmarks/first_result.py), cold
  (empty cache) and warm (on-disk cache, second visit: the worker's memory
  snapshot of Python is there), next to a bare page that boots Pyodide as its
  npm package ships it (the site's has its boot-time stdlib compiled ahead) in
  a worker and prints, served from an origin of its own (the site's service
  worker never touches it): the ratio is the figure that matters;
- time-to-ready (navigation start -> Python can run), the same way;
- where each boot's time went: the worker's stages, in ms from navigation;
- Stop-to-ready: Stop during an endless loop -> Python ready again, on a plain
  host (isolated by the site's service worker after the first visit, else the
  worker is restarted) and on /isolated/ (COOP/COEP from the host), each in a
  Python restored from its snapshot;
- time-to-ready of a panel after an instant navigation to another lesson;
- the round trip of a trivial run (click Run -> result on the page);
- the bytes of a first visit, until its first result and stored snapshot (raw, and gzipped as a host may serve them);
- an explorable's answer: a slider step -> the updated picture, p50 and p95
  over 50 steps (benchmarks/live.py).

Targets: first result <= 0.35 x bare warm, <= 1.05 x cold; Stop-to-ready
<= 50 ms; first-visit bytes <= 1.10 x 6.82 MB gzipped (issue 15); ready <= 1.10
x bare, cold and warm; <= 0.05 x cold after an instant navigation; a trivial
run <= 30 ms; a slider step -> picture p50 <= 50 ms, p95 <= 120 ms.

Usage: python benchmarks/runtime.py [--rounds N]   (`make bench` sets everything up)
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.first_result import first_result, stop_to_ready, wait_for_snapshot  # noqa: E402
from benchmarks.live import slider_steps  # noqa: E402
from benchmarks.timeline import timeline_figures  # noqa: E402
from tests.e2e.conftest import QUIET_FLAGS, system_chromium  # noqa: E402
from tests.e2e.server import ISOLATED, SiteHandler, SiteServer  # noqa: E402

LESSON = "/lessons/first-neuron/"
STOP_PAGE = "/playground/"
NEXT_LESSON_LINK = "Playground"
READY_MARK = "course:python-ready"
BARE_DIR = "bench-bare"

BARE_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare Pyodide</title></head>
<body><p>Booting Pyodide in a worker…</p><pre id="output"></pre>
<script type="module">
  const worker = new Worker("worker.js", { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data === "ready") performance.mark("bare:python-ready");
    else document.getElementById("output").textContent = data;
  };
  worker.postMessage(new URL("pyodide/", location.href).href);
</script></body></html>
"""

BARE_WORKER = """
self.onmessage = async ({ data: indexURL }) => {
  const { loadPyodide } = await import(indexURL + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL, lockFileURL: indexURL + "pyodide-lock.json" });
  self.postMessage("ready");
  pyodide.setStdout({ batched: (text) => self.postMessage(text) });
  pyodide.runPython("print('first output')");
};
"""


def print_table(rows: list[tuple[str, ...]]) -> None:
    """Rows of text cells in left-aligned columns, as wide as their widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


def bench_main(measure, report) -> None:
    """A widget benchmark's command line: --rounds, one site built and served, measure(origin, rounds), report."""
    parser = argparse.ArgumentParser(description=sys.modules[measure.__module__].__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        server = SiteServer(site_dir)
        build(site_dir, server.origin)
        with server:
            figures = measure(server.origin, rounds)
    report(figures, rounds)


def build(site_dir: Path, origin: str) -> None:
    env = {**os.environ, "SITE_URL": origin + "/", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site_dir)], cwd=ROOT, env=env, check=True
    )
    write_bare_page(site_dir / BARE_DIR)


def write_bare_page(folder: Path) -> None:
    """The bare page, and Pyodide as its npm package ships it (the site's own has its stdlib compiled ahead)."""
    shutil.copytree(ROOT / "node_modules/pyodide", folder / "pyodide")
    (folder / "index.html").write_text(BARE_PAGE)
    (folder / "worker.js").write_text(BARE_WORKER)


def wait_for(page, expression: str, timeout_ms: int = 120_000) -> None:
    """Poll a JavaScript expression (the site's policy forbids the eval that wait_for_function uses)."""
    for _ in range(timeout_ms // 20):
        try:
            if page.evaluate(expression):
                return
        except PlaywrightError as error:  # the page reloaded meanwhile (a service worker's first visit)
            if "context was destroyed" not in str(error):
                raise
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


#: [name, ms from navigation] of the boot's stages and the first run, in the page's own clock.
STAGES = """["course:worker-start", ...performance.getEntriesByType("mark").map((m) => m.name)
    .filter((n) => n.startsWith("course:boot:")), "course:python-ready", "course:run-start", "bench:first-output"]
    .map((n) => [n.replace(/^(course|bench):(boot:)?/, ""), performance.getEntriesByName(n)[0]?.startTime ?? NaN])"""

FIGURES = ("cold", "bare_cold", "warm", "bare_warm", "first_cold", "bare_first_cold", "first_warm", "bare_first_warm")


def visit(page, url: str, bare: bool, key: str, figures: dict[str, list[float]]) -> None:
    """One visit: its time to ready and to the first result, under `key` and first_`key`."""
    ready, first = first_result(page, url, bare, mark, "bare:python-ready" if bare else READY_MARK)
    prefix = "bare_" if bare else ""
    figures[prefix + key].append(ready)
    figures[f"{prefix}first_{key}"].append(first)
    if not bare:  # where the boot's time went: the worker's stages (client.js marks them), the page's first run
        for name, at in page.evaluate(STAGES):
            if at is not None and math.isfinite(at):  # (a stage this boot did not pass: not counted)
                figures.setdefault(f"stage_{key}:{name}", []).append(at)


def measure(origin: str, bare_origin: str, rounds: int, widgets: bool) -> tuple[dict[str, list[float]], dict]:
    """The figures; the bare page is served from `bare_origin`, where the site's service worker never runs (under
    it, bare Pyodide loses the browser's compiled-code cache of its wasm: a baseline that flattered the site)."""
    figures: dict[str, list[float]] = {k: [] for k in (*FIGURES, "navigation", "run", "stop_plain", "stop_isolated")}
    lesson, bare = origin + LESSON, f"{bare_origin}/{BARE_DIR}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        for _ in range(rounds):
            for url, is_bare in ((lesson, False), (bare, True)):
                context = browser.new_context()  # a new context has an empty cache
                visit(context.new_page(), url, is_bare, "cold", figures)
                context.close()
            instant_navigation_and_run(browser, lesson, figures)
        live = slider_steps(browser, origin, wait_for) if widgets else {}
        live["isolated"] = {}  # whether each Stop-to-ready page was cross-origin isolated
        if widgets:
            live["timeline"] = timeline_figures(browser, origin, wait_for)
        browser.close()
        # Warm: a persistent profile keeps its disk cache and its storage (the snapshot) between visits.
        with tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(profile, **launch_args())
            page = context.new_page()
            time_to_ready(page, lesson, bare=False)  # fill the cache
            wait_for_snapshot(page, wait_for)
            # Stop is timed in a restored Python on both sites: in one just booted plainly, a Stop can wait
            # for the imports the worker runs right after it says ready, as a request does.
            time_to_ready(page, origin + ISOLATED + STOP_PAGE[1:], bare=False)
            wait_for_snapshot(page, wait_for, count=2)
            time_to_ready(page, bare, bare=True)
            page.close()
            for _ in range(rounds):
                for url, is_bare in ((lesson, False), (bare, True)):
                    page = context.new_page()
                    visit(page, url, is_bare, "warm", figures)
                    page.close()
                # On the playground: the endless loop it leaves in the saved edits must not be lesson 1's first Run.
                for key, url in (
                    ("stop_plain", origin + STOP_PAGE),
                    ("stop_isolated", origin + ISOLATED + STOP_PAGE[1:]),
                ):
                    elapsed, isolated = stop_to_ready(context, url, wait_for, mark)
                    figures[key].append(sample(key, elapsed))
                    live["isolated"][key] = isolated
            context.close()
    return figures, live


def instant_navigation_and_run(browser, lesson: str, figures: dict[str, list[float]]) -> None:
    """Instant navigation to another page with a panel, then a trivial run."""
    context = browser.new_context()
    page = context.new_page()
    time_to_ready(page, lesson, bare=False)
    page.evaluate(
        "document.addEventListener('click', () => window.clickAt = performance.now(), {capture: true, once: true})"
    )
    # Enter on the focused link (a click event, as Material's instant loading expects):
    # unlike a mouse click, it cannot land on the sticky header.
    # Every panel of the first page marks panel-ready too: count only marks after the click.
    page.get_by_role("navigation").get_by_role("link", name=NEXT_LESSON_LINK).first.press("Enter")
    after_click = "performance.getEntriesByName('course:panel-ready').filter(m => m.startTime > window.clickAt)"
    wait_for(page, f"window.clickAt !== undefined && {after_click}.length > 0")
    figures["navigation"].append(sample("navigation", page.evaluate(f"{after_click}[0].startTime - window.clickAt")))
    panel = page.locator("section.course-panel").first
    panel.get_by_role("textbox").click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.insert_text("pass")
    panel.get_by_role("button", name="Run", exact=True).click()
    wait_for(page, "performance.getEntriesByName('course:run-end').length > 0")
    elapsed = page.evaluate(
        "performance.getEntriesByName('course:run-end').at(-1).startTime"
        " - performance.getEntriesByName('course:run-start').at(-1).startTime"
    )
    figures["run"].append(sample("run", elapsed))
    context.close()


def bytes_of_a_first_visit(origin: str, site_dir: Path) -> tuple[int, int, int]:
    """Bytes the host sends a cold visit until its first result, its snapshot stored and its service worker
    in control (the precache complete): raw, gzipped, and the count of files sent whole.

    Counted by the server (a 304 sends no body), in a new browser profile: a learner's browser keeps its
    HTTP cache on disk, which the service worker's precache then reuses (a plain context's in-memory cache
    holds no 9 MB wasm, so there the precache would fetch it again)."""
    answered: list[tuple[str, int]] = []
    SiteHandler.answered = answered
    try:
        with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(profile, **launch_args())
            page = context.new_page()
            first_result(page, origin + LESSON, False, mark, READY_MARK)
            wait_for_snapshot(page, wait_for)
            wait_for(page, "!!navigator.serviceWorker.controller")
            context.close()
    finally:
        SiteHandler.answered = None
    raw = gz = count = 0
    for path, status in answered:
        file = site_dir / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if status == 200 and file.is_file():
            data = file.read_bytes()
            raw, gz, count = raw + len(data), gz + len(gzip.compress(data, 6)), count + 1
    return raw, gz, count


#: A first visit's gzipped bytes before issue 15 (its target is <= 1.10 x this).
FIRST_VISIT_BYTES = 6.82e6


def stop_row(label: str, elapsed: float, isolated: bool) -> tuple[str, ...]:
    how = "isolated: interrupt buffer" if isolated else "not isolated: worker restarted"
    return (label, f"{elapsed:.0f} ms", how, "", "<= 50 ms")


def ratio_row(label: str, med: dict[str, float], key: str, target: str) -> tuple[str, ...]:
    bare = med[f"bare_{key}"]
    return (label, f"{med[key]:.0f} ms", f"bare Pyodide {bare:.0f} ms", f"{med[key] / bare:.2f} x", target)


def widget_rows(live: dict) -> list[tuple[str, ...]]:
    """The explorable's and the timeline's figures (none with --skip-widgets)."""
    if "p50" not in live:
        return []
    return [
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
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--skip-widgets", action="store_true", help="only the runtime's figures (no slider, no timeline)"
    )
    arguments = parser.parse_args()
    rounds, widgets = arguments.rounds, not arguments.skip_widgets
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        server, bare_server = SiteServer(site_dir), SiteServer(site_dir)  # two ports: two origins
        build(site_dir, server.origin)
        with server, bare_server:
            figures, live = measure(server.origin, bare_server.origin, rounds, widgets)
            raw, gz, count = bytes_of_a_first_visit(server.origin, site_dir)
    med = {key: statistics.median(values) for key, values in figures.items() if values}
    rows = [
        ratio_row("first result, cold", med, "first_cold", "<= 1.05 x"),
        ratio_row("first result, warm (snapshot)", med, "first_warm", "<= 0.35 x"),
        stop_row("Stop -> ready, plain host", med["stop_plain"], live["isolated"]["stop_plain"]),
        stop_row("Stop -> ready, /isolated/ (COOP/COEP)", med["stop_isolated"], live["isolated"]["stop_isolated"]),
        (
            "bytes of a first visit",
            f"{gz / 1e6:.2f} MB gzipped",
            f"{raw / 1e6:.2f} MB raw, {count} files",
            f"{gz / FIRST_VISIT_BYTES:.2f} x 6.82 MB",
            "<= 1.10 x",
        ),
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
        *widget_rows(live),
    ]
    print(f"Runtime benchmark: median of {rounds} rounds, headless Chromium, localhost\n")
    print_table(rows)
    for key in ("cold", "warm"):
        stages = [(k.split(":", 1)[1], v) for k, v in med.items() if k.startswith(f"stage_{key}:")]
        print(f"\n{key} boot, ms from navigation: " + ", ".join(f"{name} {at:.0f}" for name, at in stages))
    samples = ", ".join(f"{k}={[round(v) for v in vs]}" for k, vs in figures.items() if not k.startswith("stage_"))
    print(f"\nraw samples (ms): {samples}")


if __name__ == "__main__":
    main()
