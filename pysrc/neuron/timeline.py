"""A training run as frames to replay: scrub to any epoch and see the line move and the loss fall.

    timeline = history.timeline()        # from fit's History (it remembers X and y)
    timeline = Timeline(X, y)            # or record your own loop:
    for epoch in range(epochs + 1):
        ...
        timeline.record(weights, bias, loss)
    timeline                             # on a panel's last line: the widget

A run of 1000 epochs is sampled to at most ``max_frames`` frames: the first,
the last, and every epoch where a point's predicted class changes are always
kept, the rest are spread evenly. Each frame carries the neuron's weights,
bias, loss and outputs, and the decision regions exactly as
:func:`neuron.plot_decision_boundary` draws them (its band polygons, in data
coordinates), so the page only maps and fills them. The page gets it all as
JSON numbers (``MIME_TYPE``), never markup.
"""

from __future__ import annotations

import json
import math

from .activations import get_activation
from .plot import PALETTE, nice_step, nice_ticks, plot_decision_boundary, tick_label
from .plot.charts import NO_BOUNDARY
from .validation import check_dataset, check_numbers, count

MIME_TYPE = "application/vnd.course.timeline+json"
MAX_FRAMES = 200  #: frames sent to the page at most (class changes beyond that are thinned evenly)
CURVE_POINTS = 400  #: points of the loss curve at most
DIGITS = 3  #: decimals of the coordinates sent (a sixth of a pixel on a 1.5-wide plane 240 px across)
LANDSCAPE_SIZE = 25  #: grid points along each weight of the landscape under a timeline


class _Neuron:
    """The few attributes plot_decision_boundary reads, for one recorded epoch."""

    def __init__(self, weights: list[float], bias: float, activation: str) -> None:
        self.weights, self.bias, self.activation = weights, bias, activation


