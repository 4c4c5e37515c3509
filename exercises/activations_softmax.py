"""Exercises of lesson 3, "Activation functions": softmax (the other activations are in ``activations.py``)."""

from __future__ import annotations

import math

from coursekit import (
    CheckFailed,
    Exercise,
    LearnerError,
    brief,
    describe,
    expect,
    expect_close,
    expect_number,
    fail,
    vectors,
)

from ._rules import without_the_package


def _softmax(scores: list[float]) -> list[float]:
    largest = max(scores)
    exps = [math.exp(s - largest) for s in scores]
    return [e / sum(exps) for e in exps]


softmax_exercise = Exercise(
    id="softmax",
    title="Softmax: scores to probabilities",
    prompt=(
        "Write `softmax(scores)`: return a list with $e^{s_i} / \\sum_j e^{s_j}$ for every score $s_i$. "
        "It must also work for large scores such as `[1000, 1000]`, where `math.exp(1000)` overflows: "
        "subtract the largest score from every score first (this does not change the result). "
        "Write it with `math.exp`, without the `neuron` package."
    ),
    starter="""\
import math

def softmax(scores):
    probabilities = []
    # One per score: e^score / (the sum of e^s over all scores)
    return probabilities


print(softmax([2.0, 1.0, 0.1]))   # about [0.659, 0.2424, 0.0986]
print(softmax([1000, 1000]))      # [0.5, 0.5]
""",
    solution="""\
import math

def softmax(scores):
    largest = max(scores)
    # every exponent is <= 0, so math.exp cannot overflow
    exps = [math.exp(s - largest) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


print(softmax([2.0, 1.0, 0.1]))   # about [0.659, 0.2424, 0.0986]
print(softmax([1000, 1000]))      # [0.5, 0.5]
""",
    hints=[
        "First make a list of `math.exp(s)` for every score, then divide each of them by their sum.",
        "For large scores, compute `math.exp(s - max(scores))` instead: the common factor e^-max cancels "
        "between the top and the bottom of the fraction, and no exponent is larger than 0.",
    ],
    mistakes=[
        (
            "import math\ndef softmax(scores):\n    return [math.exp(s) for s in scores]\n",
            "divide each e^s by their total",
        ),
        (
            "def softmax(scores):\n    total = sum(scores)\n    return [s / total for s in scores]\n",
            "e to the power",
        ),
        (
            "import math\n"
            "def softmax(scores):\n"
            "    exps = [math.exp(s) for s in scores]\n"
            "    return [e / sum(exps) for e in exps]\n",
            "the largest score from every score",
        ),
        (
            "import math\n"
            "\n"
            "def softmax(scores):\n"
            "    exps = [math.exp(s) for s in scores]\n"
            "    return [e / sum(exps) for e in exps]\n"
            "\n"
            "\n"
            "print(softmax([2.0, 1.0, 0.1]))   # about [0.659, 0.2424, 0.0986]\n"
            "print(softmax([1000, 1000]))      # [0.5, 0.5]\n",
            "Subtract the largest score from every score before math.exp",
        ),
        (
            "import math\n"
            "def softmax(scores):\n"
            "    exps = [math.exp(s - min(scores)) for s in scores]\n"
            "    return [e / sum(exps) for e in exps]\n",
            "You subtracted min(scores)",
        ),
        (
            "import math\n"
            "def softmax(scores):\n"
            "    exps = [math.exp(s) for s in scores]\n"
            "    return [e / max(exps) for e in exps]\n",
            "which adds up to",
        ),
        (
            "from neuron import softmax\n",
            "imports the `neuron` package",
        ),
    ],
)


