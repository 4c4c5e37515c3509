"""Booting Python from the worker's memory snapshot (web/src/runner/snapshot.js, coursekit.snapshot).

The first visit boots Python from scratch and stores a snapshot in Cache
Storage; the next boot (a reload) restores it. Each test starts with an empty
context, so with no snapshot.
"""

import re

import pytest
from playwright.sync_api import expect

from .pages import BOOT_TIMEOUT, RUN_TIMEOUT, SNAPSHOT_FILES, SNAPSHOT_FOLDER, Lesson, wait_until

HEADER_BYTES = 512
STORED = f"{SNAPSHOT_FILES}.then(files => files.length)"
#: When the stored snapshot was made (its header), or null while there is none.
MADE = f"""{SNAPSHOT_FILES}.then(async ([file]) => file
    ? JSON.parse(new TextDecoder().decode(await (await file.getFile()).slice(0, {HEADER_BYTES}).arrayBuffer())).made
    : null)"""
#: Remove every stored snapshot; false while a worker holds one of the files open (then try again).
FORGET = f"""navigator.storage.getDirectory()
    .then(root => root.removeEntry({SNAPSHOT_FOLDER!r}, {{ recursive: true }}))
    .then(() => true, (error) => error.name === "NotFoundError")"""
RESTORED = "performance.getEntriesByName('course:python-ready').at(-1)?.detail?.restored"
BUSY = re.compile(r"Loading|Running|Waiting")
PAGES = ("lessons/first-neuron/", "lessons/training-or/")


def boot(lesson: Lesson, path: str) -> bool:
    """Open `path`, wait for Python, and say whether it came from a snapshot."""
    lesson.open("/" + path).panel(0).wait_ready()
    return lesson.page.evaluate(RESTORED)


def wait_for_snapshot(page) -> None:
    wait_until(page, f"{STORED}.then(n => n === 1)", timeout=BOOT_TIMEOUT)


def run_every_panel(lesson: Lesson) -> list[str]:
    """Run each panel that is not live, one after the other; its output's HTML, in order."""
    outputs = []
    for index in range(lesson.panels.count()):
        if lesson.panels.nth(index).get_attribute("data-live") is not None:
            continue
        panel = lesson.panel(index)
        panel.run_surely()
        expect(panel.status).not_to_have_text(BUSY, timeout=RUN_TIMEOUT)
        outputs.append(panel.output.inner_html())
    assert outputs, "no panel ran"
    return outputs


def test_a_restored_python_gives_the_results_of_a_fresh_one(lesson):
    page = lesson.page
    fresh = {}
    for path in PAGES:  # each page's panels run in a Python booted from scratch
        if page.url.startswith("http"):  # (a fresh context has none yet)
            wait_until(page, FORGET)  # the snapshot the last page made in the background
        assert boot(lesson, path) is False, "a boot meant to be fresh restored a snapshot"
        fresh[path] = run_every_panel(lesson)
    wait_for_snapshot(page)
    for path in PAGES:
        assert boot(lesson, path) is True, "a later boot did not restore the snapshot"
        assert run_every_panel(lesson) == fresh[path], path


def test_a_restored_boot_takes_the_standard_library_from_the_snapshot(lesson):
    """The snapshot keeps the standard library it was made with: a restored Python neither fetches nor
    inflates the 2.6 MB python_stdlib.zip.gz (runner/stdlib.js), and its modules not imported before the
    snapshot was made still import."""
    page = lesson.page
    fetched = []
    page.route("**/python_stdlib.zip.gz", lambda route: (fetched.append(route.request.url), route.continue_()))
    assert boot(lesson, PAGES[0]) is False
    wait_for_snapshot(page)
    assert len(fetched) == 2, fetched  # the page's Python, and the worker that made the snapshot
    assert boot(lesson, PAGES[0]) is True
    assert len(fetched) == 2, "a restored boot fetched the standard library again"
    panel = lesson.panel(0)
    panel.set_code("import fractions, json\nprint(json.dumps(str(fractions.Fraction(3, 6))))")
    panel.run()
    panel.expect_output('"1/2"')


