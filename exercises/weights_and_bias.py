"""Exercises of lesson 2, "Weights and bias: z = w·x + b"."""

from __future__ import annotations

from coursekit import Exercise, brief, describe, expect, fail, vectors

CORNERS = [[0, 0], [0, 1], [1, 0], [1, 1]]
OR_LABELS = [0, 1, 1, 1]


def _side(point: list[float], weights: list[float], bias: float) -> int:
    """The reference: 1 on the side where z = w·x + b >= 0, else 0."""
    z = sum(x * w for x, w in zip(point, weights)) + bias
    return 1 if z >= 0 else 0


def _is_bit(value: object) -> bool:
    return type(value) in (int, float) and value in (0, 1)


which_side = Exercise(
    id="which-side",
    title="Which side of the line?",
    prompt=(
        "Write `side(point, weights, bias)`: compute $z = w \\cdot x + b$ for the point and return `1` "
        "if $z \\ge 0$, else `0`. Then choose `or_weights` and `or_bias`, a line that puts only the corner "
        "$(0, 0)$ on the 0 side, so that `side` computes the OR gate."
    ),
    starter='''\
def side(point, weights, bias):
    """1 if the point lies where z = w·x + b >= 0, else 0."""
    z = 0.0
    # Compute z = w·x + b, then return 1 or 0.
    return z


# A line for OR: only (0, 0) may be on the 0 side.
or_weights = [0.0, 0.0]
or_bias = 0.0

for point in [[0, 0], [0, 1], [1, 0], [1, 1]]:
    print(point, side(point, or_weights, or_bias))
''',
    solution='''\
def side(point, weights, bias):
    """1 if the point lies where z = w·x + b >= 0, else 0."""
    z = bias
    for x, w in zip(point, weights):
        z += x * w
    return 1 if z >= 0 else 0


# A line for OR: only (0, 0) may be on the 0 side.
or_weights = [1.0, 1.0]
or_bias = -0.5

for point in [[0, 0], [0, 1], [1, 0], [1, 1]]:
    print(point, side(point, or_weights, or_bias))
''',
    hints=[
        "Compute `z` exactly as in lesson 1, without ReLU: start from the bias and add each input times its weight.",
        "Then `return 1 if z >= 0 else 0`. A point exactly on the line (z = 0) belongs to the 1 side.",
        "For OR, start from the AND neuron of the lesson, weights [1, 1] and bias -1.5, and move the line "
        "towards (0, 0) by changing only the bias: it must stay below 0 so that (0, 0) gets z < 0, "
        "but (0, 1) must get z >= 0.",
    ],
    mistakes=[
        (
            "def side(point, weights, bias):\n"
            "    z = sum(x * w for x, w in zip(point, weights)) + bias\n"
            "    return 1 if z > 0 else 0\n"
            "or_weights, or_bias = [1.0, 1.0], -0.5\n",
            "not z > 0",
        ),
        (
            "def side(point, weights, bias):\n"
            "    z = sum(x * w for x, w in zip(point, weights))\n"
            "    return 1 if z >= 0 else 0\n"
            "or_weights, or_bias = [1.0, 1.0], -0.5\n",
            "ignores the bias",
        ),
        (
            "def side(point, weights, bias):\n"
            "    return sum(x * w for x, w in zip(point, weights)) + bias\n"
            "or_weights, or_bias = [1.0, 1.0], -0.5\n",
            "return 1 or 0",
        ),
        (
            "def side(point, weights, bias):\n"
            "    z = sum(x * w for x, w in zip(point, weights)) + bias\n"
            "    return 1 if z >= 0 else 0\n"
            "or_weights, or_bias = [1.0, 1.0], -1.5\n",
            "that is AND",
        ),
        (
            "def side(point, weights, bias):\n"
            "    z = sum(x * w for x, w in zip(point, weights)) + bias\n"
            "    return z >= 0\n"
            "or_weights, or_bias = [1.0, 1.0], -0.5\n",
            "the number 1 or 0",
        ),
        (
            "def side(point, weights, bias):\n"
            "    z = sum(x * w for x, w in zip(point, weights)) + bias\n"
            "    return 0 if z >= 0 else 1\n"
            "or_weights, or_bias = [1.0, 1.0], -0.5\n",
            "the wrong way round",
        ),
        (
            "def side(point, weights, bias):\n"
            "    z = sum(x * w for x, w in zip(point, weights)) + bias\n"
            "    return 1 if z >= 0 else 0\n"
            "or_weights, or_bias = [1.0, 1.0], 0.0\n",
            "exactly on the line, and z = 0 counts as the 1 side",
        ),
    ],
)


@which_side.check("returns 1 or 0, not z itself, depending on the point")
def returns_a_bit(learner):
    side = learner.function("side", "point", "weights", "bias")
    weights, bias = [1.0, -1.0], -0.5  # z = -0.5, 0.5 and -1.5: both sides, with or without the bias
    points = [[0, 0], [1, 0], [0, 1]]
    for point in points:
        result = side(point, weights, bias)
        expect(
            type(result) is not bool,
            f"`side({brief(point)}, {brief(weights)}, {bias})` returned {result}, a truth value: `side` must return "
            "the number 1 or 0. Write `return 1 if z >= 0 else 0`, not `return z >= 0`.",
        )
        expect(
            _is_bit(result),
            f"`side({brief(point)}, {brief(weights)}, {bias})` returned {describe(result)}, but `side` must "
            "return 1 or 0, "
            "the side of the line the point is on. Compute z, then compare it with 0.",
        )
    got = [side(point, weights, bias) for point in points]
    expect(
        len(set(got)) > 1,
        f"`side` returned {brief(got[0])} for each of the points (0, 0), (1, 0) and (0, 1) with weights "
        f"{brief(weights)} "
        f"and bias {bias}, but they lie on different sides of that line. Compute z = w·x + b from the point, "
        "then return 1 if z >= 0, else 0.",
    )


