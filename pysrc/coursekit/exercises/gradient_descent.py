"""Exercises of lesson 6, "Gradient descent".

``batch-gradients``: the gradients of a sigmoid neuron with binary
cross-entropy on a whole dataset, dL/dw = Xᵀ(ŷ - y)/N and dL/db = mean(ŷ - y),
in plain Python.
"""

from __future__ import annotations

import math
import random

from coursekit.authoring import Exercise, expect, expect_close, expect_number, fail, brief


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def _gradients(weights, bias, X, y, activation=_sigmoid, sign=1.0, mean=True):
    """The reference (and, with other arguments, the wrong versions the checks recognise)."""
    errors = [
        sign * (activation(sum(w * x for w, x in zip(weights, row)) + bias) - label) for row, label in zip(X, y)
    ]
    n = len(X) if mean else 1
    weight_gradients = [sum(e * row[j] for e, row in zip(errors, X)) / n for j in range(len(weights))]
    return weight_gradients, sum(errors) / n


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
            "    errors = [t - 1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias))) for r, t in zip(X, y)]\n"
            "    N = len(X)\n"
            "    return [sum(e * r[j] for e, r in zip(errors, X)) / N for j in range(len(weights))], sum(errors) / N\n",
            "prediction minus the label",
        ),
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias))) - t for r, t in zip(X, y)]\n"
            "    return [sum(e * r[j] for e, r in zip(errors, X)) for j in range(len(weights))], sum(errors)\n",
            "divide by the number of rows",
        ),
        (
            "import math\n"
            "def batch_gradients(weights, bias, X, y):\n"
            "    errors = [1 / (1 + math.exp(-(sum(w * x for w, x in zip(weights, r)) + bias))) - t for r, t in zip(X, y)]\n"
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
    ],
)


def _function(learner):
    return learner.function("batch_gradients", "weights", "bias", "X", "y")


@batch_gradients.check("gives ([-0.5, -1.0], -0.5) for the lesson's one-row example")
def lesson_example(learner):
    function = _function(learner)
    call = "batch_gradients([0.75, -0.5], 0.25, [[1, 2]], [1])"
    weight_gradients, bias_gradient = _pair(function([0.75, -0.5], 0.25, [[1, 2]], [1]), call, 2)
    if _close(weight_gradients, [0.5, 1.0]) and math.isclose(bias_gradient, 0.5):
        fail(
            f"{call} gave {brief(weight_gradients)} and {bias_gradient}: every sign is flipped. The error is the "
            "prediction minus the label, ŷ - y (here 0.5 - 1 = -0.5), not y - ŷ; with the wrong sign, "
            "gradient descent would walk uphill."
        )
    if _close(weight_gradients, [-1.0, -2.0]) and math.isclose(bias_gradient, -1.0):
        fail(
            f"{call} gave {brief(weight_gradients)} and {bias_gradient}: here z = 0, so ŷ = sigmoid(0) = 0.5 and the "
            "error is 0.5 - 1 = -0.5. Your error looks like z - y = -1: apply the sigmoid to z before "
            "subtracting the label."
        )
    if _close(weight_gradients, [bias_gradient, bias_gradient]) and math.isclose(bias_gradient, -0.5):
        fail(
            f"{call} gave the same slope, {bias_gradient}, for both weights: the error itself. Each weight's slope "
            "is the mean of each row's error times its own input x_j, so here the error -0.5 times 1 and times 2."
        )
    expect(
        _close(weight_gradients, [-0.5, -1.0]),
        f"{call}: expected weight gradients [-0.5, -1.0] (the error -0.5 times each input 1 and 2), "
        f"got {brief(weight_gradients)}",
    )
    expect_close(bias_gradient, -0.5, "for the one-row example, expected the bias gradient {expected}, got {actual}")


