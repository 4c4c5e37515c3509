"""Pictures in pure Python: plots that draw themselves as SVG.

    plot_functions({"sigmoid": sigmoid, "tanh": tanh}, -5, 5)   # curves y = f(x)
    plot_lines([(2, 1), (-1, 0)], -3, 3)                        # lines z = w·x + b
    plot_loss(history)                                          # loss against epoch
    plot_decision_boundary(neuron, X, y)                        # where a 2-input neuron says 0 or 1

Each returns a ``Plot``. A notebook or a course code panel shows it as a
picture (through its ``_repr_svg_`` method); ``plot.to_svg()`` gives the SVG text.

Text and axes use ``currentColor``, so an SVG placed in a page takes the
page's text colour (dark on a light theme, light on a dark one); the curves
use ``PALETTE``, mid-tone colours that stay readable on both (contrast at
least 3:1 against white and against the dark background #1e2129).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .validation import check_number, check_numbers, check_rows, check_same_length
from .explain import format_number

if TYPE_CHECKING:
    from .neuron import Neuron
    from .training import History

#: Colours for curves and classes, in order: blue, vermilion, green, purple, amber, pink, olive, teal.
PALETTE = ["#2b83d6", "#d55e00", "#1a9e5c", "#9a6fd0", "#cc7a00", "#d6477b", "#8a8f00", "#2a9d8f"]
#: Dash patterns, used with the colours so curves differ in more than colour.
DASHES = ["", "6 3", "2 3", "8 3 2 3"]

# Sizes in SVG units. The picture is drawn 480 wide and scales with the page: on a
# phone (about 330 px for the output area) 14-unit text is still about 9.6 px.
WIDTH = 480  # the whole picture; its height grows with the legend's rows
FONT, TITLE_FONT = 14, 16  # text size, and the title's
LEFT, RIGHT, TOP = 62, 22, 32  # margins of the plotting area: tick values and y label on the left, title above
PLOT_HEIGHT = 240  # height of the plotting area
AXIS_SPACE = 48  # below the plotting area: tick values, then the x label
LEGEND_ROW = 22  # height of one legend row, below the x label
LEGEND_SAMPLE = 28  # width of a legend entry's sample (line, marker or swatch) and the gap after it
LEGEND_GAP = 18  # space between two legend entries in a row
CHAR_WIDTH = 0.6 * FONT  # a generous guess at the average width of a character

Point = tuple[float, float]


# --- axes: ranges and ticks ------------------------------------------------------------


def nice_step(low: float, high: float, count: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that gives 4 to 7 ticks between low and high.

    Among the steps giving 4 to 7 ticks it prefers 1, 2 or 5 to 2.5, then the tick
    count nearest ``count``; if no step gives 4 to 7, the one that comes closest.
    """
    power = 10.0 ** math.floor(math.log10((high - low) / count))
    candidates = [(m, power * scale) for scale in (0.1, 1.0, 10.0) for m in (1.0, 2.0, 2.5, 5.0)]

    def badness(candidate: tuple[float, float]) -> tuple[int, bool, int]:
        multiple, unit = candidate
        ticks = _tick_count(low, high, multiple * unit)
        return max(4 - ticks, ticks - 7, 0), multiple == 2.5, abs(ticks - count)

    multiple, unit = min(candidates, key=badness)
    return multiple * unit


