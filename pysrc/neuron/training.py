"""Training a neuron by gradient descent, one piece at a time.

For a dataset of n rows x_i with labels y_i, the neuron predicts
ŷ_i = activation(z_i) with z_i = w·x_i + b, and the loss L is a mean over
the rows. The chain rule gives the slope of L for every parameter:

    dL/dz_i = dL/dŷ_i · dŷ_i/dz_i        (loss gradient × activation derivative)
    dL/dw_j = sum_i dL/dz_i · x_ij       (because dz_i/dw_j = x_ij)
    dL/db   = sum_i dL/dz_i              (because dz_i/db = 1)

(the 1/n of the mean is already inside dL/dŷ_i, so these sums are averages).
For a sigmoid neuron with binary cross-entropy the first line simplifies to
dL/dz_i = (ŷ_i - y_i) / n, which is what we compute in that case: it is exact
even when ŷ_i is 0.0 or 1.0 to the last digit.

One step of gradient descent moves every parameter a little downhill:

    w_j ← w_j - learning_rate · dL/dw_j        b ← b - learning_rate · dL/db

The pieces: ``compute_loss``, ``gradients`` (for a whole batch), ``update``
(one step), and ``fit`` (repeat for some epochs, recording a ``History``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Protocol

from .activations import get_activation
from .arithmetic import add_up
from .losses import (
    Loss,
    binary_cross_entropy_from_logits,
    binary_cross_entropy_from_logits_gradient,
    get_loss,
)
from .plot import Plot, plot_loss
from .validation import check_dataset, check_number, check_numbers, check_same_length, count

#: Losses that compare a list of class probabilities: they need more than one output.
SEVERAL_CLASS_LOSSES = ("categorical_cross_entropy", "sparse_categorical_cross_entropy")


class Trainable(Protocol):
    """What training reads and changes in a neuron (a :class:`neuron.Neuron` is one)."""

    weights: list[float]
    bias: float
    activation: str

    def weighted_sum_of_checked(self, x: list[float]) -> float: ...
    def predict(self, rows: list[list[float]]) -> list[float]: ...
    def parameters(self) -> list[float]: ...
    def __call__(self, inputs: list[float]) -> float: ...


@dataclass(repr=False)
class History:
    """What happened during ``fit``, epoch by epoch, so a lesson can replay training.

    ``losses[k]``, ``weights[k]`` and ``biases[k]`` describe the neuron after
    k epochs: index 0 is the neuron before the first update, and the last
    index is the trained neuron. So each list has ``epochs + 1`` entries.
    """

    losses: list[float] = field(default_factory=list)
    weights: list[list[float]] = field(default_factory=list)
    biases: list[float] = field(default_factory=list)
    loss_name: str = "binary_cross_entropy"
    learning_rate: float = 0.1
    inputs: list[list[float]] = field(default_factory=list)  # the X it was trained on (for the timeline)
    labels: list[float] = field(default_factory=list)  # and the y
    activation: str = "sigmoid"

    @property
    def epochs(self) -> int:
        """How many updates were made (one fewer than the number of recorded losses)."""
        return len(self.losses) - 1

    def record(self, loss: float, neuron: Trainable) -> None:
        """Append the loss and a copy of the neuron's weights and bias."""
        self.losses.append(loss)
        self.weights.append(list(neuron.weights))
        self.biases.append(neuron.bias)

    def plot(self) -> Plot:
        """The loss curve: loss against epoch."""
        return plot_loss(self)

    def timeline(self, X: list[list[float]] | None = None, y: list[float] | None = None, **options: object):
        """The training replayed: a widget to scrub through the epochs (see :class:`neuron.timeline.Timeline`).

        X and y default to the data ``fit`` trained on.
        """
        from .timeline import Timeline  # the timeline draws with plot, which training's users need not load

        rows, labels = (self.inputs, self.labels) if X is None and y is None else (X, y)
        return Timeline.from_history(self, rows, labels, activation=self.activation, **options)

    def __repr__(self) -> str:
        if not self.losses:
            return "History(epochs=0, no losses recorded)"
        return f"History(epochs={self.epochs}, {self.loss_name} {self.losses[0]:.4g} → {self.losses[-1]:.4g})"


# --- checking a dataset ------------------------------------------------------------------


def _dataset(neuron: Trainable, X: list[list[float]], y: list[float]) -> tuple[list[list[float]], list[float]]:
    """Check that X (rows of inputs) and y (one label per row) fit the neuron; return them as floats."""
    rows, labels = check_dataset(X, y)
    if len(rows[0]) != len(neuron.weights):
        values, weights = count(len(rows[0]), "value{s}"), count(len(neuron.weights), "weight{s}")
        raise ValueError(f"Each row of X has {values} but the neuron has {weights}: give one input per weight.")
    return rows, labels


def _single_output_loss(name: str) -> Loss:
    """The loss called ``name``, if it makes sense for one neuron with one output."""
    loss = get_loss(name)
    if loss.name in SEVERAL_CLASS_LOSSES:
        raise ValueError(
            f"{loss.name} compares a probability for each of several classes, but a single neuron has one output. "
            "For two classes (labels 0 and 1) use 'binary_cross_entropy'."
        )
    return loss


# --- the pieces of one training step ---------------------------------------------------


