"""Run a learner's code the way a notebook cell runs.

The browser's Python worker and the test suite both call :func:`run`, so what a
learner sees in a code panel is what pytest checks in CPython:

- the code runs in a fresh namespace, with ``show()`` available;
- if the last statement is an expression, its value is displayed
  (a picture if it has ``_repr_svg_`` or ``_repr_html_``, else its ``repr``);
- an exception becomes a traceback trimmed to the learner's own lines;
- ``KeyboardInterrupt`` (the Stop button) ends the run quietly.

Output goes to ``sys.stdout`` and ``sys.stderr``; pictures go to a display
callback ``display(mime_type, data)`` given by the caller.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import linecache
import sys
import traceback
from collections.abc import Callable

#: The file name learners see in tracebacks.
FILENAME = "<your code>"

#: Packages a learner might try that the course does not ship, with why.
MISSING_PACKAGE_HINT = (
    "{name} is not available here: the course runs on Python's standard library "
    "and the packages it ships with, so that it works offline in any browser."
)
KNOWN_MISSING = {"numpy", "pandas", "matplotlib", "scipy", "sklearn", "torch", "tensorflow"}

Display = Callable[[str, str], None]

#: What an object can show, by the method that gives it, first match wins: the course's own widgets
#: (plain JSON numbers, drawn by the page, e.g. ``neuron.Timeline``), then pictures.
REPRESENTATIONS = (
    ("_repr_timeline_json_", "application/vnd.course.timeline+json"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_html_", "text/html"),
)


def _print_display(mime_type: str, data: str) -> None:
    """The display used when no caller gives one: say what would be shown."""
    print(f"[{mime_type}: {len(data)} characters]")


_display: Display = _print_display


def show(*objects: object) -> None:
    """Display each object: as a picture if it can draw itself, else as text.

    Objects with ``_repr_svg_`` or ``_repr_html_`` (such as the plots of
    ``neuron.plot``) appear as pictures in the output area.
    """
    for obj in objects:
        _show_one(obj)


def _show_one(obj: object) -> None:
    for method, mime_type in REPRESENTATIONS:
        render = getattr(obj, method, None)
        if callable(render):
            data = render()
            if data:
                sys.stdout.flush()
                _display(mime_type, str(data))
                return
    print(repr(obj))


def _no_input(prompt: object = "") -> str:
    raise RuntimeError(
        "input() is not available in the code panels: give the value in your code instead, for example  x = 3.0"
    )


#: Whether input() can ask the learner: the worker says so at boot (only a
#: cross-origin isolated page can answer Python's stdin synchronously).
_input_allowed = False


def allow_input(allowed: bool) -> None:
    """Let panels' code use the real ``input()`` (reading ``sys.stdin``), or refuse it with a message."""
    global _input_allowed
    _input_allowed = bool(allowed)


def fresh_namespace() -> dict[str, object]:
    """The globals a panel's code starts with."""
    namespace: dict[str, object] = {"__name__": "__main__", "__builtins__": builtins, "show": show}
    if not _input_allowed:
        namespace["input"] = _no_input
    return namespace


def run(
    code: str,
    display: Display | None = None,
    namespace: dict[str, object] | None = None,
    passes: tuple[type[BaseException], ...] = (),
) -> dict[str, object]:
    """Run ``code`` as one cell and report how it ended.

    ``namespace`` is the globals to run in (default: a fresh one); the exercise
    checker passes its own, to read the learner's definitions afterwards.
    An exception of a type in ``passes`` is raised out of ``run``, not reported
    (the tracer's step limit: its report would be thrown away, and takes time).

    Returns ``{"status": "ok"}``, ``{"status": "interrupted"}``, or
    ``{"status": "error", "error": <trimmed traceback>, "type": <exception name>,
    "line": <line in the learner's code or None>}``.
    """
    global _display
    previous, _display = _display, (display or _print_display)
    _remember_source(code)
    try:
        _execute(code, fresh_namespace() if namespace is None else namespace)
    except passes:
        raise
    except KeyboardInterrupt:
        return {"status": "interrupted"}
    except SystemExit:
        return {"status": "ok"}
    except BaseException as error:  # noqa: BLE001 - the learner's exception, reported, never raised
        return error_report(error)
    finally:
        _display = previous
        sys.stdout.flush()
        sys.stderr.flush()
    return {"status": "ok"}


def _execute(code: str, namespace: dict[str, object]) -> None:
    tree = ast.parse(code, FILENAME)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    if tree.body:  # (an empty module would still be one step, at line 0, when stepped through)
        exec(compile(tree, FILENAME, "exec"), namespace)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), FILENAME, "eval"), namespace)
        if value is not None:
            _show_one(value)


class _Unshown:
    """A stream that shows nothing (what an author's setup code prints)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def run_unshown(code: str, filename: str, namespace: dict[str, object]) -> None:
    """Run an author's code (a page's setup: coursekit.page_setup) in ``namespace``, under
    ``filename`` in tracebacks: what it prints is not shown, what it raises is raised."""
    with contextlib.redirect_stdout(_Unshown()), contextlib.redirect_stderr(_Unshown()):
        exec(compile(code, filename, "exec"), namespace)


def _remember_source(code: str) -> None:
    """Let tracebacks quote the learner's lines."""
    linecache.cache[FILENAME] = (len(code), None, code.splitlines(True), FILENAME)


def error_report(error: BaseException) -> dict[str, object]:
    """How an exception in the learner's code is reported: the traceback trimmed to their
    own lines, the exception's name, and the line of their code it came from."""
    summary = traceback.TracebackException.from_exception(error)
    _trim(summary)
    text = "".join(summary.format())
    if isinstance(error, ModuleNotFoundError) and error.name in KNOWN_MISSING:
        text += MISSING_PACKAGE_HINT.format(name=error.name) + "\n"
    learner_frames = [frame for frame in summary.stack if frame.filename == FILENAME]
    line = learner_frames[-1].lineno if learner_frames else getattr(error, "lineno", None)
    if isinstance(error, SyntaxError) and error.filename != FILENAME:
        line = None
    return {"status": "error", "error": text, "type": type(error).__name__, "line": line}


def _trim(summary: traceback.TracebackException, seen: set[int] | None = None) -> None:
    """Keep only the frames of the learner's code, in this and chained exceptions."""
    seen = set() if seen is None else seen
    if id(summary) in seen:
        return
    seen.add(id(summary))
    frames = [frame for frame in summary.stack if frame.filename == FILENAME]
    summary.stack = traceback.StackSummary.from_list(frames)
    for chained in (summary.__cause__, summary.__context__):
        if chained is not None:
            _trim(chained, seen)
