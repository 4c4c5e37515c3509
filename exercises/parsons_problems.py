"""The course's Parsons problems: a correct program's lines, shuffled, for the learner to order.

Each is a :class:`coursekit.parsons.Parsons` at module level; a lesson shows it
with ``/// parsons | <id>``. ``solution`` is the author's program, one
statement per line, indented by four spaces a level; ``distractors`` are lines
that do not belong, each with the explanation a learner who uses one gets.
The checks are written as an exercise's, or borrowed from an exercise (the
training loop's are ``train-loop``'s): the learner's order passes when the
checks pass, whatever order that is. The build runs each solution through its
checks, and the tests check that a shuffled order fails and every distractor
gets its explanation.
"""

# X, y: the names the lessons use for a dataset (as pysrc/neuron does)
# ruff: noqa: N806

from __future__ import annotations

from coursekit import expect, expect_close, fail
from coursekit.parsons import Parsons
from neuron import OR, Neuron, gradients, update

from . import training_or

# --- lesson 1: a neuron for any number of inputs ---------------------------------

neuron_function = Parsons(
    id="neuron-function",
    title="A neuron for any number of inputs",
    prompt="Put the lines in order, and indent them, to write `neuron(inputs, weights, bias)`: "
    "start `z` from the bias, add each input times its weight, then activate `z` with ReLU.",
    solution="""\
def relu(z):
    return max(0.0, z)
def neuron(inputs, weights, bias):
    z = bias
    for x, w in zip(inputs, weights):
        z = z + x * w
    return relu(z)
""",
    distractors=[
        ("z = 0", "z starts from the bias, so that the bias is added exactly once."),
        ("return z", "returning z skips the activation: the neuron must return relu(z)."),
    ],
)


@neuron_function.check("gives 0.0 for the lesson's example")
def lesson_example(learner):
    neuron = learner.function("neuron", "inputs", "weights", "bias")
    expect_close(
        neuron([2.0, 3.0], [0.5, -1.0], 1.0),
        0.0,
        "neuron([2, 3], [0.5, -1], 1) should be {expected} (z = -1, which ReLU makes 0), got {actual}.",
    )


@neuron_function.check("adds every input times its weight, and the bias once")
def any_inputs(learner):
    neuron = learner.function("neuron", "inputs", "weights", "bias")
    expect_close(
        neuron([1.0, 2.0, 3.0], [0.5, 0.25, -1.0], 4.0),
        2.0,
        "neuron([1, 2, 3], [0.5, 0.25, -1], 4) should be {expected}, got {actual}: is the sum inside the loop, "
        "and the return after it?",
    )
    expect_close(
        neuron([4.0, 1.0], [0.5, -1.0], 1.0),
        2.0,
        "neuron([4, 1], [0.5, -1], 1) should be {expected}, got {actual}.",
    )


# --- lesson 6: gradient descent with the package's gradients and update --------------

descent_loop = Parsons(
    id="descent-loop",
    title="A hundred epochs of gradient descent",
    prompt="Order the lines of the training loop: take `OR` and a random neuron, then, 100 times, "
    "compute the gradients on all of `X` and update the neuron with a learning rate of 0.5.",
    solution="""\
from neuron import OR, Neuron, gradients, update
X, y = OR
neuron = Neuron.random(2, seed=7)
for epoch in range(100):
    dw, db = gradients(neuron, X, y)
    update(neuron, dw, db, 0.5)
""",
    distractors=[
        (
            "update(neuron, db, dw, 0.5)",
            "update takes the weights' gradients first, then the bias's: update(neuron, dw, db, 0.5).",
        ),
        (
            "neuron = Neuron.random(2, seed=8)",
            "a second random neuron would throw away the first: the loop trains one neuron.",
        ),
    ],
)


def _descended(epochs: int) -> Neuron:
    """The reference: ``epochs`` steps of gradient descent on OR from the lesson's start."""
    X, y = OR
    neuron = Neuron.random(2, seed=7)
    for _ in range(epochs):
        dw, db = gradients(neuron, X, y)
        update(neuron, dw, db, 0.5)
    return neuron


@descent_loop.check("trains `neuron` for exactly 100 epochs from the lesson's start")
def hundred_epochs(learner):
    neuron = learner["neuron"]
    if not isinstance(neuron, Neuron):
        fail("`neuron` should be the Neuron the loop trains.")
    start, expected = _descended(0), _descended(100)
    if neuron.weights == start.weights and neuron.bias == start.bias:
        fail("`neuron` has not changed: the update must run inside the loop, after the gradients.")
    if abs(neuron.bias - _descended(1).bias) < 1e-12:
        fail("`neuron` took only one step: indent both the gradients and the update under the `for` line.")
    expect(
        all(abs(a - b) < 1e-9 for a, b in zip([*neuron.weights, neuron.bias], [*expected.weights, expected.bias])),
        f"After 100 epochs the bias should be {expected.bias:.4f}, but it is {neuron.bias:.4f}: "
        "are the gradients computed afresh in every epoch, from the same neuron that is updated?",
    )


# --- lesson 7: the training loop written out -----------------------------------------

train_loop_order = Parsons(
    id="train-loop-order",
    title="The training loop, in order",
    prompt="Put the lines of `train(neuron, X, y, learning_rate, epochs)` in order and indent them: "
    "every epoch, the gradients of the neuron as it is now, then a step of every weight and of the bias "
    "against its slope. It is checked as the exercise *Write the training loop* is.",
    solution="""\
from neuron import gradients
def train(neuron, X, y, learning_rate, epochs):
    for epoch in range(epochs):
        dw, db = gradients(neuron, X, y)
        neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, dw)]
        neuron.bias = neuron.bias - learning_rate * db
    return neuron
""",
    distractors=[
        (
            "neuron.bias = neuron.bias + learning_rate * db",
            "adding the slope climbs uphill: gradient descent steps against it, with a minus.",
        ),
        (
            "neuron.fit(X, y, learning_rate, epochs)",
            "fit runs the whole training loop for you, and here you write that loop yourself.",
        ),
    ],
    checks=list(training_or.train_loop.checks),
)
