"""Practice for lesson 8, "Where one neuron fails: XOR" (optional): backpropagation.

``xor-backprop``: the gradients of a 2-2-1 sigmoid network with cross-entropy
for one example, by the chain rule carried back one layer; the given loop then
trains the network on XOR.
"""

# X, y: the names the lessons use for a dataset (as pysrc/neuron does)
# ruff: noqa: N806

from __future__ import annotations

import math
import random

from coursekit import Exercise, brief, describe, expect, expect_number, fail
from neuron import XOR, Neuron, update


def _backprop(
    hidden, output, x, y, sign=1.0, twice=False, output_inputs="h", hidden_slope="h", through_v=True, hidden_inputs="x"
):
    """The reference (and, with other arguments, the wrong versions the checks recognise)."""
    h = [neuron(x) for neuron in hidden]
    o = output(h)
    d_out = sign * (o - y) * (o * (1 - o) if twice else 1.0)
    inputs = {"h": h, "x": list(x), "one": [1.0] * len(h)}[output_inputs]
    output_gradients = ([d_out * value for value in inputs], d_out)
    hidden_gradients = []
    for v, hi in zip(output.weights, h):
        slope = {"h": hi * (1 - hi), "o": o * (1 - o), "none": 1.0}[hidden_slope]
        d_hidden = d_out * (v if through_v else 1.0) * slope
        seen = list(x) if hidden_inputs == "x" else h
        hidden_gradients.append(([d_hidden * value for value in seen], d_hidden))
    return hidden_gradients, output_gradients


OUTPUT_SLIPS = [
    ({"sign": -1.0}, "every sign is flipped: the output's error is ŷ - y, the prediction minus the label."),
    (
        {"twice": True},
        "you multiplied the output's error by ŷ(1 - ŷ). With cross-entropy that factor cancels: the "
        "output neuron's ∂L/∂z is just ŷ - y, as in lesson 6.",
    ),
    (
        {"output_inputs": "x"},
        "the output neuron's weight gradients use x, but its inputs are the hidden answers: ∂L/∂v_i = (ŷ - y)·h_i.",
    ),
    (
        {"output_inputs": "one"},
        "every output weight got the error itself: multiply it by that weight's input, ∂L/∂v_i = (ŷ - y)·h_i.",
    ),
]
HIDDEN_SLIPS = [
    (
        {"hidden_slope": "none"},
        "you went back through v_i but not through the hidden neuron's sigmoid: multiply by its slope, h_i(1 - h_i).",
    ),
    (
        {"through_v": False},
        "the error reaches hidden neuron i only through its output weight v_i: multiply "
        "(ŷ - y) by v_i, then by h_i(1 - h_i).",
    ),
    (
        {"hidden_slope": "o"},
        "you used the output's slope ŷ(1 - ŷ); going back into hidden neuron i, the slope is "
        "that of its own sigmoid, h_i(1 - h_i).",
    ),
    ({"hidden_inputs": "h"}, "the hidden neurons' weight gradients use h, but their inputs are x: ∂L/∂w_ij = δ_i·x_j."),
]


def _flat(result) -> list[float]:
    """All the numbers of a (hidden_gradients, output_gradients) result, in order."""
    hidden_gradients, (output_w, output_b) = result
    return [g for weights, bias in hidden_gradients for g in (*weights, bias)] + [*output_w, output_b]


def _close(a: list[float], b: list[float]) -> bool:
    return len(a) == len(b) and all(math.isclose(p, q, rel_tol=1e-6, abs_tol=1e-9) for p, q in zip(a, b))


def _pair(value, what: str, size: int) -> tuple[list[float], float]:
    if not isinstance(value, (tuple, list)) or len(value) != 2 or not isinstance(value[0], (tuple, list)):
        fail(f"{what} should be a pair (weight_gradients, bias_gradient), but it is {describe(value)}.")
    weights, bias = value
    if len(weights) != size:
        fail(f"{what} has {len(weights)} weight gradients, but the neuron has {size} weights.")
    return [expect_number(g, f"each weight gradient of {what}") for g in weights], expect_number(bias, what)


def _gradients(learner, hidden, output, x, y, call: str):
    """The learner's backprop(...) as (hidden pairs, output pair), after checking its shape."""
    backprop = learner.function("backprop", "hidden", "output", "x", "y")
    result = backprop(hidden, output, x, y)
    if result is None:
        fail(f"{call} returned None: end with return hidden_gradients, output_gradients.")
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        fail(f"{call} should return hidden_gradients, output_gradients, but it returned {describe(result)}.")
    hidden_gradients, output_gradients = result
    if not isinstance(hidden_gradients, (tuple, list)) or len(hidden_gradients) != len(hidden):
        fail(
            f"{call}: hidden_gradients should hold one pair per hidden neuron ({len(hidden)}), "
            f"but it is {describe(hidden_gradients)}."
        )
    pairs = [_pair(p, f"the gradients of hidden neuron {i + 1}", len(x)) for i, p in enumerate(hidden_gradients)]
    return pairs, _pair(output_gradients, "output_gradients", len(hidden))


