"""Loss functions: one number saying how far the predictions are from the labels.

Every loss takes ``(y_true, y_pred)``, two lists of the same length, and
returns the *mean* over the rows. Next to each loss, ``<name>_gradient``
returns d(loss)/d(prediction) for every prediction, in the shape of
``y_pred``; because the loss is a mean, each entry carries a factor 1/n.

=================================  =================================  ==========================
loss                               per row                            labels
=================================  =================================  ==========================
mean_squared_error                 (y_pred - y)^2                     any numbers
mean_absolute_error                |y_pred - y|                       any numbers
binary_cross_entropy               -(y log p + (1 - y) log(1 - p))    0 or 1
categorical_cross_entropy          -sum_k y_k log p_k                 one-hot lists
sparse_categorical_cross_entropy   -log p_label                       class numbers 0, 1, ...
hinge                              max(0, 1 - y * y_pred)             -1 or +1
=================================  =================================  ==========================

The cross-entropies take a logarithm of the predicted probability, and
log(0) is minus infinity. So predictions are first clipped into
[EPSILON, 1 - EPSILON]: a prediction of exactly 0 or 1 gives a large but
finite loss (about 27.6) instead of infinity. When the prediction is
sigmoid(z), ``binary_cross_entropy_from_logits`` avoids clipping altogether
by working on z; training uses it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from .activations import sigmoid
from .arithmetic import add_up
from .validation import check_not_empty, check_numbers, check_same_length, count, unknown_name

#: Smallest probability the cross-entropies take a logarithm of: -log(1e-12) is about 27.6.
EPSILON = 1e-12


# --- checks shared by the losses -------------------------------------------------------


def _pair(y_true: list, y_pred: list) -> tuple[list[float], list[float]]:
    """Check two equal-length, non-empty lists of numbers and return them as floats."""
    labels = check_numbers(y_true, "the labels (y_true)", "label")
    predictions = check_numbers(y_pred, "the predictions (y_pred)", "prediction")
    check_not_empty(labels, "the list of labels")
    check_same_length(labels, predictions, "label{s}", "prediction{s}")
    return labels, predictions


def _check_labels_in(labels: list[float], allowed: tuple[float, float], loss: str) -> None:
    """Refuse a label outside ``allowed``, e.g. a 2 where only 0 or 1 make sense."""
    for position, label in enumerate(labels, start=1):
        if label not in allowed:
            raise ValueError(
                f"{loss} needs labels {allowed[0]:g} or {allowed[1]:g}, but label {position} is {label:g}."
            )


def _check_probabilities(predictions: list[float], loss: str) -> None:
    """Refuse a prediction outside [0, 1]: cross-entropy compares probabilities."""
    for position, p in enumerate(predictions, start=1):
        if not 0.0 <= p <= 1.0:
            raise ValueError(
                f"{loss} needs predictions between 0 and 1 (probabilities), but prediction "
                f"{position} is {p:g}. A sigmoid (or softmax) output is always between 0 and 1."
            )


def _clip(p: float) -> float:
    """p moved into [EPSILON, 1 - EPSILON], so that log(p) and log(1 - p) stay finite."""
    return min(max(p, EPSILON), 1.0 - EPSILON)


def _check_distributions(y_true: list, y_pred: list, one_hot: bool) -> tuple[list, list]:
    """Check lists of rows (one row of class values per example) for the categorical losses."""
    if not isinstance(y_pred, (list, tuple)) or not isinstance(y_true, (list, tuple)):
        raise TypeError("Categorical losses need lists of rows, e.g. y_pred = [[0.7, 0.2, 0.1], ...].")
    check_not_empty(y_pred, "the list of predictions")
    check_same_length(list(y_true), list(y_pred), "label{s}", "prediction{s}")
    rows = [check_numbers(row, f"prediction row {n}", "probability") for n, row in enumerate(y_pred, start=1)]
    for n, row in enumerate(rows, start=1):
        _check_probabilities(row, f"Categorical cross-entropy (row {n})")
    if not one_hot:
        return list(y_true), rows
    targets = [check_numbers(row, f"label row {n}", "value") for n, row in enumerate(y_true, start=1)]
    for n, (target, row) in enumerate(zip(targets, rows), start=1):
        if len(target) != len(row):
            labels, predictions = count(len(target), "label{s}"), count(len(row), "prediction{s}")
            raise ValueError(f"Row {n} has {labels} but {predictions}: give one per class.")
        if sorted(target) != [0.0] * (len(target) - 1) + [1.0]:
            raise ValueError(f"Label row {n} is {target}, which is not one-hot (a single 1, the rest 0).")
    return targets, rows


# --- regression losses -----------------------------------------------------------------


def mean_squared_error(y_true: list[float], y_pred: list[float]) -> float:
    """MSE = (1/n) * sum_i (y_pred_i - y_i)^2."""
    labels, predictions = _pair(y_true, y_pred)
    return add_up((p - y) * (p - y) for y, p in zip(labels, predictions)) / len(labels)


def mean_squared_error_gradient(y_true: list[float], y_pred: list[float]) -> list[float]:
    """d MSE / d y_pred_i = 2 * (y_pred_i - y_i) / n."""
    labels, predictions = _pair(y_true, y_pred)
    n = len(labels)
    return [2.0 * (p - y) / n for y, p in zip(labels, predictions)]


def mean_absolute_error(y_true: list[float], y_pred: list[float]) -> float:
    """MAE = (1/n) * sum_i |y_pred_i - y_i|."""
    labels, predictions = _pair(y_true, y_pred)
    return add_up(abs(p - y) for y, p in zip(labels, predictions)) / len(labels)


def mean_absolute_error_gradient(y_true: list[float], y_pred: list[float]) -> list[float]:
    """d MAE / d y_pred_i = sign(y_pred_i - y_i) / n (0 where prediction equals label)."""
    labels, predictions = _pair(y_true, y_pred)
    n = len(labels)
    return [((p > y) - (p < y)) / n for y, p in zip(labels, predictions)]  # (p > y) - (p < y) is the sign


# --- binary classification -------------------------------------------------------------


def binary_cross_entropy(y_true: list[float], y_pred: list[float]) -> float:
    """BCE = -(1/n) * sum_i [y_i log p_i + (1 - y_i) log(1 - p_i)], p_i clipped to [EPSILON, 1 - EPSILON].

    Labels must be 0 or 1 and predictions probabilities in [0, 1].
    """
    labels, predictions = _pair(y_true, y_pred)
    _check_labels_in(labels, (0.0, 1.0), "Binary cross-entropy")
    _check_probabilities(predictions, "Binary cross-entropy")
    total = add_up(
        y * math.log(_clip(p)) + (1.0 - y) * math.log1p(-_clip(p))  # log1p(-p) = log(1 - p), exact for small p
        for y, p in zip(labels, predictions)
    )
    return -total / len(labels)


def binary_cross_entropy_gradient(y_true: list[float], y_pred: list[float]) -> list[float]:
    """d BCE / d p_i = (p_i - y_i) / (p_i * (1 - p_i)) / n, with p_i clipped as in the loss.

    Between EPSILON and 1 - EPSILON this is the exact derivative. At a clipped
    prediction (exactly 0 or 1) it is the slope just inside the clip, not the
    flat 0 of the clipped loss: a confidently wrong prediction still gets a
    large push in the right direction.
    """
    labels, predictions = _pair(y_true, y_pred)
    _check_labels_in(labels, (0.0, 1.0), "Binary cross-entropy")
    _check_probabilities(predictions, "Binary cross-entropy")
    n = len(labels)
    return [(_clip(p) - y) / (_clip(p) * (1.0 - _clip(p))) / n for y, p in zip(labels, predictions)]


def _softplus(z: float) -> float:
    """softplus(z) = log(1 + e^z), computed as max(z, 0) + log(1 + e^-|z|) so e^ never overflows."""
    return max(z, 0.0) + math.log1p(math.exp(-abs(z)))


def binary_cross_entropy_from_logits(y_true: list[float], logits: list[float]) -> float:
    """BCE of p = sigmoid(z), computed from z directly: (1/n) * sum_i [softplus(z_i) - y_i * z_i].

    Same value as ``binary_cross_entropy(y, [sigmoid(z) ...])`` but exact for
    any z (no clipping): -log(sigmoid(z)) = softplus(-z) = softplus(z) - z.
    """
    labels, zs = _pair(y_true, logits)
    _check_labels_in(labels, (0.0, 1.0), "Binary cross-entropy")
    return add_up(_softplus(z) - y * z for y, z in zip(labels, zs)) / len(labels)


def binary_cross_entropy_from_logits_gradient(y_true: list[float], logits: list[float]) -> list[float]:
    """d BCE / d z_i = (sigmoid(z_i) - y_i) / n: the famous "prediction minus label"."""
    labels, zs = _pair(y_true, logits)
    _check_labels_in(labels, (0.0, 1.0), "Binary cross-entropy")
    n = len(labels)
    return [(sigmoid(z) - y) / n for y, z in zip(labels, zs)]


def hinge(y_true: list[float], y_pred: list[float]) -> float:
    """Hinge = (1/n) * sum_i max(0, 1 - y_i * y_pred_i), with labels -1 or +1.

    Zero once a row is on the right side with a margin of at least 1.
    """
    labels, predictions = _pair(y_true, y_pred)
    _check_labels_in(labels, (-1.0, 1.0), "Hinge loss")
    return add_up(max(0.0, 1.0 - y * p) for y, p in zip(labels, predictions)) / len(labels)


def hinge_gradient(y_true: list[float], y_pred: list[float]) -> list[float]:
    """d hinge / d y_pred_i = -y_i / n if y_i * y_pred_i < 1 else 0."""
    labels, predictions = _pair(y_true, y_pred)
    _check_labels_in(labels, (-1.0, 1.0), "Hinge loss")
    n = len(labels)
    return [-y / n if y * p < 1.0 else 0.0 for y, p in zip(labels, predictions)]


# --- several classes --------------------------------------------------------------------


def categorical_cross_entropy(y_true: list[list[float]], y_pred: list[list[float]]) -> float:
    """CCE = -(1/n) * sum_i sum_k y_ik log p_ik, with one-hot labels y_i and p clipped like BCE."""
    targets, rows = _check_distributions(y_true, y_pred, one_hot=True)
    total = add_up(y * math.log(_clip(p)) for target, row in zip(targets, rows) for y, p in zip(target, row))
    return -total / len(rows)


def categorical_cross_entropy_gradient(y_true: list[list[float]], y_pred: list[list[float]]) -> list[list[float]]:
    """d CCE / d p_ik = -y_ik / p_ik / n (p clipped as in the loss)."""
    targets, rows = _check_distributions(y_true, y_pred, one_hot=True)
    n = len(rows)
    return [[-y / _clip(p) / n for y, p in zip(target, row)] for target, row in zip(targets, rows)]


def _check_class_numbers(labels: list, rows: list[list[float]]) -> list[int]:
    """Check that each label is a whole class number 0 <= label < number of classes."""
    for n, (label, row) in enumerate(zip(labels, rows), start=1):
        if isinstance(label, bool) or not isinstance(label, int):
            raise TypeError(f"Label {n} is {label!r}: sparse labels are class numbers such as 0, 1 or 2.")
        if not 0 <= label < len(row):
            raise ValueError(f"Label {n} is {label}, but row {n} has {len(row)} classes (0 to {len(row) - 1}).")
    return list(labels)


def sparse_categorical_cross_entropy(y_true: list[int], y_pred: list[list[float]]) -> float:
    """SCCE = -(1/n) * sum_i log p_i[label_i]: categorical cross-entropy with class numbers as labels."""
    labels, rows = _check_distributions(y_true, y_pred, one_hot=False)
    labels = _check_class_numbers(labels, rows)
    return -add_up(math.log(_clip(row[label])) for label, row in zip(labels, rows)) / len(rows)


def sparse_categorical_cross_entropy_gradient(y_true: list[int], y_pred: list[list[float]]) -> list[list[float]]:
    """d SCCE / d p_ik = -1 / p_ik / n for k = label_i, and 0 for the other classes."""
    labels, rows = _check_distributions(y_true, y_pred, one_hot=False)
    labels = _check_class_numbers(labels, rows)
    n = len(rows)
    return [[-1.0 / _clip(p) / n if k == label else 0.0 for k, p in enumerate(row)] for label, row in zip(labels, rows)]


# --- lookup by name ---------------------------------------------------------------------


@dataclass(frozen=True)
class Loss:
    """A loss looked up by name: ``function(y_true, y_pred)`` and its ``gradient``."""

    name: str
    function: Callable[[list, list], float]
    gradient: Callable[[list, list], list]

    def __call__(self, y_true: list, y_pred: list) -> float:
        """The loss value: ``get_loss("mean_squared_error")([1.0], [0.5])`` is 0.25."""
        return self.function(y_true, y_pred)


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in [
        Loss("mean_squared_error", mean_squared_error, mean_squared_error_gradient),
        Loss("mean_absolute_error", mean_absolute_error, mean_absolute_error_gradient),
        Loss("binary_cross_entropy", binary_cross_entropy, binary_cross_entropy_gradient),
        Loss("categorical_cross_entropy", categorical_cross_entropy, categorical_cross_entropy_gradient),
        Loss(
            "sparse_categorical_cross_entropy",
            sparse_categorical_cross_entropy,
            sparse_categorical_cross_entropy_gradient,
        ),
        Loss("hinge", hinge, hinge_gradient),
    ]
}

#: Short names learners often type.
ALIASES = {"mse": "mean_squared_error", "mae": "mean_absolute_error", "bce": "binary_cross_entropy"}


def get_loss(name: str) -> Loss:
    """The loss called ``name`` (one of ``LOSSES``, or mse / mae / bce), e.g. ``get_loss("hinge")``."""
    if not isinstance(name, str):
        raise TypeError(f"A loss is given by its name, a string such as 'mean_squared_error', not {name!r}.")
    name = ALIASES.get(name, name)
    if name not in LOSSES:
        raise unknown_name("loss", name, list(LOSSES))
    return LOSSES[name]
