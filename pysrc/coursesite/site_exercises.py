"""The site's exercises folder, for the ``course`` plugin: where it is, loading it
at build, and its modules for the browser's Python package zip.

The folder is ``exercises_dir`` (relative to ``mkdocs.yml``), else ``exercises/``
beside ``mkdocs.yml`` if there is one; a site without exercises needs none. A
module of it that does not import, or an id defined twice, stops the build with
one line per problem naming the spec file and line (``exercises/loss.py:12: …``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from coursekit import exercises

log = logging.getLogger("mkdocs.plugins.course")


def folder_of(root: Path, configured: str | None) -> Path | None:
    """The site's exercises folder (None: the site has none)."""
    if configured is None:
        default = root / exercises.DEFAULT_FOLDER
        return default if default.is_dir() else None
    path = root / configured
    if not path.is_dir():
        raise PluginError(f"course: exercises_dir {configured!r} is not a folder (looked for {path})")
    return path


def load(folder: Path | None, serving: bool = False) -> None:
    """Use ``folder``'s exercises for this build (afresh: `mkdocs serve` picks up edits). Serving,
    a spec mistake is logged (and shown in the page, see coursesite.serve_errors) and the rest load."""
    exercises.use(folder)
    if serving:
        exercises.load(on_problem=log.error)
        return
    try:
        exercises.load()
    except exercises.SpecError as error:
        raise PluginError("\n".join(error.messages)) from None


def shipped(folder: Path | None) -> list[tuple[str, bytes]]:
    """The folder's Python files as zip entries under the package the browser imports them as."""
    if folder is None:
        return []
    return [
        (f"{exercises.PACKAGE}/{path.relative_to(folder).as_posix()}", path.read_bytes())
        for path in sorted(folder.rglob("*.py"))
        if "__pycache__" not in path.parts
    ]