@batch_gradients.check("multiplies each row's error by its own input for each weight")
def error_times_input(learner):
    function = _function(learner)
    X, y = [[1, 0], [0, 3]], [1, 1]
    call = f"batch_gradients([0.0, 0.0], 0.0, {X}, {y})"
    weight_gradients, _ = _pair(function([0.0, 0.0], 0.0, X, y), call, 2)
    expected, _ = _gradients([0.0, 0.0], 0.0, X, y)
    summed, _ = _gradients([0.0, 0.0], 0.0, X, y, mean=False)
    if _close(weight_gradients, summed):
        fail(
            f"{call} gave {brief(weight_gradients)}, the sums over the two rows, twice too large. The loss is a mean, "
            "so its slopes are means too: divide by the number of rows N = len(X)."
        )
    same = math.isclose(weight_gradients[0], weight_gradients[1], rel_tol=1e-9)
    if same and weight_gradients[0] != 0 and not _close(weight_gradients, expected):
        fail(
            f"{call} gave the same slope, {weight_gradients[0]}, for both weights. Each weight's slope is the "
            f"mean of each row's error times its own input x_j, so the two differ here: expected {brief(expected)}."
        )
    expect(
        _close(weight_gradients, expected),
        f"{call}: expected weight gradients {brief(expected)}, got {brief(weight_gradients)}. With every "
        "prediction 0.5, both errors are 0.5 - 1 = -0.5; multiply each by its row's input x_j, then take the mean.",
    )


@batch_gradients.check("takes the mean over the rows (the OR gate from the lesson's random start)")
def mean_over_rows(learner):
    function = _function(learner)
    weights, bias = SEED_7
    call = "batch_gradients(<the seed-7 weights>, <its bias>, OR inputs, OR labels)"
    weight_gradients, bias_gradient = _pair(function(list(weights), bias, OR_X, OR_Y), call, 2)
    expected_w, expected_b = _gradients(weights, bias, OR_X, OR_Y)
    summed_w, summed_b = _gradients(weights, bias, OR_X, OR_Y, mean=False)
    if _close(weight_gradients, summed_w) and math.isclose(bias_gradient, summed_b, rel_tol=1e-6):
        fail(
            "On the four rows of OR your gradients are the sums over the rows, four times too large. The loss is "
            "a mean, so its slopes are means too: divide by the number of rows N = len(X)."
        )
    if _close(weight_gradients, [-g for g in expected_w]) and math.isclose(bias_gradient, -expected_b, rel_tol=1e-6):
        fail(
            "On the four rows of OR every sign is flipped: use the prediction minus the label, ŷ - y, as the error."
        )
    sigmoid_free_w, sigmoid_free_b = _gradients(weights, bias, OR_X, OR_Y, activation=lambda z: z)
    if _close(weight_gradients, sigmoid_free_w) and math.isclose(bias_gradient, sigmoid_free_b, rel_tol=1e-6):
        fail("On the OR rows your errors are z - y: apply the sigmoid to z first, ŷ = sigmoid(z), then take ŷ - y.")
    expect(
        _close(weight_gradients, expected_w),
        f"on the OR rows, expected weight gradients {[round(g, 4) for g in expected_w]} (the lesson's "
        f"[-0.2979, -0.3192]), got {brief([round(g, 4) for g in weight_gradients])}",
    )
    expect_close(bias_gradient, expected_b, "on the OR rows, expected the bias gradient {expected}, got {actual}")


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
        call = f"batch_gradients({weights}, {bias}, {X}, {y})"
        weight_gradients, bias_gradient = _pair(function(weights, bias, X, y), call, size)
        expected_w, expected_b = _gradients(weights, bias, X, y)
        expect(
            _close(weight_gradients, expected_w),
            f"{call}: expected weight gradients {brief([round(g, 6) for g in expected_w])}, "
            f"got {brief(weight_gradients)}",
        )
        expect_close(bias_gradient, expected_b, f"{call}: expected the bias gradient {{expected}}, got {{actual}}")
