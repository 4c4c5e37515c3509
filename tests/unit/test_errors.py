"""Errors that teach: each mistake raises a standard exception with a sentence a beginner can act on."""

import math
import re

import pytest

from neuron import (
    OR,
    Neuron,
    binary_cross_entropy,
    categorical_cross_entropy,
    get_activation,
    get_loss,
    hinge,
    mean_squared_error,
    softmax,
    sparse_categorical_cross_entropy,
)
from neuron.plot import plot_decision_boundary, plot_functions
from neuron.training import gradients, update

ACTIVATION_NAMES = "elu, identity, leaky_relu, relu, sigmoid, step, tanh"
LOSS_NAMES = (
    "binary_cross_entropy, categorical_cross_entropy, hinge, mean_absolute_error, "
    "mean_squared_error, sparse_categorical_cross_entropy"
)


@pytest.fixture
def n():
    return Neuron([0.5, -1.0], 1.0)


def raises(exception, message):
    """pytest.raises matching the message literally (not as a regular expression)."""
    return pytest.raises(exception, match=re.escape(message))


# --- inputs -----------------------------------------------------------------------------


def test_inputs_and_weights_of_different_lengths_say_both_lengths(n):
    with raises(ValueError, "The neuron has 2 weights but got 3 inputs: give one input per weight."):
        n([1.0, 2.0, 3.0])
    with raises(ValueError, "The neuron has 2 weights but got 1 input: give one input per weight."):
        n.weighted_sum([1.0])
    with raises(ValueError, "The neuron has 2 weights but got 3 inputs"):
        n.explain([1.0, 2.0, 3.0])


def test_a_non_number_in_the_inputs(n):
    with raises(TypeError, "Input 2 must be a number, but it is 'three' (a str)."):
        n([1.0, "three"])
    with raises(TypeError, "Row 1, value 1 must be a number, but it is None (a NoneType)."):
        n.predict([[None, 1.0]])


def test_booleans_are_refused_with_a_hint(n):
    with raises(TypeError, "Input 1 must be a number, but it is True (a bool). Write 1 or 0 instead of True or False."):
        n([True, 0])


def test_inputs_that_are_not_a_list(n):
    with raises(TypeError, "The inputs must be a list of numbers such as [2.0, 3.0], but got 2.0 (a float)."):
        n(2.0)
    with raises(TypeError, "but got '23' (a str)"):
        n("23")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (math.nan, "Input 2 is NaN (not a number): every value must be a real number."),
        (math.inf, "Input 2 is infinite or too large (inf): every value must be a finite number."),
        (-math.inf, "Input 2 is infinite or too large (-inf)"),
        (10**400, "Input 2 is infinite or too large (inf)"),
    ],
)
def test_nan_and_infinity_in_the_inputs(n, value, message):
    with raises(ValueError, message):
        n([1.0, value])


def test_bad_weights_and_bias():
    with raises(ValueError, "Weight 1 is NaN"):
        Neuron([math.nan, 1.0], 0.0)
    with raises(TypeError, "The bias must be a number, but it is '1' (a str)."):
        Neuron([1.0], "1")
    with raises(ValueError, "The bias is infinite"):
        Neuron([1.0], math.inf)
    with raises(TypeError, "The weights must be a list of numbers"):
        Neuron(0.5, 1.0)
    with raises(ValueError, "A neuron needs at least one weight (one weight per input)."):
        Neuron([], 1.0)


def test_random_needs_a_positive_whole_number_of_inputs():
    for bad in (0, -1, 2.5, True):
        with raises(ValueError, "n_inputs is the number of inputs, a whole number of at least 1"):
            Neuron.random(bad)


# --- names ------------------------------------------------------------------------------


def test_unknown_activation_lists_the_valid_names_and_suggests_one():
    message = f"Unknown activation 'sigmod'. Did you mean 'sigmoid'? Choose one of: {ACTIVATION_NAMES}."
    with raises(ValueError, message):
        Neuron([1.0], 0.0, activation="sigmod")
    with raises(ValueError, message):
        get_activation("sigmod")
    with raises(ValueError, f"Unknown activation 'banana'. Choose one of: {ACTIVATION_NAMES}."):
        get_activation("banana")


def test_an_activation_renamed_later_is_caught_at_the_next_call(n):
    n.activation = "rleu"
    with raises(ValueError, "Unknown activation 'rleu'. Did you mean 'relu'?"):
        n([1.0, 2.0])


def test_softmax_is_not_a_single_neuron_activation():
    with raises(ValueError, "softmax works on a list of scores, not on the single number z of one neuron"):
        get_activation("softmax")


def test_names_must_be_strings():
    with raises(
        TypeError, "An activation is given by its name, a string such as 'sigmoid', not <built-in function abs>."
    ):
        get_activation(abs)
    with raises(TypeError, "A loss is given by its name"):
        get_loss(None)


def test_unknown_loss_lists_the_valid_names(n):
    with raises(
        ValueError, f"Unknown loss 'mean_square_error'. Did you mean 'mean_squared_error'? Choose one of: {LOSS_NAMES}."
    ):
        get_loss("mean_square_error")
    with raises(ValueError, f"Unknown loss 'cross'. Choose one of: {LOSS_NAMES}."):
        n.fit(*OR, loss="cross")


# --- datasets and labels ------------------------------------------------------------------


