"""A page's setup code: run before every code panel of that page.

An author writes it once per page (```` ```panel setup ```` in the lesson's
Markdown). In the browser and at build, a panel of that page runs in a
namespace where the setup code has already run, so the panel can use the
names it defines. What the setup prints is not shown: it is for definitions.

By default each run starts afresh: the setup runs again, then the panel (a
panel never sees another's variables). With ``shared`` (```` ```panel setup
shared ````) the page has one namespace, like a notebook's: the setup runs
once, when the page's first run needs it, and every panel's run adds to the
same variables, so a later panel sees those of an earlier one, and the order
of runs matters. It lasts as long as the Python that holds it (a Stop that
restarts Python, or reloading the page, starts it again).
"""

from __future__ import annotations

import traceback

from . import runtime

#: The file name of the setup code in tracebacks (the learner's own lines are runtime.FILENAME).
FILENAME = "<page setup>"

#: The namespaces of pages with ``shared`` setup, by page (its path without ``.md``).
_shared: dict[str, dict[str, object]] = {}


class SetupFailed(Exception):
    """The page's setup code raised: the lesson's mistake, not the learner's. ``line``: where, in the setup."""

    def __init__(self, error: BaseException) -> None:
        walked = traceback.walk_tb(error.__traceback__)
        lines = [line for frame, line in walked if frame.f_code.co_filename == FILENAME]
        self.line = lines[-1] if lines else getattr(error, "lineno", None)
        where = f" (line {self.line} of the setup)" if self.line else ""
        detail = error.msg if isinstance(error, SyntaxError) else str(error)
        super().__init__(f"{type(error).__name__}: {detail}{where}")


def namespace(setup: str = "", page: str | None = None) -> dict[str, object]:
    """The globals a panel runs in: fresh ones where ``setup`` has run, or, for a page
    with one namespace (``page`` names it; None or "" for none), that page's, made once and then kept."""
    page = page or None
    if page is not None and page in _shared:
        return _shared[page]
    globals_ = runtime.fresh_namespace()
    if setup.strip():
        try:
            runtime.run_unshown(setup, FILENAME, globals_)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # reported as the page's mistake, never the learner's
            raise SetupFailed(error) from error
    if page is not None:
        _shared[page] = globals_
    return globals_


def forget(page: str | None = None) -> None:
    """Drop the kept namespace of ``page`` (of every page, with None): its next run starts afresh."""
    if page is None:
        _shared.clear()
    else:
        _shared.pop(page, None)


def failure(error: SetupFailed) -> dict[str, object]:
    """How a run reports a setup that raised (a result as :func:`coursekit.runtime.run` gives)."""
    text = f"The page's setup code failed before your code ran (the lesson's mistake, not yours):\n{error}\n"
    return {"status": "error", "error": text, "type": "SetupFailed", "line": None}


def run_panel(
    code: str, display: runtime.Display | None = None, setup: str = "", page: str | None = None
) -> dict[str, object]:
    """Run a panel's ``code`` as :func:`coursekit.runtime.run` does, after the page's ``setup``
    (in the page's one namespace if ``page`` is given)."""
    try:
        globals_ = namespace(setup, page)
    except KeyboardInterrupt:
        return {"status": "interrupted"}
    except SetupFailed as error:
        return failure(error)
    return runtime.run(code, display, globals_)