@which_side.check("adds the bias")
def adds_the_bias(learner):
    side = learner.function("side", "point", "weights", "bias")
    below, above = side([0, 0], [1.0, 1.0], -0.5), side([0, 0], [1.0, 1.0], 0.5)
    expect(
        (below, above) != (1, 1) and (below, above) != (0, 0),
        f"your `side` ignores the bias: for the point (0, 0) it returned {brief(below)} with bias -0.5 and "
        f"{brief(above)} with bias 0.5. There z = b, so the answers should be 0 and 1.",
    )
    expect(
        (below, above) != (1, 0),
        "your `side` has its answers the wrong way round: for the point (0, 0), z = b, and it returned 1 for "
        "bias -0.5 (z < 0) and 0 for bias 0.5 (z >= 0). The 1 side is where z >= 0.",
    )
    expect(
        (below, above) == (0, 1),
        f"for the point (0, 0), z = b: expected 0 for bias -0.5 and 1 for bias 0.5, got {brief(below)} and "
        f"{brief(above)}.",
    )


@which_side.check("gives AND for the lesson's neuron, weights [1, 1] and bias -1.5")
def lesson_example(learner):
    side = learner.function("side", "point", "weights", "bias")
    got = [side(point, [1.0, 1.0], -1.5) for point in CORNERS]
    expect(
        got == [0, 0, 0, 1],
        f"for the corners (0,0), (0,1), (1,0), (1,1) with weights [1, 1] and bias -1.5 you returned {brief(got)}, "
        "but only (1, 1) has z = 1 + 1 - 1.5 = 0.5 >= 0, so the answer is [0, 0, 0, 1].",
    )


@which_side.check("puts a point exactly on the line (z = 0) on the 1 side")
def on_the_line(learner):
    side = learner.function("side", "point", "weights", "bias")
    result = side([1, 1], [1.0, 1.0], -2.0)  # z = 1 + 1 - 2 = 0
    expect(
        result == 1,
        f"the point (1, 1) with weights [1, 1] and bias -2 has z = 0, exactly on the line, and you returned "
        f"{brief(result)}. It belongs to the 1 side: compare with z >= 0, not z > 0.",
    )


@which_side.check("works for any number of inputs, and for negative and large values")
def many_inputs(learner):
    side = learner.function("side", "point", "weights", "bias")
    weights = [0.5, -1.0, 2.0]
    for point in vectors(3):
        for bias in (-1.5, 0.25, 3.0):
            z = sum(x * w for x, w in zip(point, weights)) + bias
            if abs(z) < 1e-6:
                continue  # too close to the line: rounding could decide it either way
            expected, actual = _side(point, weights, bias), side(point, weights, bias)
            expect(
                actual == expected,
                f"for the point {brief(point)}, weights {brief(weights)} and bias {bias}: z = {z:g}, so the answer is "
                f"{expected}, but you returned {brief(actual)}. Compute z from every input times its own "
                "weight, plus the bias.",
            )


@which_side.check("or_weights and or_bias draw a line for the OR gate")
def or_gate(learner):
    weights, bias = learner["or_weights"], learner["or_bias"]
    if not (isinstance(weights, (list, tuple)) and len(weights) == 2 and all(type(w) in (int, float) for w in weights)):
        fail(f"`or_weights` should be a list of two numbers, such as [1.0, 1.0], but it is {describe(weights)}.")
    if type(bias) not in (int, float):
        fail(f"`or_bias` should be a number, such as -1.0, but it is {describe(bias)}.")
    got = [_side(point, list(weights), bias) for point in CORNERS]
    if got == OR_LABELS:
        return
    if got == [0, 0, 0, 1]:
        fail(
            "your line puts only (1, 1) on the 1 side: that is AND, not OR. Move the line towards (0, 0) by "
            "raising the bias (keep it below 0)."
        )
    if got == [1, 1, 1, 1] and bias == 0:
        fail(
            "with bias 0 the corner (0, 0) has z = 0, exactly on the line, and z = 0 counts as the 1 side. "
            "OR needs (0, 0) on the 0 side: make the bias negative, but not so low that (0, 1) and (1, 0) follow it."
        )
    wrong = [
        f"({p[0]}, {p[1]}) gives {g} but OR gives {want}" for p, g, want in zip(CORNERS, got, OR_LABELS) if g != want
    ]
    fail(
        f"with weights {brief(weights)} and bias {brief(bias)}: " + "; ".join(wrong) + ". "
        "OR is 0 only for (0, 0): (0, 0) needs z = b < 0, while (0, 1) and (1, 0) need w₂ + b >= 0 and w₁ + b >= 0."
    )
