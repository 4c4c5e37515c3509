"""The plots a lesson asks for: curves, lines, a loss curve and a decision boundary with its output shaded."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Protocol

from ..formatting import format_number
from ..validation import check_dataset, check_number, check_numbers
from .clipping import Point, clip_segment
from .figure import DASHES, PALETTE, Plot
from .heatmap import output_bands, output_scale
from .ticks import padded_range


class LossHistory(Protocol):
    """What ``plot_loss`` reads from a training History: the loss after each epoch, and the loss's name."""

    losses: list[float]
    loss_name: str


class LinearNeuron(Protocol):
    """What ``plot_decision_boundary`` reads from a neuron (a :class:`neuron.Neuron` is one).

    An object without ``activation`` is shaded as a step neuron: by the side of the boundary only.
    """

    weights: list[float]
    bias: float
    activation: str


def _sample(function: Callable[[float], float], xs: list[float]) -> list[Point]:
    """(x, f(x)) for each x; points where f fails or is not finite become gaps."""
    points = []
    for x in xs:
        try:
            y = float(function(x))
        except (ArithmeticError, ValueError):
            y = math.nan
        points.append((x, y))
    return points


def _named(functions: object) -> dict[str, Callable[[float], float]]:
    """Accept one function, a list of functions (labelled by their names) or a dict label → function."""
    if callable(functions):
        functions = [functions]
    if isinstance(functions, dict):
        named = {str(label): f for label, f in functions.items()}
    elif isinstance(functions, (list, tuple)):
        named = {getattr(f, "__name__", f"function {i}"): f for i, f in enumerate(functions, start=1)}
    else:
        raise TypeError("Give a function, a list of functions, or a dict such as {'sigmoid': sigmoid}.")
    if not named or not all(callable(f) for f in named.values()):
        raise TypeError("Every entry must be a function of one number, such as sigmoid or lambda z: 2 * z + 1.")
    return named


def plot_functions(
    functions: object,
    x_min: float = -5.0,
    x_max: float = 5.0,
    title: str = "",
    x_label: str = "z",
    y_label: str = "output",
    y_min: float | None = None,
    y_max: float | None = None,
    samples: int = 401,
    mark: float | None = None,
) -> Plot:
    """Curves y = f(x) for x from x_min to x_max, each with its colour and a legend entry.

    ``functions`` is a dict label → function, a list of functions, or one function.
    The y range fits the curves unless ``y_min`` / ``y_max`` are given.
    ``mark=x`` puts a dot on every curve at that x (where each function is at x).
    """
    low, high = check_number(x_min, "x_min"), check_number(x_max, "x_max")
    if not low < high:
        raise ValueError(f"x_min must be smaller than x_max, but they are {x_min} and {x_max}.")
    xs = [low + (high - low) * i / (samples - 1) for i in range(samples)]
    curves = {label: _sample(f, xs) for label, f in _named(functions).items()}
    ys = [y for points in curves.values() for _, y in points if math.isfinite(y)] or [0.0]
    y_low, y_high = padded_range(ys)
    y_range = (
        y_low if y_min is None else check_number(y_min, "y_min"),
        y_high if y_max is None else check_number(y_max, "y_max"),
    )
    if not y_range[0] < y_range[1]:
        raise ValueError(f"y_min must be smaller than y_max, but they are {y_range[0]} and {y_range[1]}.")
    plot = Plot(title, x_label, y_label, (low, high), y_range)
    for index, (label, points) in enumerate(curves.items()):
        plot.add_line(points, label, dash=DASHES[index % len(DASHES)])
    if mark is not None:
        _mark(plot, _named(functions), check_number(mark, "mark"))
    return plot


def _mark(plot: Plot, functions: dict[str, Callable[[float], float]], x: float) -> None:
    """A dot on each curve at ``x``, in the curve's colour (none where a function is undefined there)."""
    if not plot.x_range[0] <= x <= plot.x_range[1]:
        return
    lines = [series for series in plot.series if series.kind == "line"]
    low, high = plot.y_range
    for line, function in zip(lines, functions.values()):
        ((_, y),) = _sample(function, [x])
        if math.isfinite(y) and low <= y <= high:
            plot.add_points([(x, y)], None, line.color)


def _line_label(weight: float, bias: float) -> str:
    """'z = 2.0x + 1.0', 'z = -1.0x', 'z = 0.5x - 2.0'."""
    sign = "-" if bias < 0 else "+"
    return f"z = {format_number(weight)}x" + (f" {sign} {format_number(abs(bias))}" if bias != 0 else "")


def plot_lines(
    lines: list[tuple[float, float]], x_min: float = -5.0, x_max: float = 5.0, title: str = "Lines z = w·x + b"
) -> Plot:
    """Straight lines z = w·x + b, one per (w, b) pair: see how the weight tilts and the bias lifts."""
    functions = {}
    for number, pair in enumerate(lines, start=1):
        weight, bias = check_numbers(pair, f"line {number} (a pair (w, b))", "number")
        functions[_line_label(weight, bias)] = lambda x, w=weight, b=bias: w * x + b
    return plot_functions(functions, x_min, x_max, title=title, x_label="x", y_label="z")