def _loss_and_gradients(
    neuron: Trainable, rows: list[list[float]], labels: list[float], loss: Loss
) -> tuple[float, list[float], float]:
    """Forward pass, loss, and backward pass by the chain rule, on already-checked data."""
    zs = [neuron.weighted_sum_of_checked(row) for row in rows]  # z_i = w·x_i + b
    if neuron.activation == "sigmoid" and loss.name == "binary_cross_entropy":
        value = binary_cross_entropy_from_logits(labels, zs)
        dz = binary_cross_entropy_from_logits_gradient(labels, zs)  # dL/dz_i = (ŷ_i - y_i) / n
    else:
        activation = get_activation(neuron.activation)
        predictions = [activation.function(z) for z in zs]  # ŷ_i = activation(z_i)
        value = loss.function(labels, predictions)
        slopes = loss.gradient(labels, predictions)  # dL/dŷ_i, already divided by n
        dz = [slope * activation.derivative(z) for slope, z in zip(slopes, zs)]  # dL/dz_i = dL/dŷ_i · dŷ_i/dz_i
    weight_gradients = [add_up(d * row[j] for d, row in zip(dz, rows)) for j in range(len(neuron.weights))]
    bias_gradient = add_up(dz)  # dz_i/db = 1
    return value, weight_gradients, bias_gradient


def compute_loss(neuron: Trainable, X: list[list[float]], y: list[float], loss: str = "binary_cross_entropy") -> float:
    """The loss of the neuron's predictions on the whole dataset (a mean over the rows)."""
    rows, labels = _dataset(neuron, X, y)
    return _loss_and_gradients(neuron, rows, labels, _single_output_loss(loss))[0]


def gradients(
    neuron: Trainable, X: list[list[float]], y: list[float], loss: str = "binary_cross_entropy"
) -> tuple[list[float], float]:
    """The slopes (dL/dw_1, ..., dL/dw_n) and dL/db of the loss on the whole batch X, y."""
    rows, labels = _dataset(neuron, X, y)
    _, weight_gradients, bias_gradient = _loss_and_gradients(neuron, rows, labels, _single_output_loss(loss))
    return weight_gradients, bias_gradient


def update(neuron: Trainable, weight_gradients: list[float], bias_gradient: float, learning_rate: float) -> Trainable:
    """One step of gradient descent, in place: w_j ← w_j - learning_rate · dL/dw_j, b ← b - learning_rate · dL/db.

    Returns the same neuron, so you can write ``update(n, ...)(x)``.
    """
    slopes = check_numbers(weight_gradients, "the weight gradients", "weight gradient")
    check_same_length(slopes, neuron.weights, "weight gradient{s}", "weight{s}")
    rate = check_number(learning_rate, "the learning rate")
    neuron.weights = [w - rate * g for w, g in zip(neuron.weights, slopes)]  # step against the slope
    neuron.bias = neuron.bias - rate * check_number(bias_gradient, "the bias gradient")
    return neuron


# --- the training loop -----------------------------------------------------------------


def _check_settings(learning_rate: float, epochs: int, print_every: int | None) -> float:
    """Refuse a learning rate <= 0, a negative number of epochs, or print_every < 1."""
    rate = check_number(learning_rate, "the learning rate")
    if rate <= 0:
        raise ValueError(f"The learning rate must be a positive number (such as 0.1), not {learning_rate}.")
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 0:
        raise ValueError(f"epochs must be a whole number of at least 0 (such as 1000), not {epochs!r}.")
    if print_every is not None and (
        isinstance(print_every, bool) or not isinstance(print_every, int) or print_every < 1
    ):
        raise ValueError(f"print_every must be a whole number of at least 1 (or None), not {print_every!r}.")
    return rate


def _check_finite(values: list[float], epoch: int) -> None:
    """Stop with an explanation when training has blown up to infinity or NaN."""
    if not all(math.isfinite(value) for value in values):
        raise ValueError(
            f"Training diverged at epoch {epoch}: the loss, the weights or their gradients became infinite or NaN. "
            "The steps were too big: try a smaller learning_rate."
        )


def fit(
    neuron: Trainable,
    X: list[list[float]],
    y: list[float],
    learning_rate: float = 0.1,
    epochs: int = 1000,
    loss: str = "binary_cross_entropy",
    print_every: int | None = None,
) -> History:
    """Full-batch gradient descent: ``epochs`` times, compute the gradients on all of X, y and step.

    Changes the neuron in place and returns a ``History`` with the loss,
    weights and bias before training and after every epoch. With
    ``print_every=100`` it prints ``epoch  100  loss 0.1234`` every 100 epochs.
    """
    rows, labels = _dataset(neuron, X, y)
    loss_function = _single_output_loss(loss)
    rate = _check_settings(learning_rate, epochs, print_every)
    history = History(
        loss_name=loss_function.name, learning_rate=rate, inputs=rows, labels=labels, activation=neuron.activation
    )
    for epoch in range(epochs + 1):
        value, weight_gradients, bias_gradient = _loss_and_gradients(neuron, rows, labels, loss_function)
        _check_finite([value, bias_gradient, *weight_gradients, *neuron.parameters()], epoch)
        history.record(value, neuron)
        if print_every is not None and (epoch % print_every == 0 or epoch == epochs):
            print(f"epoch {epoch:>{len(str(epochs))}}  loss {value:.4f}")
        if epoch == epochs:
            break
        update(neuron, weight_gradients, bias_gradient, rate)
    return history


def accuracy(neuron: Trainable, X: list[list[float]], y: list[float], threshold: float = 0.5) -> float:
    """The fraction of rows classified correctly: class 1 when output >= threshold, else class 0.

    With labels -1 and +1 (as for the hinge loss) the other class is -1; use threshold=0.0 then.
    """
    rows, labels = _dataset(neuron, X, y)
    other = -1.0 if -1.0 in labels else 0.0
    guesses = [1.0 if output >= threshold else other for output in neuron.predict(rows)]
    return sum(guess == label for guess, label in zip(guesses, labels)) / len(labels)
