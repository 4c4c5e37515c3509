"""The Python runtime across pages, hosts and failures."""

import gzip
import re

import pytest
from playwright.sync_api import expect

from .pages import BOOT_TIMEOUT, PYTHON_READY, Lesson
from .server import ISOLATED, SUB_PATH

LESSON = "lessons/first-neuron/"
WASM = "pyodide.asm.wasm"


def python_workers_started(page) -> int:
    """How many Python workers this document has started for its panels (preboot.js or client.js mark each).

    Not a count of wasm downloads: the worker that makes a memory snapshot in the background
    (runner/snapshot-maker.js) downloads Pyodide too, and is no restart."""
    return page.evaluate("performance.getEntriesByName('course:worker-start').length")


def test_worker_survives_instant_navigation(lesson):
    page = lesson.page
    lesson.open("/" + LESSON).panel(0).wait_ready()
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("navigation").get_by_role("link", name="Playground").first.click()
    expect(page).to_have_url(re.compile(r"/playground/$"))
    assert page.evaluate("window.stillTheSamePage") is True, "navigation reloaded the page"
    panel = lesson.panel(0)
    panel.wait_ready()
    panel.set_code("print('same worker')")
    panel.run()
    panel.expect_output("same worker")
    assert python_workers_started(page) == 1


def test_the_neuron_package_passes_its_selfcheck_in_pyodide(lesson):
    panel = lesson.open("/" + LESSON).panel(0).wait_ready()
    panel.set_code("import neuron.selfcheck\nneuron.selfcheck.main()")
    panel.run()
    panel.expect_output(re.compile(r"selfcheck: \d+ passed, 0 failed"))


#: The standard-library modules loaded so far that Python compiled from their source (not frozen into Pyodide).
COMPILED_FROM_SOURCE = """import sys
spec = {name: getattr(module, "__spec__", None) for name, module in sys.modules.items()}
origins = {name: getattr(spec, "origin", None) or "" for name, spec in spec.items()}
print(sorted(name for name, origin in origins.items() if ".zip/" in origin and origin.endswith(".py")))"""


def test_python_starts_and_runs_a_lesson_without_compiling_the_standard_library(lesson):
    """Pyodide's own boot-time modules and those the course's packages import come compiled ahead
    (web/pyodide/build-pyodide.mjs); a module nothing had imported still compiles from its source."""
    panel = lesson.open("/" + LESSON).panel(0).wait_ready()
    panel.run()
    panel.expect_status(re.compile(r"^Ready \(ran in"))
    panel.set_code(COMPILED_FROM_SOURCE)
    panel.run()
    panel.expect_output("[]")
    panel.set_code("import colorsys\n" + COMPILED_FROM_SOURCE)
    panel.run()
    panel.expect_output("['colorsys']")


def test_site_works_under_a_sub_path_with_the_network_cut(page, site, watched):
    page.route(
        re.compile(r"^(?!" + re.escape(site.origin) + r"/).*"), lambda route: route.abort("internetdisconnected")
    )
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    lesson = Lesson(page).open(SUB_PATH + LESSON)
    panel = lesson.panel(1).wait_ready()
    panel.set_code("from neuron import Neuron\nprint(Neuron([0.5, -1.0], 1.0, 'relu')([2.0, 3.0]))")
    panel.run()
    panel.expect_output("0.0")
    outside = [url for url in requested if not url.startswith(site.origin + SUB_PATH)]
    assert not outside, f"requests outside {SUB_PATH}: {outside}"


def test_stop_uses_the_interrupt_buffer_where_the_page_is_isolated(lesson):
    page = lesson.page
    panel = lesson.open(ISOLATED + LESSON).panel(0).wait_ready()
    assert page.evaluate("crossOriginIsolated") is True
    panel.set_code("n = 0\nwhile True:\n    n += 1")
    panel.run()
    panel.expect_status("Running…")
    panel.stop_button.click()
    panel.expect_status("Stopped")
    expect(panel.output).to_have_text("Stopped.")  # no restart note: the worker was kept
    panel.set_code("print('kept the worker')")
    panel.run()
    panel.expect_output("kept the worker")
    assert python_workers_started(page) == 1, "the worker was restarted"


def test_time_limit_interrupts_where_the_page_is_isolated(lesson):
    panel = lesson.open(ISOLATED + LESSON).panel(0).wait_ready()
    panel.root.evaluate("el => el.dataset.timeout = '1'")
    panel.set_code("while True:\n    pass")
    panel.run()
    panel.expect_status("Stopped (time limit)")
    panel.expect_output("more than 1 s")
    expect(panel.output).not_to_contain_text("restarted")


def test_a_missing_pyodide_is_reported_and_the_lesson_stays_readable(page, site):
    page.route("**/" + WASM, lambda route: route.fulfill(status=404, body="not here"))
    lesson = Lesson(page).open("/" + LESSON)
    panel = lesson.panel(0)
    panel.expect_status(re.compile(r"^Error: Python could not load"), timeout=BOOT_TIMEOUT)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(panel.editor).to_be_visible()  # the code can still be read and edited
    panel.run()
    panel.expect_status(re.compile(r"^Error: Python could not load"))


STDLIB = "python_stdlib.zip.gz"


def shipped_stdlib(site) -> bytes:
    [path] = (site.root / "assets/course/pyodide").glob("*/" + STDLIB)
    return path.read_bytes()


