"""The site's exercises, found by id: every module of its exercises folder.

A site keeps its exercises in a folder of its own (``exercises/`` beside
``mkdocs.yml`` by default; the ``course`` plugin's ``exercises_dir`` option names
another). Each module there whose name does not start with ``_`` defines
:class:`coursekit.Exercise` objects at module level, and this module finds them
all: nothing else to register. Modules starting with ``_`` are helpers the
others import (``from ._rules import …``). A lesson shows an exercise with::

    /// exercise | relu-neuron
    ///

The folder is imported as the package :data:`PACKAGE`, so its modules can
import each other. The build uses it (it runs each reference solution through
its checks), the browser too (the plugin ships the folder to the Python worker
under that package's name, where it is found without being named), and so do
the site's tests: ``exercises.use("exercises")`` in their ``conftest.py``.

A module that does not import (a SyntaxError, an ImportError, a NameError at
import), or an id defined twice, is a :class:`SpecError` whose messages name
the spec file and line: ``exercises/loss.py:12: NameError: name 'x' is not defined``.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import pkgutil
import re
import sys
import traceback
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from pathlib import Path

from .authoring import Exercise

#: The package name a site's exercises folder is imported (and shipped to the browser) as.
PACKAGE = "course_exercises"
#: A module-level assignment, ``name = …`` or ``name: Type = …``.
ASSIGNMENT = re.compile(r"^([A-Za-z_]\w*)\s*(?::[^=]*)?=(?!=)")
#: The folder used when none was named with :func:`use` and none was shipped.
DEFAULT_FOLDER = "exercises"


class SpecError(Exception):
    """Exercise modules that could not be loaded: one message per problem, each naming file and line."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


_folder: Path | None = None
_chosen = False
_registry: dict[str, Exercise] | None = None
_locations: dict[str, str] = {}


def use(folder: str | Path | None) -> None:
    """Take the exercises from ``folder`` from now on (None: the site has none); the next
    :func:`load` imports them afresh, so ``mkdocs serve`` picks up edited specs."""
    global _folder, _chosen, _registry
    _folder = None if folder is None else Path(folder).resolve()
    _chosen = True
    _registry = None
    _forget_modules()


def folder() -> Path | None:
    """The folder exercises come from: the one given to :func:`use`, else the one shipped
    to the browser, else ``exercises/`` in the current directory (if there is one)."""
    if _chosen:
        return _folder
    shipped = importlib.util.find_spec(PACKAGE) if PACKAGE not in sys.modules else sys.modules[PACKAGE].__spec__
    if shipped is not None and shipped.submodule_search_locations:
        return Path(next(iter(shipped.submodule_search_locations)))
    here = Path.cwd() / DEFAULT_FOLDER
    return here if here.is_dir() else None


def load(reload: bool = False, on_problem: Callable[[str], object] | None = None) -> dict[str, Exercise]:
    """All exercises by id (``reload=True`` re-imports the folder's modules). Raises
    :class:`SpecError` if a module does not import or an id is defined twice; given
    ``on_problem``, tells it each problem instead and keeps the exercises that loaded."""
    global _registry
    if _registry is not None and not reload:
        return _registry
    where = folder()
    _forget_modules()
    _locations.clear()
    found: dict[str, Exercise] = {}
    problems: list[str] = []
    if where is not None:
        _import_package(where)
        for name in sorted(info.name for info in pkgutil.iter_modules([str(where)])):
            if not name.startswith("_"):
                problems += _collect(where, name, found)
    if problems and on_problem is None:
        raise SpecError(problems)
    for problem in problems:
        on_problem(problem)
    _registry = found
    return found


def get(exercise_id: str) -> Exercise:
    """The exercise with this id; KeyError (with a did-you-mean, or the known ids) if there is none."""
    registry = load()
    if exercise_id not in registry:
        place = f"in {shown(folder())}/" if folder() is not None else f"(the site has no {DEFAULT_FOLDER}/ folder)"
        raise unknown_id("exercise", exercise_id, registry, place)
    return registry[exercise_id]


def unknown_id(kind: str, key: str, registry: dict[str, object], place: str = "") -> KeyError:
    """The KeyError for an id not in ``registry``: a did-you-mean when one is close, else the known ids."""
    missing = f"there is no {kind} {key!r}" + (f" {place}" if place else "")
    close = difflib.get_close_matches(key, registry, n=1, cutoff=0.6)
    if close:
        return KeyError(f"{missing}: did you mean {close[0]!r}?")
    return KeyError(f"{missing} (known: {', '.join(sorted(registry)) or 'none yet'})")


def all_exercises() -> list[Exercise]:
    return [exercise for _, exercise in sorted(load().items())]


def where(exercise_id: str) -> str:
    """Where the exercise is defined, ``exercises/loss.py:12`` (empty if unknown)."""
    load()
    return _locations.get(exercise_id, "")


def shown(path: Path | None) -> str:
    """A path as messages name it: from the exercises folder's parent (``exercises/loss.py``)."""
    if path is None:
        return ""
    base = folder()
    root = base.parent if base is not None else Path.cwd()
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# --- importing the folder ------------------------------------------------------


def _forget_modules() -> None:
    for name in [name for name in sys.modules if name == PACKAGE or name.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def _import_package(where: Path) -> None:
    """Make ``where`` importable as :data:`PACKAGE` (with its ``__init__.py``, if it has one)."""
    init = where / "__init__.py"
    if init.is_file():
        spec = importlib.util.spec_from_file_location(PACKAGE, init, submodule_search_locations=[str(where)])
    else:
        spec = ModuleSpec(PACKAGE, None, is_package=True)
        spec.submodule_search_locations = [str(where)]
    package = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = package
    if spec.loader is not None:
        spec.loader.exec_module(package)


def _collect(where: Path, name: str, found: dict[str, Exercise]) -> list[str]:
    """Import module ``name`` of the folder and add its exercises to ``found``; the problems met."""
    path = where / f"{name}.py"
    try:
        module = importlib.import_module(f"{PACKAGE}.{name}")
    except Exception as error:  # noqa: BLE001 - any failure at import is the spec author's to fix
        return [_import_problem(error, path, where)]
    problems = []
    lines = _assignment_lines(path)
    for variable, value in vars(module).items():
        if not isinstance(value, Exercise):
            continue
        here = f"{shown(path)}:{lines.get(variable, 1)}"
        if value.id in found and found[value.id] is not value:
            problems.append(f"{here}: exercise id {value.id!r} is already defined in {_locations[value.id]}")
            continue
        found.setdefault(value.id, value)
        _locations.setdefault(value.id, here)
    return problems


def _import_problem(error: BaseException, path: Path, where: Path) -> str:
    """``exercises/x.py:12: SyntaxError: …``: the spec line at fault, and Python's words."""
    if isinstance(error, SyntaxError) and error.filename:
        return f"{shown(Path(error.filename))}:{error.lineno or 1}: SyntaxError: {error.msg}"
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if _inside(frame.filename, where)]
    file, line = (Path(frames[-1].filename), frames[-1].lineno) if frames else (path, 1)
    return f"{shown(file)}:{line}: {type(error).__name__}: {error}"


def _inside(filename: str, where: Path) -> bool:
    try:
        Path(filename).resolve().relative_to(where.resolve())
        return True
    except (ValueError, OSError):
        return False


def _assignment_lines(path: Path) -> dict[str, int]:
    """The line where each module-level name is first assigned (to say where an exercise is defined):
    read line by line, not parsed, as loading is on the way to the learner's first Check."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = ASSIGNMENT.match(line)
        if match:
            lines.setdefault(match[1], number)
    return lines
