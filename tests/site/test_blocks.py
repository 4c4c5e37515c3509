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
from coursesite.blocks.numbers import decimals_asked
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
