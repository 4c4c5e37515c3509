"""Explain one forward pass of a neuron, step by step, as you would write it by hand.

    >>> from neuron import Neuron
    >>> print(Neuron([0.5, -1.0], 1.0, activation="relu").explain([2.0, 3.0]))
    inputs x = [2.0, 3.0], weights w = [0.5, -1.0], bias b = 1.0
      2.0 × 0.5 = 1.0
      3.0 × (-1.0) = -3.0
    sum of products = 1.0 + (-3.0) = -2.0
    + bias 1.0 → z = -1.0
    relu(-1.0) = max(0, -1.0) = 0.0
    output: 0.0

Numbers are shown with up to 6 significant digits (``format_number``, from
:mod:`neuron.formatting`); the values themselves are computed exactly as the
neuron computes them.
"""

from __future__ import annotations

from typing import Protocol

from .arithmetic import add_up
from .formatting import format_list, format_number, format_term  # format_number is also imported from here

#: How each activation is written out by hand; {z} is the weighted sum, {minus_z} its negative.
FORMULAS = {
    "identity": "{z}",
    "step": "1 if {z} ≥ 0 else 0",
    "relu": "max(0, {z})",
    "leaky_relu": "{z} if {z} > 0 else 0.01 × {z}",
    "sigmoid": "1 / (1 + e^({minus_z}))",
    "tanh": "(e^({z}) - e^({minus_z})) / (e^({z}) + e^({minus_z}))",
    "elu": "{z} if {z} > 0 else e^({z}) - 1",
}


class Explanation(str):
    """A multi-line explanation: a ``str`` that also shows as plain lines when displayed.

    In a code panel or notebook the last expression is shown with ``repr``;
    here that gives the readable lines rather than one long quoted string.
    """

    def __repr__(self) -> str:
        return str(self)


class Explainable(Protocol):
    """What an explanation reads from a neuron (a :class:`neuron.Neuron` is one): its parameters and its steps."""

    weights: list[float]
    bias: float
    activation: str

    def check_inputs(self, inputs: list[float]) -> list[float]: ...
    def products(self, inputs: list[float]) -> list[float]: ...
    def weighted_sum(self, inputs: list[float]) -> float: ...
    def __call__(self, inputs: list[float]) -> float: ...


def explain(neuron: Explainable, inputs: list[float]) -> Explanation:
    """Every step from inputs to output: products, their sum, + bias = z, activation(z), output."""
    products = neuron.products(inputs)
    x = neuron.check_inputs(inputs)
    z = neuron.weighted_sum(inputs)
    output = neuron(inputs)
    bias = format_number(neuron.bias)
    lines = [f"inputs x = {format_list(x)}, weights w = {format_list(neuron.weights)}, bias b = {bias}"]
    for xi, wi, p in zip(x, neuron.weights, products):
        lines.append(f"  {format_term(xi)} × {format_term(wi)} = {format_number(p)}")
    total = add_up(products)  # rounded once, as the neuron adds them
    lines.append(f"sum of products = {' + '.join(format_term(p) for p in products)} = {format_number(total)}")
    lines.append(f"+ bias {bias} → z = {format_number(z)}")
    lines.append(_activation_line(neuron.activation, z, output))
    lines.append(f"output: {format_number(output)}")
    return Explanation("\n".join(lines))


def _activation_line(name: str, z: float, output: float) -> str:
    """e.g. 'relu(-1.0) = max(0, -1.0) = 0.0'."""
    written = FORMULAS.get(name, "{z}").format(z=format_number(z), minus_z=format_number(-z))
    middle = "" if written == format_number(z) or name not in FORMULAS else f" = {written}"
    return f"{name}({format_number(z)}){middle} = {format_number(output)}"
