"""Exercises of lesson 6, "Gradient descent".

``batch-gradients``: the gradients of a sigmoid neuron with binary
cross-entropy on a whole dataset, dL/dw = Xᵀ(ŷ - y)/N and dL/db = mean(ŷ - y),
in plain Python.
"""

# X, y: the names the lessons use for a dataset (as pysrc/neuron does)
# ruff: noqa: N803, N806

from __future__ import annotations

import math
import random

from coursekit import Exercise, brief, expect, expect_number, fail

from ._rules import without_the_package


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def _gradients(weights, bias, X, y, activation=_sigmoid, sign=1.0, n=None, twice=False, with_bias=True, running=False):
    """The reference (and, with other arguments, the wrong versions the checks recognise):
    ``n`` the divisor (default N = len(X)), ``twice`` the error times ŷ(1 - ŷ) again,
    ``with_bias=False`` z without the bias, ``running`` one sum never reset between the weights."""
    errors = []
    for row, label in zip(X, y):
        prediction = activation(sum(w * x for w, x in zip(weights, row)) + (bias if with_bias else 0.0))
        error = sign * (prediction - label)
        errors.append(error * prediction * (1 - prediction) if twice else error)
    n = len(X) if n is None else n
    weight_gradients = [sum(e * row[j] for e, row in zip(errors, X)) / n for j in range(len(weights))]
    if running:
        weight_gradients = [sum(weight_gradients[: j + 1]) for j in range(len(weights))]
    return weight_gradients, sum(errors) / n


#: Wrong versions the checks recognise: the arguments of ``_gradients`` that give them, and what to say.
SLIPS = [
    (
        {"sign": -1.0},
        "every sign is flipped. The error is the prediction minus the label, ŷ - y, not y - ŷ; "
        "with the wrong sign, gradient descent would walk uphill.",
    ),
    (
        {"activation": lambda z: z},
        "your errors look like z - y: apply the sigmoid to z first, ŷ = sigmoid(z), then take ŷ - y.",
    ),
    (
        {"twice": True},
        "you multiplied each error by ŷ(1 - ŷ), the sigmoid's slope. With cross-entropy that factor has already "
        "cancelled out: ∂L/∂z = ŷ - y, so the push on w_j is just (ŷ - y)·x_j. Leave ŷ(1 - ŷ) out.",
    ),
    (
        {"with_bias": False},
        "your z leaves out the bias. Each row's prediction is ŷ = sigmoid(w·x + b): add `bias` to the weighted sum.",
    ),
    (
        {"n": "weights"},
        "you divided by the number of weights. The loss is a mean over the rows, so divide by the number of "
        "rows, N = len(X).",
    ),
    (
        {"running": True},
        "each weight's slope includes the slopes before it: the sum is not started again at 0 for each weight. "
        "Start it at 0 inside the loop over j.",
    ),
    (
        {"n": 1},
        "your gradients are the sums over the rows, N times too large. The loss is a mean, so its slopes are "
        "means too: divide by the number of rows N = len(X).",
    ),
]


def _slip(weights, bias, X, y, got_w: list[float], got_b: float) -> str:
    """What a wrong result shows about the code, or "" if it is nothing recognisable."""
    for arguments, message in SLIPS:
        if arguments.get("n") == "weights":
            arguments = {"n": len(weights)}
        slip_w, slip_b = _gradients(weights, bias, X, y, **arguments)
        if _close(got_w, slip_w) and math.isclose(got_b, slip_b, rel_tol=1e-6, abs_tol=1e-9):
            return message
    right_w, right_b = _gradients(weights, bias, X, y)
    if len(got_w) > 1 and _close(got_w, [got_b] * len(got_w)) and math.isclose(got_b, right_b, rel_tol=1e-6):
        return (
            "every weight got the same slope, the mean error itself. Each weight's slope is the mean of each row's "
            "error times its own input x_j."
        )
    if _close(got_w, right_w) and math.isclose(got_b, right_b * len(X), rel_tol=1e-6) and len(X) > 1:
        return "the weight gradients are right, but the bias gradient is a sum: it is the mean, sum(errors) / N."
    return ""


def _expect_gradients(result, call: str, weights, bias, X, y) -> None:
    """The learner's result for this case is the reference, or a failure naming the slip it shows."""
    got_w, got_b = _pair(result, call, len(weights))
    right_w, right_b = _gradients(weights, bias, X, y)
    if _close(got_w, right_w) and math.isclose(got_b, right_b, rel_tol=1e-6, abs_tol=1e-9):
        return
    slip = _slip(weights, bias, X, y, got_w, got_b)
    expect(not slip, f"{call} gave {brief([round(g, 4) for g in got_w])} and {got_b:.4g}: {slip}")
    fail(
        f"{call}: expected the weight gradients {brief([round(g, 4) for g in right_w])} and the bias gradient "
        f"{right_b:.4g}, got {brief([round(g, 4) for g in got_w])} and {got_b:.4g}."
    )


