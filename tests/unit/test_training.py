"""Training: gradients by the chain rule against finite differences, one update, fit and its History."""

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron import AND, NAND, OR, SPAM, XOR, Neuron, sigmoid
from neuron.plot import Plot
from neuron.training import History, accuracy, compute_loss, fit, gradients, update

H = 1e-6
TOLERANCE = 1e-6

X4 = [[0.5, -1.0], [2.0, 0.3], [-1.5, 1.0], [0.1, 0.2]]
COMBINATIONS = [
    ("sigmoid", "binary_cross_entropy", [1, 0, 0, 1]),
    ("sigmoid", "mean_squared_error", [1, 0, 0, 1]),
    ("tanh", "mean_squared_error", [0.5, -0.2, 0.9, 0.0]),
    ("identity", "mean_squared_error", [3.0, -1.0, 0.5, 2.0]),
    ("identity", "hinge", [1, -1, -1, 1]),
    ("elu", "mean_absolute_error", [3.0, -1.0, 0.5, 2.0]),
    ("leaky_relu", "mean_squared_error", [3.0, -1.0, 0.5, 2.0]),
    ("relu", "mean_squared_error", [3.0, -1.0, 0.5, 2.0]),
]


def finite_difference_gradients(neuron, X, y, loss):
    """dL/dparameter for every weight and the bias, by nudging each one: an oracle independent of the chain rule."""
    result = []
    for position in range(len(neuron.weights) + 1):
        losses = []
        for h in (H, -H):
            parameters = neuron.parameters()
            parameters[position] += h
            nudged = Neuron(parameters[:-1], parameters[-1], neuron.activation)
            losses.append(compute_loss(nudged, X, y, loss))
        result.append((losses[0] - losses[1]) / (2 * H))
    return result


@pytest.mark.parametrize(("activation", "loss", "labels"), COMBINATIONS)
@settings(max_examples=60, deadline=None)
@given(parameters=st.lists(st.floats(-2, 2), min_size=3, max_size=3))
def test_chain_rule_gradients_match_finite_differences(activation, loss, labels, parameters):
    neuron = Neuron(parameters[:2], parameters[2], activation)
    zs = [neuron.weighted_sum(row) for row in X4]
    if activation in ("relu", "leaky_relu", "elu") and any(abs(z) < 1e-3 for z in zs):
        return  # too close to the kink at z = 0 for a finite difference
    if loss == "hinge" and any(abs(y * z - 1) < 1e-3 for y, z in zip(labels, zs)):
        return
    if loss == "mean_absolute_error" and any(abs(neuron(row) - y) < 1e-3 for row, y in zip(X4, labels)):
        return
    weight_gradients, bias_gradient = gradients(neuron, X4, labels, loss)
    numeric = finite_difference_gradients(neuron, X4, labels, loss)
    assert [*weight_gradients, bias_gradient] == pytest.approx(numeric, rel=TOLERANCE, abs=TOLERANCE)


def test_sigmoid_with_binary_cross_entropy_is_prediction_minus_label():
    neuron = Neuron([0.4, -0.7], 0.2)
    y = [1, 0, 0, 1]
    errors = [sigmoid(neuron.weighted_sum(row)) - label for row, label in zip(X4, y)]  # dL/dz_i = ŷ_i - y_i
    expected = [sum(e * row[j] for e, row in zip(errors, X4)) / 4 for j in range(2)]  # averaged over the rows
    weight_gradients, bias_gradient = gradients(neuron, X4, y)
    assert weight_gradients == pytest.approx(expected, rel=1e-12)
    assert bias_gradient == pytest.approx(sum(errors) / 4, rel=1e-12)


def test_chain_rule_by_hand_for_one_row():
    # identity neuron, squared error: L = (w·x + b - y)^2, dL/dw = 2 (ŷ - y) x, dL/db = 2 (ŷ - y)
    neuron = Neuron([2.0, 1.0], 0.5, activation="identity")
    weight_gradients, bias_gradient = gradients(neuron, [[1.0, 3.0]], [4.0], loss="mean_squared_error")
    # ŷ = 2 + 3 + 0.5 = 5.5, ŷ - y = 1.5
    assert weight_gradients == [3.0, 9.0]
    assert bias_gradient == 3.0


