"""Exercises of lesson 4, "A neuron as a class"."""

from __future__ import annotations

import math
import random

from coursekit import Exercise, Learner, brief, describe, expect, expect_close, expect_number, fail, vectors


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _parameters(neuron: object, n_inputs: int, seed: int) -> tuple[list[float], float]:
    """The neuron's weights and bias, after checking they are there and are numbers."""
    for name in ("weights", "bias"):
        if not hasattr(neuron, name):
            fail(f"your neuron has no `{name}`: in `__init__`, store it as `self.{name} = ...`.")
    weights, bias = neuron.weights, neuron.bias
    if not isinstance(weights, list) or len(weights) != n_inputs:
        fail(
            f"`Neuron({n_inputs}, seed={seed}).weights` should be a list of {n_inputs} numbers, one per input, "
            f"but it is {describe(weights)}."
        )
    numbers = [expect_number(w, f"each weight of Neuron({n_inputs}, seed={seed})") for w in weights]
    return numbers, expect_number(bias, f"the bias of Neuron({n_inputs}, seed={seed})")


def _activate(learner: Learner, neuron: object):
    """The neuron's activate method, called like a learner's function (errors come with their traceback)."""
    if not callable(getattr(neuron, "activate", None)):
        fail("your neuron has no method `activate`: add `def activate(self, inputs):` inside the class.")
    return Learner({"activate": neuron.activate}).function("activate", "inputs")


#: The lesson's e-mail "YOU HAVE WON!!!!": 5 links, 4 "!", 40 % capitals, unknown sender.
WON = [5, 4, 0.40, 0]


def _draws(count: int, seed: int) -> list[float]:
    """The first ``count`` numbers of ``random.Random(seed).uniform(-1, 1)``, as ``Neuron.random`` draws them."""
    generator = random.Random(seed)
    return [generator.uniform(-1.0, 1.0) for _ in range(count)]


def _p_spam(weights: list[float], bias: float) -> float:
    return _sigmoid(sum(w * x for w, x in zip(weights, WON)) + bias)


def _new(learner: Learner, n_inputs: int, seed: int) -> tuple[list[float], float]:
    make = learner.function("Neuron", "n_inputs", "seed")
    return _parameters(make(n_inputs, seed), n_inputs, seed)


