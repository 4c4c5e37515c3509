"""The review page gathers the lessons' quizzes and recall prompts, and knows
which lesson block each gathered copy stands for (its review card)."""

import html
import json
import re

import markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config

from coursesite import context
from coursesite.review import Lesson, card_keys, checks, expand, gather, lesson_keys
from tests.lesson_widgets import ROOT, pages

from .small_site import needs_npm_build, write_site  # noqa: F401 (an autouse fixture)

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
    assert text.startswith("## Every check, by lesson\n\n")
    assert "\n\n### [1. One](lessons/one.md)\n\n/// recall |" in text
    assert "Two" not in text


def test_expand_replaces_only_the_review_block():
    page = "# Review\n\nIntro.\n\n/// review\n///\n\nOutro.\n"
    expanded, found = expand(page, [Lesson("1. One", "lessons/one.md", LESSON_ONE, "lessons/one.md")])
    assert found
    cards = {"recall:review/1": "recall:lessons/one/1", "quiz:review/1": "quiz:lessons/one/first"}
    block = f"/// review\n    cards: {json.dumps(cards, sort_keys=True)}\n///"
    assert expanded.startswith(f"# Review\n\nIntro.\n\n{block}\n\n## Every check, by lesson\n\n")
    assert expanded.endswith("///\n\nOutro.\n")
    assert expanded.count("/// review") == 1
    untouched, found = expand("# Other\n", [])
    assert (untouched, found) == ("# Other\n", False)


def test_each_gathered_copy_knows_its_lesson_block():
    one = Lesson("1. One", "lessons/one.md", LESSON_ONE, "lessons/one.md")
    again = Lesson("2. Again", "lessons/again.md", LESSON_ONE.replace("id: first", "id: second"), "lessons/again.md")
    assert lesson_keys(one) == ["recall:lessons/one/1", "quiz:lessons/one/first"]
    assert card_keys([one, again], "review") == {
        "recall:review/1": "recall:lessons/one/1",
        "quiz:review/1": "quiz:lessons/one/first",
        "recall:review/2": "recall:lessons/again/1",
        "quiz:review/2": "quiz:lessons/again/second",
    }


def test_the_course_review_page_has_a_card_for_every_quiz_and_recall_prompt_of_the_lessons():
    lessons = [
        Lesson(src, src, (ROOT / "docs" / src).read_text(encoding="utf-8"), src)
        for src in sorted(pages())
        if src.startswith("lessons/")
    ]
    expected = sorted(
        w["key"]
        for src, widgets in pages().items()
        if src.startswith("lessons/")
        for w in widgets
        if w["kind"] in ("quiz", "recall")
    )
    assert sorted(card_keys(lessons, "review").values()) == expected  # the keys the lesson blocks really have


def test_a_built_review_page_names_its_cards_and_the_index_names_the_page(tmp_path):
    lesson = (
        "# One\n\n/// recall | Why?\nBecause.\n///\n\n"
        "/// quiz | Sum?\n    id: sum\n\n- [x] 2\n    Yes.\n- [ ] 3\n    No.\n///\n"
    )
    pages_ = {
        "index.md": "# Home\n\n/// review-due\n///\n",
        "lessons/one.md": lesson,
        "review.md": "# Review\n\n/// review\n///\n",
    }
    build(load_config(str(write_site(tmp_path, pages_))))
    site = tmp_path / "site"
    index = json.loads((site / "assets/course/progress.json").read_text())
    assert index["review"] == "review/"
    page = (site / "review/index.html").read_text()
    (data,) = re.findall(r'class="course-review__data"[^>]*data-json="([^"]*)"', page)
    assert json.loads(html.unescape(data))["cards"] == {
        "recall:review/1": "recall:lessons/one/1",
        "quiz:review/1": "quiz:lessons/one/sum",
    }
    assert '<h2 id="due-today">Due today' in page and '<h2 id="coming-up">Coming up' in page
    assert 'data-recall-key="recall:review/1"' in page and 'data-quiz-key="quiz:review/1"' in page
    assert 'class="course-review-due"' in (site / "index.html").read_text()


def render(text: str):
    page = context.begin("review.md")
    try:
        html_text = markdown.Markdown(extensions=["coursesite.blocks"]).convert(text)
    finally:
        context.end()
    return html_text, page.errors


def test_a_review_block_with_a_body_or_a_hand_written_cards_option_is_an_error_naming_the_page():
    _, errors = render("/// review\nSome text.\n///\n")
    assert errors == ["review.md: review block 1: the review block takes no body"]
    _, errors = render("/// review\n    cards: [1, 2]\n///\n")
    assert errors == ["review.md: review block 1: option 'cards': it is written by the course plugin: leave it out"]
    _, errors = render("/// review-due\n    when: today\n///\n")
    assert errors == ["review.md: review-due block 1: unknown option 'when'; it takes no options"]
    html_text, errors = render("/// review-due\n///\n")
    assert errors == [] and 'class="course-review-due"' in html_text
