"""A teacher's own site, built with nothing but the wheel: `make dist`, a fresh
virtual environment outside this repository, `pip install` of that one file,
a two-page site of the teacher's with an exercise of their own in its exercises/
folder, `mkdocs build --strict`, then Chromium: the panel runs in the browser and
the teacher's exercise passes (its checks shipped to the Python worker)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from coursekit import exercises

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

/// exercise | halve
///
"""

#: The teacher's own exercise, written against the documented API alone.
SPEC = """\
from coursekit import Exercise, expect, expect_close, numbers

halve = Exercise(
    id="halve",
    title="Half a number",
    starter="def halve(x):\\n    return x\\n",
    solution="def halve(x):\\n    return x / 2\\n",
    hints=["Divide by 2."],
    mistakes=[("def halve(x):\\n    return x // 2\\n", "whole"), ("def halve(x):\\n    return x * 2\\n", "doubles")],
)


@halve.check("halves 3 into 1.5, not a whole number")
def halves_three(learner):
    result = learner.function("halve", "x")(3)
    expect(result != 1, "halve(3) gave 1: use / to divide, // keeps the whole part only")
    expect(result != 6, "halve(3) gave 6: your function doubles x")
    expect_close(result, 1.5, "halve(3) should be {expected}, got {actual}")


@halve.check("halves every number")
def halves_every_number(learner):
    halve = learner.function("halve", "x")
    for x in numbers():
        expect_close(halve(x), x / 2, f"halve({x}) should be {{expected}}, got {{actual}}")


@halve.check("halves numbers it was not shown", hidden=True)
def halves_a_secret(learner):
    expect_close(learner.function("halve", "x")(12345.5), 6172.75, "halve(12345.5) should be {expected}")
"""


def run(command: list[str], cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory):
    run(["make", "--no-print-directory", "dist"], cwd=ROOT)
    (wheel,) = (ROOT / "dist").glob("neuron_lessons-*.whl")
    # The course's own exercises are not the engine's: they stay in this repository.
    assert not [name for name in zipfile.ZipFile(wheel).namelist() if "exercises/" in name]
    home = tmp_path_factory.mktemp("teacher")  # outside the repository
    run([sys.executable, "-m", "venv", str(home / "venv")], cwd=home)
    python = home / "venv" / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], cwd=home)
    (home / "docs").mkdir()
    (home / "mkdocs.yml").write_text(MKDOCS_YML)
    (home / "docs" / "index.md").write_text("# Welcome\n\nStart with [the first lesson](sums.md).\n")
    (home / "docs" / "sums.md").write_text(textwrap.dedent(LESSON))
    (home / "exercises").mkdir()
    (home / "exercises" / "sums.py").write_text(SPEC)
    server = SiteServer(home / "site")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"SITE_URL": server.origin + "/", "NO_MKDOCS_2_WARNING": "1"}
    # The documented equivalent of `make lesson`, with the wheel alone: the new lesson builds as written.
    said = run([str(python), "-m", "coursesite.new_lesson", "fractions"], cwd=home, env=env)
    assert "wrote docs/lessons/fractions.md" in said and "wrote exercises/fractions.py" in said, said
    run([str(python), "-m", "mkdocs", "build", "--strict"], cwd=home, env=env)
    with server:
        yield SimpleNamespace(origin=server.origin, home=home)


def test_the_wheel_alone_builds_a_teachers_site_whose_panel_and_exercise_work(teacher_site, page):
    page.goto(teacher_site.origin + "/sums/")
    panel = Panel(page, page.get_by_role("region", name="Code panel: A sum"))
    panel.wait_ready().run()
    panel.expect_output("total = 6")
    # The site names no package of its own: the engine alone is shipped, and nothing imports neuron.
    panel.set_code(
        "import sys, importlib.util\nprint(sorted({'neuron', 'coursekit'} & set(sys.modules)))\n"
        "print(importlib.util.find_spec('neuron'))"
    ).run()
    panel.expect_output("['coursekit']\nNone")
    exercises.use(teacher_site.home / "exercises")  # the page objects read the spec (conftest puts the course's back)
    halve = Exercise(page, "halve").wait_ready()
    halve.check("def halve(x):\n    return x // 2\n").expect_failed()
    expect(halve.results).to_contain_text("use / to divide, // keeps the whole part only")
    # Right on every case it is shown, wrong on the hidden one: the page says so without its values.
    halve.check("def halve(x):\n    return 0 if x == 12345.5 else x / 2\n").expect_failed()
    expect(halve.results).to_contain_text("A hidden check failed")
    expect(halve.results).not_to_contain_text("12345")
    halve.check("def halve(x):\n    return x / 2\n").expect_passed()
    # The teacher's site keeps its learners' progress under its own name.
    assert any(key.startswith("mrs-hopper-s-class:v1:") for key in page.evaluate("Object.keys(localStorage)"))