def test_a_damaged_standard_library_is_reported_by_name(page, site):
    """The site's stdlib is one gzipped zip that the worker inflates (runner/stdlib.js): a file cut short
    says so, naming the file, instead of a Python that starts without its standard library."""
    shipped = shipped_stdlib(site)
    page.route("**/" + STDLIB, lambda route: route.fulfill(status=200, body=shipped[: len(shipped) // 2]))
    panel = Lesson(page).open("/" + LESSON).panel(0)
    panel.expect_status(
        re.compile(r"^Error: Python could not load \(python_stdlib\.zip\.gz came damaged or cut short"),
        timeout=BOOT_TIMEOUT,
    )


def test_a_host_that_sends_the_standard_library_decoded_is_served_too(page, site):
    """A host that labels .gz files Content-Encoding: gzip hands the worker the zip itself: it is used as is."""
    inflated = gzip.decompress(shipped_stdlib(site))
    assert inflated[:2] == b"PK"
    page.route("**/" + STDLIB, lambda route: route.fulfill(status=200, body=inflated))
    panel = Lesson(page).open("/" + LESSON).panel(0).wait_ready()
    panel.set_code("import json, textwrap\nprint(textwrap.shorten(json.dumps({'a': 1}), 20))")
    panel.run()
    panel.expect_output('{"a": 1}')


def test_stop_on_an_isolated_page_keeps_python_state(lesson):
    """The interpreter itself survives a Stop: what a run left in a module is there for the next run."""
    panel = lesson.open(ISOLATED + LESSON).panel(0).wait_ready()
    panel.set_code("import neuron\nneuron.left_by_the_last_run = 42\nwhile True:\n    pass")
    panel.run()
    panel.expect_status("Running…")
    panel.stop_button.click()
    panel.expect_status("Stopped")
    panel.set_code("import neuron\nprint('kept', neuron.left_by_the_last_run)")
    panel.run()
    panel.expect_output("kept 42")


#: Clicks a panel's Stop the moment its status says Running… (before the worker may have begun the run).
STOP_AT_ONCE = """(panel) => new MutationObserver((_, observer) => {
    if (panel.querySelector('.course-panel__status').textContent !== 'Running…') return;
    observer.disconnect();
    panel.querySelector('.course-panel__stop').click();
}).observe(panel, { subtree: true, childList: true, characterData: true })"""


class HeldPyodide:
    """Holds back the download of Pyodide's wasm until release(): Python cannot be ready meanwhile,
    however fast this machine boots it (a route holds a request until it is continued)."""

    def __init__(self, page) -> None:
        self.routes, self.released = [], False
        page.route("**/" + WASM, self.hold)

    def hold(self, route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.routes:
            route.continue_()


@pytest.mark.parametrize("python", ["starting", "ready"])
def test_a_stop_that_comes_before_the_run_begins_still_stops_it(lesson, python):
    """A Stop pressed the moment the panel says Running… is this run's. While Python starts, the
    run went to the worker early and may be running there before the page hears it is ready: it is
    interrupted, not lost (Python restarted). With Python ready, the run may not be sent yet: it never runs."""
    page = lesson.page
    held = HeldPyodide(page) if python == "starting" else None
    panel = lesson.open(ISOLATED + LESSON).panel(0)  # a fresh context: no snapshot, a plain boot
    if held is None:
        panel.wait_ready()
    panel.set_code("while True:\n    pass")
    panel.root.evaluate(STOP_AT_ONCE)
    panel.run()
    if held is not None:
        panel.expect_status("Loading Python…")
        held.release()
    panel.expect_status("Stopped", timeout=BOOT_TIMEOUT)
    expect(panel.output).to_have_text("Stopped.")  # not "… Python was restarted"
    assert python_workers_started(page) == 1


def test_a_stop_on_a_panel_waiting_its_turn_stops_that_panel_only(lesson):
    """Stop on a panel whose run waits for another panel's: its run never begins, the other runs on."""
    first, second = lesson.open(ISOLATED + LESSON).panel(0).wait_ready(), lesson.panel(1)
    first.set_code("while True:\n    pass")
    second.set_code("print('the second panel ran')")
    first.run()
    first.expect_status("Running…")
    second.run()
    second.expect_status("Waiting for another panel to finish…")
    second.stop_button.click()
    second.expect_status("Stopped")
    expect(second.output).to_have_text("Stopped.")
    expect(first.status).to_have_text("Running…")
    expect(first.stop_button).to_be_enabled()
    first.stop_button.click()
    first.expect_status("Stopped")
    second.run()
    second.expect_output("the second panel ran")


def test_runs_pressed_while_python_starts_are_answered_in_turn(lesson):
    """The first Run pressed while Python starts runs before anything else the worker does once Python is
    up (the site's packages are not imported yet); a second waits its turn; each panel shows its own output."""
    page = lesson.page
    held = HeldPyodide(page)
    lesson.open(LESSON)  # a fresh context: no snapshot, a plain boot
    first, second = lesson.panel(0), lesson.panel(1)
    first.set_code("import sys\nprint('neuron imported:', 'neuron' in sys.modules)")
    # While Python starts, a panel out of view is set up only once it nears the view (ui/mount-later.js): the
    # learner scrolls to it, as here, before typing into it.
    second.root.scroll_into_view_if_needed()
    second.set_code("print('the second panel')")
    first.run_surely()
    second.run_surely()
    assert page.evaluate(PYTHON_READY) is None, "Python was ready before the Runs were pressed"
    held.release()
    first.expect_output("neuron imported: False", timeout=BOOT_TIMEOUT)
    second.expect_output("the second panel")
    first.expect_status(re.compile(r"^Ready \(ran in"))
    expect(first.output).not_to_contain_text("the second panel")
    expect(second.output).not_to_contain_text("neuron imported")
