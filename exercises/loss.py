"""Exercises of lesson 5, "Loss: how wrong is the neuron?".

``binary-cross-entropy``: write BCE = -(1/N) · sum[y log ŷ + (1 - y) log(1 - ŷ)]
from its formula, in plain Python.
"""

from __future__ import annotations

import math
import random

from coursekit import Exercise, expect, expect_close, expect_number, fail

from ._rules import without_the_package


def _bce(y_true: list[float], y_pred: list[float]) -> float:
    """The reference: the mean over the examples of -[y log p + (1 - y) log(1 - p)]."""
    costs = [-(y * math.log(p) + (1 - y) * math.log(1 - p)) for y, p in zip(y_true, y_pred)]
    return sum(costs) / len(costs)


def _cases(count: int = 30, seed: int = 5) -> list[tuple[list[int], list[float]]]:
    """Datasets of 1 to 6 examples with labels 0 or 1 and predictions between 0.01 and 0.99."""
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        size = rng.randint(1, 6)
        labels = [rng.choice([0, 1]) for _ in range(size)]
        predictions = [round(rng.uniform(0.01, 0.99), 3) for _ in range(size)]
        cases.append((labels, predictions))
    return cases


binary_cross_entropy = Exercise(
    id="binary-cross-entropy",
    title="Binary cross-entropy from its formula",
    prompt=(
        "Write `binary_cross_entropy(y_true, y_pred)`: for each example, the cost is "
        "$-\\log \\hat y$ when the label $y$ is 1 and $-\\log(1 - \\hat y)$ when it is 0; "
        "return the **mean** of the costs. Use `math.log` (the natural logarithm), not the "
        "`neuron` package. All predictions are strictly between 0 and 1."
    ),
    starter='''\
import math


def binary_cross_entropy(y_true, y_pred):
    """Mean of -[y·log(ŷ) + (1 - y)·log(1 - ŷ)] over the examples."""
    total = 0.0
    # For each label y and prediction p, add that example's cost.
    return total


# The lesson's four e-mails: about 0.3375
print(binary_cross_entropy([1, 0, 1, 0], [0.9, 0.2, 0.6, 0.4]))
''',
    solution='''\
import math


def binary_cross_entropy(y_true, y_pred):
    """Mean of -[y·log(ŷ) + (1 - y)·log(1 - ŷ)] over the examples."""
    total = 0.0
    for y, p in zip(y_true, y_pred):
        total += -(y * math.log(p) + (1 - y) * math.log(1 - p))
    return total / len(y_true)


# The lesson's four e-mails: about 0.3375
print(binary_cross_entropy([1, 0, 1, 0], [0.9, 0.2, 0.6, 0.4]))
''',
    hints=[
        "Loop over `zip(y_true, y_pred)`. For a label 1 the cost is `-math.log(p)`; for a label 0 it is "
        "`-math.log(1 - p)`. The formula `-(y * math.log(p) + (1 - y) * math.log(1 - p))` covers both cases.",
        "The loss is a mean: after the loop, divide the total by the number of examples, `len(y_true)`.",
        "Check the sign: a probability is below 1, so its log is negative; the minus sign makes every cost positive.",
    ],
    mistakes=[
        (
            "import math\n"
            "def binary_cross_entropy(y_true, y_pred):\n"
            "    total = sum(y * math.log(p) + (1 - y) * math.log(1 - p) for y, p in zip(y_true, y_pred))\n"
            "    return total / len(y_true)\n",
            "minus sign",
        ),
        (
            "import math\n"
            "def binary_cross_entropy(y_true, y_pred):\n"
            "    return -sum(y * math.log(p) + (1 - y) * math.log(1 - p) for y, p in zip(y_true, y_pred))\n",
            "divide by the number of examples",
        ),
        (
            "import math\n"
            "def binary_cross_entropy(y_true, y_pred):\n"
            "    return -sum(y * math.log(p) for y, p in zip(y_true, y_pred)) / len(y_true)\n",
            "log(1 - ŷ)",
        ),
        (
            "import math\n"
            "def binary_cross_entropy(y_true, y_pred):\n"
            "    total = sum(y * math.log10(p) + (1 - y) * math.log10(1 - p) for y, p in zip(y_true, y_pred))\n"
            "    return -total / len(y_true)\n",
            "natural logarithm",
        ),
        (
            "import math\n"
            "def binary_cross_entropy(y_true, y_pred):\n"
            "    total = 0.0\n"
            "    for y, p in zip(y_true, y_pred):\n"
            "        total += -y * math.log(p) + (1 - y) * math.log(1 - p)\n"
            "    return total / len(y_true)\n",
            "your minus sign covers only the first term",
        ),
        (
            "import math\n"
            "def binary_cross_entropy(y_true, y_pred):\n"
            "    total = 0.0\n"
            "    for y, p in zip(y_true, y_pred):\n"
            "        total += -(y * math.log(1 - p) + (1 - y) * math.log(p))\n"
            "    return total / len(y_true)\n",
            "as if the label were 1",
        ),
        (
            "import math\n"
            "def binary_cross_entropy(y_true, y_pred):\n"
            "    total = 0.0\n"
            "    for y, p in zip(y_true, y_pred):\n"
            "        total += -(y * math.log(p) + (1 - y) * math.log(1 - p))\n"
            "        return total / len(y_true)\n",
            "is `return` inside the loop?",
        ),
        (
            "from neuron import binary_cross_entropy\n",
            "imports the `neuron` package",
        ),
    ],
)