def test_empty_dataset(n):
    with raises(ValueError, "The inputs X is empty: give at least one row."):
        n.fit([], [])
    with raises(ValueError, "The rows to predict is empty"):
        n.predict([])
    with raises(ValueError, "The list of labels is empty"):
        mean_squared_error([], [])
    with raises(ValueError, "The list of predictions is empty"):
        categorical_cross_entropy([], [])


def test_labels_outside_0_and_1_for_binary_cross_entropy(n):
    with raises(ValueError, "Binary cross-entropy needs labels 0 or 1, but label 3 is 2."):
        binary_cross_entropy([0, 1, 2], [0.5, 0.5, 0.5])
    with raises(ValueError, "Binary cross-entropy needs labels 0 or 1, but label 1 is -1."):
        n.fit(OR[0], [-1, 1, 1, 1])


def test_predictions_outside_0_and_1_for_binary_cross_entropy():
    with raises(
        ValueError, "Binary cross-entropy needs predictions between 0 and 1 (probabilities), but prediction 2 is 1.5."
    ):
        binary_cross_entropy([0, 1], [0.5, 1.5])
    relu_neuron = Neuron([2.0, 2.0], 0.0, activation="relu")
    with raises(ValueError, "A sigmoid (or softmax) output is always between 0 and 1."):
        relu_neuron.fit(*OR)


def test_hinge_labels_must_be_minus_one_or_one():
    with raises(ValueError, "Hinge loss needs labels -1 or 1, but label 1 is 0."):
        hinge([0, 1], [0.5, 0.5])


def test_labels_and_predictions_of_different_lengths():
    with raises(ValueError, "Got 2 labels but 3 predictions: they must have the same length, one for each row."):
        mean_squared_error([1, 2], [1, 2, 3])


def test_rows_and_labels_of_different_lengths(n):
    with raises(ValueError, "Got 4 rows in X but 3 labels in y"):
        n.fit(OR[0], [0, 1, 1])


def test_rows_of_different_lengths(n):
    with raises(
        ValueError, "Row 1 of the inputs X has 2 values but row 2 has 3: every row needs the same number of values."
    ):
        n.fit([[0, 1], [1, 0, 1]], [0, 1])


def test_rows_that_do_not_fit_the_neuron(n):
    with raises(ValueError, "Each row of X has 3 values but the neuron has 2 weights: give one input per weight."):
        gradients(n, [[0, 1, 1]], [1])


def test_a_non_number_label(n):
    with raises(TypeError, "Label 2 must be a number, but it is 'yes' (a str)."):
        n.fit(OR[0], [0, "yes", 1, 1])


def test_categorical_labels():
    with raises(ValueError, "Label row 1 is [1.0, 1.0], which is not one-hot (a single 1, the rest 0)."):
        categorical_cross_entropy([[1, 1]], [[0.5, 0.5]])
    with raises(ValueError, "Row 1 has 3 labels but 2 predictions: give one per class."):
        categorical_cross_entropy([[1, 0, 0]], [[0.5, 0.5]])
    with raises(ValueError, "Label 1 is 2, but row 1 has 2 classes (0 to 1)."):
        sparse_categorical_cross_entropy([2], [[0.5, 0.5]])
    with raises(TypeError, "Label 1 is 0.5: sparse labels are class numbers such as 0, 1 or 2."):
        sparse_categorical_cross_entropy([0.5], [[0.5, 0.5]])


def test_a_single_neuron_cannot_use_a_categorical_loss(n):
    with raises(
        ValueError,
        "categorical_cross_entropy compares a probability for each of several classes, "
        "but a single neuron has one output.",
    ):
        n.fit(*OR, loss="categorical_cross_entropy")


def test_softmax_of_nothing_or_of_bad_values():
    with raises(ValueError, "softmax needs at least one value."):
        softmax([])
    with raises(ValueError, "Value 2 is NaN"):
        softmax([1.0, math.nan])


# --- training settings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"learning_rate": 0}, "The learning rate must be a positive number (such as 0.1), not 0."),
        ({"learning_rate": -0.1}, "The learning rate must be a positive number"),
        ({"learning_rate": math.nan}, "The learning rate is NaN"),
        ({"epochs": -1}, "epochs must be a whole number of at least 0 (such as 1000), not -1."),
        ({"epochs": 10.5}, "epochs must be a whole number"),
        ({"print_every": 0}, "print_every must be a whole number of at least 1 (or None), not 0."),
    ],
)
def test_bad_training_settings(n, settings, message):
    with raises(ValueError, message):
        n.fit(*OR, **settings)


def test_update_with_the_wrong_number_of_gradients(n):
    with raises(ValueError, "Got 3 weight gradients but 2 weights"):
        update(n, [0.1, 0.2, 0.3], 0.0, 0.1)


# --- plots --------------------------------------------------------------------------------


def test_plot_errors(n):
    with raises(ValueError, "x_min must be smaller than x_max, but they are 5 and -5."):
        plot_functions([abs], 5, -5)
    with raises(TypeError, "Give a function, a list of functions, or a dict such as {'sigmoid': sigmoid}."):
        plot_functions(42)
    with raises(ValueError, "A decision boundary can be drawn for 2 inputs (x1, x2) and a neuron with 2 weights."):
        plot_decision_boundary(Neuron([1.0, 1.0, 1.0], 0.0), [[0, 0, 1]], [1])