def _tick_count(low: float, high: float, step: float) -> int:
    """How many multiples of step lie between low and high."""
    return math.floor(high / step + 1e-9) - math.ceil(low / step - 1e-9) + 1


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values between low and high: nice_ticks(0, 1) is [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]."""
    step = nice_step(low, high, count)
    first = math.ceil(low / step - 1e-9)
    last = math.floor(high / step + 1e-9)
    return [round(k * step, 12) for k in range(first, last + 1)]  # round() removes 0.30000000000000004


def tick_label(value: float, step: float) -> str:
    """A tick value with as many decimals as the step needs: 0.5, 1.0, 1.5 or 0.25, 0.50 (never '-0')."""
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    while decimals < 12 and abs(round(step, decimals) - step) > 1e-9 * step:
        decimals += 1  # a step of 0.25 needs two decimals, a step of 2.5 one
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def padded_range(values: Sequence[float], padding: float = 0.05) -> tuple[float, float]:
    """The smallest and largest value, widened by ``padding`` of the span on each side."""
    low, high = min(values), max(values)
    if high - low < 1e-12:  # a flat curve: give it some room
        return low - 1.0, high + 1.0
    margin = (high - low) * padding
    return low - margin, high + margin


# --- clipping lines to the plotting area -----------------------------------------------


def clip_segment(a: Point, b: Point, box: tuple[float, float, float, float]) -> tuple[Point, Point] | None:
    """The part of segment a–b inside box = (x_min, x_max, y_min, y_max), or None (Liang–Barsky).

    Points on the segment are a + t (b - a) for t in [0, 1]; each side of the
    box cuts off the values of t outside it.
    """
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t_in, t_out = 0.0, 1.0
    for direction, distance in ((-dx, x0 - box[0]), (dx, box[1] - x0), (-dy, y0 - box[2]), (dy, box[3] - y0)):
        if direction == 0:
            if distance < 0:
                return None  # parallel to this side and outside it
            continue
        t = distance / direction
        if direction < 0:
            t_in = max(t_in, t)  # entering through this side
        else:
            t_out = min(t_out, t)  # leaving through this side
        if t_in > t_out:
            return None
    return (x0 + t_in * dx, y0 + t_in * dy), (x0 + t_out * dx, y0 + t_out * dy)


def visible_pieces(points: Sequence[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """Split a curve into the pieces that lie inside box, dropping non-finite points."""
    pieces: list[list[Point]] = []
    for a, b in zip(points, points[1:]):
        if not all(math.isfinite(v) for v in (*a, *b)):
            continue
        clipped = clip_segment(a, b, box)
        if clipped is None:
            continue
        start, end = clipped
        if pieces and pieces[-1][-1] == start:
            pieces[-1].append(end)  # continues the previous piece
        else:
            pieces.append([start, end])
    return pieces


def clip_polygon(polygon: list[Point], a: float, b: float, c: float) -> list[Point]:
    """The part of a convex polygon where a·x + b·y + c >= 0 (one step of Sutherland–Hodgman)."""
    kept: list[Point] = []
    for p, q in zip(polygon, polygon[1:] + polygon[:1]):
        side_p, side_q = a * p[0] + b * p[1] + c, a * q[0] + b * q[1] + c
        if side_p >= 0:
            kept.append(p)
        if (side_p >= 0) != (side_q >= 0):  # the edge crosses the line: keep the crossing point
            t = side_p / (side_p - side_q)
            kept.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return kept


# --- the Plot -------------------------------------------------------------------------


@dataclass
class Series:
    """One thing drawn on a plot: a line, a set of points, or a shaded area."""

    kind: str  # "line", "points" or "area"
    points: list[Point]
    label: str | None
    color: str
    dash: str = ""
    marker: str = "circle"
    opacity: float = 1.0


@dataclass
class Plot:
    """A 2-D plot that renders as SVG: a title, axis labels, ranges, and the series drawn on it."""

    title: str
    x_label: str
    y_label: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    series: list[Series] = field(default_factory=list)

    def next_color(self) -> str:
        """The next palette colour not yet used by a line."""
        return PALETTE[sum(s.kind == "line" for s in self.series) % len(PALETTE)]

    def add_line(self, points: list[Point], label: str | None = None, color: str | None = None, dash: str = "") -> None:
        """Draw a curve through ``points`` (x, y), clipped to the plot; non-finite points leave a gap."""
        self.series.append(Series("line", points, label, color or self.next_color(), dash))

    def add_points(self, points: list[Point], label: str | None, color: str, marker: str = "circle") -> None:
        """Draw a marker ("circle" or "square") at each point."""
        self.series.append(Series("points", points, label, color, marker=marker))

    def add_area(self, polygon: list[Point], color: str, opacity: float = 0.15, label: str | None = None) -> None:
        """Shade a polygon lightly."""
        self.series.append(Series("area", polygon, label, color, opacity=opacity))

    # -- from data coordinates to picture coordinates --

    def _px(self, x: float) -> float:
        """Horizontal picture position of data x."""
        low, high = self.x_range
        return LEFT + (x - low) / (high - low) * (WIDTH - LEFT - RIGHT)

    def _py(self, y: float) -> float:
        """Vertical picture position of data y (SVG's y axis points down)."""
        low, high = self.y_range
        return TOP + (high - y) / (high - low) * PLOT_HEIGHT

    def _coords(self, points: Sequence[Point]) -> str:
        """Points as the SVG attribute text 'x1,y1 x2,y2 ...' (2 decimals: far below a pixel)."""
        return " ".join(f"{self._px(x):.2f},{self._py(y):.2f}" for x, y in points)

    def legend_layout(self) -> list[tuple[Series, float, float]]:
        """Where each labelled series' legend entry goes, below the x label: (series, x, y).

        Entries run left to right from the plot's left edge and wrap to a new row
        when the next would pass the right edge (text widths are estimated).
        """
        placed: list[tuple[Series, float, float]] = []
        x, y = LEFT, TOP + PLOT_HEIGHT + AXIS_SPACE + LEGEND_ROW / 2 + 4
        for series in (s for s in self.series if s.label):
            width = LEGEND_SAMPLE + len(series.label or "") * CHAR_WIDTH
            if x > LEFT and x + width > WIDTH - RIGHT:
                x, y = LEFT, y + LEGEND_ROW  # no room left in this row
            placed.append((series, x, y))
            x += width + LEGEND_GAP
        return placed

    def height(self) -> float:
        """The picture's height: title, plotting area, axis text, and as many legend rows as needed."""
        rows = len({y for _, _, y in self.legend_layout()})
        return TOP + PLOT_HEIGHT + AXIS_SPACE + rows * LEGEND_ROW + 6

    # -- drawing --

    def to_svg(self) -> str:
        """The complete SVG document, as text. The same plot always gives the same text."""
        height = f"{self.height():g}"
        svg = ET.Element(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": f"0 0 {WIDTH} {height}",
                "width": str(WIDTH),
                "height": height,
                "role": "img",
                "font-family": "system-ui, sans-serif",
                "font-size": str(FONT),
            },
        )
        ET.SubElement(svg, "title").text = self.title or "plot"
        ET.SubElement(svg, "desc").text = self._description()
        self._draw_grid(svg)
        for kind in ("area", "line", "points"):  # areas underneath, points on top
            for series in self.series:
                if series.kind == kind:
                    getattr(self, f"_draw_{kind}")(svg, series)
        self._draw_axes(svg)
        self._draw_legend(svg)
        return ET.tostring(svg, encoding="unicode")

    def _repr_svg_(self) -> str:
        """Shown as a picture by Jupyter and by the course's code panels."""
        return self.to_svg()

    def __repr__(self) -> str:
        labels = [s.label for s in self.series if s.label]
        return f"<Plot {self.title!r}: {', '.join(labels) or 'empty'}>"

    def _description(self) -> str:
        """A one-sentence text alternative for screen readers."""
        labels = [s.label for s in self.series if s.label]
        shown = f" Shows: {', '.join(labels)}." if labels else ""
        low, high = (format_number(x) for x in self.x_range)
        return f"{self.y_label} against {self.x_label}, {self.x_label} from {low} to {high}.{shown}"

    def _box(self) -> tuple[float, float, float, float]:
        return (*self.x_range, *self.y_range)

    def _draw_grid(self, svg: ET.Element) -> None:
        """Faint grid lines at the ticks, and stronger lines for x = 0 and y = 0."""
        grid = ET.SubElement(svg, "g", {"stroke": "currentColor", "stroke-opacity": "0.12", "stroke-width": "1"})
        for x in nice_ticks(*self.x_range):
            ET.SubElement(
                grid,
                "line",
                _line_attributes(self._px(x), self._py(self.y_range[0]), self._px(x), self._py(self.y_range[1])),
            )
        for y in nice_ticks(*self.y_range):
            ET.SubElement(
                grid,
                "line",
                _line_attributes(self._px(self.x_range[0]), self._py(y), self._px(self.x_range[1]), self._py(y)),
            )
        zero = ET.SubElement(svg, "g", {"stroke": "currentColor", "stroke-opacity": "0.45", "stroke-width": "1"})
        if self.x_range[0] < 0 < self.x_range[1]:
            ET.SubElement(
                zero,
                "line",
                _line_attributes(self._px(0), self._py(self.y_range[0]), self._px(0), self._py(self.y_range[1])),
            )
        if self.y_range[0] < 0 < self.y_range[1]:
            ET.SubElement(
                zero,
                "line",
                _line_attributes(self._px(self.x_range[0]), self._py(0), self._px(self.x_range[1]), self._py(0)),
            )

    def _draw_area(self, svg: ET.Element, series: Series) -> None:
        if len(series.points) >= 3:
            attributes = {
                "points": self._coords(series.points),
                "fill": series.color,
                "fill-opacity": f"{series.opacity:g}",
            }
            ET.SubElement(svg, "polygon", attributes)

    def _draw_line(self, svg: ET.Element, series: Series) -> None:
        for piece in visible_pieces(series.points, self._box()):
            attributes = {"points": self._coords(piece), "fill": "none", "stroke": series.color, "stroke-width": "2.5"}
            if series.dash:
                attributes["stroke-dasharray"] = series.dash
            ET.SubElement(svg, "polyline", attributes)

    def _draw_points(self, svg: ET.Element, series: Series) -> None:
        group = ET.SubElement(svg, "g", {"fill": series.color, "stroke": "currentColor", "stroke-width": "1"})
        for x, y in series.points:
            _marker(group, series.marker, self._px(x), self._py(y), 6)

    def _draw_axes(self, svg: ET.Element) -> None:
        """The frame, ticks with their values, the axis labels and the title, all in currentColor."""
        x_low, x_high = self.x_range
        y_low, y_high = self.y_range
        bottom = TOP + PLOT_HEIGHT  # the plotting area's lower edge
        axes = ET.SubElement(svg, "g", {"stroke": "currentColor", "fill": "none", "stroke-width": "1"})
        ET.SubElement(
            axes,
            "rect",
            {"x": f"{LEFT}", "y": f"{TOP}", "width": f"{WIDTH - LEFT - RIGHT}", "height": f"{PLOT_HEIGHT}"},
        )
        text = ET.SubElement(svg, "g", {"fill": "currentColor"})
        x_step, y_step = nice_step(x_low, x_high), nice_step(y_low, y_high)
        for x in nice_ticks(x_low, x_high):
            ET.SubElement(axes, "line", _line_attributes(self._px(x), bottom, self._px(x), bottom + 5))
            _text(text, tick_label(x, x_step), self._px(x), bottom + 20, "middle")
        for y in nice_ticks(y_low, y_high):
            ET.SubElement(axes, "line", _line_attributes(LEFT - 5, self._py(y), LEFT, self._py(y)))
            _text(text, tick_label(y, y_step), LEFT - 8, self._py(y) + 5, "end")
        middle = (LEFT + WIDTH - RIGHT) / 2
        _text(text, self.x_label, middle, bottom + 40, "middle")
        y_label = _text(text, self.y_label, 18, TOP + PLOT_HEIGHT / 2, "middle")
        y_label.set("transform", f"rotate(-90 18 {TOP + PLOT_HEIGHT / 2:g})")
        _text(text, self.title, middle, 21, "middle").set("font-size", str(TITLE_FONT))

    def _draw_legend(self, svg: ET.Element) -> None:
        """One entry per labelled series, in rows below the plot: a small sample, then the label."""
        legend = ET.SubElement(svg, "g", {"fill": "currentColor"})
        for series, x, y in self.legend_layout():
            if series.kind == "line":
                attributes = _line_attributes(x, y, x + 22, y)
                attributes.update({"stroke": series.color, "stroke-width": "2.5"})
                if series.dash:
                    attributes["stroke-dasharray"] = series.dash
                ET.SubElement(legend, "line", attributes)
            elif series.kind == "points":
                marker = ET.SubElement(legend, "g", {"fill": series.color, "stroke": "currentColor"})
                _marker(marker, series.marker, x + 11, y, 6)
            else:
                swatch = {"x": f"{x + 3:.2f}", "y": f"{y - 7:.2f}", "width": "16", "height": "14"}
                swatch.update({"fill": series.color, "fill-opacity": f"{series.opacity:g}"})
                ET.SubElement(legend, "rect", swatch)
            _text(legend, series.label or "", x + LEGEND_SAMPLE, y + 5, "start")