class Timeline:
    """Recorded epochs of a 2-input neuron's training on X, y: weights, bias and loss after each."""

    def __init__(
        self,
        X: list[list[float]],
        y: list[float],
        activation: str = "sigmoid",
        loss_name: str = "binary_cross_entropy",
        title: str = "Training, epoch by epoch",
        max_frames: int = MAX_FRAMES,
        landscape: bool = False,
    ) -> None:
        self.rows, self.labels = check_dataset(X, y)
        if len(self.rows[0]) != 2:
            raise ValueError(
                f"A timeline draws the plane of two inputs (x1, x2), but each row of X has "
                f"{count(len(self.rows[0]), 'value{s}')}: give rows of two numbers, such as [[0, 1], [1, 0]]."
            )
        self.activation = get_activation(activation).name
        self.loss_name, self.title = loss_name, title
        if isinstance(max_frames, bool) or not isinstance(max_frames, int) or max_frames < 2:
            raise ValueError(f"max_frames must be a whole number of at least 2, not {max_frames!r}.")
        self.max_frames = max_frames
        self.landscape = bool(landscape)
        self.weights: list[list[float]] = []
        self.biases: list[float] = []
        self.losses: list[float] = []

    @classmethod
    def from_history(cls, history: object, X: list[list[float]], y: list[float], **options: object) -> Timeline:
        """The timeline of a ``History`` from ``fit`` (X and y are the data it was trained on)."""
        timeline = cls(X, y, loss_name=getattr(history, "loss_name", "loss"), **options)
        for weights, bias, loss in zip(history.weights, history.biases, history.losses):
            timeline.record(weights, bias, loss)
        return timeline

    def record(self, weights: list[float], bias: float, loss: float) -> None:
        """Add one epoch: the weights and bias after it and its loss (epoch 0 is the start)."""
        epoch = len(self.losses)
        if isinstance(loss, (int, float)) and not isinstance(loss, bool) and not math.isfinite(loss):
            raise ValueError(
                f"The loss recorded at epoch {epoch} is {loss}: training diverged (the steps were too big). "
                "Try a smaller learning_rate."
            )
        (loss_value,) = check_numbers([loss], f"the loss recorded at epoch {epoch}", "loss")
        numbers = check_numbers(list(weights), f"the weights recorded at epoch {epoch}", "weight")
        if len(numbers) != 2:
            raise ValueError(
                f"The weights recorded at epoch {epoch} are {count(len(numbers), 'number{s}')}, but each row of X "
                "has 2 inputs: record the neuron's two weights, [w1, w2], at every epoch."
            )
        (bias_value,) = check_numbers([bias], f"the bias recorded at epoch {epoch}", "bias")
        self.weights.append(numbers)
        self.biases.append(bias_value)
        self.losses.append(loss_value)

    @property
    def epochs(self) -> int:
        """The last recorded epoch (one fewer than the number of records)."""
        return len(self.losses) - 1

    def classes(self, epoch: int) -> list[int]:
        """Each point's predicted class at ``epoch``: 1 where z = w·x + b ≥ 0, else 0."""
        (w1, w2), b = self.weights[epoch], self.biases[epoch]
        return [int(w1 * x1 + w2 * x2 + b >= 0) for x1, x2 in self.rows]

    def changes(self) -> list[int]:
        """The epochs where at least one point's predicted class differs from the epoch before."""
        classes = [self.classes(epoch) for epoch in range(len(self.losses))]
        return [epoch for epoch in range(1, len(classes)) if classes[epoch] != classes[epoch - 1]]

    def sampled(self) -> list[int]:
        """The epochs sent as frames: first, last and class changes kept, the rest spread evenly, at most max_frames."""
        last = self.epochs
        if last + 1 <= self.max_frames:
            return list(range(last + 1))
        kept = [epoch for epoch in self.changes() if epoch != last]
        room = self.max_frames - 2
        if len(kept) > room:  # a run that flips back and forth: keep changes spread evenly
            kept = [kept[round(i * (len(kept) - 1) / max(1, room - 1))] for i in range(room)]
        chosen = {0, last, *kept}
        spare = self.max_frames - len(chosen)
        for i in range(1, spare + 1):
            chosen.add(round(i * last / (spare + 1)))
        for epoch in range(last + 1):  # a collision left a gap: fill it with epochs not yet chosen
            if len(chosen) >= self.max_frames:
                break
            chosen.add(epoch)
        return sorted(chosen)

    def frame(self, epoch: int) -> dict[str, object]:
        """One frame as plain data: the numbers, and the regions and boundary as plot_decision_boundary draws them."""
        weights, bias = self.weights[epoch], self.biases[epoch]
        neuron = _Neuron(weights, bias, self.activation)
        plot = plot_decision_boundary(neuron, self.rows, self.labels)
        function = get_activation(self.activation).function
        outputs = [function(weights[0] * x1 + weights[1] * x2 + bias) for x1, x2 in self.rows]
        bands = [
            [PALETTE.index(s.color), s.opacity, _flat(s.points)]
            for s in plot.series
            if s.kind == "area" and s.color in PALETTE
        ]
        boundary = next((_flat(s.points) for s in plot.series if s.kind == "line"), [])
        return {
            "epoch": epoch,
            "loss": float(f"{self.losses[epoch]:.6g}"),
            "weights": list(weights),
            "bias": bias,
            "outputs": [round(value, 6) for value in outputs],
            "classes": self.classes(epoch),
            "bands": bands,
            "boundary": boundary,
            "flat": plot.note == NO_BOUNDARY,
        }

    def to_data(self) -> dict[str, object]:
        """Everything the page draws, as JSON-ready numbers and short strings."""
        if not self.losses:
            raise ValueError(
                "This timeline has no frames yet: call timeline.record(weights, bias, loss) inside your training "
                "loop, once per epoch, before showing it."
            )
        plot = plot_decision_boundary(_Neuron(self.weights[0], self.biases[0], self.activation), self.rows, self.labels)
        kinds = sorted(set(self.labels))
        return {
            "version": 1,
            "title": self.title,
            "activation": self.activation,
            "loss_name": self.loss_name.replace("_", " "),
            "epochs": self.epochs,
            "x_range": list(plot.x_range),
            "y_range": list(plot.y_range),
            "points": [[x1, x2, kinds.index(label), label] for (x1, x2), label in zip(self.rows, self.labels)],
            "x_ticks": _ticks(*plot.x_range),
            "y_ticks": _ticks(*plot.y_range),
            "curve": self.curve(),
            "loss_range": [0.0, max(self.losses) * 1.05 or 1.0],
            "loss_ticks": _ticks(0.0, max(self.losses) * 1.05 or 1.0),
            "epoch_ticks": _ticks(0.0, max(1.0, float(self.epochs))),
            "frames": [self.frame(epoch) for epoch in self.sampled()],
            **({"landscape": self.landscape_data()} if self.landscape else {}),
        }

    def landscape_data(self) -> dict[str, object]:
        """The loss landscape under the path (see neuron.landscape), as its shaded cells in (w1, w2) coordinates."""
        from .landscape import CONTOUR_LABEL, plot_loss_landscape  # only when asked for: it computes a grid

        if self.activation != "sigmoid" or self.loss_name != "binary_cross_entropy":
            raise ValueError(
                "The loss landscape is drawn for a sigmoid neuron trained with binary cross-entropy; "
                f"this run used {self.activation} and {self.loss_name}: leave out landscape=True."
            )
        plot = plot_loss_landscape(self.rows, self.labels, history=self, size=LANDSCAPE_SIZE)
        cells = [[s.opacity, _flat(s.points)] for s in plot.series if s.kind == "area" and s.opacity > 0]
        contours = next((s.points for s in plot.series if s.label == CONTOUR_LABEL), [])
        return {
            "x_range": list(plot.x_range),
            "y_range": list(plot.y_range),
            "x_ticks": _ticks(*plot.x_range),
            "y_ticks": _ticks(*plot.y_range),
            "cells": cells,
            "contours": [_flat(contours[k : k + 2]) for k in range(0, len(contours) - 1, 3)],  # a, b, gap, ...
            "caption": plot.caption,
        }

    def curve(self) -> list[list[float]]:
        """The loss against epoch, at most CURVE_POINTS points, the last always included."""
        stride = max(1, math.ceil(len(self.losses) / CURVE_POINTS))
        epochs = list(range(0, len(self.losses), stride))
        if epochs[-1] != self.epochs:
            epochs.append(self.epochs)
        return [[epoch, float(f"{self.losses[epoch]:.5g}")] for epoch in epochs]

    def to_json(self) -> str:
        """The data as JSON text (what a course page receives)."""
        return json.dumps(self.to_data(), separators=(",", ":"), allow_nan=False)

    def _repr_timeline_json_(self) -> str:
        """Shown by the course's code panels as the timeline widget."""
        return self.to_json()

    def __repr__(self) -> str:
        if not self.losses:
            return "Timeline(no epochs recorded)"
        return f"Timeline(epochs={self.epochs}, loss {self.losses[0]:.4g} → {self.losses[-1]:.4g})"


def _ticks(low: float, high: float) -> list[list[object]]:
    """Round values between low and high, each with its label: [[0.0, "0.0"], [0.5, "0.5"], ...]."""
    step = nice_step(low, high)
    return [[value, tick_label(value, step)] for value in nice_ticks(low, high)]


def _flat(points: list[tuple[float, float]]) -> list[float]:
    """[(x, y), ...] as [x, y, x, y, ...], rounded to DIGITS decimals."""
    return [round(value, DIGITS) for point in points for value in point]