spam_neuron = Exercise(
    id="spam-neuron",
    title="A Neuron class for spam detection",
    prompt=(
        "Write a class `Neuron`. `__init__(self, n_inputs, seed=None)` draws `n_inputs` weights and then a bias "
        "uniformly from $[-1, 1]$ with a generator `random.Random(seed)` (in that order, as `Neuron.random` does, "
        "so that `Neuron(4, seed=42)` is the lesson's neuron), and stores them as `self.weights` "
        "(a list) and `self.bias`. `activate(self, inputs)` returns the probability "
        "$\\sigma(w \\cdot x + b) = 1 / (1 + e^{-z})$."
    ),
    starter="""\
import math
import random

class Neuron:
    def __init__(self, n_inputs, seed=None):
        self.weights = [0.0] * n_inputs
        self.bias = 0.0

    def activate(self, inputs):
        z = 0.0
        return z


spam_filter = Neuron(4, seed=42)
print("weights:", spam_filter.weights, "bias:", spam_filter.bias)
print("P(spam) =", spam_filter.activate([5, 4, 0.40, 0]))
""",
    solution="""\
import math
import random

class Neuron:
    def __init__(self, n_inputs, seed=None):
        generator = random.Random(seed)
        self.weights = [generator.uniform(-1, 1) for _ in range(n_inputs)]
        self.bias = generator.uniform(-1, 1)

    def activate(self, inputs):
        z = sum(w * x for w, x in zip(self.weights, inputs)) + self.bias
        return 1 / (1 + math.exp(-z))


spam_filter = Neuron(4, seed=42)
print("weights:", spam_filter.weights, "bias:", spam_filter.bias)
print("P(spam) =", spam_filter.activate([5, 4, 0.40, 0]))
""",
    hints=[
        "In `__init__`, make one generator, `generator = random.Random(seed)`, and call `generator.uniform(-1, 1)` "
        "once for each weight (a list comprehension over `range(n_inputs)`) and once more for the bias.",
        "In `activate`, compute `z` from `self.weights` and `self.bias`, then return `1 / (1 + math.exp(-z))`.",
    ],
    mistakes=[
        (
            "import math, random\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        generator = random.Random(seed)\n"
            "        self.weights = [generator.random() for _ in range(n_inputs)]\n"
            "        self.bias = generator.random()\n"
            "    def activate(self, inputs):\n"
            "        z = sum(w * x for w, x in zip(self.weights, inputs)) + self.bias\n"
            "        return 1 / (1 + math.exp(-z))\n",
            "uniform(-1, 1)",
        ),
        (
            "import math\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        self.weights = [0.0] * n_inputs\n"
            "        self.bias = 0.0\n"
            "    def activate(self, inputs):\n"
            "        z = sum(w * x for w, x in zip(self.weights, inputs)) + self.bias\n"
            "        return 1 / (1 + math.exp(-z))\n",
            "all zero",
        ),
        (
            "import math, random\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        self.weights = [random.uniform(-1, 1) for _ in range(n_inputs)]\n"
            "        self.bias = random.uniform(-1, 1)\n"
            "    def activate(self, inputs):\n"
            "        z = sum(w * x for w, x in zip(self.weights, inputs)) + self.bias\n"
            "        return 1 / (1 + math.exp(-z))\n",
            "same seed",
        ),
        (
            "import random\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        generator = random.Random(seed)\n"
            "        self.weights = [generator.uniform(-1, 1) for _ in range(n_inputs)]\n"
            "        self.bias = generator.uniform(-1, 1)\n"
            "    def activate(self, inputs):\n"
            "        return sum(w * x for w, x in zip(self.weights, inputs)) + self.bias\n",
            "apply the sigmoid",
        ),
        (
            "import math, random\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        generator = random.Random(seed)\n"
            "        self.weights = [generator.uniform(-1, 1) for _ in range(n_inputs)]\n"
            "        self.bias = generator.uniform(-1, 1)\n"
            "    def activate(self, inputs):\n"
            "        z = sum(w * x for w, x in zip(self.weights, inputs))\n"
            "        return 1 / (1 + math.exp(-z))\n",
            "ignores the bias",
        ),
        (
            "import math, random\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        generator = random.Random(seed)\n"
            "        self.bias = generator.uniform(-1, 1)\n"
            "        self.weights = [generator.uniform(-1, 1) for _ in range(n_inputs)]\n"
            "    def activate(self, inputs):\n"
            "        z = sum(w * x for w, x in zip(self.weights, inputs)) + self.bias\n"
            "        return 1 / (1 + math.exp(-z))\n",
            "You drew the bias before the weights",
        ),
        (
            "import math, random\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        generator = random.Random(seed)\n"
            "        self.weights = [generator.randint(-1, 1) for _ in range(n_inputs)]\n"
            "        self.bias = generator.randint(-1, 1)\n"
            "    def activate(self, inputs):\n"
            "        z = sum(w * x for w, x in zip(self.weights, inputs)) + self.bias\n"
            "        return 1 / (1 + math.exp(-z))\n",
            "randint(-1, 1) draws only",
        ),
        (
            "import math, random\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        self.weights = [random.Random(seed).uniform(-1, 1) for _ in range(n_inputs)]\n"
            "        self.bias = random.Random(seed).uniform(-1, 1)\n"
            "    def activate(self, inputs):\n"
            "        z = sum(w * x for w, x in zip(self.weights, inputs)) + self.bias\n"
            "        return 1 / (1 + math.exp(-z))\n",
            "starts the same sequence again",
        ),
        (
            "import math, random\n"
            "class Neuron:\n"
            "    def __init__(self, n_inputs, seed=None):\n"
            "        generator = random.Random(seed)\n"
            "        self.weights = [generator.uniform(-1, 1) for _ in range(n_inputs)]\n"
            "        self.bias = generator.uniform(-1, 1)\n"
            "    def activate(self, inputs):\n"
            "        z = sum(w * x for w, x in zip(self.weights, inputs)) + self.bias\n"
            "        return 1 / (1 + math.exp(z))\n",
            "check the minus sign",
        ),
    ],
)


@spam_neuron.check("Neuron(4, seed=0) has a list of 4 weights and a bias, random numbers from [-1, 1]")
def drawn_from_the_interval(learner):
    _new(learner, 4, 0)
    drawn = [_new(learner, 3, seed) for seed in range(40)]
    everything = [value for weights, bias in drawn for value in (*weights, bias)]
    expect(
        any(value != 0 for value in everything),
        "your weights and bias are all zero. Start them at small random numbers instead: "
        "neurons that start equal stay equal (the symmetry problem of this lesson).",
    )
    outside = [value for value in everything if not -1 <= value <= 1]
    if outside:
        fail(f"some weights or biases are outside [-1, 1], such as {outside[0]:g}: draw them with uniform(-1, 1).")
    expect(
        any(value < 0 for value in everything),
        "none of your weights or biases is ever negative, so they do not come from [-1, 1]: "
        "random() draws from [0, 1); use uniform(-1, 1).",
    )
    expect(
        any(len(set(weights)) > 1 for weights, _ in drawn),
        "all the weights of each neuron are equal: draw every weight separately, one generator.uniform(-1, 1) per "
        "weight, all from one generator made before the loop (`[g.uniform(-1, 1)] * n` repeats one number, and a new "
        "random.Random(seed) for each weight starts the same sequence again).",
    )


