"""Small throwaway MkDocs sites for build tests, using the real bundle and Pyodide."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "build" / "web"
PYODIDE = ROOT / "build" / "pyodide"


def write_site(
    tmp_path: Path,
    pages: dict[str, str],
    *,
    extra: str = "",
    bundle: Path = BUNDLE,
    exercises: dict[str, str] | None = None,
) -> Path:
    """Write docs/ and mkdocs.yml (the course plugin, Material without fonts) into tmp_path, with
    ``exercises`` (file name → text) in its own exercises/ folder, else the course's exercises."""
    for name, text in (exercises or {}).items():
        path = tmp_path / "exercises" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    exercises_dir = "" if exercises is not None else f"\n                  exercises_dir: {ROOT / 'exercises'}"
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(f"""\
            site_name: Test
            theme:
              name: material
              font: false
            plugins:
              - course:
                  bundle_dir: {bundle}
                  pyodide_dir: {PYODIDE}{exercises_dir}
            """)
        + extra
    )
    return tmp_path / "mkdocs.yml"


def build_small_site(folder: Path, pages: dict[str, str]) -> Path:
    """Write the small site into folder and build it with --strict (which must pass); its site/ folder."""
    write_site(folder, pages)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    return folder / "site"


@pytest.fixture(autouse=True)
def needs_npm_build():
    if not (BUNDLE / "entries.json").exists():
        pytest.fail("run `npm ci && npm run build` (or `make test`) first", pytrace=False)
