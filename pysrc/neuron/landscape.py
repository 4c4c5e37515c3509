"""The loss landscape: the loss of a 2-input sigmoid neuron over its two weights, and training's path across it.

    plot_loss_landscape(X, y)                       # a heat map with contour lines
    plot_loss_landscape(X, y, history=history)      # and the path fit took, from start to end
    loss_landscape(X, y, size=41).losses[j][i]      # the numbers: w1 = w1s[i], w2 = w2s[j]

At each grid point (w1, w2) the bias is either the best one for those weights
(``bias="best"``: the b that minimises the loss, found by Newton's method kept
inside a bracket, since the binary cross-entropy is convex in b) or a fixed
number (``bias=0.0``). For OR the low ground is a valley that runs off to large
weights; for XOR the best any weights can do is the flat bottom at w = (0, 0) with the
loss log 2 ≈ 0.693, the loss of answering 0.5 everywhere (the cross-entropy is
convex in (w, b), so there is no lower place anywhere for training to find).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .activations import sigmoid
from .losses import binary_cross_entropy_from_logits
from .plot import PALETTE, ColorBar, Plot
from .validation import check_dataset, check_number, count

BIAS_LIMIT = 50.0  #: the best bias is searched in [-BIAS_LIMIT, BIAS_LIMIT]
SHADES = 10  #: the heat map's number of shades
MAX_OPACITY = 0.75  #: the opacity of the lowest loss
CONTOURS = 6  #: contour levels, spaced evenly in log(loss)
FLAT_BOTTOM = math.log(2)  #: the loss of a neuron that says 0.5 to everything
CONTOUR_LABEL = "lines of equal loss"
PATH_DOTS = 21  #: dots along a training path, first and last included


@dataclass(frozen=True)
class Landscape:
    """The loss at every grid point: ``losses[j][i]`` and ``biases[j][i]`` are for w1 = w1s[i], w2 = w2s[j]."""

    w1s: list[float]
    w2s: list[float]
    losses: list[list[float]]
    biases: list[list[float]]


def best_bias(shifts: list[float], labels: list[float]) -> float:
    """The b minimising the cross-entropy of sigmoid(s_i + b) against y_i, for s_i = w·x_i.

    dL/db = mean(sigmoid(s_i + b) - y_i) rises with b; Newton's step b - (dL/db) / (d²L/db²)
    is taken when it stays inside the bracket where the slope changes sign, else the bracket is halved.
    """
    low, high, b = -BIAS_LIMIT, BIAS_LIMIT, 0.0
    n = len(labels)
    for _ in range(60):
        outputs = [sigmoid(s + b) for s in shifts]
        slope = sum(p - t for p, t in zip(outputs, labels)) / n
        if abs(slope) < 1e-12:
            return b
        low, high = (low, b) if slope > 0 else (b, high)
        curvature = sum(p * (1 - p) for p in outputs) / n
        step = b - slope / curvature if curvature > 1e-300 else math.nan
        b = step if low < step < high else (low + high) / 2
        if high - low < 1e-12:
            break
    return b


def _grid(low: float, high: float, size: int) -> list[float]:
    return [low + (high - low) * i / (size - 1) for i in range(size)]


def _check_range(value: object, name: str) -> tuple[float, float]:
    try:
        low, high = value  # type: ignore[misc]
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a pair (low, high) such as (-10, 10), not {value!r}.") from None
    low, high = check_number(low, f"the low end of {name}"), check_number(high, f"the high end of {name}")
    if not low < high:
        raise ValueError(f"{name} must go from low to high, but it is ({low:g}, {high:g}).")
    return low, high


def loss_landscape(
    X: list[list[float]],
    y: list[float],
    w1_range: tuple[float, float] = (-10.0, 10.0),
    w2_range: tuple[float, float] = (-10.0, 10.0),
    size: int = 41,
    bias: float | str = "best",
) -> Landscape:
    """The binary cross-entropy of a sigmoid neuron at size × size weights, with the best or a fixed bias."""
    rows, labels = check_dataset(X, y)
    if len(rows[0]) != 2:
        raise ValueError(
            f"The loss landscape is drawn over two weights, but each row of X has "
            f"{count(len(rows[0]), 'value{s}')}: give rows of two inputs, such as [[0, 1], [1, 0]]."
        )
    if isinstance(size, bool) or not isinstance(size, int) or not 2 <= size <= 201:
        raise ValueError(f"size must be a whole number from 2 to 201 (such as 41), not {size!r}.")
    fixed = None if bias == "best" else check_number(bias, 'the bias (a number, or "best")')
    w1s, w2s = _grid(*_check_range(w1_range, "w1_range"), size), _grid(*_check_range(w2_range, "w2_range"), size)
    losses, biases = [], []
    for w2 in w2s:
        loss_row, bias_row = [], []
        for w1 in w1s:
            shifts = [w1 * x1 + w2 * x2 for x1, x2 in rows]  # s_i = w·x_i, so z_i = s_i + b
            b = best_bias(shifts, labels) if fixed is None else fixed
            loss_row.append(binary_cross_entropy_from_logits(labels, [s + b for s in shifts]))
            bias_row.append(b)
        losses.append(loss_row)
        biases.append(bias_row)
    return Landscape(w1s, w2s, losses, biases)


def _shade(value: float, low: float, high: float) -> float:
    """Where a loss sits from the lowest (0) to the highest (1), on a log scale, cut into SHADES steps."""
    if high <= low:
        return 0.0
    share = (math.log(value) - math.log(low)) / (math.log(high) - math.log(low))
    return min(SHADES - 1, int(share * SHADES)) / (SHADES - 1)


def _heat_map(plot: Plot, land: Landscape, low: float, high: float) -> None:
    """One rectangle per run of equal shade along each row of cells, darker where the loss is lower."""
    half_w1 = (land.w1s[1] - land.w1s[0]) / 2
    half_w2 = (land.w2s[1] - land.w2s[0]) / 2
    for j, w2 in enumerate(land.w2s):
        shades = [_shade(value, low, high) for value in land.losses[j]]
        start = 0
        for i in range(1, len(shades) + 1):
            if i == len(shades) or shades[i] != shades[start]:
                left, right = land.w1s[start] - half_w1, land.w1s[i - 1] + half_w1
                box = [(left, w2 - half_w2), (right, w2 - half_w2), (right, w2 + half_w2), (left, w2 + half_w2)]
                plot.add_area(box, PALETTE[0], round(MAX_OPACITY * (1 - shades[start]), 3))
                start = i


def contour_segments(land: Landscape, level: float) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Marching squares: the pieces of the line loss = level, one or two per grid cell that it crosses."""
    pieces = []
    for j in range(len(land.w2s) - 1):
        for i in range(len(land.w1s) - 1):
            corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
            crossings = []
            for (ia, ja), (ib, jb) in zip(corners, corners[1:] + corners[:1]):
                a, b = land.losses[ja][ia] - level, land.losses[jb][ib] - level
                if (a < 0) != (b < 0):
                    t = a / (a - b)  # where the edge crosses the level, by linear interpolation
                    w1 = land.w1s[ia] + t * (land.w1s[ib] - land.w1s[ia])
                    w2 = land.w2s[ja] + t * (land.w2s[jb] - land.w2s[ja])
                    crossings.append((w1, w2))
            pieces += [(crossings[k], crossings[k + 1]) for k in range(0, len(crossings) - 1, 2)]
    return pieces


