"""Activations: values worked by hand, derivatives against central finite differences, stability."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron import activations
from neuron.activations import (
    ACTIVATIONS,
    elu,
    elu_derivative,
    get_activation,
    identity,
    leaky_relu,
    leaky_relu_derivative,
    relu,
    sigmoid,
    softmax,
    softmax_derivative,
    step,
    tanh,
)

H = 1e-6  # finite-difference step, relative to |z|
TOLERANCE = 1e-6  # |formula - finite difference| allowed, relative to max(1, |value|)


def central_difference(f, z):
    h = H * max(1.0, abs(z))
    return (f(z + h) - f(z - h)) / (2 * h)


def assert_matches_finite_difference(derivative, f, z):
    numeric = central_difference(f, z)
    assert derivative(z) == pytest.approx(numeric, rel=TOLERANCE, abs=TOLERANCE)


ALL_NAMES = ["identity", "step", "relu", "leaky_relu", "sigmoid", "tanh", "elu"]
away_from_kinks = st.floats(-60, 60).filter(lambda z: abs(z) > 1e-3)


def test_lookup_knows_exactly_the_seven_single_number_activations():
    assert sorted(ACTIVATIONS) == sorted(ALL_NAMES)
    for name in ALL_NAMES:
        activation = get_activation(name)
        assert activation.name == name
        assert activation.function is getattr(activations, name)
        assert activation.derivative is getattr(activations, f"{name}_derivative")


@pytest.mark.parametrize("name", ALL_NAMES)
@settings(max_examples=200, deadline=None)
@given(z=away_from_kinks)
def test_every_derivative_matches_finite_differences(name, z):
    activation = get_activation(name)
    assert_matches_finite_difference(activation.derivative, activation.function, z)


@settings(max_examples=100, deadline=None)
@given(z=away_from_kinks, slope=st.floats(0.0, 0.5))
def test_leaky_relu_derivative_for_any_slope(z, slope):
    assert_matches_finite_difference(lambda v: leaky_relu_derivative(v, slope), lambda v: leaky_relu(v, slope), z)


@settings(max_examples=100, deadline=None)
@given(z=away_from_kinks, alpha=st.floats(0.1, 3.0))
def test_elu_derivative_for_any_alpha(z, alpha):
    assert_matches_finite_difference(lambda v: elu_derivative(v, alpha), lambda v: elu(v, alpha), z)


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.floats(-30, 30), min_size=1, max_size=5))
def test_softmax_jacobian_matches_finite_differences(values):
    jacobian = softmax_derivative(values)
    for j in range(len(values)):
        plus, minus = list(values), list(values)
        plus[j] += H
        minus[j] -= H
        column = [(p - m) / (2 * H) for p, m in zip(softmax(plus), softmax(minus))]
        for i in range(len(values)):
            assert jacobian[i][j] == pytest.approx(column[i], abs=TOLERANCE)


def test_values_worked_by_hand():
    assert identity(-2.5) == -2.5
    assert step(0) == 1.0 and step(-0.1) == 0.0 and step(3) == 1.0
    assert relu(-1.0) == 0.0 and relu(2.5) == 2.5
    assert leaky_relu(-2.0) == pytest.approx(-0.02) and leaky_relu(-2.0, slope=0.1) == pytest.approx(-0.2)
    assert sigmoid(0) == 0.5
    assert sigmoid(1.0) == pytest.approx(1 / (1 + math.e**-1), rel=1e-15)
    assert sigmoid(-2.0) == pytest.approx(1 / (1 + math.e**2), rel=1e-15)
    assert tanh(0.5) == pytest.approx((math.e**0.5 - math.e**-0.5) / (math.e**0.5 + math.e**-0.5), rel=1e-15)
    assert elu(-1.0) == pytest.approx(math.e**-1 - 1, rel=1e-15) and elu(2.0) == 2.0
    assert elu(-1.0, alpha=2.0) == pytest.approx(2 * (math.e**-1 - 1), rel=1e-15)
    assert softmax([1.0, 2.0, 3.0]) == pytest.approx([math.e**k / (math.e + math.e**2 + math.e**3) for k in (1, 2, 3)])


def test_derivatives_at_the_kinks_use_the_left_value():
    assert activations.relu_derivative(0) == 0.0
    assert activations.step_derivative(0) == 0.0
    assert leaky_relu_derivative(0, slope=0.2) == 0.2


def test_step_has_zero_slope_everywhere_so_gradient_descent_gets_no_signal():
    assert all(activations.step_derivative(z) == 0.0 for z in (-5, -0.1, 0.1, 5))
    assert "cannot be trained by gradient descent" in activations.step_derivative.__doc__


@settings(max_examples=200, deadline=None)
@given(z=st.floats(-745, 745))
def test_sigmoid_is_symmetric_and_in_range(z):
    assert 0.0 <= sigmoid(z) <= 1.0
    assert sigmoid(z) + sigmoid(-z) == pytest.approx(1.0, abs=1e-15)


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=8))
def test_softmax_is_a_probability_distribution(values):
    probabilities = softmax(values)
    assert all(0.0 <= p <= 1.0 for p in probabilities)
    assert math.fsum(probabilities) == pytest.approx(1.0, abs=1e-12)
    for i, j in zip(range(len(values)), range(1, len(values))):
        if values[i] > values[j]:  # a larger score never gets a smaller probability
            assert probabilities[i] >= probabilities[j]


@pytest.mark.filterwarnings("error")
class TestStability:
    """Extreme inputs: finite, correct, and no OverflowError or warning (warnings are errors here)."""

    def test_sigmoid_of_huge_numbers(self):
        assert sigmoid(-1000) == 0.0
        assert sigmoid(1000) == 1.0
        assert sigmoid(-1e308) == 0.0 and sigmoid(1e308) == 1.0
        assert sigmoid(-700) == pytest.approx(math.exp(-700), rel=1e-12)  # tiny but not rounded to 0

    def test_sigmoid_derivative_of_huge_numbers(self):
        assert activations.sigmoid_derivative(-1000) == 0.0
        assert activations.sigmoid_derivative(1000) == 0.0

    def test_softmax_of_huge_numbers(self):
        assert softmax([1000, 1000]) == [0.5, 0.5]
        assert softmax([1000, 0]) == [1.0, 0.0]
        assert softmax([-1000, -1000, -1000]) == pytest.approx([1 / 3] * 3)
        assert softmax([1e308, -1e308]) == [1.0, 0.0]

    @pytest.mark.parametrize("name", ALL_NAMES)
    def test_every_activation_and_derivative_is_finite_far_out(self, name):
        activation = get_activation(name)
        for z in (-1e6, -1000.0, 1000.0, 1e6):
            assert math.isfinite(activation.function(z))
            assert math.isfinite(activation.derivative(z))

    def test_tanh_and_elu_far_out(self):
        assert tanh(1000) == 1.0 and tanh(-1000) == -1.0
        assert elu(-1000) == -1.0 and elu_derivative(-1000) == 0.0