def test_saturated_sigmoid_still_learns():
    # z = -1000 for a positive example: ŷ is 0.0 to the last digit, yet the gradient is exactly -1 · x
    neuron = Neuron([-1000.0], 0.0)
    assert neuron([1.0]) == 0.0
    weight_gradients, bias_gradient = gradients(neuron, [[1.0]], [1])
    assert weight_gradients == [-1.0] and bias_gradient == -1.0
    assert compute_loss(neuron, [[1.0]], [1]) == 1000.0  # the exact -log(sigmoid(-1000))


def test_step_neuron_gets_no_gradient():
    neuron = Neuron([0.3, -0.2], 0.1, activation="step")
    weight_gradients, bias_gradient = gradients(neuron, X4, [1, 0, 1, 0], loss="mean_squared_error")
    assert weight_gradients == [0.0, 0.0] and bias_gradient == 0.0


def test_update_is_one_step_against_the_gradient():
    neuron = Neuron([1.0, -2.0], 0.5)
    returned = update(neuron, [0.5, -1.0], 2.0, learning_rate=0.1)
    assert returned is neuron
    assert neuron.weights == pytest.approx([0.95, -1.9])  # w - 0.1 · dL/dw
    assert neuron.bias == pytest.approx(0.3)  # b - 0.1 · dL/db


def test_one_update_lowers_the_loss():
    neuron = Neuron([0.4, -0.7], 0.2)
    before = compute_loss(neuron, X4, [1, 0, 0, 1])
    update(neuron, *gradients(neuron, X4, [1, 0, 0, 1]), learning_rate=0.1)
    assert compute_loss(neuron, X4, [1, 0, 0, 1]) < before


def test_history_records_before_training_and_after_every_epoch():
    neuron = Neuron.random(2, seed=3)
    start = Neuron(neuron.weights, neuron.bias)
    history = neuron.fit(*OR, learning_rate=0.5, epochs=20)
    assert isinstance(history, History)
    assert history.epochs == 20
    assert len(history.losses) == len(history.weights) == len(history.biases) == 21
    assert history.losses[0] == compute_loss(start, *OR)  # before the first update
    assert history.weights[0] == start.weights and history.biases[0] == start.bias
    assert history.weights[-1] == neuron.weights and history.biases[-1] == neuron.bias
    assert history.losses[-1] == compute_loss(neuron, *OR)
    assert history.loss_name == "binary_cross_entropy" and history.learning_rate == 0.5


def test_history_replays_training_step_by_step():
    neuron = Neuron.random(2, seed=5)
    history = fit(neuron, *AND, learning_rate=0.3, epochs=10)
    for epoch in range(10):
        replay = Neuron(history.weights[epoch], history.biases[epoch])
        assert compute_loss(replay, *AND) == history.losses[epoch]
        update(replay, *gradients(replay, *AND), learning_rate=0.3)
        assert replay.weights == history.weights[epoch + 1]
        assert replay.bias == history.biases[epoch + 1]


def test_zero_epochs_changes_nothing():
    neuron = Neuron([0.1, 0.2], 0.3)
    history = neuron.fit(*OR, epochs=0)
    assert neuron.parameters() == [0.1, 0.2, 0.3]
    assert len(history.losses) == 1 and history.epochs == 0


def test_fit_does_not_change_the_dataset():
    X, y = [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 1]
    Neuron.random(2, seed=1).fit(X, y, epochs=5)
    assert X == [[0, 0], [0, 1], [1, 0], [1, 1]] and y == [0, 1, 1, 1]


def test_print_every(capsys):
    Neuron.random(2, seed=0).fit(*OR, epochs=250, print_every=100)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines] == ["0", "100", "200", "250"]
    assert lines[1].startswith("epoch 100  loss 0.")
    assert all(len(line.split()[3]) == 6 for line in lines)  # loss with 4 decimals


