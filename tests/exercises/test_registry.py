"""coursekit.exercises: a site's exercises folder, found as the build, the browser and pytest find it,
and coursekit's public authoring API (documented on the authors' page)."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import coursekit
from coursekit import checker, exercises

ROOT = Path(__file__).resolve().parents[2]

SPEC = """\
from coursekit import Exercise, expect

answer = Exercise(
    id="answer",
    title="The answer",
    starter="answer = 0\\n",
    solution="answer = 42\\n",
    hints=[],
    mistakes=[("answer = 41\\n", "42"), ("answer = '42'\\n", "42")],
)


@answer.check("is 42")
def is_42(learner):
    expect(learner["answer"] == 42, "answer should be 42")
"""


def folder_with(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    return tmp_path


def test_every_public_name_is_documented_on_the_authors_page():
    authors = (ROOT / "docs" / "authors.md").read_text()
    table = authors[authors.index("### The authoring API") :]
    for name in coursekit.__all__:
        assert re.search(rf"`{name}[`(]", table), f"{name} is not in docs/authors.md's API table"
        assert getattr(coursekit, name) is not None


def test_the_course_exercises_come_from_the_repositorys_exercises_folder():
    assert exercises.folder() == ROOT / "exercises"
    assert exercises.where("relu-neuron").startswith("exercises/first_neuron.py:")
    assert not (ROOT / "pysrc" / "coursekit" / "exercises").exists()


def test_a_folder_is_loaded_afresh_after_use(tmp_path):
    folder = folder_with(tmp_path, {"answer.py": SPEC})
    exercises.use(folder)
    first = exercises.get("answer")
    (folder / "answer.py").write_text(SPEC.replace('title="The answer"', 'title="Edited"'))
    exercises.use(folder)
    assert first.title == "The answer" and exercises.get("answer").title == "Edited"
    assert checker.run_checks(exercises.get("answer"), "answer = 42\n")["passed"] is True


def test_an_unknown_id_names_the_folder(tmp_path):
    exercises.use(folder_with(tmp_path, {"answer.py": SPEC}))
    with pytest.raises(KeyError, match=rf"no exercise 'answr' in {tmp_path.name}/: did you mean 'answer'"):
        exercises.get("answr")


def test_a_broken_module_is_a_spec_error_naming_file_and_line(tmp_path):
    exercises.use(folder_with(tmp_path, {"answer.py": SPEC, "broken.py": "import math\nmath.tau(\n"}))
    with pytest.raises(exercises.SpecError) as raised:
        exercises.load()
    assert raised.value.messages == [f"{tmp_path.name}/broken.py:2: SyntaxError: '(' was never closed"]


def test_the_checker_answers_a_spec_error_as_a_failed_check_not_a_crash(tmp_path):
    exercises.use(folder_with(tmp_path, {"broken.py": "1 / 0\n"}))
    result = checker.check("answer", "answer = 42\n")
    assert result["passed"] is False
    assert result["checks"][0]["message"] == f"{tmp_path.name}/broken.py:1: ZeroDivisionError: division by zero"


BROWSER = """
import sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from coursekit import checker, exercises
print(exercises.folder())
print(checker.check("answer", "answer = 42\\n")["passed"])
"""


def test_in_the_browser_the_shipped_package_is_found_without_being_named(tmp_path):
    # The worker puts the unpacked zip on sys.path: coursekit/ and course_exercises/ side by side.
    shipped = tmp_path / "course"
    (shipped / exercises.PACKAGE).mkdir(parents=True)
    folder_with(shipped / exercises.PACKAGE, {"answer.py": SPEC})
    result = subprocess.run(
        [sys.executable, "-I", "-c", BROWSER, str(shipped), str(ROOT / "pysrc")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(shipped / exercises.PACKAGE), "True"]
