"""The page's Markdown read for lines: panels and blocks found in order, fences skipped, block mistakes named."""

import logging

import pytest
from mkdocs.exceptions import Abort

from coursesite.source_lines import scan

from .test_build_widgets import QUIZ, build_site, expect_failure

NAMES = ("quiz", "recall", "exercise", "progress")

PAGE = """\
# A lesson

```panel title="one"
print(1)
```

/// quiz | Sum?
- [x] 2
    Yes.
///

````markdown
```panel
print("an example, not a panel")
```
/// quizz | not a block either: inside a fence
````

/// exercise | relu-neuron
///

  ```panel
  print("indented, in a list")
  ```
"""


def test_panels_and_blocks_are_found_in_order_with_their_lines():
    found = scan(PAGE, NAMES)
    assert found.lines == {("panel", 1): 3, ("quiz", 1): 7, ("exercise", 1): 19, ("panel", 2): 22}
    assert found.problems == []


def test_a_misspelt_block_name_gets_a_did_you_mean():
    found = scan("# Page\n\n/// quizz | Sum?\n- [x] 2\n    Yes.\n///\n", NAMES)
    assert found.problems == [(3, "unknown block `/// quizz`: did you mean `/// quiz`?")]


def test_a_block_never_closed_is_named_with_its_line():
    found = scan("# Page\n\n/// exercise | relu-neuron\n\nMore text.\n", NAMES)
    assert found.problems == [(3, "the `/// exercise` block is never closed: end it with a line `///`")]


def test_nested_blocks_close_with_their_own_slashes():
    text = "//// details | outer\n/// quiz | inner\n- [x] a\n    Yes.\n///\n////\n"
    assert scan(text, NAMES).problems == []
    assert scan(text.replace("////\n", ""), NAMES).problems == [
        (1, "the `//// details` block is never closed: end it with a line `////`")
    ]


def test_a_name_unlike_ours_is_left_to_other_extensions():
    assert scan("/// details | Hint\nText.\n///\n", NAMES).problems == []


def test_the_strict_build_fails_on_a_misspelt_block_naming_file_and_line(tmp_path, caplog):
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": "# Bad\n\n" + QUIZ.replace("/// quiz", "/// quizz")},
        "lessons/bad.md:3: unknown block `/// quizz`: did you mean `/// quiz`?",
    )


def test_the_strict_build_fails_on_an_unclosed_block_naming_file_and_line(tmp_path, caplog):
    expect_failure(
        tmp_path,
        caplog,
        {"index.md": "# Home\n", "lessons/bad.md": "# Bad\n\nText.\n\n/// exercise | relu-neuron\n\n## Later\n"},
        "lessons/bad.md:5: the `/// exercise` block is never closed: end it with a line `///`",
    )


def test_options_that_are_not_yaml_are_named_with_the_line_and_the_parsers_words():
    page = (
        "# A\n\n/// quiz | Sum?\n    id: sum\n    feedback:\n        3: Close: one too many\n\n- [x] 2\n    Yes.\n///\n"
    )
    (problem,) = scan(page, NAMES).problems
    assert problem == (
        6,
        "quiz 1 ('Sum?'): its options (the lines under `/// quiz`) are not valid YAML: mapping values are not "
        "allowed here (a text with ': ' in it, or starting with a backtick, goes in single quotes)",
    )
    (unclosed,) = scan("/// recall | Q?\n    id: [q\n\nA.\n///\n", NAMES).problems
    assert unclosed[0] == 2 and "recall 1 ('Q?'): its options" in unclosed[1]
    assert "expected ',' or ']'" in unclosed[1], unclosed


def test_options_that_are_yaml_but_not_names_and_values_are_named():
    (problem,) = scan("/// exercise | x\n    - optional\n///\n", NAMES).problems
    assert problem == (
        2,
        "exercise 1 ('x'): its options (the lines under `/// exercise`) are not valid YAML: "
        "write one `name: value` per line, indented by 4 spaces",
    )


def test_good_options_and_bodies_are_left_alone():
    assert not [problem for _, problem in scan(PAGE, NAMES).problems if "YAML" in problem]
    assert scan("/// quiz | Q?\n    id: q\n    type: numeric\n    answer: 2\n\nWhy.\n///\n", NAMES).problems == []


def test_the_strict_build_names_a_bad_header_once_with_file_and_line(tmp_path, caplog):
    bad = "# Bad\n\n" + QUIZ.replace("    id: sum\n", "    id: sum\n    colour: [red\n")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(tmp_path, {"index.md": "# Home\n", "lessons/bad.md": bad})
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors[0].startswith(
        "lessons/bad.md:5: quiz 1 ('What is 1 + 1?'): its options (the lines under `/// quiz`) are not valid YAML: "
    ), errors
    assert not [error for error in errors if "could not be read" in error], errors