def _network() -> tuple[list[Neuron], Neuron]:
    """A small fixed network whose slips all give different numbers."""
    return [Neuron([0.5, -0.3], 0.1), Neuron([-0.4, 0.8], -0.2)], Neuron([1.2, -0.7], 0.3)


def _rounded(numbers: list[float]) -> str:
    return brief([round(g, 4) for g in numbers])


GIVEN_TOP = '''\
from neuron import XOR, Neuron, update


def forward(hidden, output, x):
    """The hidden answers h and the output ŷ for one input x."""
    h = [neuron(x) for neuron in hidden]
    return h, output(h)

'''
STARTER_BACKPROP = '''
def backprop(hidden, output, x, y):
    """The slopes of the loss for one example: (weight_gradients, bias_gradient)
    for each hidden neuron, and for the output neuron."""
    h, o = forward(hidden, output, x)
    # 1. the output neuron: its error, times each of its inputs h_i
    output_gradients = ([0.0 for _ in h], 0.0)
    # 2. each hidden neuron i: back through v_i, then through its own sigmoid
    hidden_gradients = [([0.0 for _ in x], 0.0) for _ in hidden]
    return hidden_gradients, output_gradients
'''
SOLUTION_BACKPROP = '''
def backprop(hidden, output, x, y):
    """The slopes of the loss for one example: (weight_gradients, bias_gradient)
    for each hidden neuron, and for the output neuron."""
    h, o = forward(hidden, output, x)
    # 1. the output neuron: its error, times each of its inputs h_i
    d_out = o - y                      # dL/dz of the output (cross-entropy)
    output_gradients = ([d_out * hi for hi in h], d_out)
    # 2. each hidden neuron i: back through v_i, then through its own sigmoid
    hidden_gradients = []
    for v, hi in zip(output.weights, h):
        d_hidden = d_out * v * hi * (1 - hi)
        hidden_gradients.append(([d_hidden * xj for xj in x], d_hidden))
    return hidden_gradients, output_gradients
'''
GIVEN_BOTTOM = '''

def train(hidden, output, X, y, learning_rate, epochs):
    """Full-batch gradient descent: the mean of backprop's slopes over the rows, then a step."""
    neurons = hidden + [output]
    for epoch in range(epochs):
        rows = [backprop(hidden, output, x, label) for x, label in zip(X, y)]
        for k, neuron in enumerate(neurons):
            slopes = [(row[0] + [row[1]])[k] for row in rows]  # this neuron's, one per row
            weight_gradients = [sum(s[0][j] for s in slopes) / len(X) for j in range(len(neuron.weights))]
            bias_gradient = sum(s[1] for s in slopes) / len(X)
            update(neuron, weight_gradients, bias_gradient, learning_rate)


X, y = XOR
hidden = [Neuron.random(2, seed=4), Neuron.random(2, seed=5)]
output = Neuron.random(2, seed=6)
train(hidden, output, X, y, learning_rate=2.0, epochs=1000)
for x in X:
    h, o = forward(hidden, output, x)
    print(x, "-> hidden", [round(v, 2) for v in h], "-> output", round(o, 3))
print("rounded:", [round(forward(hidden, output, x)[1]) for x in X])
'''


def _mistake(*replace: tuple[str, str]) -> str:
    code = SOLUTION_BACKPROP
    for old, new in replace:
        assert old in code, old
        code = code.replace(old, new)
    return GIVEN_TOP + code


