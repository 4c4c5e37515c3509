"""Hostile learner code: every case ends with a clear message in the panel, the
page's main thread is never blocked for more than 200 ms, and the same panel
runs ordinary code right after.

One page serves the whole corpus (one Python boot), in the playground."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from .pages import BOOT_TIMEOUT, Panel
from .widgets import Exercise

PLAYGROUND = "/playground/"
LONG_TASK_LIMIT_MS = 200

#: Records the longest main-thread task (the Long Tasks API reports those over 50 ms).
WATCH_LONG_TASKS = """
window.__longestTask = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longestTask = Math.max(window.__longestTask, entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


@dataclass(frozen=True)
class Case:
    code: str
    says: str  # a regular expression the panel's text (output and status) must match
    stop: bool = False  # press Stop once the code is running
    restarts: bool = False  # Python boots again: its boot, like a page load, is not timed here
    timeout_ms: int = 30_000


OFFSITE = "http://offsite.test/collect"

CASES = {
    "runaway CPU": Case("while True:\n    pass", r"Stopped\.", stop=True),
    "deep recursion": Case("def f(n):\n    return f(n + 1)\nf(0)", r"RecursionError"),
    "huge allocation": Case("x = [0] * (10 ** 12)", r"MemoryError|OverflowError"),
    "memory growth": Case(
        "chunks = []\nwhile True:\n    chunks.append(bytearray(50_000_000))",
        r"MemoryError|Python stopped unexpectedly",
        timeout_ms=90_000,
    ),
    "a million prints": Case("for i in range(1_000_000):\n    print(i)", r"Output cut off|truncated|limit"),
    "one enormous line": Case("print('x' * 10_000_000)", r"Output cut off|truncated|limit"),
    "sys.exit": Case("import sys\nprint('before exit')\nsys.exit(3)", r"before exit"),
    "os._exit": Case("import os\nos._exit(1)", r"Python stopped unexpectedly|SystemExit|exit"),
    "input()": Case("name = input('Your name? ')", r"input\(\) is not available"),
    # Not Pyodide's own message, which sends the learner to micropip and pyodide.org (build-pyodide.mjs).
    "a missing module": Case("import numpy", r"No module named 'numpy'\s+numpy is not available here"),
    "time.sleep(60)": Case("import time\ntime.sleep(60)", r"Stopped\.", stop=True),
    "a lone surrogate": Case("print('\\ud800')", r"UnicodeEncodeError|\ufffd|\\ud800"),
    "HTML and script in output": Case(
        "print('<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">')",
        r"<script>window\.pwned = 1</script>",
    ),
    "script in _repr_html_": Case(
        "class Page:\n    def _repr_html_(self):\n"
        "        return '<b>bold</b><script>window.pwned = 3</script><img src=x onerror=\"window.pwned = 4\">'\n"
        "Page()",
        r"bold",
    ),
    "script in _repr_svg_": Case(
        "class Picture:\n    def _repr_svg_(self):\n"
        '        return (\'<svg xmlns="http://www.w3.org/2000/svg" onload="window.pwned = 5">\'\n'
        "                '<script>window.pwned = 6</script><text>drawn</text></svg>')\n"
        "Picture()",
        r"drawn",
    ),
    "a forged worker message": Case(
        "import js\nfrom pyodide.ffi import to_js\n"
        "for n in range(1, 50):\n"
        "    js.postMessage(to_js({'type': 'result', 'id': n, 'result': {'status': 'ok'}}, "
        "dict_converter=js.Object.fromEntries))\n"
        "print('still the real run')",
        r"still the real run",
    ),
    "the worker closing itself": Case("import js\njs.close()", r"Python stopped unexpectedly", restarts=True),
    "fetch to another host": Case(
        f"import js\njs.fetch({OFFSITE!r})\nprint('asked')",
        r"asked",
    ),
    "fetch through js.eval": Case(
        f'import js\njs.eval("fetch({OFFSITE!r})")',
        r"EvalError|JsException|unsafe-eval|Refused",
    ),
    "a synchronous request": Case(
        f"import js\nrequest = js.XMLHttpRequest.new()\nrequest.open('GET', {OFFSITE!r}, False)\nrequest.send()",
        r"NetworkError|JsException|Failed|Refused",
    ),
    "a __repr__ that raises": Case(
        "class Odd:\n    def __repr__(self):\n        raise ValueError('no repr for you')\nOdd()",
        r"ValueError: no repr for you",
    ),
    "KeyboardInterrupt caught in a loop": Case(
        "while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass",
        r"Stopped\.",
        stop=True,
    ),
}


@pytest.fixture(scope="module")
def hostile(browser, site):
    """One page for the whole corpus, watched for requests off the site and for long tasks.

    A router sees every request that would reach the network; one the browser
    refuses (the site's Content-Security-Policy) never gets there. (Playwright's
    request event is no witness: it fires even for a synchronous request that
    the policy blocks.) No service worker, as in every test's own context (conftest): the corpus
    runs where the page is not cross-origin isolated, where input() says it is not available and
    Stop restarts Python (tests/e2e/test_input.py and test_offline.py cover the isolated page)."""
    context = browser.new_context(base_url=site.origin, service_workers="block")
    offsite: list[str] = []

    def off_the_site(route):
        offsite.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith((site.origin + "/", "data:", "blob:")), off_the_site)
    context.add_init_script(WATCH_LONG_TASKS)
    page = context.new_page()
    page.goto(PLAYGROUND)
    panel = Panel(page, page.locator("section.course-panel").first)
    expect(panel.status).to_have_text(re.compile("^Ready"), timeout=BOOT_TIMEOUT)
    yield page, panel, offsite
    context.close()