def plot_loss(history: LossHistory | list[float], title: str = "Training loss") -> Plot:
    """The loss after each epoch (epoch 0 = before training), from a History or a list of losses."""
    losses = check_numbers(getattr(history, "losses", history), "the losses", "loss")
    if not losses:
        raise ValueError("There are no losses to plot: train for at least one epoch first.")
    name = getattr(history, "loss_name", "loss")
    stride = max(1, len(losses) // 1000)  # at most about 1000 points: the picture stays small
    points = [(float(epoch), loss) for epoch, loss in enumerate(losses)][::stride]
    if points[-1][0] != len(losses) - 1:
        points.append((float(len(losses) - 1), losses[-1]))  # always show the final loss
    x_high = max(1.0, len(losses) - 1.0)
    plot = Plot(
        title, "epoch", name.replace("_", " "), (0.0, x_high), (min(0.0, min(losses)), max(losses) * 1.05 or 1.0)
    )
    plot.add_line(points, name.replace("_", " "))
    return plot


#: How little z may change across the picture for the neuron to count as flat: no boundary is drawn when
#: |w1|·(x1's plotted range) + |w2|·(x2's plotted range) < FLAT_Z. The ranges are those of the data (plus
#: padding), so the threshold follows the data's scale; a sigmoid's output then varies by under 0.25 · FLAT_Z.
FLAT_Z = 1e-6
NO_BOUNDARY = "No boundary: the weights are all about 0, so the neuron gives the same output everywhere."


def plot_decision_boundary(
    neuron: LinearNeuron, X: list[list[float]], y: list[float], title: str = "Decision boundary"
) -> Plot:
    """A 2-input neuron's data and decision: the plane shaded by the neuron's output, the line z = 0, the points.

    The boundary is where z = w1·x1 + w2·x2 + b = 0 (a sigmoid neuron outputs
    0.5 there, a step neuron switches from 0 to 1). The shading is a heat map of
    the output in a few bands, blue below the boundary's output and vermilion
    above, with a colour bar saying which outputs each colour stands for (see
    :mod:`neuron.plot.heatmap`). Points are coloured and shaped by their label.
    A neuron whose weights barely change z across the picture (see ``FLAT_Z``)
    gets no line and no shading, but the note ``NO_BOUNDARY``.
    """
    rows, labels = check_dataset(X, y)
    if len(rows[0]) != 2 or len(neuron.weights) != 2:
        raise ValueError("A decision boundary can be drawn for 2 inputs (x1, x2) and a neuron with 2 weights.")
    x_range = padded_range([row[0] for row in rows], 0.25)
    y_range = padded_range([row[1] for row in rows], 0.25)
    plot = Plot(title, "x1", "x2", x_range, y_range)
    (w1, w2), b = neuron.weights, neuron.bias
    if _is_flat(w1, w2, x_range, y_range):
        plot.note = NO_BOUNDARY
    else:
        _draw_output(plot, w1, w2, b, getattr(neuron, "activation", "step"))
    for index, label in enumerate(sorted(set(labels))):  # usually 0 and 1 (or -1 and 1)
        points = [(row[0], row[1]) for row, value in zip(rows, labels) if value == label]
        marker = "circle" if index == 0 else "square"
        plot.add_points(points, f"label {label:g}", PALETTE[index % len(PALETTE)], marker)
    return plot


def _is_flat(w1: float, w2: float, x_range: tuple[float, float], y_range: tuple[float, float]) -> bool:
    """True when z changes by less than FLAT_Z from one corner of the picture to the farthest one."""
    change = abs(w1) * (x_range[1] - x_range[0]) + abs(w2) * (y_range[1] - y_range[0])
    return change < FLAT_Z


def _draw_output(plot: Plot, w1: float, w2: float, b: float, activation: str) -> None:
    """Shade the plane by the output, one polygon per band, add its colour bar, and draw the line z = 0."""
    (x_low, x_high), (y_low, y_high) = plot.x_range, plot.y_range
    rectangle = [(x_low, y_low), (x_high, y_low), (x_high, y_high), (x_low, y_high)]
    corners = [w1 * x + w2 * v + b for x, v in rectangle]
    scale = output_scale(activation, min(corners), max(corners))
    for polygon, band in output_bands(scale, w1, w2, b, rectangle):
        colour, opacity = scale.colour(band.value)
        plot.add_area(polygon, colour, opacity)
    plot.color_bar = scale.color_bar()
    boundary = _boundary_segment(w1, w2, b, plot.x_range, plot.y_range)
    if boundary:
        plot.add_line(boundary, "w·x + b = 0", color="currentColor", dash="6 3")


def _boundary_segment(
    w1: float, w2: float, b: float, x_range: tuple[float, float], y_range: tuple[float, float]
) -> list[Point]:
    """Two points of the line w1·x1 + w2·x2 + b = 0 across the plot, or [] if there is no line (w = 0)."""
    if w1 == 0 and w2 == 0:
        return []
    if abs(w2) >= abs(w1):  # closer to horizontal: solve for x2
        points = [(x, -(w1 * x + b) / w2) for x in x_range]
    else:  # closer to vertical: solve for x1
        points = [(-(w2 * v + b) / w1, v) for v in y_range]
    clipped = clip_segment(points[0], points[1], (*x_range, *y_range))
    return list(clipped) if clipped else []
