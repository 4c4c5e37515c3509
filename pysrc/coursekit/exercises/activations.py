"""Exercises of lesson 3, "Activation functions"."""

from __future__ import annotations

import math

from coursekit.authoring import (
    CheckFailed,
    Exercise,
    LearnerError,
    describe,
    expect,
    expect_close,
    expect_number,
    fail,
    numbers,
    brief,
    vectors,
)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _leaky_relu(z: float, slope: float) -> float:
    return z if z > 0 else slope * z


def _elu(z: float, alpha: float) -> float:
    return z if z > 0 else alpha * (math.exp(z) - 1.0)


def _softmax(scores: list[float]) -> list[float]:
    largest = max(scores)
    exps = [math.exp(s - largest) for s in scores]
    return [e / sum(exps) for e in exps]


#: Values of z where a plain formula cannot overflow: e^30 is about 1e13.
MODERATE = [z for z in numbers() if abs(z) <= 30] + [-30.0, -4.0, 3.0, 30.0]


# --- sigmoid, leaky ReLU and ELU ------------------------------------------------------

write_activations = Exercise(
    id="write-activations",
    title="Three activations from their formulas",
    prompt=(
        "Write three activation functions from their formulas (`math.exp(x)` computes $e^x$):\n\n"
        "- `sigmoid(z)` returns $\\frac{1}{1 + e^{-z}}$;\n"
        "- `leaky_relu(z, slope)` returns $z$ if $z > 0$, else $\\text{slope} \\cdot z$;\n"
        "- `elu(z, alpha)` returns $z$ if $z > 0$, else $\\alpha (e^{z} - 1)$.\n"
    ),
    starter='''\
import math

def sigmoid(z):
    return 0.0

def leaky_relu(z, slope):
    return 0.0

def elu(z, alpha):
    return 0.0


print(sigmoid(0))            # 0.5
print(leaky_relu(-2, 0.1))   # -0.2
print(elu(-1, 1.0))          # about -0.632
''',
    solution='''\
import math

def sigmoid(z):
    return 1 / (1 + math.exp(-z))

def leaky_relu(z, slope):
    if z > 0:
        return z
    return slope * z

def elu(z, alpha):
    if z > 0:
        return z
    return alpha * (math.exp(z) - 1)


print(sigmoid(0))            # 0.5
print(leaky_relu(-2, 0.1))   # -0.2
print(elu(-1, 1.0))          # about -0.632
''',
    hints=[
        "sigmoid: `1 / (1 + math.exp(-z))`. Mind the minus sign: a large positive z must give almost 1.",
        "leaky_relu and elu both return z itself when z > 0; only the negative side differs: "
        "`slope * z` for leaky ReLU, `alpha * (math.exp(z) - 1)` for ELU.",
    ],
    mistakes=[
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(z))\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * (math.exp(z) - 1)\n",
            "the minus sign",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return max(0, z)\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * (math.exp(z) - 1)\n",
            "that is plain ReLU",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else alpha * math.exp(z)\n",
            "forget the - 1",
        ),
        (
            "import math\n"
            "def sigmoid(z):\n    return 1 / (1 + math.exp(-z))\n"
            "def leaky_relu(z, slope):\n    return z if z > 0 else slope * z\n"
            "def elu(z, alpha):\n    return z if z > 0 else math.exp(z) - 1\n",
            "does not use alpha",
        ),
    ],
)


@write_activations.check("sigmoid(0) is 0.5, and sigmoid matches 1 / (1 + e^-z)")
def check_sigmoid(learner):
    sigmoid = learner.function("sigmoid", "z")
    at_zero = expect_number(sigmoid(0.0), "sigmoid(0.0)")
    expect_close(at_zero, 0.5, "sigmoid(0) should be 1 / (1 + e^0) = 0.5, but yours gives {actual}.")
    at_two = expect_number(sigmoid(2.0), "sigmoid(2.0)")
    expect(
        not math.isclose(at_two, _sigmoid(-2.0), rel_tol=1e-6),
        f"sigmoid(2) should be about 0.8808, close to 1, but yours gives {at_two:.4f}: check the minus sign, "
        "it is e to the power -z.",
    )
    for z in MODERATE:
        expect_close(sigmoid(z), _sigmoid(z), f"sigmoid({z:g}) should be {{expected}}, but yours gives {{actual}}.")


@write_activations.check("leaky_relu keeps z > 0 and multiplies z <= 0 by the slope")
def check_leaky_relu(learner):
    leaky_relu = learner.function("leaky_relu", "z", "slope")
    below = expect_number(leaky_relu(-2.0, 0.1), "leaky_relu(-2.0, 0.1)")
    expect(
        below != 0.0,
        "leaky_relu(-2, 0.1) gives 0: that is plain ReLU. Below zero, leaky ReLU returns slope * z, here -0.2.",
    )
    for slope in (0.01, 0.1, 0.3):
        for z in MODERATE:
            expect_close(
                leaky_relu(z, slope),
                _leaky_relu(z, slope),
                f"leaky_relu({z:g}, {slope}) should be {{expected}}, but yours gives {{actual}}: "
                "z itself when z > 0, slope * z otherwise.",
            )


