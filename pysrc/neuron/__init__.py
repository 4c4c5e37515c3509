"""neuron: a single artificial neuron in plain Python, to read, run and train.

    from neuron import Neuron
    n = Neuron(weights=[0.5, -1.0], bias=1.0, activation="relu")
    n([2.0, 3.0])                  # output = activation(w·x + b) → 0.0
    n.weighted_sum([2.0, 3.0])     # z = w·x + b → -1.0
    print(n.explain([2.0, 3.0]))   # every step, with the numbers
    n.draw([2.0, 3.0])             # the same steps as a picture (a panel shows n itself as one too)
    n.predict(rows)                # one output per row
    Neuron.random(2, seed=0)       # weights and bias uniform in [-1, 1]
    history = n.fit(X, y, learning_rate=0.1, epochs=1000, loss="binary_cross_entropy")

Modules, one idea each:
    activations  identity, step, relu, leaky_relu, sigmoid, tanh, elu (+ *_derivative),
                 softmax; get_activation(name) → .name .function .derivative
    losses       mean_squared_error, mean_absolute_error, binary_cross_entropy,
                 categorical_cross_entropy, sparse_categorical_cross_entropy, hinge
                 (+ *_gradient: d loss / d prediction); get_loss(name) → .name .function .gradient
    neuron       Neuron (n.fit, n.explain and n.draw hand over to training, explain and plot)
    training     compute_loss, gradients, update, fit → History(losses, weights, biases), accuracy
    timeline     Timeline(X, y).record(weights, bias, loss), history.timeline(): training to scrub through
    landscape    loss_landscape, plot_loss_landscape(X, y, history): the loss over two weights, and a path
    datasets     OR, AND, NAND, XOR, SPAM (+ SPAM_FEATURES), shopping_bill()
    explain      explain(neuron, inputs) (also n.explain(inputs))
    plot         plot_functions, plot_lines, plot_loss, plot_decision_boundary, draw_neuron
                 (SVG pictures); a package: charts, figure (Plot), heatmap, diagram, ticks, clipping, svg
    selfcheck    run(), main(): the package checks itself (also inside the browser)
    formatting   format_number: numbers as a learner writes them (2.0, -3.0, 0.268941)
    validation   the checks that turn a wrong argument into a sentence (check_number, check_dataset, ...)
    arithmetic   add_up: a sum rounded once

Mistakes raise TypeError (not a number) or ValueError (wrong length, NaN or
infinity, empty data, bad labels, unknown name) with a sentence saying what to fix.
Standard library only: runs the same in CPython and in the browser (Pyodide).
"""

from .activations import (
    elu,
    elu_derivative,
    get_activation,
    identity,
    identity_derivative,
    leaky_relu,
    leaky_relu_derivative,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    softmax,
    softmax_derivative,
    step,
    step_derivative,
    tanh,
    tanh_derivative,
)
from .datasets import AND, NAND, OR, SPAM, SPAM_FEATURES, XOR, shopping_bill
from .landscape import loss_landscape, plot_loss_landscape
from .losses import (
    binary_cross_entropy,
    binary_cross_entropy_gradient,
    categorical_cross_entropy,
    categorical_cross_entropy_gradient,
    get_loss,
    hinge,
    hinge_gradient,
    mean_absolute_error,
    mean_absolute_error_gradient,
    mean_squared_error,
    mean_squared_error_gradient,
    sparse_categorical_cross_entropy,
    sparse_categorical_cross_entropy_gradient,
)
from .neuron import Neuron
from .plot import plot_decision_boundary, plot_functions, plot_lines, plot_loss
from .timeline import Timeline
from .training import History, accuracy, compute_loss, fit, gradients, update

__all__ = [
    # the neuron
    "Neuron",
    # activations
    "identity",
    "step",
    "relu",
    "leaky_relu",
    "sigmoid",
    "tanh",
    "elu",
    "softmax",
    "identity_derivative",
    "step_derivative",
    "relu_derivative",
    "leaky_relu_derivative",
    "sigmoid_derivative",
    "tanh_derivative",
    "elu_derivative",
    "softmax_derivative",
    "get_activation",
    # losses
    "mean_squared_error",
    "mean_absolute_error",
    "binary_cross_entropy",
    "categorical_cross_entropy",
    "sparse_categorical_cross_entropy",
    "hinge",
    "mean_squared_error_gradient",
    "mean_absolute_error_gradient",
    "binary_cross_entropy_gradient",
    "categorical_cross_entropy_gradient",
    "sparse_categorical_cross_entropy_gradient",
    "hinge_gradient",
    "get_loss",
    # training
    "compute_loss",
    "gradients",
    "update",
    "fit",
    "History",
    "accuracy",
    # datasets
    "OR",
    "AND",
    "NAND",
    "XOR",
    "SPAM",
    "SPAM_FEATURES",
    "shopping_bill",
    # plots
    "plot_functions",
    "plot_lines",
    "plot_loss",
    "plot_decision_boundary",
    "plot_loss_landscape",
    "loss_landscape",
    # replaying training
    "Timeline",
]
