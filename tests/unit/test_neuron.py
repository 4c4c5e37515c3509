"""The Neuron: forward pass worked by hand, random construction, parameters, repr, explain."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from neuron import Neuron, sigmoid
from neuron.explain import Explanation, format_number


def test_relu_neuron_worked_by_hand():
    n = Neuron(weights=[0.5, -1.0], bias=1.0, activation="relu")
    assert n.products([2.0, 3.0]) == [1.0, -3.0]  # 2.0 × 0.5, 3.0 × (-1.0)
    assert n.weighted_sum([2.0, 3.0]) == -1.0  # 1.0 - 3.0 + 1.0
    assert n([2.0, 3.0]) == 0.0  # relu(-1.0)


def test_default_activation_is_sigmoid():
    n = Neuron([1.0, 2.0], -1.0)
    assert n.activation == "sigmoid"
    assert n([1.0, 1.0]) == sigmoid(2.0)


def test_attributes_are_plain_floats_and_ints_are_accepted():
    n = Neuron([10, 15], 5, activation="identity")
    assert n.weights == [10.0, 15.0] and all(type(w) is float for w in n.weights)
    assert n.bias == 5.0 and type(n.bias) is float
    assert n([2, 3]) == 70
    assert Neuron([Fraction(1, 2)], 0, "identity")([4]) == 2.0  # any real number type works


def test_weights_are_copied_not_shared():
    weights = [1.0, 2.0]
    n = Neuron(weights, 0.0)
    weights[0] = 99.0
    assert n.weights == [1.0, 2.0]


@settings(max_examples=200, deadline=None)
@given(
    data=st.data(),
    size=st.integers(1, 6),
)
def test_weighted_sum_is_the_dot_product_plus_bias(data, size):
    numbers = st.floats(-1e6, 1e6)
    weights = data.draw(st.lists(numbers, min_size=size, max_size=size))
    inputs = data.draw(st.lists(numbers, min_size=size, max_size=size))
    bias = data.draw(numbers)
    n = Neuron(weights, bias, activation="identity")
    exact = sum(Fraction(w) * Fraction(x) for w, x in zip(weights, inputs)) + Fraction(bias)
    # each product is rounded once, then the sum is rounded once: within a few ulps of the exact value,
    # plus, for products that underflow below the smallest float, up to one subnormal step each
    scale = sum(abs(w * x) for w, x in zip(weights, inputs)) + abs(bias)
    underflow = (size + 1) * 2**-1074
    assert abs(n.weighted_sum(inputs) - float(exact)) <= 4 * 2**-52 * scale + underflow
    assert n(inputs) == n.weighted_sum(inputs)


def test_weighted_sum_is_rounded_once():
    # 1e100 + 1.0 - 1e100 + 1.0: the exact sum is 2.0, adding left to right loses the first 1.0
    n = Neuron([1.0, 1.0, -1.0], 1.0, activation="identity")
    assert n.weighted_sum([1e100, 1.0, 1e100]) == 2.0
    assert sum([1e100, 1.0, -1e100, 1.0]) == 1.0  # what naive summation would give


def test_predict_gives_one_output_per_row():
    n = Neuron([1.0, -1.0], 0.0, activation="step")
    assert n.predict([[1, 0], [0, 1], [2, 2]]) == [1.0, 0.0, 1.0]
    assert n.predict(((1, 0),)) == [1.0]


def test_random_is_reproducible_and_in_range():
    a = Neuron.random(3, seed=42)
    b = Neuron.random(3, seed=42)
    assert a.weights == b.weights and a.bias == b.bias
    assert Neuron.random(3, seed=43).weights != a.weights
    assert len(a.weights) == 3
    assert all(-1.0 <= p <= 1.0 for p in a.parameters())
    assert Neuron.random(2, seed=0, activation="tanh").activation == "tanh"


def test_random_uses_its_own_generator():
    import random

    random.seed(1)
    first = Neuron.random(2, seed=7).weights
    random.seed(2)
    assert Neuron.random(2, seed=7).weights == first
    state = random.getstate()
    Neuron.random(2, seed=7)
    assert random.getstate() == state  # the global generator is untouched


def test_random_without_seed_differs():
    assert Neuron.random(5).weights != Neuron.random(5).weights


def test_parameters_are_weights_then_bias_and_a_copy():
    n = Neuron([0.5, -1.0], 1.0)
    assert n.parameters() == [0.5, -1.0, 1.0]
    n.parameters().append(3.0)
    assert n.parameters() == [0.5, -1.0, 1.0]


def test_repr_reads_like_the_constructor():
    n = Neuron([0.5, -1.0], 1.0, activation="relu")
    assert repr(n) == "Neuron(weights=[0.5, -1.0], bias=1.0, activation='relu')"
    rebuilt = eval(repr(n), {"Neuron": Neuron})
    assert rebuilt.parameters() == n.parameters() and rebuilt.activation == n.activation


def test_explain_relu_example_line_by_line():
    n = Neuron([0.5, -1.0], 1.0, activation="relu")
    assert n.explain([2.0, 3.0]).splitlines() == [
        "inputs x = [2.0, 3.0], weights w = [0.5, -1.0], bias b = 1.0",
        "  2.0 × 0.5 = 1.0",
        "  3.0 × (-1.0) = -3.0",
        "sum of products = 1.0 + (-3.0) = -2.0",
        "+ bias 1.0 → z = -1.0",
        "relu(-1.0) = max(0, -1.0) = 0.0",
        "output: 0.0",
    ]


def test_explain_sigmoid_and_identity():
    text = Neuron([1.0], 0.0).explain([-1.0])
    assert "sigmoid(-1.0) = 1 / (1 + e^(1.0)) = 0.268941" in text
    assert text.endswith("output: 0.268941")
    bill = Neuron([10, 15], 5, activation="identity").explain([2, 3])
    assert "sum of products = 20.0 + 45.0 = 65.0" in bill
    assert "+ bias 5.0 → z = 70.0" in bill
    assert "identity(70.0) = 70.0" in bill


@pytest.mark.parametrize("activation", ["identity", "step", "relu", "leaky_relu", "sigmoid", "tanh", "elu"])
def test_explain_ends_with_the_true_output_for_every_activation(activation):
    n = Neuron([0.25, -0.75], 0.1, activation=activation)
    text = n.explain([1.5, 2.0])
    assert text.splitlines()[-1] == f"output: {format_number(n([1.5, 2.0]))}"
    assert f"{activation}({format_number(n.weighted_sum([1.5, 2.0]))})" in text


def test_explanation_is_a_string_that_displays_as_lines():
    text = Neuron([1.0], 0.0).explain([1.0])
    assert isinstance(text, str) and isinstance(text, Explanation)
    assert repr(text) == str(text)  # a panel showing repr() shows the lines, not '...\n...'


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1.0, "1.0"),
        (-3.0, "-3.0"),
        (70, "70.0"),
        (0.30000000000000004, "0.3"),
        (-0.0, "0.0"),
        (1e-7, "1e-07"),
        (0.2689414213699951, "0.268941"),
        (1234567.0, "1234567.0"),
        (math.inf, "inf"),
        (-math.inf, "-inf"),
        (2.5e20, "2.5e+20"),
    ],
)
def test_format_number(number, text):
    assert format_number(number) == text


def test_explain_survives_an_overflowing_product():
    text = Neuron([1e200], 0.0, activation="identity").explain([1e200])
    assert "1e+200 × 1e+200 = inf" in text and text.endswith("output: inf")


def test_the_examples_in_the_docstrings_are_true():
    import doctest

    import neuron.explain
    import neuron.neuron

    for module in (neuron.neuron, neuron.explain):
        failures, tried = doctest.testmod(module)
        assert tried > 0 and failures == 0, module.__name__