def _contours(plot: Plot, land: Landscape, low: float, high: float) -> None:
    """CONTOURS lines of equal loss, spaced evenly in log(loss), drawn as one dotted line: piece, piece, gap, ..."""
    points: list[tuple[float, float]] = []
    for k in range(1, CONTOURS + 1):
        level = math.exp(math.log(low) + (math.log(high) - math.log(low)) * k / (CONTOURS + 1))
        for a, b in contour_segments(land, level):
            points += [a, b, (math.nan, math.nan)]
    if points:
        plot.add_line(points, CONTOUR_LABEL, color="currentColor", dash="1 2")


def _path_range(values: list[float], default: tuple[float, float]) -> tuple[float, float]:
    """The default range, widened (in steps of 2) to hold every value of a path."""
    low, high = default
    if values:
        low = min(low, 2 * math.floor(min(values) / 2 - 0.5))
        high = max(high, 2 * math.ceil(max(values) / 2 + 0.5))
    return low, high


def path_dots(count_of_weights: int, dots: int = PATH_DOTS) -> list[int]:
    """The indices of a path's dots: spread evenly in epochs from the first to the last, at most ``dots``."""
    last = count_of_weights - 1
    if last < 1:
        return [0]
    return sorted({round(k * last / (dots - 1)) for k in range(dots)})