def test_the_snapshot_holds_a_fresh_python_whatever_the_learner_ran_first(lesson):
    """The learner's first run, before any snapshot exists, leaves nothing in the one made afterwards."""
    page = lesson.page
    boot(lesson, PAGES[0])
    panel = lesson.panel(0)
    panel.set_code("import sys\nsys.learner_was_here = True\nprint('set')")
    panel.run()
    panel.expect_output("set")
    wait_for_snapshot(page)
    assert boot(lesson, PAGES[0]) is True
    panel = lesson.panel(0)
    panel.set_code("import sys\nprint(hasattr(sys, 'learner_was_here'))")
    panel.run()
    panel.expect_output("False")


def unseeded_numbers(lesson: Lesson) -> str:
    panel = lesson.panel(0)
    panel.set_code("import random\nfrom neuron import Neuron\nprint(Neuron.random(2).weights, random.random())")
    panel.run()
    panel.expect_output(re.compile(r"\]"))
    return panel.output.inner_text()


def test_two_restored_boots_draw_different_random_numbers(lesson):
    boot(lesson, PAGES[0])
    wait_for_snapshot(lesson.page)
    seen = []
    for _ in range(2):
        assert boot(lesson, PAGES[0]) is True
        seen.append(unseeded_numbers(lesson))
    assert seen[0] != seen[1], seen


# What a bad file holds: the memory, or the standard library kept after it, with
# some bytes changed (its stored SHA-256 no longer matches), or a memory that is
# not a snapshot at all, stored with its own correct SHA-256 (so Pyodide itself refuses it).
FLIP = """(bytes, from) => {
    for (let i = from; i < from + 4096; i++) bytes[i] ^= 0x5a;
    return bytes;
}"""
CORRUPT = {
    "flipped memory bytes": f"""async (file) => {{
        const bytes = new Uint8Array(await (await file.getFile()).arrayBuffer());
        return ({FLIP})(bytes, {HEADER_BYTES} + 1_000_000);
    }}""",
    "flipped standard library bytes": f"""async (file) => {{
        const bytes = new Uint8Array(await (await file.getFile()).arrayBuffer());
        return ({FLIP})(bytes, bytes.length - 100_000);
    }}""",
    "not a snapshot": f"""async (file) => {{
        const whole = new Uint8Array(await (await file.getFile()).arrayBuffer());
        const header = JSON.parse(new TextDecoder().decode(whole.subarray(0, {HEADER_BYTES})));
        const stdlib = whole.subarray({HEADER_BYTES} + header.length);
        const bytes = new Uint8Array(1 << 20).fill(7);
        const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
        const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
        const out = new Uint8Array({HEADER_BYTES} + bytes.length + stdlib.length).fill(0x20, 0, {HEADER_BYTES});
        out.set(new TextEncoder().encode(JSON.stringify({{ ...header, length: bytes.length, sha256 }})));
        out.set(bytes, {HEADER_BYTES});
        out.set(stdlib, {HEADER_BYTES} + bytes.length);
        return out;
    }}""",
}


def damage_snapshot(page, damage: str) -> None:
    """Rewrite the stored snapshot's file as CORRUPT[damage] makes it."""
    page.evaluate(f"""{SNAPSHOT_FILES}.then(async ([file]) => {{
        const bytes = await ({CORRUPT[damage]})(file);
        const writable = await file.createWritable();
        await writable.write(bytes);
        await writable.close();
    }})""")


@pytest.mark.parametrize("damage", CORRUPT)
def test_a_corrupt_snapshot_means_a_plain_boot_and_the_lesson_works(lesson, damage):
    page = lesson.page
    boot(lesson, PAGES[0])
    wait_for_snapshot(page)
    damage_snapshot(page, damage)
    bad_made = page.evaluate(MADE)
    assert boot(lesson, PAGES[0]) is False, "the corrupt snapshot was restored"
    panel = lesson.panel(1)
    panel.run()
    panel.expect_output("output = 0.0")
    # A good snapshot replaced the bad one: the next boot restores it.
    wait_until(page, f"{MADE}.then(made => made !== null && made !== {bad_made!r})", timeout=BOOT_TIMEOUT)
    assert boot(lesson, PAGES[0]) is True
