"""Every code panel runs once at build, in CPython, and must keep its promise.

A panel's ``expect`` text that its code no longer prints, a ``raises`` that
does not come, a plain panel that crashes, or a ``predict`` panel that prints
nothing or whose choices do not have exactly one right answer, fails ``mkdocs build --strict``
naming the page and line (as markdown-exec does), instead of waiting for the
test suite or a learner to find it. The same ``coursekit.runtime.run`` runs
the panel in the browser.
"""

from __future__ import annotations

import contextlib

from coursekit import page_setup

from .built_output import Recorder, keep
from .predict_option import output_problems

SHOWN = 160  # characters of the output quoted in a message


def _quoted(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


def panel_problems(panel: dict, recorder: Recorder | None = None) -> list[str]:
    """What is wrong with how a panel (as the fence recorded it) runs; [] when it keeps its promise.
    ``recorder`` keeps what the run printed and drew."""
    recorder = recorder or Recorder()
    result = _run(panel, recorder)
    printed = recorder.printed()
    raises = panel.get("raises")
    if raises:
        if result["status"] != "error":
            return [f"its code should raise {raises} but ran without an error"]
        if result["type"] != raises:
            return [f"its code should raise {raises} but raised {_last_line(result)}"]
    elif result["status"] == "error":
        where = f" on line {result['line']}" if result.get("line") else ""
        return [f"its code failed{where} when the build ran it: {_last_line(result)}"]
    expect = panel.get("expect")
    if expect and expect not in printed:
        return [f"its code does not print the expected {expect!r}; it printed {_quoted(printed)}"]
    return output_problems(panel, printed, str(result.get("error", ""))) if "predict" in panel else []


def check_panels(page) -> None:
    """Run the page's panels in order, after its setup code (in its one namespace, if shared), as a
    learner running them from top to bottom would; record each broken promise on ``page``."""
    page_setup.forget(page.stem)
    try:
        for panel in (widget for widget in page.widgets if widget["kind"] == "panel"):
            recorder = Recorder()
            problems = panel_problems(panel, recorder)
            for problem in problems:
                page.error_at("panel", panel["number"], f"code panel {panel['number']}: {problem}")
            if not problems:
                keep(panel, recorder)
    finally:
        page_setup.forget(page.stem)


def _run(panel: dict, recorder: Recorder) -> dict:
    """Run the panel with ``recorder`` taking its output; how it ended (also kept on the recorder)."""
    with contextlib.redirect_stdout(recorder.stdout), contextlib.redirect_stderr(recorder.stderr):
        recorder.result = page_setup.run_panel(
            panel["code"], recorder.display, panel.get("setup", ""), panel.get("namespace")
        )
    return recorder.result


def _last_line(result: dict) -> str:
    lines = str(result.get("error", "")).strip().splitlines()
    return lines[-1] if lines else ""
