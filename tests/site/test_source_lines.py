"""The page's Markdown read for lines: panels and blocks found in order, fences skipped, block mistakes named."""

from coursesite.source_lines import scan

from .test_build_widgets import QUIZ, expect_failure

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
