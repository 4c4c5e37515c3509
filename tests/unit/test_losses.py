"""Losses: values worked by hand, gradients against central finite differences, stability."""

import math
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from neuron import losses
from neuron.activations import sigmoid
from neuron.losses import (
    EPSILON,
    LOSSES,
    binary_cross_entropy,
    binary_cross_entropy_from_logits,
    binary_cross_entropy_from_logits_gradient,
    categorical_cross_entropy,
    get_loss,
    hinge,
    mean_absolute_error,
    mean_squared_error,
    sparse_categorical_cross_entropy,
)

H = 1e-6
TOLERANCE = 1e-6


def nudge(values, position, h):
    """A copy of a flat list, or of a list of rows, with entry `position` (counted flat) moved by h."""
    if isinstance(values[0], list):
        width = len(values[0])
        copy = [list(row) for row in values]
        copy[position // width][position % width] += h
        return copy
    copy = list(values)
    copy[position] += h
    return copy


def assert_gradient_matches_finite_differences(name, y_true, y_pred):
    loss = get_loss(name)
    gradient = loss.gradient(y_true, y_pred)
    flat = [g for row in gradient for g in row] if isinstance(gradient[0], list) else gradient
    # A central difference of a loss of size |L| carries a rounding error of
    # about eps·|L|/h (for MSE at 100 that is ~1e-5): allow it, on top of the tolerance.
    rounding = 10 * sys.float_info.epsilon * max(1.0, abs(loss.function(y_true, y_pred))) / H
    for position, analytic in enumerate(flat):
        numeric = (
            loss.function(y_true, nudge(y_pred, position, H)) - loss.function(y_true, nudge(y_pred, position, -H))
        ) / (2 * H)
        assert analytic == pytest.approx(numeric, rel=TOLERANCE, abs=TOLERANCE + rounding), (name, position)


def test_lookup_knows_all_six_losses_and_the_short_names():
    assert sorted(LOSSES) == sorted(
        [
            "mean_squared_error",
            "mean_absolute_error",
            "binary_cross_entropy",
            "categorical_cross_entropy",
            "sparse_categorical_cross_entropy",
            "hinge",
        ]
    )
    for name, loss in LOSSES.items():
        assert loss.name == name
        assert loss.function is getattr(losses, name)
        assert loss.gradient is getattr(losses, f"{name}_gradient")
    assert get_loss("mse").name == "mean_squared_error"
    assert get_loss("mae").name == "mean_absolute_error"
    assert get_loss("bce").name == "binary_cross_entropy"


# --- gradients against finite differences ------------------------------------------------

rows = st.integers(1, 6)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), n=rows)
def test_mean_squared_error_gradient(data, n):
    y = data.draw(st.lists(st.floats(-100, 100), min_size=n, max_size=n))
    p = data.draw(st.lists(st.floats(-100, 100), min_size=n, max_size=n))
    assert_gradient_matches_finite_differences("mean_squared_error", y, p)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), n=rows)
def test_mean_absolute_error_gradient(data, n):
    y = data.draw(st.lists(st.floats(-100, 100), min_size=n, max_size=n))
    p = data.draw(st.lists(st.floats(-100, 100), min_size=n, max_size=n))
    assume(all(abs(a - b) > 1e-3 for a, b in zip(y, p)))  # |x| has a kink at 0
    assert_gradient_matches_finite_differences("mean_absolute_error", y, p)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), n=rows)
def test_binary_cross_entropy_gradient(data, n):
    y = data.draw(st.lists(st.sampled_from([0, 1]), min_size=n, max_size=n))
    p = data.draw(st.lists(st.floats(1e-3, 1 - 1e-3), min_size=n, max_size=n))
    assert_gradient_matches_finite_differences("binary_cross_entropy", y, p)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), n=rows)