@write_activations.check("elu keeps z > 0 and gives alpha (e^z - 1) below")
def check_elu(learner):
    elu = learner.function("elu", "z", "alpha")
    at_zero = expect_number(elu(0.0, 1.0), "elu(0.0, 1.0)")
    expect(
        math.isclose(at_zero, 0.0, abs_tol=1e-9),
        f"elu(0, 1) should be 1 · (e^0 - 1) = 0, but yours gives {at_zero:g}: did you forget the - 1 in alpha * (e^z - 1)?",
    )
    for alpha in (1.0, 0.5, 2.0):
        for z in MODERATE:
            got = elu(z, alpha)
            if alpha != 1.0 and z < 0 and type(got) is float and math.isclose(got, _elu(z, 1.0), rel_tol=1e-6):
                fail(
                    f"elu({z:g}, {alpha}) gives the same as elu({z:g}, 1): your elu does not use alpha. Below zero "
                    "it is alpha times (e^z - 1), so alpha scales how far down the curve goes."
                )
            expect_close(
                got,
                _elu(z, alpha),
                f"elu({z:g}, {alpha}) should be {{expected}}, but yours gives {{actual}}: "
                "z itself when z > 0, alpha * (e^z - 1) otherwise.",
            )


# --- softmax --------------------------------------------------------------------------

softmax_exercise = Exercise(
    id="softmax",
    title="Softmax: scores to probabilities",
    prompt=(
        "Write `softmax(scores)`: return a list with $e^{s_i} / \\sum_j e^{s_j}$ for every score $s_i$. "
        "It must also work for large scores such as `[1000, 1000]`, where `math.exp(1000)` overflows: "
        "subtract the largest score from every score first (this does not change the result)."
    ),
    starter='''\
import math

def softmax(scores):
    probabilities = []
    # One per score: e^score / (the sum of e^s over all scores)
    return probabilities


print(softmax([2.0, 1.0, 0.1]))   # about [0.659, 0.2424, 0.0986]
print(softmax([1000, 1000]))      # [0.5, 0.5]
''',
    solution='''\
import math

def softmax(scores):
    largest = max(scores)
    # every exponent is <= 0, so math.exp cannot overflow
    exps = [math.exp(s - largest) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


print(softmax([2.0, 1.0, 0.1]))   # about [0.659, 0.2424, 0.0986]
print(softmax([1000, 1000]))      # [0.5, 0.5]
''',
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
    ],
)


def _probabilities(result: object, scores: list[float]) -> list[float]:
    """The learner's result as a list of numbers, one per score, or a failure saying what it is."""
    if not isinstance(result, (list, tuple)):
        fail(f"softmax({brief(scores)}) should return a list of probabilities, but it returned {describe(result)}.")
    if len(result) != len(scores):
        fail(f"softmax({brief(scores)}) should return one probability per score ({len(scores)}), but it returned {brief(result)}.")
    return [expect_number(p, f"each probability of softmax({brief(scores)})") for p in result]


@softmax_exercise.check("softmax([2.0, 1.0, 0.1]) gives about [0.659, 0.2424, 0.0986]")
def lesson_example(learner):
    softmax = learner.function("softmax", "scores")
    scores = [2.0, 1.0, 0.1]
    got = _probabilities(softmax(scores), scores)
    expected = _softmax(scores)
    if all(math.isclose(g, math.exp(s), rel_tol=1e-6) for g, s in zip(got, scores)):
        fail(f"you returned e^s for each score, {brief([round(g, 4) for g in got])}: now divide each e^s by their total, so they add up to 1.")
    if all(math.isclose(g, s / sum(scores), rel_tol=1e-6) for g, s in zip(got, scores)):
        fail("you divided each score by the sum of the scores: first take e to the power of each score (math.exp), then divide by the sum of those.")
    for g, e in zip(got, expected):
        expect_close(g, e, f"softmax([2.0, 1.0, 0.1]) should be about {brief([round(v, 4) for v in expected])}, but yours gives {brief(got)}.")


@softmax_exercise.check("the probabilities are positive and add up to 1, for many lists of scores")
def adds_up_to_one(learner):
    softmax = learner.function("softmax", "scores")
    for scores in [s for s in vectors(4) if max(map(abs, s)) <= 50] + [[0.0], [-3.0, 4.0]]:
        got = _probabilities(softmax(scores), scores)
        expect(all(p >= 0 for p in got), f"softmax({brief(scores)}) gave {brief(got)}: a probability is never negative.")
        expect_close(sum(got), 1.0, f"softmax({brief(scores)}) gave {brief(got)}, which adds up to {{actual}}, not 1.")
        for g, e in zip(got, _softmax(scores)):
            expect_close(g, e, f"softmax({brief(scores)}) should be {brief([round(v, 4) for v in _softmax(scores)])}, but yours gives {brief(got)}.")


@softmax_exercise.check("works for large scores such as [1000, 1000] (no overflow)")
def large_scores(learner):
    softmax = learner.function("softmax", "scores")
    for scores in ([1000.0, 1000.0], [1000.0, 999.0, -5.0], [-1000.0, 0.0]):
        try:
            got = _probabilities(softmax(scores), scores)
        except LearnerError as error:
            raise CheckFailed(
                f"softmax({brief(scores)}) raised an error: e^1000 is too large for a float. "
                "Subtract the largest score from every score before math.exp (the result stays the same).",
                error.details,
            ) from None
        for g, e in zip(got, _softmax(scores)):
            expect_close(g, e, f"softmax({brief(scores)}) should be {brief([round(v, 4) for v in _softmax(scores)])}, but yours gives {brief(got)}.")