def _pair(result, call: str, size: int) -> tuple[list[float], float]:
    """The learner's result as (list of `size` numbers, number), or a failure saying what is wrong."""
    if result is None:
        fail(f"{call} returned None: did you forget the line: return weight_gradients, bias_gradient?")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{call} should return two things, weight_gradients and bias_gradient, but it returned {brief(result)}.")
    weight_gradients, bias_gradient = result
    if not isinstance(weight_gradients, (list, tuple)) or len(weight_gradients) != size:
        fail(
            f"{call} returned {brief(weight_gradients)} as the weight gradients: it should be a list with one "
            f"slope per weight ({size} here)."
        )
    numbers = [expect_number(g, f"weight gradient {j + 1} of {call}") for j, g in enumerate(weight_gradients)]
    return numbers, expect_number(bias_gradient, f"the bias gradient of {call}")


def _close(a: list[float], b: list[float]) -> bool:
    return all(math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9) for x, y in zip(a, b))


#: The OR gate and the lesson's random start, Neuron.random(2, seed=7).
OR_X, OR_Y = [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1]
SEED_7 = ([-0.35233447033367526, -0.6983016521509962], 0.3018689460797075)

batch_gradients = Exercise(
    id="batch-gradients",
    title="Gradients of a whole dataset",
    prompt=(
        "Write `batch_gradients(weights, bias, X, y)` for a sigmoid neuron trained with binary cross-entropy. "
        "For each row compute $\\hat y = \\sigma(w \\cdot x + b)$ and the error $\\hat y - y$; then return "
        "`weight_gradients, bias_gradient`, where "
        "$\\partial L/\\partial w_j = \\frac1N \\sum_i (\\hat y_i - y_i)\\, x_{ij}$ (a list, one per weight) and "
        "$\\partial L/\\partial b = \\operatorname{mean}(\\hat y - y)$. Plain Python, without the `neuron` package."
    ),
    starter='''\
import math


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def batch_gradients(weights, bias, X, y):
    """dL/dw_j = mean of (ŷ - y)·x_j; dL/db = mean of (ŷ - y)."""
    N = len(X)
    errors = []  # one error ŷ - y per row
    weight_gradients = [0.0 for _ in weights]
    bias_gradient = 0.0
    return weight_gradients, bias_gradient


# The lesson's example: one row x = [1, 2] with label 1.
# Expected: ([-0.5, -1.0], -0.5)
print(batch_gradients([0.75, -0.5], 0.25, [[1, 2]], [1]))
''',
    solution='''\
import math


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def batch_gradients(weights, bias, X, y):
    """dL/dw_j = mean of (ŷ - y)·x_j; dL/db = mean of (ŷ - y)."""
    N = len(X)
    errors = []  # one error ŷ - y per row
    for row, label in zip(X, y):
        z = sum(w * x for w, x in zip(weights, row)) + bias
        errors.append(sigmoid(z) - label)
    weight_gradients = []
    for j in range(len(weights)):
        slope = sum(e * row[j] for e, row in zip(errors, X)) / N
        weight_gradients.append(slope)
    bias_gradient = sum(errors) / N
    return weight_gradients, bias_gradient


# The lesson's example: one row x = [1, 2] with label 1.
# Expected: ([-0.5, -1.0], -0.5)
print(batch_gradients([0.75, -0.5], 0.25, [[1, 2]], [1]))
''',
    hints=[
        "First the errors: for each `row, label in zip(X, y)`, compute `z = w·x + b` "
        "(a sum over `zip(weights, row)`, plus `bias`), then `sigmoid(z) - label`.",
        "The slope of weight j adds up `error * row[j]` over all the rows, then divides by `N`: "
        "`sum(e * row[j] for e, row in zip(errors, X)) / N`. Do that for every `j in range(len(weights))`.",
        "The bias gradient is the mean of the errors: `sum(errors) / N`.",
    ],
    mistakes=[
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [t - 1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias))) for r, t in "
            "zip(X, y)]\n"
            "    N = len(X)\n"
            "    return [sum(e * r[j] for e, r in zip(errors, X)) / N for j in range(len(weights))], sum(errors) / N\n",
            "prediction minus the label",
        ),
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias))) - t for r, t in "
            "zip(X, y)]\n"
            "    return [sum(e * r[j] for e, r in zip(errors, X)) for j in range(len(weights))], sum(errors)\n",
            "divide by the number of rows",
        ),
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias))) - t for r, t in "
            "zip(X, y)]\n"
            "    N = len(X)\n"
            "    return [sum(errors) / N for j in range(len(weights))], sum(errors) / N\n",
            "times its own input",
        ),
        (
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [sum(w * x for w, x in zip(weights, r)) + bias - t for r, t in zip(X, y)]\n"
            "    N = len(X)\n"
            "    return [sum(e * r[j] for e, r in zip(errors, X)) / N for j in range(len(weights))], sum(errors) / N\n",
            "sigmoid",
        ),
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = []\n"
            "    for r, t in zip(X, y):\n"
            "        p = 1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias)))\n"
            "        errors.append((p - t) * p * (1 - p))\n"
            "    N = len(X)\n"
            "    return [sum(e * r[j] for e, r in zip(errors, X)) / N for j in range(len(weights))], sum(errors) / N\n",
            "you multiplied each error by ŷ(1 - ŷ)",
        ),
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [1 / (1 + math.exp(-sum(w * x for w, x in zip(weights, r)))) - t for r, t in zip(X, y)]\n"
            "    N = len(X)\n"
            "    return [sum(e * r[j] for e, r in zip(errors, X)) / N for j in range(len(weights))], sum(errors) / N\n",
            "your z leaves out the bias",
        ),
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias))) - t for r, t in "
            "zip(X, y)]\n"
            "    N = len(weights)\n"
            "    return [sum(e * r[j] for e, r in zip(errors, X)) / N for j in range(len(weights))], sum(errors) / N\n",
            "you divided by the number of weights",
        ),
        (
            "from neuron import Neuron, gradients\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    return gradients(Neuron(weights, bias), X, y)\n",
            "imports the `neuron` package",
        ),
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias))) - t for r, t in "
            "zip(X, y)]\n"
            "    N = len(X)\n"
            "    weight_gradients, total = [], 0.0\n"
            "    for j in range(len(weights)):\n"
            "        for e, r in zip(errors, X):\n"
            "            total += e * r[j]\n"
            "        weight_gradients.append(total / N)\n"
            "    return weight_gradients, sum(errors) / N\n",
            "not started again at 0 for each weight",
        ),
    ],
)


