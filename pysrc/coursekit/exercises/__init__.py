"""Every exercise of the course, found by id.

One module per lesson (``first_neuron.py`` for "Your first neuron", …); each
defines :class:`coursekit.authoring.Exercise` objects at module level, and this
package finds them all: nothing else to register. ``first_neuron.py`` is the
model to copy. A lesson shows an exercise with::

    /// exercise | relu-neuron
    ///

The same module is used by the build (which runs the reference solution
through the checks, and fails naming the page if it does not pass), by the
browser (whose Check button runs the checks in the Python worker) and by
pytest (solution passes, starter fails, every documented mistake gets its
message).
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil

from ..authoring import Exercise

_registry: dict[str, Exercise] | None = None


def load(reload: bool = False) -> dict[str, Exercise]:
    """All exercises by id (``reload=True`` re-reads edited modules, for ``mkdocs serve``)."""
    global _registry
    if _registry is not None and not reload:
        return _registry
    found: dict[str, Exercise] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if reload:
            module = importlib.reload(module)
        for value in vars(module).values():
            if isinstance(value, Exercise):
                if value.id in found and found[value.id] is not value:
                    raise ValueError(f"two exercises have the id {value.id!r} (the second in {module.__name__})")
                found[value.id] = value
    _registry = found
    return found


def get(exercise_id: str) -> Exercise:
    """The exercise with this id; KeyError (with the known ids) if there is none."""
    registry = load()
    if exercise_id not in registry:
        close = difflib.get_close_matches(exercise_id, registry, n=1, cutoff=0.6)
        if close:
            raise KeyError(f"there is no exercise {exercise_id!r} in coursekit/exercises/: did you mean {close[0]!r}?")
        known = ", ".join(sorted(registry)) or "none yet"
        raise KeyError(f"there is no exercise {exercise_id!r} in coursekit/exercises/ (known: {known})")
    return registry[exercise_id]


def all_exercises() -> list[Exercise]:
    return [exercise for _, exercise in sorted(load().items())]
