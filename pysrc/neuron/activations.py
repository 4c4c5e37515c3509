"""Activation functions: what a neuron does with its weighted sum z.

Each activation is a plain function of one number ``z``, with its derivative
``d(output)/dz`` next to it, named ``<name>_derivative``:

=============  ==========================================  ==========================
name           activation(z)                               derivative
=============  ==========================================  ==========================
identity       z                                           1
step           1 if z >= 0 else 0                          0 (see ``step``)
relu           max(0, z)                                   1 if z > 0 else 0
leaky_relu     z if z > 0 else slope * z                   1 if z > 0 else slope
sigmoid        1 / (1 + e^-z)                              sigmoid(z) * (1 - sigmoid(z))
tanh           (e^z - e^-z) / (e^z + e^-z)                 1 - tanh(z)^2
elu            z if z > 0 else alpha * (e^z - 1)           1 if z > 0 else alpha * e^z
=============  ==========================================  ==========================

``get_activation(name)`` looks one up by name. ``softmax`` is here too, but it
turns a *list* of numbers into probabilities, so it is not an activation for a
single neuron (which has one z); use it directly: ``softmax([2.0, 1.0, 0.1])``.

At a kink (z = 0 for step, relu and leaky_relu) the derivative does not exist;
we use the value from the left (0, 0 and ``slope``), as most libraries do.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .arithmetic import add_up
from .validation import check_numbers, unknown_name


def identity(z: float) -> float:
    """identity(z) = z: the output is the weighted sum itself."""
    return z


def identity_derivative(z: float) -> float:
    """d/dz identity(z) = 1."""
    return 1.0


def step(z: float) -> float:
    """step(z) = 1 if z >= 0 else 0: the neuron "fires" or it does not."""
    return 1.0 if z >= 0 else 0.0


def step_derivative(z: float) -> float:
    """d/dz step(z) = 0 everywhere (except at z = 0, where it jumps and has none).

    A zero slope means gradient descent gets no signal about which way to move
    the weights: a step neuron cannot be trained by gradient descent. That is
    why training uses smooth activations such as sigmoid.
    """
    return 0.0


def relu(z: float) -> float:
    """relu(z) = max(0, z): negative sums are cut to 0."""
    return z if z > 0 else 0.0


def relu_derivative(z: float) -> float:
    """d/dz relu(z) = 1 if z > 0 else 0."""
    return 1.0 if z > 0 else 0.0


def leaky_relu(z: float, slope: float = 0.01) -> float:
    """leaky_relu(z) = z if z > 0 else slope * z: like relu, with a small slope below 0."""
    return z if z > 0 else slope * z


def leaky_relu_derivative(z: float, slope: float = 0.01) -> float:
    """d/dz leaky_relu(z) = 1 if z > 0 else slope."""
    return 1.0 if z > 0 else slope


def sigmoid(z: float) -> float:
    """sigmoid(z) = 1 / (1 + e^-z): squashes any z into (0, 1).

    Computed without overflow: for z < 0 we use the equal form e^z / (1 + e^z),
    so ``math.exp`` only ever sees a number <= 0 (``sigmoid(-1000)`` is 0.0,
    ``sigmoid(1000)`` is 1.0).
    """
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))  # e^-z <= 1: cannot overflow
    e = math.exp(z)  # e^z < 1: cannot overflow
    return e / (1.0 + e)  # = 1 / (1 + e^-z), multiplied top and bottom by e^z


def sigmoid_derivative(z: float) -> float:
    """d/dz sigmoid(z) = sigmoid(z) * (1 - sigmoid(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z: float) -> float:
    """tanh(z) = (e^z - e^-z) / (e^z + e^-z): squashes any z into (-1, 1)."""
    return math.tanh(z)  # the library version never overflows


def tanh_derivative(z: float) -> float:
    """d/dz tanh(z) = 1 - tanh(z)^2."""
    t = math.tanh(z)
    return 1.0 - t * t


def elu(z: float, alpha: float = 1.0) -> float:
    """elu(z) = z if z > 0 else alpha * (e^z - 1): smooth below 0, tends to -alpha."""
    return z if z > 0 else alpha * math.expm1(z)  # expm1(z) = e^z - 1, exact near z = 0


def elu_derivative(z: float, alpha: float = 1.0) -> float:
    """d/dz elu(z) = 1 if z > 0 else alpha * e^z."""
    return 1.0 if z > 0 else alpha * math.exp(z)


def softmax(values: list[float]) -> list[float]:
    """softmax(v)_i = e^(v_i) / sum_j e^(v_j): turns scores into probabilities summing to 1.

    Subtracting the largest value first gives the same result (the factor
    e^-max cancels above and below) and keeps every ``math.exp`` argument <= 0,
    so ``softmax([1000, 1000])`` is [0.5, 0.5] instead of an overflow.
    """
    scores = check_numbers(values, "the values given to softmax", "value")
    if not scores:
        raise ValueError("softmax needs at least one value.")
    largest = max(scores)
    exps = [math.exp(v - largest) for v in scores]  # each in (0, 1], the largest is exactly 1
    total = add_up(exps)  # >= 1, so never a division by zero
    return [e / total for e in exps]


def softmax_derivative(values: list[float]) -> list[list[float]]:
    """The Jacobian of softmax: J[i][j] = d softmax(v)_i / d v_j = s_i * (delta_ij - s_j).

    softmax maps a list to a list, so its derivative is a table (one row per
    output, one column per input); delta_ij is 1 when i == j and 0 otherwise.
    """
    s = softmax(values)
    return [[s_i * ((1.0 if i == j else 0.0) - s_j) for j, s_j in enumerate(s)] for i, s_i in enumerate(s)]


@dataclass(frozen=True)
class Activation:
    """An activation looked up by name: its ``function`` and its ``derivative`` (both on z)."""

    name: str
    function: Callable[[float], float]
    derivative: Callable[[float], float]

    def __call__(self, z: float) -> float:
        """Apply the activation: ``get_activation("relu")(-1.0)`` is 0.0."""
        return self.function(z)


ACTIVATIONS: dict[str, Activation] = {
    activation.name: activation
    for activation in [
        Activation("identity", identity, identity_derivative),
        Activation("step", step, step_derivative),
        Activation("relu", relu, relu_derivative),
        Activation("leaky_relu", leaky_relu, leaky_relu_derivative),
        Activation("sigmoid", sigmoid, sigmoid_derivative),
        Activation("tanh", tanh, tanh_derivative),
        Activation("elu", elu, elu_derivative),
    ]
}


def get_activation(name: str) -> Activation:
    """The activation called ``name`` (one of ``ACTIVATIONS``), e.g. ``get_activation("sigmoid")``."""
    if not isinstance(name, str):
        raise TypeError(f"An activation is given by its name, a string such as 'sigmoid', not {name!r}.")
    if name == "softmax":
        raise ValueError(
            "softmax works on a list of scores, not on the single number z of one neuron: "
            "call softmax(values) directly. "
            f"For a neuron, choose one of: {', '.join(sorted(ACTIVATIONS))}."
        )
    if name not in ACTIVATIONS:
        raise unknown_name("activation", name, list(ACTIVATIONS))
    return ACTIVATIONS[name]