def _function(learner):
    return learner.function("binary_cross_entropy", "y_true", "y_pred")


@binary_cross_entropy.check("is a cost: never negative")
def is_positive(learner):
    bce = _function(learner)
    actual = expect_number(bce([1], [0.5]), "your binary_cross_entropy([1], [0.5])")
    expect(
        actual != 0,
        "binary_cross_entropy([1], [0.5]) gave 0.0, but a prediction of 0.5 for a label 1 is not perfect: "
        "it should cost -log(0.5) ≈ 0.6931. Add up each example's cost, then divide by the number of examples.",
    )
    expect(
        actual > 0,
        f"binary_cross_entropy([1], [0.5]) gave {actual:.4f}, a negative loss. The log of a probability is "
        "negative, so the formula has a minus sign in front: -(y·log(ŷ) + (1 - y)·log(1 - ŷ)).",
    )


@binary_cross_entropy.check("written with math.log, without the neuron package")
def with_math_log(learner):
    without_the_package(learner, "add up each example's cost with `math.log`, then take the mean")


@binary_cross_entropy.check("charges -log(ŷ) for a label 1, with the natural logarithm")
def label_one(learner):
    bce = _function(learner)
    actual = expect_number(bce([1], [0.5]), "your binary_cross_entropy([1], [0.5])")
    expected = math.log(2)
    if math.isclose(abs(actual), math.log10(2), rel_tol=1e-6):
        fail(
            f"binary_cross_entropy([1], [0.5]) gave {actual:.4f}, which is log10(2): use the natural "
            "logarithm, math.log, not math.log10. The expected value is -ln(0.5) ≈ 0.6931."
        )
    if math.isclose(abs(actual), 1.0, rel_tol=1e-6):
        fail(
            f"binary_cross_entropy([1], [0.5]) gave {actual:.4f}, which is log2(2): use the natural "
            "logarithm, math.log, not math.log2. The expected value is -ln(0.5) ≈ 0.6931."
        )
    expect_close(
        actual,
        expected,
        "for one example with label 1 and prediction 0.5, expected {expected} (that is -log(0.5)), got {actual}",
    )


@binary_cross_entropy.check("charges -log(1 - ŷ) for a label 0")
def label_zero(learner):
    bce = _function(learner)
    actual = expect_number(bce([0], [0.2]), "your binary_cross_entropy([0], [0.2])")
    expected = -math.log(0.8)
    if abs(actual) < 1e-12:
        fail(
            "for one example with label 0 and prediction 0.2 you returned 0.0, as if a label 0 cost nothing. "
            "When y = 0 the cost comes from the second term, -(1 - y)·log(1 - ŷ) = -log(1 - ŷ) ≈ 0.2231: "
            "did you leave out the (1 - y)·log(1 - ŷ) part?"
        )
    if math.isclose(actual, math.log(0.8), rel_tol=1e-6):
        fail(
            f"for label 0 and prediction 0.2 you returned {actual:.4f}, a negative cost: your minus sign covers only "
            "the first term. Put it in front of brackets round both: -(y·log(ŷ) + (1 - y)·log(1 - ŷ))."
        )
    if math.isclose(actual, -math.log(0.2), rel_tol=1e-6):
        fail(
            f"for label 0 and prediction 0.2 you returned {actual:.4f} = -log(0.2), as if the label were 1. "
            "For a label 0 the cost is -log(1 - ŷ) = -log(0.8) ≈ 0.2231."
        )
    expect_close(
        actual,
        expected,
        "for one example with label 0 and prediction 0.2, expected {expected} (that is -log(0.8)), got {actual}",
    )


@binary_cross_entropy.check("is the mean over the examples (the lesson's four e-mails give 0.3375)")
def is_a_mean(learner):
    bce = _function(learner)
    y_true, y_pred = [1, 0, 1, 0], [0.9, 0.2, 0.6, 0.4]
    actual = expect_number(bce(y_true, y_pred), "your binary_cross_entropy for the four e-mails")
    expected = _bce(y_true, y_pred)
    if math.isclose(actual, 4 * expected, rel_tol=1e-6):
        fail(
            f"for the four e-mails you returned {actual:.4f}, the sum of the four costs. The loss is their "
            "mean: divide by the number of examples, len(y_true), to get 0.3375."
        )
    first = -math.log(0.9)
    if math.isclose(actual, first, rel_tol=1e-6) or math.isclose(actual, first / 4, rel_tol=1e-6):
        fail(
            f"for the four e-mails you returned {actual:.4f}, from the first e-mail only: is `return` inside the "
            "loop? Add up all four costs in the loop, and return their mean after it."
        )
    expect_close(actual, expected, "for the four e-mails of the lesson, expected {expected}, got {actual}")


@binary_cross_entropy.check("matches the formula on many datasets of 1 to 6 examples")
def many_cases(learner):
    bce = _function(learner)
    for y_true, y_pred in _cases():
        expect_close(
            bce(y_true, y_pred),
            _bce(y_true, y_pred),
            f"for labels {y_true} and predictions {y_pred}: expected {{expected}}, got {{actual}}",
        )
