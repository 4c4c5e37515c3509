"""Exercises of lesson 8, "Where one neuron fails: XOR".

``xor-network``: choose the weights and biases of three step neurons, a hidden
OR, a hidden NAND and an output AND, so that together they compute XOR.
"""

from __future__ import annotations

from coursekit import Exercise, describe, expect, fail

INPUTS = [(0, 0), (0, 1), (1, 0), (1, 1)]
GATES = {
    "OR": [0, 1, 1, 1],
    "NAND": [1, 1, 1, 0],
    "AND": [0, 0, 0, 1],
    "XOR": [0, 1, 1, 0],
    "NOR": [1, 0, 0, 0],
}


def _table(function) -> list[object]:
    """The outputs for the four input pairs, each given as a list [x1, x2]."""
    return [function([x1, x2]) for x1, x2 in INPUTS]


def _as_bits(outputs: list[object], name: str) -> list[int]:
    """Outputs as 0s and 1s, or a failure saying a step neuron gives only those."""
    bits = []
    for (x1, x2), value in zip(INPUTS, outputs):
        if isinstance(value, bool) or value not in (0, 1):
            fail(
                f"{name} gave {describe(round(value, 4) if type(value) is float else value)} for the input "
                f"({x1}, {x2}). A step neuron answers 0 or 1: "
                'create it with activation="step".'
            )
        bits.append(int(value))
    return bits


def _gate_name(bits: list[int]) -> str:
    for name, table in GATES.items():
        if bits == table:
            return name
    return ""


def _check_gate(learner, name: str, gate: str, advice: dict[str, str]) -> None:
    """The neuron called ``name`` computes ``gate``; otherwise say which row is wrong and what to change."""
    neuron = learner.function(name, "inputs")
    bits = _as_bits(_table(neuron), name)
    wanted = GATES[gate]
    if bits == wanted:
        return
    computed = _gate_name(bits)
    if computed in advice:
        fail(f"{name} computes {computed}, not {gate}: {advice[computed]}")
    (x1, x2), got, should = next(((x, b, w) for x, b, w in zip(INPUTS, bits, wanted) if b != w))
    hint = advice.get(f"row {x1}{x2}", "")
    fail(
        f"{name} should compute {gate} ({wanted} for the inputs (0, 0), (0, 1), (1, 0), (1, 1)), "
        f"but gives {bits}: for ({x1}, {x2}) it says {got} instead of {should}." + (f" {hint}" if hint else "")
    )


xor_network = Exercise(
    id="xor-network",
    title="XOR from three neurons",
    prompt=(
        "Set the weights and biases of the three step neurons (the step function gives 1 when $z \\ge 0$): "
        "`hidden_or` must compute OR, `hidden_nand` NAND, and `output_and` the AND of the two hidden answers. "
        "Then `xor(x1, x2)` computes XOR. Work each neuron out on paper first: which $z$ does each input pair give?"
    ),
    starter="""\
from neuron import Neuron

# OR of x1 and x2
hidden_or = Neuron([0.0, 0.0], 0.0, activation="step")
# NAND of x1 and x2
hidden_nand = Neuron([0.0, 0.0], 0.0, activation="step")
# AND of the two hidden answers
output_and = Neuron([0.0, 0.0], 0.0, activation="step")


def xor(x1, x2):
    hidden = [hidden_or([x1, x2]), hidden_nand([x1, x2])]
    return output_and(hidden)


for x1, x2 in [(0, 0), (0, 1), (1, 0), (1, 1)]:
    print(x1, x2, "->", xor(x1, x2))  # should print 0, 1, 1, 0
""",
    solution="""\
from neuron import Neuron

# OR of x1 and x2
hidden_or = Neuron([1.0, 1.0], -0.5, activation="step")
# NAND of x1 and x2
hidden_nand = Neuron([-1.0, -1.0], 1.5, activation="step")
# AND of the two hidden answers
output_and = Neuron([1.0, 1.0], -1.5, activation="step")


def xor(x1, x2):
    hidden = [hidden_or([x1, x2]), hidden_nand([x1, x2])]
    return output_and(hidden)


for x1, x2 in [(0, 0), (0, 1), (1, 0), (1, 1)]:
    print(x1, x2, "->", xor(x1, x2))  # should print 0, 1, 1, 0
""",
    hints=[
        "With weights [1, 1], z is x1 + x2 + b: 0, 1 or 2 before the bias. Pick the bias so that z crosses 0 "
        "in the right place: for OR, between 0 and 1 (b = -0.5); for AND, between 1 and 2.",
        "NAND is AND with the answer flipped: use the negatives of AND's weights and bias.",
        "Remember that the step function says 1 at exactly z = 0, so keep z away from 0: use biases such as "
        "-0.5 or -1.5 rather than 0 or -1.",
    ],
    mistakes=[
        (
            "from neuron import Neuron\n"
            "hidden_or = Neuron([1.0, 1.0], 0.0, activation='step')\n"
            "hidden_nand = Neuron([-1.0, -1.0], 1.5, activation='step')\n"
            "output_and = Neuron([1.0, 1.0], -1.5, activation='step')\n"
            "def xor(x1, x2):\n"
            "    return output_and([hidden_or([x1, x2]), hidden_nand([x1, x2])])\n",
            "z = 0 already gives 1",
        ),
        (
            "from neuron import Neuron\n"
            "hidden_or = Neuron([1.0, 1.0], -0.5, activation='step')\n"
            "hidden_nand = Neuron([1.0, 1.0], -1.5, activation='step')\n"
            "output_and = Neuron([1.0, 1.0], -1.5, activation='step')\n"
            "def xor(x1, x2):\n"
            "    return output_and([hidden_or([x1, x2]), hidden_nand([x1, x2])])\n",
            "flip the signs",
        ),
        (
            "from neuron import Neuron\n"
            "hidden_or = Neuron([1.0, 1.0], -0.5, activation='step')\n"
            "hidden_nand = Neuron([-1.0, -1.0], 1.5, activation='step')\n"
            "output_and = Neuron([1.0, 1.0], -0.5, activation='step')\n"
            "def xor(x1, x2):\n"
            "    return output_and([hidden_or([x1, x2]), hidden_nand([x1, x2])])\n",
            "one hidden answer alone",
        ),
        (
            "from neuron import Neuron\n"
            "hidden_or = Neuron([1.0, 1.0], -0.5)\n"
            "hidden_nand = Neuron([-1.0, -1.0], 1.5)\n"
            "output_and = Neuron([1.0, 1.0], -1.5)\n"
            "def xor(x1, x2):\n"
            "    return output_and([hidden_or([x1, x2]), hidden_nand([x1, x2])])\n",
            'activation="step"',
        ),
        (
            "from neuron import Neuron\n"
            "hidden_or = Neuron([-1.0, -1.0], 1.5, activation='step')\n"
            "hidden_nand = Neuron([1.0, 1.0], -0.5, activation='step')\n"
            "output_and = Neuron([1.0, 1.0], -1.5, activation='step')\n"
            "def xor(x1, x2):\n"
            "    return output_and([hidden_or([x1, x2]), hidden_nand([x1, x2])])\n",
            "did you swap the two hidden neurons?",
        ),
        (
            "from neuron import Neuron\n"
            "hidden_or = Neuron([1.0, 1.0], -0.5, activation='step')\n"
            "hidden_nand = Neuron([-1.0, -1.0], 2.0, activation='step')\n"
            "output_and = Neuron([1.0, 1.0], -1.5, activation='step')\n"
            "def xor(x1, x2):\n"
            "    return output_and([hidden_or([x1, x2]), hidden_nand([x1, x2])])\n",
            "keep z away from 0",
        ),
        (
            "from neuron import Neuron\n"
            "hidden_or = Neuron([1.0, 1.0], -0.5, activation='step')\n"
            "hidden_nand = Neuron([-1.0, -1.0], 1.5, activation='step')\n"
            "output_and = Neuron([1.0, 1.0], -1.5, activation='step')\n"
            "def xor(x1, x2):\n"
            "    return output_and([x1, x2])\n",
            "output_and sees the inputs themselves",
        ),
    ],
)


