"""The course's blocks: Markdown in, widget markup out (a tree, author text
escaped, inline Markdown rendered by the page's own extensions), and every
kind of author mistake named with the page."""

from __future__ import annotations

import json
import textwrap
import xml.etree.ElementTree as ElementTree

import markdown
import pytest
from markdown.serializers import to_xhtml_string

from coursekit import exercises
from coursesite import context
from coursesite.blocks.quiz import decimals_asked
from coursesite.markup import data_script, digest

EXTENSIONS = ["coursesite.blocks", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.arithmatex", "attr_list"]
CONFIGS = {"pymdownx.arithmatex": {"generic": True}}

CHOICE = """\
/// quiz | What does a neuron compute before its *activation*?
    type: single
    shuffle: true
    id: before-activation

- [x] The weighted sum of its inputs plus the bias, $z = w \\cdot x + b$
    Right: the products are summed and the bias is added;
    only then is the `activation` applied.
- [ ] The activation of each input separately
    No: the activation is applied once, to z, not to each input.
- [ ] The bias times each weight, if 1 < 2 & more
    No: the bias is added once, it does not multiply anything.
///
"""

NUMERIC = """\
/// quiz | A ReLU neuron has weights [0.5, -1.0] and bias 1.0. What does it output for inputs [2, 3]?
    type: numeric
    answer: 0
    tolerance: 0.001
    fractions: true

z = 2·0.5 + 3·(−1) + 1 = −1, and ReLU turns any negative z into 0.
///
"""

RECALL = """\
/// recall | Close your eyes: what three operations does a neuron perform, in order?
Multiply each input by its weight; add the products and the bias; apply the **activation** function.
///
"""


def render(text: str, src_uri: str = "lessons/demo.md"):
    page = context.begin(src_uri)
    try:
        html = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(textwrap.dedent(text))
    finally:
        context.end()
    return html, page


def tree(html: str) -> ElementTree.Element:
    return ElementTree.fromstring(f"<root>{html}</root>")


def data(root: ElementTree.Element, selector: str) -> dict:
    (holder,) = [e for e in root.iter() if e.get("class") == selector]
    assert holder.tag != "script"  # instant navigation re-creates scripts without their type and class
    assert holder.get("hidden") is not None and not holder.text and not len(holder)
    return json.loads(holder.get("data-json"))


def by_class(root, class_name):
    return [e for e in root.iter() if class_name in (e.get("class") or "").split()]


def test_a_choice_quiz_is_a_fieldset_with_labelled_inputs_and_hidden_explanations():
    html, page = render(CHOICE)
    assert page.errors == []
    root = tree(html)
    (quiz,) = by_class(root, "course-quiz")
    assert quiz.get("data-quiz-key") == "quiz:lessons/demo/before-activation"
    assert quiz.get("data-quiz-type") == "single"
    legend = quiz.find("fieldset/legend")
    assert "".join(legend.itertext()) == "What does a neuron compute before its activation?"
    assert legend.find("em").text == "activation"  # inline Markdown rendered
    options = by_class(quiz, "course-quiz__option")
    assert len(options) == 3
    for index, option in enumerate(options):
        control = option.find("label/input")
        assert control.get("type") == "radio" and control.get("value") == str(index)
        explanation = option.find("div")
        assert explanation.get("hidden") is not None
        assert explanation.get("id") == f"course-quiz-1-why-{index}"
    first = options[0]
    assert first.find("label/span/span").get("class") == "arithmatex"  # $maths$ for KaTeX
    assert first.find("div/code").text == "activation"
    assert "".join(first.find("div").itertext()).endswith("only then is the activation applied.")  # lines joined
    assert "if 1 &lt; 2 &amp; more" in html  # author text escaped
    assert data(quiz, "course-quiz__data") == {
        "key": "quiz:lessons/demo/before-activation",
        "type": "single",
        "version": quiz.get("data-version"),
        "shuffle": True,
        "correct": [0],
    }


def test_a_multiple_choice_quiz_uses_checkboxes_and_says_so():
    html, page = render(
        "/// quiz | Which?\n    type: multiple\n\n- [x] a\n    yes\n- [X] b\n    yes\n- [ ] c\n    no\n///\n"
    )
    assert page.errors == []
    quiz = by_class(tree(html), "course-quiz")[0]
    assert {i.get("type") for i in quiz.iter("input")} == {"checkbox"}
    assert by_class(quiz, "course-quiz__instructions")[0].text == "Choose every correct answer."
    assert data(quiz, "course-quiz__data")["correct"] == [0, 1]
    assert data(quiz, "course-quiz__data")["shuffle"] is False


def test_a_numeric_quiz_has_a_labelled_text_input_and_its_explanation():
    html, page = render(NUMERIC)
    assert page.errors == []
    quiz = by_class(tree(html), "course-quiz")[0]
    assert quiz.get("data-quiz-type") == "numeric"
    (field,) = quiz.iter("input")
    (label,) = quiz.iter("label")
    assert label.get("for") == field.get("id") and label.text == "Your answer"
    assert field.get("type") == "text"
    why = by_class(quiz, "course-quiz__explanation")[0]
    assert why.get("hidden") is not None and "ReLU turns any negative z into 0" in "".join(why.itertext())
    payload = data(quiz, "course-quiz__data")
    assert (payload["answer"], payload["tolerance"], payload["fractions"]) == (0.0, 0.001, True)
    assert page.widgets[0]["key"] == "quiz:lessons/demo/1"


@pytest.mark.parametrize(
    "answer, value", [("0.5", 0.5), (".5", 0.5), ("-1", -1.0), ("1e-3", 0.001), ("1/2", 0.5), ("'−2'", -2.0)]
)
def test_numeric_answers_may_be_written_in_reasonable_formats(answer, value):
    html, page = render(f"/// quiz | Q?\n    type: numeric\n    answer: {answer}\n\nWhy.\n///\n")
    assert page.errors == []
    assert data(tree(html), "course-quiz__data")["answer"] == value


FEEDBACK = """\
/// quiz | A sigmoid neuron says $\\hat y = 0.5$ for a label $y = 1$. What is its loss, to 3 decimals?
    type: numeric
    answer: 0.693
    tolerance: 0.001
    feedback:
        -0.693: 'A loss is never *negative*: mind the minus in front of $\\log \\hat y$.'
        0.301: 'That is `math.log10(2)`: the loss uses the natural log, 1 < 2 & more.'
        wrong sign: 'Check the sign.'

$-\\log 0.5 \\approx 0.693$.
///
"""


def test_feedback_messages_are_hidden_inline_markdown_and_their_values_are_data():
    html, page = render(FEEDBACK)
    assert page.errors == []
    quiz = by_class(tree(html), "course-quiz")[0]
    (box,) = by_class(quiz, "course-quiz__messages")
    assert box.get("hidden") is not None
    first, second, sign = by_class(box, "course-quiz__message")
    assert [m.get("id") for m in (first, second, sign)] == [
        "course-quiz-1-message-1",
        "course-quiz-1-message-2",
        "course-quiz-1-message-sign",
    ]
    assert first.find("em").text == "negative"  # rendered as the explanations are
    assert first.find("span").get("class") == "arithmatex"
    assert second.find("code").text == "math.log10(2)"
    assert "1 &lt; 2 &amp; more" in html  # author text escaped
    assert "".join(sign.itertext()) == "Check the sign."
    payload = data(quiz, "course-quiz__data")
    assert payload["decimals"] == 3
    assert payload["feedback"] == [
        {"value": -0.693, "decimals": 3, "message": "course-quiz-1-message-1"},
        {"value": 0.301, "decimals": 3, "message": "course-quiz-1-message-2"},
    ]
    assert payload["sign"] == "course-quiz-1-message-sign"
    assert "never" not in json.dumps(payload)  # the messages are in the markup, not in the data
    widget = page.widgets[0]
    assert widget["feedback"][0] == {
        "value": -0.693,
        "message": "A loss is never *negative*: mind the minus in front of $\\log \\hat y$.",
    }
    assert widget["sign"] == "Check the sign." and widget["decimals"] == 3


def test_a_numeric_quiz_without_feedback_has_no_messages_and_keeps_its_version():
    html, page = render(NUMERIC)
    quiz = by_class(tree(html), "course-quiz")[0]
    assert not by_class(quiz, "course-quiz__messages")
    payload = data(quiz, "course-quiz__data")
    assert (payload["feedback"], payload["sign"], payload["decimals"]) == ([], None, 0)
    question = page.widgets[0]["question"]
    assert payload["version"] == digest(question, 0.0, 0.001, True)  # as before feedback existed: saved answers count


def test_feedback_is_part_of_the_version():
    _, first = render(FEEDBACK)
    _, second = render(FEEDBACK.replace("Check the sign.", "Check the sign of the log."))
    _, third = render(FEEDBACK.replace("0.301:", "0.302:"))
    versions = {page.widgets[0]["version"] for page in (first, second, third)}
    assert len(versions) == 3


@pytest.mark.parametrize(
    "answer, tolerance, asked",
    [
        (0.693, 0.001, 3),
        (0.6931, 0.001, 3),
        (1.6, 0.001, 1),
        (60, 0.001, 0),
        (0.5, 0, 1),
        (2 / 3, 0.001, 3),
        (0.378, 0.01, 2),
        (0.378, 0.05, 1),
        (0.378, 0.5, 0),
        (1e-05, 0, 5),
        (2 / 3, 0, None),
    ],
)
def test_the_decimals_an_answer_needs_are_as_written_but_no_more_than_the_tolerance_asks(answer, tolerance, asked):
    assert decimals_asked(answer, tolerance) == asked


def test_a_recall_prompt_has_a_textarea_and_a_hidden_model_answer():
    html, page = render(RECALL)
    assert page.errors == []
    recall = by_class(tree(html), "course-recall")[0]
    assert recall.get("role") == "group"
    prompt = by_class(recall, "course-recall__prompt")[0]
    assert recall.get("aria-labelledby") == prompt.get("id")
    (textarea,) = recall.iter("textarea")
    assert by_class(recall, "course-recall__label")[0].get("for") == textarea.get("id")
    answer = by_class(recall, "course-recall__answer")[0]
    assert answer.get("hidden") is not None
    assert answer.find("p/strong").text == "activation"
    assert recall.get("data-recall-key") == "recall:lessons/demo/1"


def test_an_exercise_gets_its_public_parts_and_never_its_checks():
    exercise = exercises.get("relu-neuron")
    html, page = render("/// exercise | relu-neuron\n///\n")
    assert page.errors == []
    section = by_class(tree(html), "course-exercise")[0]
    assert section.tag == "section" and section.get("data-exercise-id") == "relu-neuron"
    assert section.get("data-version") == exercise.version
    panel = by_class(section, "course-exercise__panel")[0]
    assert panel.get("data-panel-id") == "exercise/relu-neuron"
    assert panel.find("pre/code").text == exercise.starter.rstrip("\n") + "\n"  # plain, not highlighted
    assert data(section, "course-exercise__data") == exercise.public()
    hints = by_class(section, "course-exercise__hint")
    assert len(hints) == len(exercise.hints) and all(h.get("hidden") is not None for h in hints)
    assert by_class(section, "course-exercise__prompt")[0].find("p/code") is not None
    assert "expect_close" not in html and "def lesson_example" not in html
    assert page.widgets == [
        {
            "kind": "exercise",
            "number": 1,
            "id": "relu-neuron",
            "key": "exercise:relu-neuron",
            "version": exercise.version,
            "title": exercise.title,
        }
    ]


def test_text_in_the_data_cannot_end_its_attribute():
    hostile = {"text": "\"'></div><script>alert(1)</script>&amp; </script>"}
    parent = ElementTree.Element("section")
    data_script(parent, hostile, "course-demo__data")
    html = to_xhtml_string(parent)
    assert "<script" not in html and html.count("<") == 4  # <section><div></div></section>, nothing else
    assert data(tree(html), "course-demo__data") == hostile


def test_keys_use_the_page_path_and_the_id_or_the_position_among_blocks_without_one():
    unnamed = CHOICE.replace("    id: before-activation\n", "")
    _, page = render(CHOICE + "\n" + unnamed + "\n" + RECALL, src_uri="lessons/index.md")
    keys = [w["key"] for w in page.widgets]
    assert keys == ["quiz:lessons/before-activation", "quiz:lessons/1", "recall:lessons/1"]


def test_adding_a_quiz_with_an_id_keeps_the_keys_of_the_others():
    # A lesson gains a quiz: the answers learners gave to the others stay theirs.
    unnamed = CHOICE.replace("    id: before-activation\n", "")
    _, before = render(unnamed + "\n" + unnamed + "\n" + RECALL)
    _, after = render(unnamed + "\n" + CHOICE + "\n" + unnamed + "\n" + RECALL)
    keys = [w["key"] for w in after.widgets]
    assert keys == [
        "quiz:lessons/demo/1",
        "quiz:lessons/demo/before-activation",
        "quiz:lessons/demo/2",
        "recall:lessons/demo/1",
    ]
    assert [w["key"] for w in before.widgets] == [keys[0], keys[2], keys[3]]


def test_the_version_changes_when_the_quiz_does():
    _, first = render(CHOICE)
    _, second = render(
        CHOICE.replace("[x] The weighted", "[ ] The weighted").replace("[ ] The activation", "[x] The activation")
    )
    assert first.widgets[0]["version"] != second.widgets[0]["version"]


def test_a_progress_block():
    html, page = render("/// progress\n///\n")
    assert by_class(tree(html), "course-progress") and page.widgets == [{"kind": "progress", "number": 1}]


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