def _probabilities(result: object, scores: list[float]) -> list[float]:
    """The learner's result as a list of numbers, one per score, or a failure saying what it is."""
    if not isinstance(result, (list, tuple)):
        fail(f"softmax({brief(scores)}) should return a list of probabilities, but it returned {describe(result)}.")
    if len(result) != len(scores):
        fail(
            f"softmax({brief(scores)}) should return one probability per score ({len(scores)}), but it returned "
            f"{brief(result)}."
        )
    return [expect_number(p, f"each probability of softmax({brief(scores)})") for p in result]


@softmax_exercise.check("softmax([2.0, 1.0, 0.1]) gives about [0.659, 0.2424, 0.0986]")
def lesson_example(learner):
    softmax = learner.function("softmax", "scores")
    scores = [2.0, 1.0, 0.1]
    got = _probabilities(softmax(scores), scores)
    expected = _softmax(scores)
    if all(math.isclose(g, math.exp(s), rel_tol=1e-6) for g, s in zip(got, scores)):
        fail(
            f"you returned e^s for each score, {brief([round(g, 4) for g in got])}: now divide each e^s by "
            "their total, so they add up to 1."
        )
    if all(math.isclose(g, s / sum(scores), rel_tol=1e-6) for g, s in zip(got, scores)):
        fail(
            "you divided each score by the sum of the scores: first take e to the power of each score "
            "(math.exp), then divide by the sum of those."
        )
    expect(
        math.isclose(sum(got), 1.0, rel_tol=1e-6),
        f"softmax([2.0, 1.0, 0.1]) gave {brief([round(g, 4) for g in got])}, which adds up to {sum(got):.4g}, not 1: "
        "divide each e^s by the total of those same e^s values.",
    )
    for g, e in zip(got, expected):
        expect_close(
            g,
            e,
            f"softmax([2.0, 1.0, 0.1]) should be about {brief([round(v, 4) for v in expected])}, but yours "
            f"gives {brief(got)}.",
        )


@softmax_exercise.check("written with math.exp, without the neuron package")
def with_math_exp(learner):
    without_the_package(learner, "compute e^s with `math.exp` and divide by their total")


@softmax_exercise.check("the probabilities are positive and add up to 1, for many lists of scores")
def adds_up_to_one(learner):
    softmax = learner.function("softmax", "scores")
    for scores in [s for s in vectors(4) if max(map(abs, s)) <= 50] + [[0.0], [-3.0, 4.0]]:
        got = _probabilities(softmax(scores), scores)
        expect(
            all(p >= 0 for p in got), f"softmax({brief(scores)}) gave {brief(got)}: a probability is never negative."
        )
        expect_close(sum(got), 1.0, f"softmax({brief(scores)}) gave {brief(got)}, which adds up to {{actual}}, not 1.")
        for g, e in zip(got, _softmax(scores)):
            expect_close(
                g,
                e,
                f"softmax({brief(scores)}) should be {brief([round(v, 4) for v in _softmax(scores)])}, but "
                f"yours gives {brief(got)}.",
            )


@softmax_exercise.check("works for large scores such as [1000, 1000] (no overflow)")
def large_scores(learner):
    softmax = learner.function("softmax", "scores")
    for scores in ([1000.0, 1000.0], [1000.0, 999.0, -5.0], [-1000.0, 0.0]):
        try:
            got = _probabilities(softmax(scores), scores)
        except LearnerError as error:
            took_min = " You subtracted min(scores): take the largest, max(scores)." if learner.calls("min") else ""
            raise CheckFailed(
                f"softmax({brief(scores)}) raised {error.message.split(' raised ')[-1].split(':')[0]}, because e to "
                "the power of a score near 1000 is too large for a float. Subtract the largest score from every "
                "score before math.exp, "
                f"so that no exponent is above 0 (the result stays the same).{took_min}",
                error.details,
            ) from None
        for g, e in zip(got, _softmax(scores)):
            expect_close(
                g,
                e,
                f"softmax({brief(scores)}) should be {brief([round(v, 4) for v in _softmax(scores)])}, but "
                f"yours gives {brief(got)}.",
            )