@xor_network.check("hidden_or computes OR")
def computes_or(learner):
    _check_gate(
        learner,
        "hidden_or",
        "OR",
        {
            "AND": "its bias is too low, so one input alone cannot reach z ≥ 0. Raise the bias, keeping it below 0.",
            "NOR": "the signs are the wrong way round: OR needs positive weights and a slightly negative bias.",
            "NAND": "did you swap the two hidden neurons? Each name must hold its own gate: give hidden_or the "
            "weights and bias you gave hidden_nand, and the other way round.",
            "row 00": "The step function gives 1 when z ≥ 0, so z = 0 already gives 1: for (0, 0), z is just "
            "the bias, so make the bias negative; then choose weights that lift z to 0 or above when either "
            "input is 1.",
        },
    )


@xor_network.check("hidden_nand computes NAND")
def computes_nand(learner):
    _check_gate(
        learner,
        "hidden_nand",
        "NAND",
        {
            "AND": "flip the signs of its weights and its bias (NAND is AND with the answer turned round).",
            "OR": "that is a different gate: NAND says 0 only for (1, 1). Try negative weights and a bias "
            "between 1 and 2.",
            "row 11": "For (1, 1), z = w1 + w2 + b must be below 0 while each single input keeps z ≥ 0: "
            "use negative weights and a positive bias. Write the three inequalities down and pick numbers that keep "
            "z away from 0.",
        },
    )


@xor_network.check("output_and computes AND of the two hidden answers")
def computes_and(learner):
    _check_gate(
        learner,
        "output_and",
        "AND",
        {
            "OR": "one hidden answer alone is enough to make it fire. AND must need both: lower the bias so that "
            "z ≥ 0 only when both inputs are 1: with both weights equal, z must cross 0 between one input and two.",
            "NAND": "flip the signs of its weights and its bias.",
            "row 00": "The step function gives 1 when z ≥ 0: for (0, 0), z is just the bias, so the bias must "
            "be negative.",
        },
    )


@xor_network.check("xor(x1, x2) gives 0, 1, 1, 0")
def computes_xor(learner):
    xor = learner.function("xor", "x1", "x2")
    outputs = [xor(x1, x2) for x1, x2 in INPUTS]
    bits = _as_bits(outputs, "xor")
    expect(
        bits != GATES["AND"],
        "xor gives the AND of x1 and x2, [0, 0, 0, 1]: output_and sees the inputs themselves. It must see the two "
        "hidden answers: output_and([hidden_or([x1, x2]), hidden_nand([x1, x2])]).",
    )
    expect(
        bits == GATES["XOR"],
        f"xor gives {bits} for (0, 0), (0, 1), (1, 0), (1, 1) instead of [0, 1, 1, 0]. Check that xor feeds "
        "[hidden_or([x1, x2]), hidden_nand([x1, x2])] into output_and.",
    )
