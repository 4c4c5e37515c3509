"""Exercises of lesson 7, "Training a neuron on the OR gate".

``train-loop``: write the training loop of full-batch gradient descent
(gradients from ``neuron.gradients``, the update step by hand) and train AND.
"""

# X, y: the names the lessons use for a dataset (as pysrc/neuron does)
# ruff: noqa: N803, N806

from __future__ import annotations

import math

from coursekit import CheckFailed, Exercise, LearnerError, brief, expect, fail
from neuron import AND, OR, Neuron, gradients


def _train(neuron: Neuron, X, y, learning_rate: float, epochs: int, *, bias=True, sign=-1.0, stale=False) -> Neuron:
    """The reference loop (and, with other arguments, the wrong loops the checks recognise)."""
    weight_gradients, bias_gradient = gradients(neuron, X, y)
    for _ in range(epochs):
        if not stale:
            weight_gradients, bias_gradient = gradients(neuron, X, y)
        neuron.weights = [w + sign * learning_rate * g for w, g in zip(neuron.weights, weight_gradients)]
        if bias:
            neuron.bias = neuron.bias + sign * learning_rate * bias_gradient
    return neuron


def _start() -> Neuron:
    """A small fixed neuron to take a few steps from."""
    return Neuron([0.1, 0.2], 0.0)


def _parameters(neuron: Neuron) -> list[float]:
    return [*neuron.weights, neuron.bias]


def _same(a: Neuron, b: Neuron) -> bool:
    return all(math.isclose(p, q, rel_tol=1e-6, abs_tol=1e-9) for p, q in zip(_parameters(a), _parameters(b)))


def _describe(neuron: Neuron) -> str:
    return f"weights {[round(w, 4) for w in neuron.weights]}, bias {round(neuron.bias, 4)}"


def _trained(learner, X, y, learning_rate: float, epochs: int, what: str) -> Neuron:
    """Call the learner's train on a fresh copy of the small start; check it returns a neuron."""
    train = learner.function("train", "neuron", "X", "y", "learning_rate", "epochs")
    call = f"train(Neuron([0.1, 0.2], 0.0), {what}, learning_rate={learning_rate}, epochs={epochs})"
    try:
        result = train(_start(), X, y, learning_rate, epochs)
    except LearnerError as error:
        if "TypeError" not in error.message or not ("sequence" in error.message or "list" in error.message):
            raise
        raise CheckFailed(
            f"{error.message}. neuron.weights is a list, and Python does not do arithmetic on a whole list: "
            "make a new list, one weight at a time: [w - learning_rate * g for w, g in zip(neuron.weights, "
            "weight_gradients)].",
            error.details,
        ) from None
    if result is None:
        fail(f"{call} returned None: end your function with: return neuron, so the trained neuron comes back.")
    if not isinstance(result, Neuron):
        fail(f"{call} returned {brief(result)}: it should return the neuron it trained.")
    return result