def _function(learner):
    return learner.function("batch_gradients", "weights", "bias", "X", "y")


@batch_gradients.check("gives ([-0.5, -1.0], -0.5) for the lesson's one-row example")
def lesson_example(learner):
    function = _function(learner)
    case = ([0.75, -0.5], 0.25, [[1, 2]], [1])
    _expect_gradients(function(*case), "batch_gradients([0.75, -0.5], 0.25, [[1, 2]], [1])", *case)


@batch_gradients.check("written in plain Python, without the neuron package")
def plain_python(learner):
    without_the_package(learner, "compute the errors ŷ - y with your sigmoid, then the means of error × input")


@batch_gradients.check("multiplies each row's error by its own input for each weight")
def error_times_input(learner):
    function = _function(learner)
    case = ([0.5, -0.25], 0.0, [[1, 0], [0, 3]], [1, 1])
    _expect_gradients(function(*case), "batch_gradients([0.5, -0.25], 0.0, [[1, 0], [0, 3]], [1, 1])", *case)


@batch_gradients.check("takes the mean over the rows (the OR gate from the lesson's random start)")
def mean_over_rows(learner):
    function = _function(learner)
    case = (list(SEED_7[0]), SEED_7[1], OR_X, OR_Y)
    _expect_gradients(function(*case), "batch_gradients(<the seed-7 weights>, <its bias>, OR inputs, OR labels)", *case)


@batch_gradients.check("matches Xᵀ(ŷ - y)/N and mean(ŷ - y) for many neurons and datasets")
def many_cases(learner):
    function = _function(learner)
    rng = random.Random(11)
    for _ in range(20):
        size, rows = rng.randint(1, 4), rng.randint(1, 6)
        weights = [round(rng.uniform(-3, 3), 3) for _ in range(size)]
        bias = round(rng.uniform(-2, 2), 3)
        X = [[round(rng.uniform(-2, 2), 2) for _ in range(size)] for _ in range(rows)]
        y = [rng.choice([0, 1]) for _ in range(rows)]
        _expect_gradients(
            function(weights, bias, X, y), f"batch_gradients({weights}, {bias}, {X}, {y})", weights, bias, X, y
        )