@spam_neuron.check("the same seed gives the same neuron, and another seed a different one")
def seeded(learner):
    first, again, other = _new(learner, 4, 7), _new(learner, 4, 7), _new(learner, 4, 8)
    if not any(first[0]) and not first[1]:
        fail("Neuron(4, seed=7) has only zeros: first draw the weights and the bias at random (see the check above).")
    expect(
        first == again,
        f"Neuron(4, seed=7) gave two different neurons, weights {brief([round(w, 4) for w in first[0]])} and "
        f"{brief([round(w, 4) for w in again[0]])}: the same seed "
        "must give the same neuron. Create `random.Random(seed)` in `__init__` and draw from it.",
    )
    expect(
        first != other,
        "Neuron(4, seed=7) and Neuron(4, seed=8) are the same neuron: pass the seed to random.Random(seed).",
    )


@spam_neuron.check("Neuron(4, seed=42) is the lesson's neuron: the weights drawn first, then the bias")
def draw_order(learner):
    weights, bias = _new(learner, 4, 42)
    draws = _draws(5, 42)
    if all(math.isclose(a, b) for a, b in zip([*weights, bias], draws)):
        return
    lesson = f"the lesson's neuron, the same as Neuron.random(4, seed=42), gives {_p_spam(draws[:4], draws[4]):.4f}"
    mine = f"yours gives P(spam) = {_p_spam(weights, bias):.4f} for the e-mail [5, 4, 0.40, 0], and {lesson}"
    if all(math.isclose(a, b) for a, b in zip([bias, *weights], draws)):
        fail(
            f"You drew the bias before the weights: {mine}. Draw the {len(weights)} weights first, then the bias, "
            "from the same generator: that order is what makes a seed give the same neuron as Neuron.random."
        )
    if all(float(value).is_integer() for value in (*weights, bias)):
        fail(
            "Your weights and bias are whole numbers: randint(-1, 1) draws only -1, 0 and 1. "
            "Use generator.uniform(-1, 1), which gives any number in between."
        )
    fail(
        f"Neuron(4, seed=42) should have the weights {[round(w, 4) for w in draws[:4]]} and the bias "
        f"{round(draws[4], 4)}, as Neuron.random(4, seed=42), but {mine}. Make one generator random.Random(seed), "
        "draw the weights with generator.uniform(-1, 1), then the bias."
    )


@spam_neuron.check("activate returns sigmoid(w·x + b) with the neuron's own weights and bias")
def activates(learner):
    neuron = learner.function("Neuron", "n_inputs", "seed")(2, 0)
    neuron.weights, neuron.bias = [0.5, -1.0], 1.0  # z = 2·0.5 + 3·(-1) + 1 = -1 for inputs [2, 3]
    activate = _activate(learner, neuron)
    output = expect_number(activate([2.0, 3.0]), "activate([2.0, 3.0])")
    expect(
        not math.isclose(output, -1.0),
        "with weights [0.5, -1], bias 1 and inputs [2, 3], activate returned z = -1 itself: "
        "apply the sigmoid, 1 / (1 + e^-z), to turn z into a probability.",
    )
    expect(
        not math.isclose(output, _sigmoid(1.0), rel_tol=1e-6),
        f"with weights [0.5, -1], bias 1 and inputs [2, 3], z = -1, and you returned {output:.4f} = sigmoid(1): "
        "check the minus sign, the sigmoid is 1 / (1 + e^-z), math.exp(-z).",
    )
    expect(
        not math.isclose(output, _sigmoid(-2.0), rel_tol=1e-6),
        f"with weights [0.5, -1], bias 1 and inputs [2, 3] you returned {output:.4f} = sigmoid(-2): "
        "your activate ignores the bias. z = w·x + b = -1, and sigmoid(-1) is about 0.2689.",
    )
    expect_close(
        output,
        _sigmoid(-1.0),
        "with weights [0.5, -1], bias 1 and inputs [2, 3], z = -1, so activate should return sigmoid(-1), "
        "about 0.2689, but it returned {actual}.",
    )


@spam_neuron.check("activate works for any number of inputs, with random weights")
def many(learner):
    make = learner.function("Neuron", "n_inputs", "seed")
    for seed, inputs in enumerate(v for v in vectors(4) if max(map(abs, v)) <= 10):
        neuron = make(4, seed)
        weights, bias = _parameters(neuron, 4, seed)
        activate = _activate(learner, neuron)
        expected = _sigmoid(sum(w * x for w, x in zip(weights, inputs)) + bias)
        expect_close(
            activate(inputs),
            expected,
            f"Neuron(4, seed={seed}).activate({brief(inputs)}) should be {{expected}}, got {{actual}}.",
        )