xor_backprop = Exercise(
    id="xor-backprop",
    title="Optional: train the XOR network with backpropagation",
    prompt=(
        "Write `backprop(hidden, output, x, y)` for a network of two hidden sigmoid neurons and one sigmoid output, "
        "trained with cross-entropy. For the output neuron, $\\delta = \\hat y - y$ and its slopes are "
        "$\\delta \\cdot h_i$ and $\\delta$. For hidden neuron $i$, "
        "$\\delta_i = \\delta \\cdot v_i \\cdot h_i(1 - h_i)$ (back through its output weight $v_i$, then its "
        "sigmoid) and its slopes are $\\delta_i \\cdot x_j$ and $\\delta_i$. Return `hidden_gradients` (one "
        "`(weight_gradients, bias_gradient)` pair per hidden neuron) and `output_gradients`. The given `train` "
        "then learns XOR."
    ),
    starter=GIVEN_TOP + STARTER_BACKPROP + GIVEN_BOTTOM,
    solution=GIVEN_TOP + SOLUTION_BACKPROP + GIVEN_BOTTOM,
    hints=[
        "The output neuron is lesson 6's neuron with the hidden answers h as its inputs: `d_out = o - y`, then "
        "`([d_out * hi for hi in h], d_out)`.",
        "The output weights are `output.weights`, one v_i per hidden neuron: loop over `zip(output.weights, h)`.",
        "For hidden neuron i, `d_hidden = d_out * v * hi * (1 - hi)`; its inputs are x, so its slopes are "
        "`([d_hidden * xj for xj in x], d_hidden)`.",
    ],
    mistakes=[
        (_mistake(("* hi * (1 - hi)", "")), "not through the hidden neuron's sigmoid"),
        (_mistake(("d_out = o - y ", "d_out = (o - y) * o * (1 - o) ")), "that factor cancels"),
        (_mistake(("d_out = o - y ", "d_out = y - o ")), "every sign is flipped"),
        (
            _mistake(("([d_out * hi for hi in h], d_out)", "([d_out * xj for xj in x], d_out)")),
            "its inputs are the hidden answers",
        ),
        (_mistake(("d_out * v * hi", "d_out * hi")), "only through its output weight v_i"),
        (_mistake(("hi * (1 - hi)", "o * (1 - o)")), "that of its own sigmoid"),
        (_mistake(("[d_hidden * xj for xj in x]", "[d_hidden * hj for hj in h]")), "their inputs are x"),
    ],
)


def _expect(learner, hidden, output, x, y, slips) -> None:
    call = f"backprop(<network>, x={brief(x)}, y={y})"
    pairs, (output_w, output_b) = _gradients(learner, hidden, output, x, y, call)
    got = [g for weights, bias in pairs for g in (*weights, bias)] + [*output_w, output_b]
    want = _flat(_backprop(hidden, output, x, y))
    if _close(got, want):
        return
    for arguments, message in slips:
        if _close(got, _flat(_backprop(hidden, output, x, y, **arguments))):
            fail(f"{call}: {message}")
    fail(
        f"{call} gave the slopes {_rounded(got)} (hidden neuron 1, hidden neuron 2, then the output), "
        f"expected {_rounded(want)}."
    )


@xor_backprop.check("the output neuron's slopes are (ŷ - y)·h_i and ŷ - y")
def output_slopes(learner):
    hidden, output = _network()
    call = "backprop(<network>, x=[1, 0], y=1)"
    _, (output_w, output_b) = _gradients(learner, hidden, output, [1, 0], 1, call)
    want_w, want_b = _backprop(hidden, output, [1, 0], 1)[1]
    if _close([*output_w, output_b], [*want_w, want_b]):
        return
    for arguments, message in OUTPUT_SLIPS:
        slip_w, slip_b = _backprop(hidden, output, [1, 0], 1, **arguments)[1]
        if _close([*output_w, output_b], [*slip_w, slip_b]):
            fail(f"{call}: {message}")
    fail(
        f"{call}: the output neuron's slopes should be {_rounded([*want_w, want_b])} (weights, then bias), "
        f"got {_rounded([*output_w, output_b])}."
    )


@xor_backprop.check("each hidden neuron's slopes go back through v_i and its sigmoid")
def hidden_slopes(learner):
    hidden, output = _network()
    _expect(learner, hidden, output, [1, 0], 1, HIDDEN_SLIPS)
    _expect(learner, hidden, output, [0, 1], 0, HIDDEN_SLIPS)


@xor_backprop.check("matches backpropagation for many networks and examples")
def many(learner):
    rng = random.Random(3)
    for _ in range(10):
        hidden = [Neuron([rng.uniform(-2, 2) for _ in range(2)], rng.uniform(-1, 1)) for _ in range(2)]
        output = Neuron([rng.uniform(-2, 2) for _ in range(2)], rng.uniform(-1, 1))
        x, label = rng.choice(XOR[0]), rng.choice([0, 1])
        _expect(learner, hidden, output, x, label, OUTPUT_SLIPS + HIDDEN_SLIPS)


@xor_backprop.check("the network learns XOR with your backprop (rounded outputs 0, 1, 1, 0)")
def learns_xor(learner):
    backprop = learner.function("backprop", "hidden", "output", "x", "y")
    X, y = XOR
    hidden, output = [Neuron.random(2, seed=4), Neuron.random(2, seed=5)], Neuron.random(2, seed=6)
    neurons = [*hidden, output]
    for _ in range(1000):
        rows = [backprop(hidden, output, x, label) for x, label in zip(X, y)]
        for k, neuron in enumerate(neurons):
            slopes = [[*row[0], row[1]][k] for row in rows]
            update(neuron, [sum(s[0][j] for s in slopes) / 4 for j in range(2)], sum(s[1] for s in slopes) / 4, 2.0)
    outputs = [output([n(x) for n in hidden]) for x in X]
    expect(
        [round(o) for o in outputs] == [0, 1, 1, 0],
        f"after 1000 epochs the outputs are {_rounded(outputs)}, not close to [0, 1, 1, 0].",
    )
