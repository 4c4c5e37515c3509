"""Exercises of lesson 1, "Your first neuron" — and the model for every lesson's module.

How to write an exercise (copy this module for your lesson: ``activations.py``,
``loss.py``, …; any module in this folder whose name does not start with ``_``
is found automatically):

1. Create an :class:`~coursekit.authoring.Exercise` at module level with
   ``id`` (lowercase letters, digits, ``-`` and ``_``; the lesson writes ``/// exercise | <id>``),
   ``title``, ``prompt`` (Markdown shown above the editor), ``starter`` (code that
   runs but does not pass), ``solution`` (the reference, shown on request),
   ``hints`` (revealed one at a time, in order) and ``mistakes``: at least two
   common wrong answers, each with a fragment of the message the checks must
   give it. The tests run them all.
2. Add checks with ``@exercise.check("what it checks, as the learner reads it")``.
   Each receives the learner's namespace (a :class:`~coursekit.authoring.Learner`):
   ``learner.function("name", "param", ...)`` gives their function, or fails
   clearly if it is missing or takes other arguments. Fail with ``expect_close``,
   ``expect_equal``, ``expect`` or ``fail`` (or return a message), in the
   learner's terms: say what is wrong *and* what to look at. Exceptions in the
   learner's code are reported by the checker, with their traceback.
3. Order the checks from basic to specific. The checker stops at the first
   check that fails and lists the later ones as not run, so each mistake gets
   one message: put the check that recognises a mistake before any check it
   would also fail with other advice. The first check must be one the starter
   fails (the tests try the starter with a change that does nothing): a check
   the starter passes by accident would show a pass that means nothing. The
   unchanged starter itself runs no checks.
4. Check numbers with a tolerance (``expect_close``), over many inputs
   (``numbers()``, ``vectors(size)``: zero, negative and large values) and for
   properties, not only on the lesson's example.
5. Recognise the likely slips (a sign flipped, a derivative applied twice, an
   off-by-one range, a wrong order) and name them; add each to ``mistakes``. A
   rule on the code's structure that the prompt states ("without `fit`") is a
   check with ``learner.calls``, ``learner.loops`` or ``learner.imports``.
   Documented mistakes may keep the starter's demo lines: when those crash, the
   checks still run on the functions defined above them, advice first.

The checks run in the browser too: use the standard library only.
"""

from __future__ import annotations

import math

from coursekit import (
    CheckFailed,
    Exercise,
    LearnerError,
    expect,
    expect_all_close,
    expect_close,
    expect_number,
    vectors,
)


def _relu_neuron(inputs: list[float], weights: list[float], bias: float) -> float:
    """The reference the checks compare with: relu(w·x + b)."""
    z = sum(x * w for x, w in zip(inputs, weights)) + bias
    return max(0.0, z)


relu_neuron = Exercise(
    id="relu-neuron",
    title="A ReLU neuron",
    prompt=(
        "Write `neuron_output(inputs, weights, bias)`: multiply each input by its weight, "
        "add the products and the bias to get $z$, and return $\\mathrm{ReLU}(z) = \\max(0, z)$."
    ),
    starter='''\
def neuron_output(inputs, weights, bias):
    """The output of a ReLU neuron: max(0, w·x + b)."""
    z = 0.0
    # Add up each input times its weight, then add the bias.
    return z


print(neuron_output([2.0, 3.0], [0.5, -1.0], 1.0))  # 0.0
''',
    solution='''\
def neuron_output(inputs, weights, bias):
    """The output of a ReLU neuron: max(0, w·x + b)."""
    z = bias
    for x, w in zip(inputs, weights):
        z += x * w
    return max(0.0, z)


print(neuron_output([2.0, 3.0], [0.5, -1.0], 1.0))  # 0.0
''',
    hints=[
        "Start `z` at the bias, then add `inputs[i] * weights[i]` for each input (a `for` loop over "
        "`zip(inputs, weights)` does it).",
        "ReLU keeps a positive `z` and turns a negative one into 0: `max(0.0, z)`.",
    ],
    mistakes=[
        (
            "def neuron_output(inputs, weights, bias):\n"
            "    return max(0.0, sum(x * w for x, w in zip(inputs, weights)))\n",
            "ignores the bias",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n"
            "    return sum(x * w for x, w in zip(inputs, weights)) + bias\n",
            "did you apply ReLU?",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n"
            "    return max(0.0, sum(x * w for x, w in zip(inputs, weights))) + bias\n",
            "add the bias before the ReLU",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n"
            "    z = bias\n"
            "    for x, w in zip(inputs, weights):\n"
            "        z = x * w + bias\n"
            "    return max(0.0, z)\n",
            "adds up every input",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n"
            "    z = sum(x * w for x, w in zip(inputs, weights)) + bias\n"
            "    return min(0.0, z)\n",
            "that is min(0, z)",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n"
            "    z = bias\n"
            "    for x, w in zip(inputs, weights):\n"
            "        z += x * w\n"
            "        return max(0.0, z)\n",
            "is `return` inside the loop?",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n"
            "    z = 0.0\n"
            "    for x, w in zip(inputs, weights):\n"
            "        z += x * w + bias\n"
            "    return max(0.0, z)\n",
            "once for each input",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n"
            "    z = sum(x * w for x, w in zip(inputs, weights)) + bias\n"
            "    return 1 if z > 0 else 0\n",
            "that is a step function",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n    return max(0.0, sum(inputs) + bias)\n",
            "without their weights",
        ),
        (
            "def neuron_output(inputs, weights, bias):\n    return max(0.0, sum(inputs * weights) + bias)\n",
            "Python does not multiply two lists number by number",
        ),
    ],
)


