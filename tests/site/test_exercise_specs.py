"""A site's own exercises folder, built with `mkdocs build --strict`: its exercises
are found and shipped to the browser; a spec mistake fails the build with one
line naming the spec file and line, never a traceback."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from coursekit import exercises

from .small_site import needs_npm_build, write_site  # noqa: F401 (an autouse fixture)

GOOD = """\
from coursekit import Exercise, expect_close

triple = Exercise(
    id="triple",
    title="Triple a number",
    starter="def triple(x):\\n    return x\\n",
    solution="def triple(x):\\n    return 3 * x\\n",
    hints=["Multiply by 3."],
    mistakes=[("def triple(x):\\n    return x + 3\\n", "adds"), ("def triple(x):\\n    return 2 * x\\n", "twice")],
)


@triple.check("triples 2")
def triples_two(learner):
    expect_close(learner.function("triple", "x")(2), 6, "triple(2) should be {expected}, got {actual}")
"""

LESSON = {"index.md": "# Home\n", "lessons/triple.md": "# Triple\n\n/// exercise | triple\n///\n"}


def build_site(tmp_path: Path, spec_files: dict[str, str], pages: dict[str, str] = LESSON) -> Path:
    config = load_config(str(write_site(tmp_path, pages, extra="strict: true\n", exercises=spec_files)))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return tmp_path / "site"


def build_errors(tmp_path, caplog, spec_files, pages=LESSON) -> list[str]:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(tmp_path, spec_files, pages)
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


def test_the_sites_own_exercise_is_built_and_shipped_to_the_browser(tmp_path):
    site = build_site(tmp_path, {"arithmetic.py": GOOD, "_helpers.py": "NOT_AN_EXERCISE = 1\n"})
    assert 'data-exercise-id="triple"' in (site / "lessons" / "triple" / "index.html").read_text()
    (package,) = (site / "assets" / "course" / "python").glob("course-*.zip")
    names = zipfile.ZipFile(io.BytesIO(package.read_bytes())).namelist()
    assert {"course_exercises/arithmetic.py", "course_exercises/_helpers.py"} <= set(names)
    assert "coursekit/exercises.py" in names and not any(name.startswith("coursekit/exercises/") for name in names)
    assert exercises.where("triple") == "exercises/arithmetic.py:3"


def test_modules_of_the_folder_import_each_other(tmp_path):
    helper = "def triple_of(x):\n    return 3 * x\n"
    spec = GOOD.replace("from coursekit import", "from ._maths import triple_of\nfrom coursekit import")
    build_site(tmp_path, {"arithmetic.py": spec, "_maths.py": helper})
    assert exercises.get("triple").title == "Triple a number"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("x = (\n", "exercises/arithmetic.py:{line}: SyntaxError: "),
        ("from coursekit import expect_sometimes\n", "exercises/arithmetic.py:{line}: ImportError: cannot import name"),
        ("print(undefined_name)\n", "exercises/arithmetic.py:{line}: NameError: name 'undefined_name' is not defined"),
    ],
    ids=["syntax", "import", "name"],
)
def test_a_module_that_does_not_import_is_one_line_naming_the_spec_file_and_line(tmp_path, caplog, broken, message):
    message = message.format(line=GOOD.count("\n") + 1)  # the broken line is the last
    errors = build_errors(tmp_path, caplog, {"arithmetic.py": GOOD + broken})
    assert [error for error in errors if message in error] and "Traceback" not in "\n".join(errors), errors
    assert errors[0].startswith(message), errors


def test_an_error_raised_in_a_helper_module_blames_the_helpers_line(tmp_path, caplog):
    spec = "from ._maths import THREE\n" + GOOD
    errors = build_errors(tmp_path, caplog, {"arithmetic.py": spec, "_maths.py": "THREE = 3\n1 / 0\n"})
    assert errors[0] == "exercises/_maths.py:2: ZeroDivisionError: division by zero", errors


def test_an_id_defined_twice_names_both_places(tmp_path, caplog):
    again = GOOD.replace("triple = Exercise", "\n\nthree_times = Exercise").replace(
        "@triple.check", "@three_times.check"
    )
    errors = build_errors(tmp_path, caplog, {"a.py": GOOD, "b.py": again})
    assert errors[0] == "exercises/b.py:5: exercise id 'triple' is already defined in exercises/a.py:3", errors


def test_every_broken_module_is_reported_at_once(tmp_path, caplog):
    errors = build_errors(tmp_path, caplog, {"a.py": "x = (\n", "b.py": "import no_such_module\n", "c.py": GOOD})
    text = "\n".join(errors)
    assert "exercises/a.py:1: SyntaxError" in text and "exercises/b.py:1: ModuleNotFoundError" in text, errors


def test_a_solution_that_fails_its_checks_blames_the_spec_file_and_line(tmp_path, caplog):
    wrong = GOOD.replace(
        'solution="def triple(x):\\n    return 3 * x\\n"', 'solution="def triple(x):\\n    return 4\\n"'
    )
    errors = build_errors(tmp_path, caplog, {"arithmetic.py": wrong})
    assert errors == [
        "exercises/arithmetic.py:3: exercise 'triple': its reference solution fails its own check 'triples 2': "
        "triple(2) should be 6, got 4"
    ]


def test_an_unknown_id_says_which_folder_and_did_you_mean(tmp_path, caplog):
    pages = {"index.md": "# Home\n", "lessons/triple.md": "# Triple\n\n/// exercise | tripple\n///\n"}
    errors = build_errors(tmp_path, caplog, {"arithmetic.py": GOOD}, pages)
    expected = "lessons/triple.md:3: exercise 1 ('tripple'): there is no exercise 'tripple' in exercises/"
    assert any(f"{expected}: did you mean 'triple'?" in error for error in errors), errors


def test_a_site_without_an_exercises_folder_says_so_for_an_exercise_block(tmp_path, caplog):
    config = write_site(tmp_path, LESSON, extra="strict: true\n", exercises={})  # no folder at all
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        loaded = load_config(str(config))
        loaded.plugins.on_startup(command="build", dirty=False)
        build(loaded)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert any("there is no exercise 'triple' (the site has no exercises/ folder)" in error for error in errors), errors


def test_an_exercises_dir_that_is_not_a_folder_is_named(tmp_path, caplog):
    config = write_site(tmp_path, LESSON, extra="strict: true\n", exercises={})
    text = config.read_text().replace("plugins:\n  - course:\n", "plugins:\n  - course:\n      exercises_dir: specs\n")
    config.write_text(text)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        loaded = load_config(str(config))
        build(loaded)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert any("exercises_dir 'specs' is not a folder" in error for error in errors), errors