def test_hinge_gradient(data, n):
    y = data.draw(st.lists(st.sampled_from([-1, 1]), min_size=n, max_size=n))
    p = data.draw(st.lists(st.floats(-5, 5), min_size=n, max_size=n))
    assume(all(abs(a * b - 1) > 1e-3 for a, b in zip(y, p)))  # max(0, .) has a kink at the margin
    assert_gradient_matches_finite_differences("hinge", y, p)


@st.composite
def class_predictions(draw, n, classes):
    return [draw(st.lists(st.floats(1e-3, 1 - 1e-3), min_size=classes, max_size=classes)) for _ in range(n)]


@settings(max_examples=150, deadline=None)
@given(data=st.data(), n=rows, classes=st.integers(2, 4))
def test_categorical_cross_entropy_gradient(data, n, classes):
    labels = data.draw(st.lists(st.integers(0, classes - 1), min_size=n, max_size=n))
    one_hot = [[1 if k == label else 0 for k in range(classes)] for label in labels]
    p = data.draw(class_predictions(n, classes))
    assert_gradient_matches_finite_differences("categorical_cross_entropy", one_hot, p)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), n=rows, classes=st.integers(2, 4))
def test_sparse_categorical_cross_entropy_gradient(data, n, classes):
    labels = data.draw(st.lists(st.integers(0, classes - 1), min_size=n, max_size=n))
    p = data.draw(class_predictions(n, classes))
    assert_gradient_matches_finite_differences("sparse_categorical_cross_entropy", labels, p)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), n=rows)
def test_binary_cross_entropy_from_logits_gradient_is_prediction_minus_label(data, n):
    y = data.draw(st.lists(st.sampled_from([0, 1]), min_size=n, max_size=n))
    z = data.draw(st.lists(st.floats(-30, 30), min_size=n, max_size=n))
    gradient = binary_cross_entropy_from_logits_gradient(y, z)
    for i in range(n):
        numeric = (
            binary_cross_entropy_from_logits(y, nudge(z, i, H)) - binary_cross_entropy_from_logits(y, nudge(z, i, -H))
        ) / (2 * H)
        assert gradient[i] == pytest.approx(numeric, abs=TOLERANCE)
        assert gradient[i] == pytest.approx((sigmoid(z[i]) - y[i]) / n, rel=1e-12, abs=1e-300)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), n=rows)
def test_from_logits_equals_the_probability_form_where_no_clipping_happens(data, n):
    y = data.draw(st.lists(st.sampled_from([0, 1]), min_size=n, max_size=n))
    z = data.draw(st.lists(st.floats(-10, 10), min_size=n, max_size=n))  # further out, 1 - sigmoid(z) loses digits
    assert binary_cross_entropy_from_logits(y, z) == pytest.approx(
        binary_cross_entropy(y, [sigmoid(v) for v in z]), rel=1e-9
    )


# --- values worked by hand ------------------------------------------------------------------


def test_values_worked_by_hand():
    assert mean_squared_error([1.0, 2.0], [1.5, 4.0]) == pytest.approx((0.25 + 4.0) / 2)
    assert mean_absolute_error([1.0, 2.0], [1.5, 4.0]) == pytest.approx((0.5 + 2.0) / 2)
    assert binary_cross_entropy([1, 0], [0.8, 0.4]) == pytest.approx(-(math.log(0.8) + math.log(0.6)) / 2)
    assert categorical_cross_entropy([[0, 1, 0], [1, 0, 0]], [[0.2, 0.7, 0.1], [0.5, 0.3, 0.2]]) == pytest.approx(
        -(math.log(0.7) + math.log(0.5)) / 2
    )
    assert sparse_categorical_cross_entropy([1, 0], [[0.2, 0.7, 0.1], [0.5, 0.3, 0.2]]) == pytest.approx(
        -(math.log(0.7) + math.log(0.5)) / 2
    )
    assert hinge([1, -1, 1], [2.0, 0.5, 0.25]) == pytest.approx((0.0 + 1.5 + 0.75) / 3)
    assert get_loss("mean_squared_error")([1.0], [0.5]) == 0.25


