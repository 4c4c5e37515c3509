"""The package checks itself: ``import neuron.selfcheck; neuron.selfcheck.main()``.

It runs in well under a second, needs nothing but the standard library, and
runs unchanged in the browser, so CPython and Pyodide are held to the same
results. It checks:

- every activation derivative and loss gradient against a central finite
  difference, (f(x + h) - f(x - h)) / 2h, on a grid of points;
- the training gradients against finite differences of the loss itself;
- the stability cases (sigmoid(±1000), softmax([1000, 1000]), cross-entropy
  at predictions of exactly 0 and 1), with warnings turned into errors;
- hand-worked examples: the apples bill is 70, the ReLU neuron gives z = -1 and 0;
- that training on OR reaches 100 % accuracy.

``run()`` returns one ``Result(name, passed, message)`` per check; ``main()``
prints each failure and a last line such as ``selfcheck: 42 passed, 0 failed``.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import NamedTuple

from . import activations, losses
from .datasets import OR, shopping_bill
from .neuron import Neuron
from .training import accuracy, compute_loss, fit, gradients

STEP = 1e-6  #: h in the central difference
TOLERANCE = 1e-6  #: allowed |analytic - numeric| / max(1, |numeric|)
#: Points where every activation is smooth (the kinks are at z = 0).
GRID = [-30.0, -6.3, -2.1, -0.7, -0.05, 0.05, 0.3, 1.7, 4.9, 30.0]


class Result(NamedTuple):
    """The outcome of one check."""

    name: str
    passed: bool
    message: str


def numeric_derivative(function: Callable[[float], float], x: float, h: float = STEP) -> float:
    """Central finite difference: (f(x + h) - f(x - h)) / 2h, which is off by about h² · f'''(x)."""
    return (function(x + h) - function(x - h)) / (2 * h)


def assert_close(analytic: float, numeric: float, what: str, tolerance: float = TOLERANCE) -> None:
    """Fail unless the two agree to ``tolerance``, relative to the size of the numbers (at least 1)."""
    if not abs(analytic - numeric) <= tolerance * max(1.0, abs(numeric)):
        raise AssertionError(f"{what}: formula gives {analytic!r}, finite difference {numeric!r}")


def _nudged(values: list, position: int, h: float) -> list:
    """A copy of a flat or nested list with one entry (flat position) increased by h."""
    flat = [v for row in values for v in row] if isinstance(values[0], list) else list(values)
    flat[position] += h
    if not isinstance(values[0], list):
        return flat
    width = len(values[0])
    return [flat[i : i + width] for i in range(0, len(flat), width)]


# --- the checks ------------------------------------------------------------------------


def check_activation(name: str) -> None:
    """activation.derivative(z) matches the finite difference of activation.function at every grid point."""
    activation = activations.get_activation(name)
    for z in GRID:
        assert_close(activation.derivative(z), numeric_derivative(activation.function, z), f"{name}'({z})")


def check_softmax_derivative() -> None:
    """Each column j of the softmax Jacobian matches nudging input j."""
    values = [0.3, -1.2, 2.0]
    jacobian = activations.softmax_derivative(values)
    for j in range(len(values)):
        plus, minus = activations.softmax(_nudged(values, j, STEP)), activations.softmax(_nudged(values, j, -STEP))
        for i in range(len(values)):
            assert_close(jacobian[i][j], (plus[i] - minus[i]) / (2 * STEP), f"d softmax_{i} / d v_{j}")


#: For each loss: labels, and predictions away from kinks and clipping.
LOSS_EXAMPLES = {
    "mean_squared_error": ([1.0, -2.0, 0.5], [0.3, 1.5, 0.5001]),
    "mean_absolute_error": ([1.0, -2.0, 0.5], [0.3, 1.5, 0.7]),
    "binary_cross_entropy": ([1, 0, 1, 0], [0.9, 0.2, 0.05, 0.97]),
    "categorical_cross_entropy": ([[1, 0, 0], [0, 0, 1]], [[0.7, 0.2, 0.1], [0.25, 0.5, 0.25]]),
    "sparse_categorical_cross_entropy": ([0, 2], [[0.7, 0.2, 0.1], [0.25, 0.5, 0.25]]),
    "hinge": ([1, -1, 1, -1], [0.3, 0.2, 1.7, -2.5]),
}


def check_loss_gradient(name: str) -> None:
    """Every entry of loss.gradient matches nudging that one prediction."""
    loss = losses.get_loss(name)
    y_true, y_pred = LOSS_EXAMPLES[name]
    analytic = loss.gradient(y_true, y_pred)
    flat = [g for row in analytic for g in row] if isinstance(analytic[0], list) else analytic
    for position, slope in enumerate(flat):
        plus = loss.function(y_true, _nudged(y_pred, position, STEP))
        minus = loss.function(y_true, _nudged(y_pred, position, -STEP))
        assert_close(slope, (plus - minus) / (2 * STEP), f"{name} gradient, entry {position}")


def check_training_gradients(activation: str, loss: str, labels: list[float]) -> None:
    """gradients() (chain rule) matches nudging each weight and the bias in the whole loss."""
    X = [[0.5, -1.0], [2.0, 0.3], [-1.5, 1.0], [0.1, 0.2]]
    neuron = Neuron([0.4, -0.7], 0.2, activation)
    weight_gradients, bias_gradient = gradients(neuron, X, labels, loss)
    for position, analytic in enumerate([*weight_gradients, bias_gradient]):
        value = neuron.parameters()[position]
        above = _loss_with_parameter(neuron, position, value + STEP, X, labels, loss)
        below = _loss_with_parameter(neuron, position, value - STEP, X, labels, loss)
        numeric = (above - below) / (2 * STEP)  # central difference in this one parameter
        assert_close(analytic, numeric, f"dL/d parameter {position + 1} ({activation}, {loss})")


def _loss_with_parameter(neuron: Neuron, position: int, value: float, X: list, labels: list, loss: str) -> float:
    """The loss of a copy of the neuron whose parameter number ``position`` is set to ``value``."""
    parameters = neuron.parameters()
    parameters[position] = value
    return compute_loss(Neuron(parameters[:-1], parameters[-1], neuron.activation), X, labels, loss)


def check_stability() -> None:
    """Extreme inputs give the right finite numbers, with no overflow and no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert activations.sigmoid(-1000) == 0.0 and activations.sigmoid(1000) == 1.0, "sigmoid(±1000)"
        assert activations.softmax([1000, 1000]) == [0.5, 0.5], "softmax([1000, 1000])"
        assert activations.softmax([-1000, 0])[1] == 1.0, "softmax([-1000, 0])"
        wrong = losses.binary_cross_entropy([1, 0], [0.0, 1.0])  # certain, and wrong: clipped to -log(EPSILON)
        assert math.isclose(wrong, -math.log(losses.EPSILON), rel_tol=1e-3), f"certain wrong answer gives {wrong}"
        assert losses.binary_cross_entropy([1, 0], [1.0, 0.0]) < 1e-11, "binary cross-entropy of a certain right answer"
        assert math.isfinite(losses.categorical_cross_entropy([[1, 0]], [[0.0, 1.0]])), "categorical at 0"
        assert math.isfinite(losses.sparse_categorical_cross_entropy([0], [[0.0, 1.0]])), "sparse categorical at 0"
        assert math.isclose(losses.binary_cross_entropy_from_logits([1], [-1000.0]), 1000.0), (
            "BCE from logits at z = -1000"
        )


def check_hand_examples() -> None:
    """The examples worked by hand in the lessons."""
    assert shopping_bill()([2, 3]) == 70, "2 apples at 10 + 3 oranges at 15 + delivery 5 is 70"
    neuron = Neuron([0.5, -1.0], 1.0, activation="relu")
    assert neuron.weighted_sum([2.0, 3.0]) == -1.0, "z = 2.0 × 0.5 + 3.0 × (-1.0) + 1.0 = -1.0"
    assert neuron([2.0, 3.0]) == 0.0, "relu(-1.0) = 0.0"
    assert "relu(-1.0)" in neuron.explain([2.0, 3.0]), "the explanation shows relu(-1.0)"
    assert activations.sigmoid(0) == 0.5, "sigmoid(0) = 0.5"


def check_or_training() -> None:
    """A sigmoid neuron learns OR: 100 % accuracy after 1000 epochs."""
    neuron = Neuron.random(2, seed=0)
    history = fit(neuron, *OR, learning_rate=0.5, epochs=1000)
    assert history.losses[-1] < history.losses[0], "the loss went down"
    assert accuracy(neuron, *OR) == 1.0, f"accuracy on OR is {accuracy(neuron, *OR)}"


def all_checks() -> list[tuple[str, Callable[[], None]]]:
    """Every check, with its name."""
    checks = [(f"{name} derivative", lambda name=name: check_activation(name)) for name in activations.ACTIVATIONS]
    checks.append(("softmax derivative", check_softmax_derivative))
    checks += [(f"{name} gradient", lambda name=name: check_loss_gradient(name)) for name in losses.LOSSES]
    for activation, loss, labels in (
        ("sigmoid", "binary_cross_entropy", [1, 0, 0, 1]),
        ("tanh", "mean_squared_error", [0.5, -0.2, 0.9, 0.0]),
        ("identity", "hinge", [1, -1, -1, 1]),
        ("elu", "mean_absolute_error", [3.0, -1.0, 0.5, 2.0]),
    ):
        checks.append(
            (
                f"training gradients {activation} + {loss}",
                lambda a=activation, name=loss, y=labels: check_training_gradients(a, name, y),
            )
        )
    checks += [
        ("stability", check_stability),
        ("hand-worked examples", check_hand_examples),
        ("OR training", check_or_training),
    ]
    return checks


def run() -> list[Result]:
    """Run every check; a check passes when it raises nothing."""
    results = []
    for name, check in all_checks():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - report every failure, whatever went wrong
            results.append(Result(name, False, f"{type(error).__name__}: {error}"))
        else:
            results.append(Result(name, True, ""))
    return results


def main() -> int:
    """Print one line per failed check and a summary; return the number of failures."""
    results = run()
    failed = [result for result in results if not result.passed]
    for result in failed:
        print(f"FAILED {result.name}: {result.message}")
    print(f"selfcheck: {len(results) - len(failed)} passed, {len(failed)} failed")
    return len(failed)


if __name__ == "__main__":
    main()
