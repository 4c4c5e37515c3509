"""Author mistakes in a lesson's blocks (quizzes, recall prompts, exercises): each one an error
naming the page, shown in the page as a box in place of the block; and what is not a mistake."""

from __future__ import annotations

import pytest

from .test_blocks import CHOICE, RECALL, by_class, render, tree


def with_feedback(*lines: str) -> str:
    """A numeric quiz (answer 0.693, tolerance 0.001) with these lines under `feedback:`."""
    indented = "".join(f"        {line}\n" for line in lines)
    header = "    type: numeric\n    answer: 0.693\n    tolerance: 0.001\n    feedback:\n"
    return f"/// quiz | Q?\n{header}{indented}\nWhy.\n///\n"


@pytest.mark.parametrize(
    "text, message",
    [
        ("/// quiz | Q?\n\n- [ ] a\n    no\n- [ ] b\n    no\n///\n", "quiz 1 ('Q?'): no option is marked correct"),
        (
            "/// quiz | Q?\n\n- [x] a\n    yes\n- [x] b\n    yes\n///\n",
            "2 options are marked correct: a quiz with more than one right answer needs `type: multiple`",
        ),
        ("/// quiz | Q?\n\n- [x] a\n- [ ] b\n    no\n///\n", "option 'a' has no explanation"),
        ("/// quiz | Q?\n\n- [x] a\n    yes\n///\n", "a quiz needs at least two options, this one has 1"),
        ("/// quiz | Q?\n\n- [x] a\n    yes\n-[ ] b\n    no\n///\n", "malformed option '-[ ] b'"),
        ("/// quiz | Q?\n\n* [x] a\n    yes\n- [ ] b\n    no\n///\n", "malformed option '* [x] a'"),
        ("/// quiz | Q?\n    colour: red\n\n- [x] a\n    yes\n- [ ] b\n    no\n///\n", "unknown option 'colour'"),
        ("/// quiz | Q?\n    type: essay\n\n- [x] a\n    yes\n- [ ] b\n    no\n///\n", "'essay' is not a quiz type"),
        (
            "/// quiz | Q?\n    shuffle: maybe\n\n- [x] a\n    yes\n- [ ] b\n    no\n///\n",
            "option 'shuffle': use true or false",
        ),
        (
            "/// quiz | Q?\n    answer: 3\n\n- [x] a\n    yes\n- [ ] b\n    no\n///\n",
            "option 'answer' does not apply to choice quizzes",
        ),
        ("/// quiz\n\n- [x] a\n    yes\n- [ ] b\n    no\n///\n", "the question is empty"),
        (
            "/// quiz | Q?\n    id: Not OK\n\n- [x] a\n    yes\n- [ ] b\n    no\n///\n",
            "option 'id': 'Not OK' must use only lowercase",
        ),
        ("/// quiz | Q?\n    type: numeric\n\nWhy.\n///\n", "a numeric quiz needs `answer: <number>`"),
        (
            "/// quiz | Q?\n    type: numeric\n    answer: lots\n\nWhy.\n///\n",
            "option 'answer': 'lots' is not a number",
        ),
        (
            "/// quiz | Q?\n    type: numeric\n    answer: 1\n    tolerance: -1\n\nWhy.\n///\n",
            "the tolerance cannot be negative",
        ),
        (
            "/// quiz | Q?\n    type: numeric\n    answer: 1\n    shuffle: true\n\nWhy.\n///\n",
            "option 'shuffle' does not apply to numeric quizzes",
        ),
        ("/// quiz | Q?\n    type: numeric\n    answer: 1\n///\n", "a numeric quiz needs an explanation"),
        (
            "/// quiz | Q?\n    type: numeric\n    answer: 1\n    feedback: 'Check the sign'\n\nWhy.\n///\n",
            "quiz 1 ('Q?'): option 'feedback': write one wrong answer and its message per line",
        ),
        (
            "/// quiz | Q?\n    type: numeric\n    answer: 1\n    feedback:\n\nWhy.\n///\n",
            "option 'feedback': write one wrong answer and its message per line",
        ),
        (
            with_feedback("lots: 'No.'"),
            "quiz 1 ('Q?'): the feedback for 'lots': 'lots' is not a number (nor `wrong sign`)",
        ),
        (
            with_feedback("0.693: 'No.'"),
            "quiz 1 ('Q?'): the feedback for 0.693 is for the right answer: 0.693 is within the tolerance (0.001)",
        ),
        (
            with_feedback("0.6935: 'No.'"),
            "the feedback for 0.6935 is for the right answer",
        ),
        (
            "/// quiz | Q?\n    type: numeric\n    answer: 60\n    feedback:\n        60.0: 'No.'\n\nWhy.\n///\n",
            "the feedback for 60.0 is for the right answer: 60.0 is the answer itself",
        ),
        (
            with_feedback("-0.693: ''"),
            "quiz 1 ('Q?'): the feedback for -0.693 has no message",
        ),
        (
            with_feedback("-0.693:"),
            "the feedback for -0.693 has no message",
        ),
        (
            with_feedback("wrong sign: '  '"),
            "the feedback for `wrong sign` has no message",
        ),
        (
            with_feedback("-0.693: yes"),
            "the feedback for -0.693 must be text, and YAML read it as True: put it in single quotes",
        ),
        (
            with_feedback("0.5: 'a'", "'1/2': 'b'"),
            "the feedback for 0.5 and for 1/2 overlap: 1/2 is the same number as 0.5",
        ),
        (
            with_feedback("0.5: 'a'", "0.5015: 'b'"),
            "the feedback for 0.5 and for 0.5015 overlap: 0.5015 is within twice the tolerance (0.001) of 0.5",
        ),
        (
            "/// quiz | Q?\n    type: numeric\n    answer: 0\n    feedback:\n        wrong sign: 'No.'\n\nWhy.\n///\n",
            "the feedback for `wrong sign` can never be given: the answer is 0, which has no sign",
        ),
        (
            "/// quiz | Q?\n    feedback:\n        1: 'No.'\n\n- [x] a\n    yes\n- [ ] b\n    no\n///\n",
            "option 'feedback' does not apply to choice quizzes",
        ),
        (
            with_feedback("-0.693: A loss: never negative"),
            "a `/// quiz` block could not be read",  # unquoted, YAML stops at ": "
        ),
        ("/// recall | Q?\n///\n", "recall prompt 1 ('Q?'): the model answer is empty"),
        ("/// recall\nAnswer.\n///\n", "the prompt is empty"),
        (
            "/// exercise | no-such-exercise\n///\n",
            "exercise 1 ('no-such-exercise'): there is no exercise 'no-such-exercise'",
        ),
        ("/// exercise\n///\n", "name the exercise"),
        ("/// exercise | relu-neuron\nSome text.\n///\n", "an exercise block has no body"),
        (
            "/// exercise | relu-neuron\n///\n\n/// exercise | relu-neuron\n///\n",
            "exercise 'relu-neuron' is on this page twice",
        ),
        ("/// quiz | Q?\n    type: [unclosed\n\n- [x] a\n    yes\n///\n", "a `/// quiz` block could not be read"),
    ],
)
def test_author_mistakes_are_errors_naming_the_page(text, message):
    html, page = render(text)
    assert page.errors, "expected an error"
    assert all(error.startswith("lessons/demo.md: ") for error in page.errors)
    assert any(message in error for error in page.errors), page.errors
    assert "course-quiz__data" not in html and "course-exercise__data" not in html.split("</section>")[-1]