def test_gradients_worked_by_hand():
    assert losses.mean_squared_error_gradient([1.0, 2.0], [1.5, 4.0]) == pytest.approx([0.5, 2.0])
    assert losses.mean_absolute_error_gradient([1.0, 2.0, 3.0], [1.5, 1.0, 3.0]) == pytest.approx([1 / 3, -1 / 3, 0.0])
    assert losses.binary_cross_entropy_gradient([1], [0.8]) == pytest.approx([-1 / 0.8])
    assert losses.hinge_gradient([1, -1], [2.0, 0.5]) == pytest.approx([0.0, 0.5])
    assert losses.sparse_categorical_cross_entropy_gradient([1], [[0.2, 0.5, 0.3]])[0] == pytest.approx(
        [0.0, -2.0, 0.0]
    )
    assert losses.categorical_cross_entropy_gradient([[0, 1]], [[0.2, 0.5]])[0] == pytest.approx([0.0, -2.0])


def test_categorical_equals_sparse_with_the_same_classes():
    predictions = [[0.1, 0.6, 0.3], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6]]
    labels = [1, 0, 2]
    one_hot = [[1 if k == label else 0 for k in range(3)] for label in labels]
    assert categorical_cross_entropy(one_hot, predictions) == sparse_categorical_cross_entropy(labels, predictions)


def test_binary_cross_entropy_is_categorical_with_two_classes():
    y, p = [1, 0, 1], [0.9, 0.3, 0.6]
    two_classes = [[1 - a, a] for a in p]
    one_hot = [[1 - label, label] for label in y]
    assert binary_cross_entropy(y, p) == pytest.approx(categorical_cross_entropy(one_hot, two_classes), rel=1e-12)


# --- stability --------------------------------------------------------------------------


@pytest.mark.filterwarnings("error")
class TestStability:
    """Predictions of exactly 0 and 1: finite values, no warnings (warnings are errors here)."""

    def test_binary_cross_entropy_at_exactly_0_and_1(self):
        certain_and_right = binary_cross_entropy([1, 0], [1.0, 0.0])
        certain_and_wrong = binary_cross_entropy([1, 0], [0.0, 1.0])
        assert 0.0 <= certain_and_right < 1e-11
        assert certain_and_wrong == pytest.approx(-math.log(EPSILON), rel=1e-3)  # about 27.63, not infinity
        gradient = losses.binary_cross_entropy_gradient([1, 0], [0.0, 1.0])
        assert all(math.isfinite(g) for g in gradient)
        assert gradient[0] < 0 < gradient[1]  # still pushes each prediction towards its label

    def test_categorical_cross_entropies_at_exactly_0_and_1(self):
        assert categorical_cross_entropy([[1, 0]], [[0.0, 1.0]]) == pytest.approx(-math.log(EPSILON))
        assert categorical_cross_entropy([[1, 0]], [[1.0, 0.0]]) < 1e-11
        assert sparse_categorical_cross_entropy([0], [[0.0, 1.0]]) == pytest.approx(-math.log(EPSILON))
        assert all(math.isfinite(g) for g in losses.categorical_cross_entropy_gradient([[1, 0]], [[0.0, 1.0]])[0])
        assert all(math.isfinite(g) for g in losses.sparse_categorical_cross_entropy_gradient([0], [[0.0, 1.0]])[0])

    def test_from_logits_is_exact_for_huge_logits(self):
        assert binary_cross_entropy_from_logits([1], [-1000.0]) == 1000.0
        assert binary_cross_entropy_from_logits([0], [1000.0]) == 1000.0
        assert binary_cross_entropy_from_logits([1], [1000.0]) == 0.0
        assert binary_cross_entropy_from_logits([1], [-1e300]) == 1e300
        assert binary_cross_entropy_from_logits_gradient([1, 0], [-1000.0, 1000.0]) == [-0.5, 0.5]

    def test_mean_squared_error_of_huge_numbers_overflows_to_inf_quietly(self):
        assert mean_squared_error([0.0, 0.0], [1e200, 1e200]) == math.inf
