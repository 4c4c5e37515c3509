"""A teacher's own site, built with nothing but the wheel: `make dist`, a fresh
virtual environment outside this repository, `pip install` of that one file,
a two-page site of the teacher's, `mkdocs build --strict`, then Chromium: the
panel runs in the browser and an exercise passes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .pages import Panel
from .server import SiteServer
from .widgets import Exercise

ROOT = Path(__file__).resolve().parents[2]

MKDOCS_YML = """\
site_name: Mrs Hopper's class
theme:
  name: material
  font: false
plugins:
  - course
"""

LESSON = """\
# Sums

```panel title="A sum" expect="total = 6"
print("total =", sum([1, 2, 3]))
```

/// exercise | demo-double
///
"""


def run(command: list[str], cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory):
    run(["make", "--no-print-directory", "dist"], cwd=ROOT)
    (wheel,) = (ROOT / "dist").glob("neuron_lessons-*.whl")
    home = tmp_path_factory.mktemp("teacher")  # outside the repository
    run([sys.executable, "-m", "venv", str(home / "venv")], cwd=home)
    python = home / "venv" / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], cwd=home)
    (home / "docs").mkdir()
    (home / "mkdocs.yml").write_text(MKDOCS_YML)
    (home / "docs" / "index.md").write_text("# Welcome\n\nStart with [the first lesson](sums.md).\n")
    (home / "docs" / "sums.md").write_text(textwrap.dedent(LESSON))
    server = SiteServer(home / "site")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"SITE_URL": server.origin + "/", "NO_MKDOCS_2_WARNING": "1"}
    run([str(python), "-m", "mkdocs", "build", "--strict"], cwd=home, env=env)
    with server:
        yield server


def test_the_wheel_alone_builds_a_teachers_site_whose_panel_and_exercise_work(teacher_site, page):
    page.goto(teacher_site.origin + "/sums/")
    panel = Panel(page, page.get_by_role("region", name="Code panel: A sum"))
    panel.wait_ready().run()
    panel.expect_output("total = 6")
    Exercise(page, "demo-double").wait_ready().check("def double(x):\n    return 2 * x\n").expect_passed()
    # The teacher's site keeps its learners' progress under its own name.
    assert any(key.startswith("mrs-hopper-s-class:v1:") for key in page.evaluate("Object.keys(localStorage)"))