train_loop = Exercise(
    id="train-loop",
    title="Write the training loop",
    prompt=(
        "Write `train(neuron, X, y, learning_rate, epochs)`: repeat `epochs` times: get the slopes with "
        "`weight_gradients, bias_gradient = gradients(neuron, X, y)`, then move **every weight and the bias** "
        "a step against its slope, $w_j \\leftarrow w_j - \\eta\\,\\partial L/\\partial w_j$ and "
        "$b \\leftarrow b - \\eta\\,\\partial L/\\partial b$. Return the neuron. The last lines train it on AND. "
        "Write the loop yourself: `train` must not call `fit`, which would run it for you."
    ),
    starter='''\
from neuron import AND, Neuron, gradients


def train(neuron, X, y, learning_rate, epochs):
    """Train the neuron by full-batch gradient descent, and return it."""
    # Repeat epochs times:
    #   1. weight_gradients, bias_gradient = gradients(neuron, X, y)
    #   2. move every weight and the bias a step against its slope
    return neuron


X, y = AND
neuron = train(Neuron.random(2, seed=7), X, y, 0.5, epochs=1000)
print("rounded predictions:", [round(p) for p in neuron.predict(X)])
print("labels:             ", y)
''',
    solution='''\
from neuron import AND, Neuron, gradients


def train(neuron, X, y, learning_rate, epochs):
    """Train the neuron by full-batch gradient descent, and return it."""
    for epoch in range(epochs):
        dw, db = gradients(neuron, X, y)
        neuron.weights = [w - learning_rate * g
                          for w, g in zip(neuron.weights, dw)]
        neuron.bias = neuron.bias - learning_rate * db
    return neuron


X, y = AND
neuron = train(Neuron.random(2, seed=7), X, y, 0.5, epochs=1000)
print("rounded predictions:", [round(p) for p in neuron.predict(X)])
print("labels:             ", y)
''',
    hints=[
        "The loop is `for epoch in range(epochs):`, and the gradients must be computed inside it: "
        "after every step the neuron has changed, so its slopes have too.",
        "New weights, all at once: `neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, "
        "weight_gradients)]`. Note the minus: we step against the slope.",
        "Do not forget the bias: `neuron.bias = neuron.bias - learning_rate * bias_gradient`. "
        "(The package's `update(neuron, weight_gradients, bias_gradient, learning_rate)` does both.)",
    ],
    mistakes=[
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(epochs):\n"
            "        gw, gb = gradients(neuron, X, y)\n"
            "        neuron.weights = [w + learning_rate * g for w, g in zip(neuron.weights, gw)]\n"
            "        neuron.bias = neuron.bias + learning_rate * gb\n"
            "    return neuron\n",
            "against the slope",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(epochs):\n"
            "        gw, gb = gradients(neuron, X, y)\n"
            "        neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, gw)]\n"
            "    return neuron\n",
            "the bias did not move",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    gw, gb = gradients(neuron, X, y)\n"
            "    for epoch in range(epochs):\n"
            "        neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, gw)]\n"
            "        neuron.bias = neuron.bias - learning_rate * gb\n"
            "    return neuron\n",
            "inside the loop",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(epochs):\n"
            "        gw, gb = gradients(neuron, X, y)\n"
            "        neuron.weights = [w - 0.5 * g for w, g in zip(neuron.weights, gw)]\n"
            "        neuron.bias = neuron.bias - 0.5 * gb\n"
            "    return neuron\n",
            "learning_rate argument",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(epochs):\n"
            "        gw, gb = gradients(neuron, X, y)\n"
            "        neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, gw)]\n"
            "        neuron.bias = neuron.bias - learning_rate * gb\n"
            "        return neuron\n",
            "only one step",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    neuron.fit(X, y, learning_rate, epochs)\n"
            "    return neuron\n",
            "calls fit, which runs the whole training loop for you",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(1, epochs):\n"
            "        gw, gb = gradients(neuron, X, y)\n"
            "        neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, gw)]\n"
            "        neuron.bias = neuron.bias - learning_rate * gb\n"
            "    return neuron\n",
            "one time fewer than epochs",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(epochs + 1):\n"
            "        gw, gb = gradients(neuron, X, y)\n"
            "        neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, gw)]\n"
            "        neuron.bias = neuron.bias - learning_rate * gb\n"
            "    return neuron\n",
            "one time more than epochs",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    gw, gb = gradients(neuron, X, y)\n"
            "    neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, gw)]\n"
            "    neuron.bias = neuron.bias - learning_rate * gb\n"
            "    return neuron\n",
            "train has no loop",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(epochs):\n"
            "        gw, gb = gradients(neuron, X, y)\n"
            "        neuron.weights = neuron.weights - learning_rate * gw\n"
            "        neuron.bias = neuron.bias - learning_rate * gb\n"
            "    return neuron\n",
            "Python does not do arithmetic on a whole list",
        ),
        (
            "from neuron import gradients\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(epochs):\n"
            "        gw, gb = gradients(neuron, X, y)\n"
            "        for w, g in zip(neuron.weights, gw):\n"
            "            w -= learning_rate * g\n"
            "        neuron.bias = neuron.bias - learning_rate * gb\n"
            "    return neuron\n",
            "changes only the loop variable",
        ),
        (
            "from neuron import AND, Neuron, gradients\n"
            "\n"
            "\n"
            "def train(neuron, X, y, learning_rate, epochs):\n"
            "    for epoch in range(epochs):\n"
            "        dw, db = gradients(neuron, X, y)\n"
            "        neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, dw)]\n"
            "        neuron.bias = neuron.bias - learning_rate * db\n"
            "\n"
            "\n"
            "X, y = AND\n"
            "neuron = train(Neuron.random(2, seed=7), X, y, 0.5, epochs=1000)\n"
            'print("rounded predictions:", [round(p) for p in neuron.predict(X)])\n',
            "returned None: end your function with: return neuron",
        ),
    ],
)