def test_no_printing_by_default(capsys):
    Neuron.random(2, seed=0).fit(*OR, epochs=5)
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("gate", ["OR", "AND", "NAND"])
@pytest.mark.parametrize("seed", range(5))
def test_linearly_separable_gates_are_learned_perfectly(gate, seed):
    X, y = {"OR": OR, "AND": AND, "NAND": NAND}[gate]
    neuron = Neuron.random(2, seed=seed)
    history = neuron.fit(X, y)  # the defaults: learning_rate=0.1, epochs=1000, binary cross-entropy
    assert accuracy(neuron, X, y) == 1.0
    assert history.losses[-1] < history.losses[0]
    assert all(later <= earlier + 1e-12 for earlier, later in zip(history.losses, history.losses[1:]))


@pytest.mark.parametrize("seed", range(5))
def test_xor_is_not_learned(seed):
    neuron = Neuron.random(2, seed=seed)
    history = neuron.fit(*XOR, learning_rate=0.5, epochs=3000)
    assert accuracy(neuron, *XOR) <= 0.75
    assert history.losses[-1] == pytest.approx(math.log(2), abs=0.01)  # stuck near "always 0.5"


def separates(w1, w2, b, X, y):
    """Does the line w1·x1 + w2·x2 + b = 0 put every class-1 point on its z >= 0 side and every 0 on the other?"""
    return all((w1 * x1 + w2 * x2 + b >= 0) == (label == 1) for (x1, x2), label in zip(X, y))


def test_why_xor_fails_no_line_separates_its_points():
    grid = [k / 4 for k in range(-20, 21)]  # weights and biases from -5 to 5 in steps of 0.25
    for gate, found in (("OR", OR), ("AND", AND), ("NAND", NAND)):
        assert any(separates(w1, w2, b, *found) for w1, w2, b in itertools.product(grid, repeat=3)), gate
    assert not any(separates(w1, w2, b, *XOR) for w1, w2, b in itertools.product(grid, repeat=3))


@settings(max_examples=500, deadline=None)
@given(w1=st.floats(-1e6, 1e6), w2=st.floats(-1e6, 1e6), b=st.floats(-1e6, 1e6))
def test_why_xor_fails_for_any_line(w1, w2, b):
    # class 1 for (0,1) and (1,0) needs w2 + b >= 0 and w1 + b >= 0; class 0 for (0,0) needs b < 0;
    # adding: w1 + w2 + b >= -b > 0, so (1,1) lands in class 1 too. Hypothesis finds no counterexample.
    assert not separates(w1, w2, b, *XOR)


def test_spam_is_learned():
    neuron = Neuron.random(4, seed=0)
    neuron.fit(*SPAM)
    assert accuracy(neuron, *SPAM) == 1.0


def test_hinge_training_with_minus_one_plus_one_labels():
    X, y = OR[0], [-1, 1, 1, 1]
    neuron = Neuron.random(2, seed=2, activation="identity")
    history = neuron.fit(X, y, learning_rate=0.1, epochs=500, loss="hinge")
    assert accuracy(neuron, X, y, threshold=0.0) == 1.0
    assert history.losses[-1] < history.losses[0]


def test_regression_with_mean_squared_error_finds_the_shopping_prices():
    X = [[2, 3], [1, 0], [0, 2], [4, 1], [3, 3]]
    y = [10 * a + 15 * o + 5 for a, o in X]
    neuron = Neuron([0.0, 0.0], 0.0, activation="identity")
    neuron.fit(X, y, learning_rate=0.02, epochs=5000, loss="mean_squared_error")
    assert neuron.parameters() == pytest.approx([10.0, 15.0, 5.0], abs=1e-6)


def test_accuracy_counts_rows():
    neuron = Neuron([1.0, 1.0], -1.5, activation="step")  # AND
    assert accuracy(neuron, *AND) == 1.0
    assert accuracy(neuron, *OR) == 0.5


def test_divergence_is_explained():
    neuron = Neuron([0.0, 0.0], 0.0, activation="identity")
    with pytest.raises(ValueError, match=r"diverged.*smaller learning_rate"):
        neuron.fit(*OR, learning_rate=100.0, epochs=1000, loss="mean_squared_error")


def test_history_repr_and_plot():
    history = Neuron.random(2, seed=0).fit(*OR, epochs=10)
    assert repr(history).startswith("History(epochs=10, binary_cross_entropy ")
    assert isinstance(history.plot(), Plot)
    assert repr(History()) == "History(epochs=0, no losses recorded)"