def stuck_at_floor(losses: list[float]) -> bool:
    """Whether a run ended on the flat bottom at log 2 (a neuron that says 0.5 to everything)."""
    return abs(losses[-1] - FLAT_BOTTOM) < 0.01


def _path(plot: Plot, history: object, labelled: bool = True) -> None:
    """The weights training went through: a line of dots from the start (circle) to the end (square)."""
    weights = [tuple(check_number(v, "a weight in the history") for v in pair) for pair in history.weights]
    losses = list(history.losses)
    label = f"training's path: loss {losses[0]:.3f} → {losses[-1]:.3f}"
    plot.add_line(weights, label if labelled else None, color=PALETTE[1])
    plot.add_points([weights[i] for i in path_dots(len(weights))[1:-1]], None, PALETTE[1], "dot")
    plot.add_points([weights[0]], "start" if labelled else None, PALETTE[1], "circle")
    end = ("end: stuck at log 2 ≈ 0.693" if stuck_at_floor(losses) else "end") if labelled else None
    plot.add_points([weights[-1]], end, PALETTE[1], "square")


def landscape_caption(histories: list[object], lowest: float) -> str:
    """What the picture must say in words when there is no valley: every path (or the map) bottoms out at log 2."""
    if histories and all(stuck_at_floor(list(one.losses)) for one in histories):
        paths = "The path ends" if len(histories) == 1 else f"All {len(histories)} paths end"
        return (
            f"{paths} on the flat bottom at log 2 ≈ 0.693, where the neuron says 0.5 to everything: "
            "no weights do better, so there is nowhere lower for training to go."
        )
    if not histories and abs(lowest - FLAT_BOTTOM) < 0.01:
        return "The lowest loss anywhere on the map is log 2 ≈ 0.693, the loss of saying 0.5 to everything."
    return ""


def plot_loss_landscape(
    X: list[list[float]],
    y: list[float],
    history: object | None = None,
    w1_range: tuple[float, float] = (-10.0, 10.0),
    w2_range: tuple[float, float] = (-10.0, 10.0),
    size: int = 41,
    bias: float | str = "best",
    title: str = "Loss landscape",
) -> Plot:
    """A heat map of the loss over (w1, w2) (darker = lower) with lines of equal loss, and a History's path.

    ``history`` may also be a list of Histories: one path each. The ranges widen to hold every path.
    With ``bias="best"`` each point uses its best bias.
    """
    histories = [] if history is None else list(history) if isinstance(history, (list, tuple)) else [history]
    for one in histories:
        if not getattr(one, "weights", None) or any(len(pair) != 2 for pair in one.weights):
            raise ValueError("The history must come from training a neuron with 2 weights, for at least one epoch.")
        w1_range = _path_range([pair[0] for pair in one.weights], _check_range(w1_range, "w1_range"))
        w2_range = _path_range([pair[1] for pair in one.weights], _check_range(w2_range, "w2_range"))
    land = loss_landscape(X, y, w1_range, w2_range, size, bias)
    values = [value for row in land.losses for value in row]
    low, high = max(min(values), 1e-6), max(values)
    half_w1, half_w2 = (land.w1s[1] - land.w1s[0]) / 2, (land.w2s[1] - land.w2s[0]) / 2
    x_range = (land.w1s[0] - half_w1, land.w1s[-1] + half_w1)
    y_range = (land.w2s[0] - half_w2, land.w2s[-1] + half_w2)
    plot = Plot(title, "w1", "w2", x_range, y_range)
    _heat_map(plot, land, low, high)
    _contours(plot, land, low, high)
    for number, one in enumerate(histories):
        _path(plot, one, labelled=number == 0)  # the legend names the first; the others look the same
    stops = [(0.0, f"{low:.3g}"), (1.0, f"{high:.3g}")]
    swatches = [
        (k / SHADES, (k + 1) / SHADES, PALETTE[0], round(MAX_OPACITY * (1 - k / (SHADES - 1)), 3))
        for k in range(SHADES)
    ]
    bias_words = "the best bias for each point" if bias == "best" else f"bias {bias:g}"
    description = f"Darker blue where the loss is lower, from {low:.3g} to {high:.3g} (a log scale), with {bias_words}."
    plot.color_bar = ColorBar("loss", swatches, stops, description)
    plot.caption = landscape_caption(histories, min(values))
    return plot
