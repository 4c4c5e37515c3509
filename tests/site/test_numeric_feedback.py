"""How a numeric quiz judges a wrong number: the quiz is built from Markdown by the
block, and its data judged by the browser's own web/src/quiz/numeric.js, run in
Node (it has no DOM): the author's value first, then the wrong sign, then too few
decimals, else plain wrong."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_blocks import data, render, tree

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node to run web/src/quiz/numeric.js")

JUDGE = """
import { judge, parseNumber } from "./web/src/quiz/numeric.js";
const { quiz, answers } = JSON.parse(process.argv[1]);
const verdict = (text) => {
  const { value, decimals, error } = parseNumber(text, { fractions: quiz.fractions });
  if (error) return ["error"];
  const { kind, message, rounded } = judge(value, decimals, quiz);
  return [kind, message && message.replace(/^course-quiz-1-message-/, ""), rounded];
};
console.log(JSON.stringify(answers.map(verdict)));
"""


def judged(header: str, answers: list[str]) -> dict[str, list]:
    """Each answer's [kind, message (its suffix: "1", "sign") or None, rounded] for the quiz with this header."""
    html, page = render(f"/// quiz | Q?\n    type: numeric\n{header}\nWhy.\n///\n")
    assert page.errors == []
    quiz = data(tree(html), "course-quiz__data")
    argument = json.dumps({"quiz": quiz, "answers": answers})
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", JUDGE, argument], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return dict(zip(answers, json.loads(result.stdout)))


LOSS = """\
    answer: 0.693
    tolerance: 0.001
    feedback:
        -0.693: 'A loss is never negative.'
"""


def test_the_authors_value_comes_first_within_the_tolerance():
    verdicts = judged(LOSS, ["-0.693", "−0.693", "-0.6934", "-0.6925"])
    assert verdicts == {
        "-0.693": ["feedback", "1", False],
        "−0.693": ["feedback", "1", False],  # a typographic minus
        "-0.6934": ["feedback", "1", False],
        "-0.6925": ["feedback", "1", False],
    }


def test_an_answer_rounded_to_too_few_decimals_is_close_not_wrong():
    verdicts = judged(LOSS, ["0.693", "0.6934", "0.69", "0.7", "6.9e-1", "0.690", "0.68", "1", "0.0"])
    assert verdicts == {
        "0.693": ["right", None, False],
        "0.6934": ["right", None, False],
        "0.69": ["rounded", None, True],
        "0.7": ["rounded", None, True],
        "6.9e-1": ["rounded", None, True],  # 2 decimals, written otherwise
        "0.690": ["wrong", None, False],  # 3 decimals, and wrong
        "0.68": ["wrong", None, False],
        "1": ["wrong", None, False],  # a whole number is not "close" to 0.693
        "0.0": ["wrong", None, False],
    }


def test_the_authors_value_rounded_gets_its_message_and_a_word_about_decimals():
    assert judged(LOSS, ["-0.69", "-0.7"]) == {"-0.69": ["feedback", "1", True], "-0.7": ["feedback", "1", True]}


def test_the_right_size_with_the_wrong_sign_is_named_without_author_work():
    header = "    answer: -1\n    tolerance: 0.001\n"
    verdicts = judged(header, ["1", "1.0", "+1.0004", "-1", "2", "0"])
    assert verdicts == {
        "1": ["sign", None, False],
        "1.0": ["sign", None, False],
        "+1.0004": ["sign", None, False],
        "-1": ["right", None, False],
        "2": ["wrong", None, False],
        "0": ["wrong", None, False],
    }


def test_the_authors_wrong_sign_message_replaces_the_built_in_one_and_a_value_wins_over_it():
    header = """\
    answer: 0.378
    tolerance: 0.001
    feedback:
        0.622: 'That is sigma(0.5).'
        -0.378: 'Exactly this value.'
        wrong sign: 'A sigmoid is never negative.'
"""
    verdicts = judged(header, ["-0.378", "-0.3785", "-0.38", "0.62", "0.38", "0.622"])
    assert verdicts == {
        "-0.378": ["feedback", "2", False],  # the value's own message wins
        "-0.3785": ["feedback", "2", False],
        "-0.38": ["feedback", "2", True],
        "0.62": ["feedback", "1", True],
        "0.38": ["rounded", None, True],
        "0.622": ["feedback", "1", False],
    }
    assert judged(header.replace("        -0.378: 'Exactly this value.'\n", ""), ["-0.378", "-0.38"]) == {
        "-0.378": ["sign", "sign", False],
        "-0.38": ["sign", "sign", True],
    }


def test_with_tolerance_0_a_value_matches_exactly_as_the_answer_does():
    header = "    answer: 60\n    feedback:\n        55: 'The delivery charge is added once.'\n"
    verdicts = judged(header, ["55", "55.0", "55.001", "-60", "60.0", "60.4"])
    assert verdicts == {
        "55": ["feedback", "1", False],
        "55.0": ["feedback", "1", False],
        "55.001": ["wrong", None, False],
        "-60": ["sign", None, False],
        "60.0": ["right", None, False],
        "60.4": ["wrong", None, False],  # 60 has no decimals to give more of
    }


def test_an_answer_of_0_has_no_sign_and_fractions_no_decimals():
    assert judged("    answer: 0\n    tolerance: 0.001\n", ["-0", "-0.5"]) == {
        "-0": ["right", None, False],
        "-0.5": ["wrong", None, False],
    }
    header = "    answer: 0.25\n    tolerance: 0.001\n    fractions: true\n"
    assert judged(header, ["1/4", "-1/4", "1/3", "0.3"]) == {
        "1/4": ["right", None, False],
        "-1/4": ["sign", None, False],
        "1/3": ["wrong", None, False],
        "0.3": ["rounded", None, True],
    }