# Left open on issue 10: in runs of the whole file (never alone) this case's page had one main-thread
# task of 281-355 ms, on 2026-12-03 at 6763dd6 as on later commits; its cause is not found yet. Only
# that figure is excused: its message, the run after it and the no-script, no-request checks still hold.
UNEXPLAINED_LONG_TASK = {"script in _repr_html_": "a main-thread task over 200 ms, cause not found (issue 10)"}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_code_gets_a_clear_message_and_the_panel_works_after(hostile, name):
    page, panel, offsite = hostile
    case = CASES[name]
    page.evaluate("window.__longestTask = 0")
    offsite.clear()
    panel.set_code(case.code)
    panel.run()
    if case.stop:
        expect(panel.status).to_have_text("Running…", timeout=BOOT_TIMEOUT)
        panel.stop_button.click()
    expect(panel.root).to_contain_text(re.compile(case.says), timeout=case.timeout_ms)
    expect(panel.run_button).to_have_attribute("aria-disabled", "false", timeout=BOOT_TIMEOUT)
    if case.restarts:
        expect(panel.status).to_have_text(re.compile(r"Ready$"), timeout=BOOT_TIMEOUT)
        page.evaluate("window.__longestTask = 0")

    panel.set_code("print(6 * 7)")
    panel.run()
    expect(panel.output).to_have_text("42", timeout=BOOT_TIMEOUT)
    assert page.evaluate("window.pwned") is None, "code from the output ran in the page"
    assert not offsite, f"a request left the site: {offsite}"
    longest = page.evaluate("window.__longestTask")
    if longest >= LONG_TASK_LIMIT_MS and name in UNEXPLAINED_LONG_TASK:
        pytest.xfail(f"{UNEXPLAINED_LONG_TASK[name]} ({longest:.0f} ms)")
    assert longest < LONG_TASK_LIMIT_MS, f"the main thread was blocked for {longest:.0f} ms"


def test_an_exception_inside_an_exercise_check_is_a_failed_check_and_the_exercise_works_after(page, watched):
    page.add_init_script(WATCH_LONG_TASKS)
    page.goto("/lessons/first-neuron/")
    exercise = Exercise(page, "relu-neuron").wait_ready()
    page.evaluate("window.__longestTask = 0")  # from here on: the page's load is another matter
    exercise.check("def neuron_output(inputs, weights, bias):\n    raise ValueError('not today')\n")
    exercise.expect_failed()
    expect(exercise.results).to_contain_text("raised ValueError: not today")
    exercise.check(exercise.spec.solution)
    exercise.expect_passed()
    longest = page.evaluate("window.__longestTask")
    assert longest < LONG_TASK_LIMIT_MS, f"the main thread was blocked for {longest:.0f} ms"