@train_loop.check("one epoch moves every weight and the bias a step against its slope")
def one_step(learner):
    result = _trained(learner, *OR, 0.5, 1, "*OR")
    expected = _train(_start(), *OR, 0.5, 1)
    if _same(result, _start()):
        if _same(_trained(learner, *OR, 0.5, 2, "*OR"), expected):
            fail(
                "With epochs=1 the neuron did not change, and with epochs=2 it took one step: your loop runs one "
                "time fewer than epochs. range(1, epochs) counts 1, 2, ..., epochs - 1; use range(epochs)."
            )
        fail(
            "After one epoch the neuron has not changed at all. Inside the loop, give the neuron new weights "
            "and a new bias: each minus learning_rate times its slope."
        )
    if _same(result, _train(_start(), *OR, 0.5, 2)):
        fail(
            "With epochs=1 your neuron took two steps: your loop runs one time more than epochs. "
            "range(epochs + 1) counts 0, 1, ..., epochs; use range(epochs)."
        )
    if result.weights == _start().weights and result.bias != _start().bias:
        fail(
            "After one epoch the bias moved but the weights did not. `w = w - ...` (or `w -= ...`) inside "
            "`for w in neuron.weights` changes only the loop variable, not the list: give the neuron a new "
            "list, neuron.weights = [w - learning_rate * g for w, g in zip(neuron.weights, weight_gradients)]."
        )
    if _same(result, _train(_start(), *OR, 0.5, 1, sign=1.0)):
        fail(
            f"After one epoch on OR you got {_describe(result)}, which is a step uphill: you added the slopes. "
            "Gradient descent steps against the slope: w - learning_rate * slope."
        )
    if _same(result, _train(_start(), *OR, 0.5, 1, bias=False)):
        fail(
            f"After one epoch on OR the weights moved correctly but the bias did not move (it is still "
            f"{result.bias}). The bias is trained too: bias - learning_rate * bias_gradient."
        )
    expect(
        _same(result, expected),
        f"After one epoch on OR from weights [0.1, 0.2] and bias 0.0 with learning rate 0.5, expected "
        f"{_describe(expected)}, got {_describe(result)}.",
    )


@train_loop.check("train is a loop written out, without fit")
def written_out(learner):
    fits = learner.calls("fit", within="train")
    expect(
        not fits,
        f"Line {fits[0] if fits else 0} calls fit, which runs the whole training loop for you: the point of this "
        "exercise is to write that loop. Inside train: for epoch in range(epochs): get the gradients, then step.",
    )
    expect(
        learner.loops(within="train"),
        "train has no loop, so it takes the same number of steps whatever epochs is. Repeat the step "
        "epochs times: for epoch in range(epochs): ...",
    )


@train_loop.check("uses the learning_rate it is given")
def uses_learning_rate(learner):
    result = _trained(learner, *OR, 0.1, 1, "*OR")
    if not _same(result, _train(_start(), *OR, 0.1, 1)):
        hint = ""
        if _same(result, _train(_start(), *OR, 0.5, 1)):
            hint = " You seem to step with 0.5 whatever the learning rate: use the learning_rate argument."
        fail(
            f"With learning_rate=0.1, one epoch should give {_describe(_train(_start(), *OR, 0.1, 1))}, "
            f"but gave {_describe(result)}.{hint}"
        )


@train_loop.check("runs as many epochs as asked, with fresh gradients in each")
def every_epoch(learner):
    result = _trained(learner, *OR, 0.5, 3, "*OR")
    expected = _train(_start(), *OR, 0.5, 3)
    if _same(result, expected):
        return
    if _same(result, _train(_start(), *OR, 0.5, 1)):
        fail(
            "With epochs=3 your neuron took only one step. Make the loop run for epoch in range(epochs), "
            "and put return neuron after the loop, not inside it."
        )
    if _same(result, _train(_start(), *OR, 0.5, 3, stale=True)):
        fail(
            "With epochs=3 every step used the gradients of the starting neuron. After each step the neuron "
            "has changed, so compute gradients(neuron, X, y) again inside the loop."
        )
    fail(f"After 3 epochs on OR expected {_describe(expected)}, got {_describe(result)}.")


@train_loop.check("learns AND from the lesson's random start (rounded predictions 0, 0, 0, 1)")
def learns_and(learner):
    train = learner.function("train", "neuron", "X", "y", "learning_rate", "epochs")
    X, y = AND
    result = train(Neuron.random(2, seed=7), X, y, 0.5, 1000)
    if not isinstance(result, Neuron):
        fail(f"train(...) returned {brief(result)}: it should return the neuron it trained.")
    rounded = [round(p) for p in result.predict(X)]
    expect(
        rounded == [0, 0, 0, 1],
        f"After 1000 epochs on AND with learning rate 0.5 the rounded predictions are {rounded}, not [0, 0, 0, 1].",
    )
    expected = _train(Neuron.random(2, seed=7), X, y, 0.5, 1000)
    expect(
        _same(result, expected),
        f"The predictions are right, but after 1000 epochs expected {_describe(expected)}, got {_describe(result)}.",
    )
