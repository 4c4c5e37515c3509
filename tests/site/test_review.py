"""The review page gathers the lessons' quizzes and recall prompts."""

from coursesite.review import Lesson, checks, expand, gather

LESSON_ONE = """# One

Text.

/// recall | What three operations, in order?
Multiply; add; activate. See [lesson 2](two.md#bias) and [the docs](https://example.org/x).
///

```panel expect="1"
print(1)
```

/// quiz | Which comes first?
    type: single
    id: first

- [x] The weighted sum
    Right.
- [ ] The activation
    No.
///
"""

LESSON_TWO = "# Two\n\nNo checks here.\n"


def test_checks_are_taken_in_order_without_their_ids():
    found = checks(LESSON_ONE)
    assert [block.splitlines()[0] for block in found] == [
        "/// recall | What three operations, in order?",
        "/// quiz | Which comes first?",
    ]
    assert "id: first" not in found[1]
    assert "    type: single" in found[1]
    assert all(block.endswith("///") for block in found)
    assert "panel" not in "".join(found)


def test_relative_links_are_rebased_to_the_review_page():
    (recall, _) = checks(LESSON_ONE, "lessons")
    assert "[lesson 2](lessons/two.md#bias)" in recall
    assert "[the docs](https://example.org/x)" in recall


def test_gather_links_each_lesson_and_skips_lessons_without_checks():
    text = gather([Lesson("1. One", "lessons/one.md", LESSON_ONE), Lesson("2. Two", "lessons/two.md", LESSON_TWO)])
    assert text.startswith("## [1. One](lessons/one.md)\n\n/// recall |")
    assert "Two" not in text


def test_expand_replaces_only_the_review_block():
    page = "# Review\n\nIntro.\n\n/// review\n///\n\nOutro.\n"
    expanded, found = expand(page, [Lesson("1. One", "lessons/one.md", LESSON_ONE)])
    assert found
    assert expanded.startswith("# Review\n\nIntro.\n\n## [1. One]")
    assert expanded.endswith("///\n\nOutro.\n")
    assert "/// review" not in expanded
    untouched, found = expand("# Other\n", [])
    assert (untouched, found) == ("# Other\n", False)
