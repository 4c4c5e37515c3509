"""The Neuron: a weighted sum of the inputs plus a bias, passed through an activation.

output = activation(z),  where  z = w·x + b = w_1 x_1 + w_2 x_2 + ... + w_n x_n + b

>>> n = Neuron(weights=[0.5, -1.0], bias=1.0, activation="relu")
>>> n.weighted_sum([2.0, 3.0])   # 2.0 × 0.5 + 3.0 × (-1.0) + 1.0
-1.0
>>> n([2.0, 3.0])                # relu(-1.0)
0.0
"""

from __future__ import annotations

import random

# Training, explaining and drawing are in their own modules, which know nothing of this class:
# they read a neuron's weights, bias and activation, and call its methods.
from . import training
from .activations import get_activation
from .arithmetic import add_up
from .explain import Explanation, explain
from .plot.diagram import NeuronDiagram, draw_neuron
from .validation import check_number, check_numbers, check_rows, count


class Neuron:
    """One artificial neuron with ``weights`` (one per input), a ``bias`` and an ``activation`` name."""

    def __init__(self, weights: list[float], bias: float, activation: str = "sigmoid") -> None:
        self.weights = check_numbers(weights, "the weights", "weight")
        if not self.weights:
            raise ValueError("A neuron needs at least one weight (one weight per input).")
        self.bias = check_number(bias, "the bias")
        get_activation(activation)  # refuses an unknown name now, not at the first call
        self.activation = activation

    @classmethod
    def random(cls, n_inputs: int, seed: int | None = None, activation: str = "sigmoid") -> Neuron:
        """A neuron with weights and bias drawn uniformly from [-1, 1].

        The same ``seed`` always gives the same neuron; ``seed=None`` gives a new one each time.
        """
        if isinstance(n_inputs, bool) or not isinstance(n_inputs, int) or n_inputs < 1:
            raise ValueError(f"n_inputs is the number of inputs, a whole number of at least 1, not {n_inputs!r}.")
        generator = random.Random(seed)  # its own generator: other code's random numbers do not change ours
        weights = [generator.uniform(-1.0, 1.0) for _ in range(n_inputs)]
        return cls(weights, generator.uniform(-1.0, 1.0), activation)

    def check_inputs(self, inputs: list[float]) -> list[float]:
        """The inputs as floats, after checking there is one number per weight."""
        x = check_numbers(inputs, "the inputs", "input")
        if len(x) != len(self.weights):
            raise ValueError(
                f"The neuron has {count(len(self.weights), 'weight{s}')} but got {count(len(x), 'input{s}')}: "
                "give one input per weight."
            )
        return x

    def products(self, inputs: list[float]) -> list[float]:
        """Each input times its weight: [x_1 w_1, x_2 w_2, ...]."""
        return [x_i * w_i for x_i, w_i in zip(self.check_inputs(inputs), self.weights)]

    def weighted_sum(self, inputs: list[float]) -> float:
        """z = w·x + b = sum_i w_i x_i + b (added with a single rounding, see arithmetic.add_up)."""
        return self.weighted_sum_of_checked(self.check_inputs(inputs))

    def weighted_sum_of_checked(self, x: list[float]) -> float:
        """z = w·x + b for inputs already checked by ``check_inputs`` (training uses this: it is faster)."""
        return add_up([x_i * w_i for x_i, w_i in zip(x, self.weights)] + [self.bias])

    def __call__(self, inputs: list[float]) -> float:
        """The output for one input list: activation(w·x + b)."""
        return get_activation(self.activation).function(self.weighted_sum(inputs))

    def predict(self, rows: list[list[float]]) -> list[float]:
        """The output for every row of a dataset: [neuron(row) for row in rows]."""
        return [self(row) for row in check_rows(rows, "the rows to predict")]

    def parameters(self) -> list[float]:
        """Everything training changes, in one list: the weights, then the bias."""
        return [*self.weights, self.bias]

    def explain(self, inputs: list[float]) -> Explanation:
        """A step-by-step account of one forward pass (print it, or show it in a panel)."""
        return explain(self, inputs)

    def draw(self, inputs: list[float] | None = None) -> NeuronDiagram:
        """A picture of the neuron (inputs, weighted edges, Σ with the bias, activation, output); see ``neuron.plot``.

        With ``inputs`` it also shows their values, z and the output, the numbers ``explain`` prints.
        """
        return draw_neuron(self, inputs)

    def _repr_svg_(self) -> str:
        """A notebook or a code panel shows a neuron as its picture (``print(n)`` still shows ``repr``)."""
        return self.draw().to_svg()

    def fit(
        self,
        X: list[list[float]],
        y: list[float],
        learning_rate: float = 0.1,
        epochs: int = 1000,
        loss: str = "binary_cross_entropy",
        print_every: int | None = None,
    ) -> training.History:
        """Train by full-batch gradient descent; returns the History (see ``neuron.training.fit``)."""
        return training.fit(self, X, y, learning_rate, epochs, loss, print_every)

    def __repr__(self) -> str:
        return f"Neuron(weights={self.weights!r}, bias={self.bias!r}, activation={self.activation!r})"