def _line_attributes(x1: float, y1: float, x2: float, y2: float) -> dict[str, str]:
    return {"x1": f"{x1:.2f}", "y1": f"{y1:.2f}", "x2": f"{x2:.2f}", "y2": f"{y2:.2f}"}


def _text(parent: ET.Element, content: str, x: float, y: float, anchor: str) -> ET.Element:
    """A text element; ElementTree escapes <, > and & in it, so any label is safe."""
    element = ET.SubElement(parent, "text", {"x": f"{x:.2f}", "y": f"{y:.2f}", "text-anchor": anchor})
    element.text = content
    return element


def _marker(parent: ET.Element, shape: str, x: float, y: float, size: float) -> None:
    """A circle or a square centred on (x, y)."""
    if shape == "square":
        ET.SubElement(
            parent,
            "rect",
            {"x": f"{x - size:.2f}", "y": f"{y - size:.2f}", "width": f"{2 * size:g}", "height": f"{2 * size:g}"},
        )
    else:
        ET.SubElement(parent, "circle", {"cx": f"{x:.2f}", "cy": f"{y:.2f}", "r": f"{size:g}"})


# --- the plots a lesson asks for ------------------------------------------------------


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
) -> Plot:
    """Curves y = f(x) for x from x_min to x_max, each with its colour and a legend entry.

    ``functions`` is a dict label → function, a list of functions, or one function.
    The y range fits the curves unless ``y_min`` / ``y_max`` are given.
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
    return plot


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


def plot_loss(history: History | list[float], title: str = "Training loss") -> Plot:
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


def plot_decision_boundary(
    neuron: Neuron, X: list[list[float]], y: list[float], title: str = "Decision boundary"
) -> Plot:
    """A 2-input neuron's data and decision: points coloured by label, the line w·x + b = 0, and both sides shaded.

    The boundary is where z = w1·x1 + w2·x2 + b = 0; on the shaded side marked
    "z ≥ 0" a sigmoid neuron outputs 0.5 or more (and a step neuron outputs 1).
    """
    rows = check_rows(X, "the inputs X")
    labels = check_numbers(y, "the labels y", "label")
    check_same_length(rows, labels, "row{s} in X", "label{s} in y")
    if len(rows[0]) != 2 or len(neuron.weights) != 2:
        raise ValueError("A decision boundary can be drawn for 2 inputs (x1, x2) and a neuron with 2 weights.")
    x_range = padded_range([row[0] for row in rows], 0.25)
    y_range = padded_range([row[1] for row in rows], 0.25)
    plot = Plot(title, "x1", "x2", x_range, y_range)
    (w1, w2), b = neuron.weights, neuron.bias
    rectangle = [(x_range[0], y_range[0]), (x_range[1], y_range[0]), (x_range[1], y_range[1]), (x_range[0], y_range[1])]
    plot.add_area(clip_polygon(rectangle, -w1, -w2, -b), PALETTE[0], label="z < 0: class 0")
    plot.add_area(clip_polygon(rectangle, w1, w2, b), PALETTE[1], label="z ≥ 0: class 1")
    boundary = _boundary_segment(w1, w2, b, x_range, y_range)
    if boundary:
        plot.add_line(boundary, "w·x + b = 0", color="currentColor", dash="6 3")
    for index, label in enumerate(sorted(set(labels))):  # usually 0 and 1 (or -1 and 1)
        points = [(row[0], row[1]) for row, value in zip(rows, labels) if value == label]
        marker = "circle" if index == 0 else "square"
        plot.add_points(points, f"label {label:g}", PALETTE[index % len(PALETTE)], marker)
    return plot


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