#: Probes of the first check: inputs [1, 2, 3], weights [2, 1, 0.5] and bias 0 give z = 5.5 (products 2, 2, 1.5).
PROBE_INPUTS, PROBE_WEIGHTS = [1.0, 2.0, 3.0], [2.0, 1.0, 0.5]


def _sum_advice(neuron_output, actual: float) -> str:
    """What a wrong output for z = 5.5 shows about the code, or "" if nothing recognisable."""
    negative = neuron_output(PROBE_INPUTS, [-w for w in PROBE_WEIGHTS], 0.0)  # z = -5.5: ReLU gives 0
    if actual == 0.0 and negative == -5.5:
        return (
            "your neuron gives 0.0 where z = 5.5 and -5.5 where z = -5.5: that is min(0, z). ReLU keeps the "
            "positive z and turns a negative one into 0: max(0.0, z)"
        )
    if actual == 1.0:
        return (
            "your neuron gives 1 where z = 5.5: that is a step function. ReLU gives z itself when it is "
            "positive: max(0.0, z)"
        )
    if actual == 2.0:
        return (
            "your neuron used only the first input (1 · 2 = 2): is `return` inside the loop? It must come after "
            "the loop, once every input times its weight has been added"
        )
    if actual == 1.5:
        return (
            "your neuron used only the last input (3 · 0.5 = 1.5): `z = x * w` replaces z at each step; "
            "add to it with `z += x * w`, so that it adds up every input times its weight"
        )
    if actual == 6.0:
        return (
            "your neuron added up the inputs (1 + 2 + 3 = 6) without their weights: multiply each input "
            "by its own weight, then add the products"
        )
    return ""


@relu_neuron.check("adds every input times its weight, and keeps a positive z as it is")
def uses_every_input(learner):
    neuron_output = learner.function("neuron_output", "inputs", "weights", "bias")
    try:
        result = neuron_output(PROBE_INPUTS, PROBE_WEIGHTS, 0.0)
    except LearnerError as error:
        if "can't multiply sequence" not in error.message:
            raise
        raise CheckFailed(
            f"{error.message}. Python does not multiply two lists number by number (NumPy arrays do, lists do "
            "not): loop over the pairs, `for x, w in zip(inputs, weights):`, and add up x * w.",
            error.details,
        ) from None
    actual = expect_number(result, "neuron_output([1, 2, 3], [2, 1, 0.5], 0)")
    if math.isclose(actual, 5.5):
        return
    advice = _sum_advice(neuron_output, actual)
    expect(not advice, f"for inputs [1, 2, 3], weights [2, 1, 0.5] and bias 0, {advice}.")
    expect_close(
        actual,
        5.5,
        "for inputs [1, 2, 3], weights [2, 1, 0.5] and bias 0, expected {expected} (1·2 + 2·1 + 3·0.5), got {actual}: "
        "make sure your sum adds up every input times its weight",
    )


@relu_neuron.check("adds the bias")
def adds_the_bias(learner):
    neuron_output = learner.function("neuron_output", "inputs", "weights", "bias")
    actual = neuron_output([0.0, 0.0], [1.0, 1.0], 2.5)
    expect(actual != 0.0, "your neuron ignores the bias: with inputs [0, 0] and bias 2.5 it should output 2.5, not 0.0")
    expect(
        actual != 5.0,
        "with two inputs [0, 0] and bias 2.5 your neuron gives 5.0, twice the bias: it adds the bias once for each "
        "input. Add it once, outside the loop (start z at the bias).",
    )
    expect_close(actual, 2.5, "with inputs [0, 0] and bias 2.5, expected {expected}, got {actual}")


@relu_neuron.check("applies ReLU to z = w·x + b, not before adding the bias")
def relu_after_bias(learner):
    neuron_output = learner.function("neuron_output", "inputs", "weights", "bias")
    actual = neuron_output([1.0], [-2.0], 1.0)  # z = -1, so the output is 0
    expect(
        actual != 1.0,
        "for input [1], weight [-2] and bias 1 you returned 1.0: add the bias before the ReLU, "
        "since the ReLU acts on the whole z = w·x + b = -1, which gives 0.0",
    )
    expect(
        actual is not None and actual >= 0,
        f"for z = -1 you returned {actual!r}: did you apply ReLU? It never gives a negative number",
    )
    expect_close(actual, 0.0, "for input [1], weight [-2] and bias 1, expected {expected}, got {actual}")


@relu_neuron.check("gives 0.0 for the lesson's neuron and inputs [2, 3]")
def lesson_example(learner):
    neuron_output = learner.function("neuron_output", "inputs", "weights", "bias")
    actual = expect_number(neuron_output([2.0, 3.0], [0.5, -1.0], 1.0), "your neuron_output([2, 3], [0.5, -1.0], 1.0)")
    expect(
        actual >= 0,
        f"expected 0.0 for inputs [2, 3], got {actual}: did you apply ReLU? (z = -1 here, and ReLU turns it into 0)",
    )
    expect_close(
        actual,
        0.0,
        "expected {expected} for inputs [2, 3], got {actual}: here z = 2·0.5 + 3·(-1) + 1 = -1, so ReLU gives 0",
    )


@relu_neuron.check("matches ReLU(w·x + b) for many inputs: zero, negative and large")
def many_inputs(learner):
    neuron_output = learner.function("neuron_output", "inputs", "weights", "bias")
    weights = [0.5, -1.0, 2.0]
    cases = [(inputs, weights, bias) for inputs in vectors(3) for bias in (-1.5, 0.0, 3.0)]
    expect_all_close(
        neuron_output, cases, _relu_neuron, "for inputs, weights and bias {args}: expected {expected}, got {actual}"
    )
