"""`make lesson NAME=…` (python -m coursesite.new_lesson): a new lesson page and exercise spec that build
strictly and pass their tests as written, added to the nav; an existing name is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from coursekit import checker, exercises
from coursesite.new_lesson import main, write_lesson

from .small_site import needs_npm_build, write_site  # noqa: F401 (an autouse fixture)

NAV = "nav:\n  - Home: index.md\n  - Lessons:\n      - One: lessons/one.md\n  - About: about.md\n"
PAGES = {"index.md": "# Home\n", "lessons/one.md": "# One\n", "about.md": "# About\n"}


def site(tmp_path: Path, nav: str = NAV) -> Path:
    return write_site(tmp_path, PAGES, extra="strict: true\n" + nav, exercises={"__init__.py": ""})


def build_strictly(config_file: Path) -> None:
    config = load_config(str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)  # raises (Abort) on any error in strict mode
    finally:
        config.plugins.on_shutdown()


def test_a_new_lesson_builds_strictly_and_its_exercise_passes_its_tests_as_written(tmp_path):
    config_file = site(tmp_path)
    said = write_lesson("fractions", config_file)
    assert said[:3] == [
        "wrote docs/lessons/fractions.md (a panel, a quiz and the exercise 'fractions')",
        "wrote exercises/fractions.py (the exercise's starter, solution, hints, checks and mistakes)",
        "added `- Fractions: lessons/fractions.md` to the nav in mkdocs.yml (line 14)",
    ]
    nav = config_file.read_text().split("nav:\n")[1]
    assert nav.startswith(
        "  - Home: index.md\n  - Lessons:\n      - One: lessons/one.md\n      - Fractions: lessons/fractions.md\n"
    )
    build_strictly(config_file)  # the panel's expect, the quiz and the exercise's solution, all checked
    page = (tmp_path / "site" / "lessons" / "fractions" / "index.html").read_text()
    assert 'data-exercise-id="fractions"' in page and "course-quiz" in page
    exercise = exercises.get("fractions")
    assert checker.run_checks(exercise, exercise.solution)["passed"] is True
    assert checker.run_checks(exercise, exercise.starter + "\n# changed\nx = 1\n")["passed"] is False
    for code, fragment in exercise.mistakes:
        messages = " ".join(item["message"] for item in checker.run_checks(exercise, code)["checks"])
        assert fragment in messages, (code, messages)


def test_an_existing_name_is_refused_and_nothing_is_written(tmp_path, capsys):
    config_file = site(tmp_path)
    assert main(["fractions", "-f", str(config_file)]) == 0
    before = config_file.read_text(), (tmp_path / "exercises" / "fractions.py").read_text()
    assert main(["fractions", "-f", str(config_file)]) == 1
    assert "exists already: choose another name" in capsys.readouterr().err
    assert (config_file.read_text(), (tmp_path / "exercises" / "fractions.py").read_text()) == before


def test_an_exercise_id_taken_by_another_module_is_refused(tmp_path):
    config_file = site(tmp_path)
    write_lesson("fractions", config_file)
    (tmp_path / "exercises" / "fractions.py").rename(tmp_path / "exercises" / "older.py")
    (tmp_path / "docs" / "lessons" / "fractions.md").unlink()
    with pytest.raises(ValueError, match=r"an exercise 'fractions' exists already \(exercises/older.py:7\)"):
        write_lesson("fractions", config_file)


@pytest.mark.parametrize("name", ["Fractions", "my_lesson", "", "../up"])
def test_a_name_that_cannot_be_an_id_is_refused(tmp_path, name):
    with pytest.raises(ValueError, match="must use only lowercase letters, digits and '-'"):
        write_lesson(name, site(tmp_path))


def test_a_site_without_a_nav_is_told_mkdocs_lists_the_page(tmp_path):
    said = write_lesson("fractions", site(tmp_path, nav=""))
    assert said[2] == "mkdocs.yml has no nav: MkDocs lists the new page by itself"


def test_a_lesson_in_a_numbered_nav_gets_the_next_number(tmp_path):
    nav = "nav:\n  - Lessons:\n      - 1. One: lessons/one.md\n      - 2. Two: lessons/two.md\n"
    config_file = write_site(tmp_path, {**PAGES, "lessons/two.md": "# Two\n"}, extra=nav, exercises={})
    said = write_lesson("fractions", config_file)
    assert "added `- 3. Fractions: lessons/fractions.md`" in said[2]
    assert config_file.read_text().endswith(
        "      - 2. Two: lessons/two.md\n      - 3. Fractions: lessons/fractions.md\n"
    )
