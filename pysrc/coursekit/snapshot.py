"""What the browser's Python worker does around a memory snapshot of Python.

After a boot that found no snapshot, a worker of its own, which runs no learner code
(web/src/runner/snapshot-maker.js), imports the engine and the site's packages
(:func:`prepare`), then Pyodide saves the whole interpreter's memory; later boots restore that memory
instead of starting Python and importing everything again. A restored Python
must look like a fresh one to the learner, so :func:`after_restore` runs before
any learner code: ``random`` is seeded anew (from ``os.urandom``, the browser's
``crypto.getRandomValues``), so ``Neuron.random(2)`` without a seed differs
between two visits. (The hash seed of ``str`` cannot change once Python has
started: the worker makes a new snapshot, with a new seed, every few days.)
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Iterable

#: The engine's modules, imported before the snapshot, so that no page waits for them afterwards.
MODULES = (
    "coursekit.runtime",
    "coursekit.page_setup",
    "coursekit.checker",
    "coursekit.tracing",
    "coursekit.trace_chunks",
    "coursekit.predict",
    "coursekit.parsons",
)


def prepare(packages: Iterable[str] = (), modules: tuple[str, ...] = MODULES) -> list[str]:
    """Import ``modules`` and the site's own ``packages`` (the plugin's ``python_packages``, as
    the page's runtime settings name them), those that exist; return the names imported."""
    imported = []
    for name in (*modules, *packages):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:  # a module that is there but broken is a bug to see
                raise
            continue
        imported.append(name)
    return imported


def after_restore() -> None:
    """Make a restored Python's random numbers those of a fresh start."""
    random.seed()  # the module's shared generator; random.Random() instances seed themselves