def test_a_mistake_shows_an_error_box_in_place_of_the_quiz():
    html, _ = render("/// quiz | Q?\n\n- [ ] a\n    no\n- [ ] b\n    no\n///\n")
    box = by_class(tree(html), "course-author-error")[0]
    assert box.get("role") == "alert"
    assert box.find("p").text == "This quiz has a mistake"
    assert not by_class(tree(html), "course-quiz")


def test_the_syntax_shown_in_a_code_block_is_not_a_block_or_an_error():
    html, page = render("```markdown\n/// quiz | Q?\n- [ ] a\n///\n```\n\nText with `/// quiz` in code.\n")
    assert page.errors == [] and "course-quiz" not in html


def test_an_option_with_maths_gets_a_plain_text_name():
    html, _ = render("/// quiz | Q?\n\n- [x] $\\mathrm{ReLU}(3.5) = 3.5$\n    yes\n- [ ] plain `code`\n    no\n///\n")
    first, second = tree(html).iter("input")
    assert first.get("aria-label") == "ReLU(3.5) = 3.5"
    assert second.get("aria-label") is None  # its <label> text names it


def test_a_block_id_used_twice_or_made_of_digits_is_a_mistake():
    twice = CHOICE + "\n" + CHOICE
    _, page = render(twice)
    assert len(page.errors) == 1 and page.errors[0].startswith("lessons/demo.md: quiz 2 (")
    assert page.errors[0].endswith("id 'before-activation' is used by another quiz on this page")
    _, page = render(CHOICE.replace("id: before-activation", "id: 2"))
    assert len(page.errors) == 1 and "id '2' is a number" in page.errors[0]
    _, page = render(CHOICE + "\n" + RECALL.replace("in order?\n", "in order?\n    id: before-activation\n"))
    assert page.errors == []  # a recall prompt may share a quiz's id: their keys differ
