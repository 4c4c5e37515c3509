"""The neuron drawn: its inputs, one edge per weight, the sum with the bias, the activation and the output.

    Neuron([0.5, -1.0], 1.0, activation="relu").draw([2.0, 3.0])   # with the numbers of one forward pass
    Neuron([0.5, -1.0], 1.0, activation="relu")                    # a panel shows the neuron as this picture

The numbers are the ones ``explain`` prints, rounded the same way
(``format_number``): each input, each weight on its edge ("w1 = 0.5"), the
bias going into the sum Σ, z on the wire to the activation, and the output.
An edge's colour is its weight's sign (blue: w > 0, vermilion: w < 0, a grey
dashed line: w = 0) and its thickness grows with |w|. The activation's box
holds a sketch of its curve for z from -4 to 4, with a dot at this z.

A neuron with more than ``MAX_ROWS`` inputs is summarised: the first
``FIRST_ROWS`` inputs, one row standing for the ones in between, and the last.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..activations import get_activation
from ..explain import Explainable
from ..formatting import format_number
from .figure import CHAR_WIDTH, FONT, PALETTE
from .svg import add_text, line_attributes

# Edge colours as in the decision regions: vermilion pushes the output up (w > 0), blue pulls it down.
POSITIVE, NEGATIVE = PALETTE[1], PALETTE[0]
MAX_ROWS, FIRST_ROWS = 8, 6  #: up to MAX_ROWS inputs are drawn; more: the first FIRST_ROWS, "…", the last
SKETCH_Z = 4.0  #: the activation's sketch shows z from -SKETCH_Z to SKETCH_Z

# Sizes in SVG units (text is FONT = 14). The width follows the labels, so short numbers give a
# small picture; the panel shrinks a picture wider than the page (14 units stay 11 px at 440 → 345).
MARGIN = 8
ROW = 46  # from one input's row to the next
PILL = 26  # height of an input's or the output's rounded box
RADIUS = 22  # the sum node
WIRE = 34  # the z wire, from the sum down to the activation
BOX_WIDTH, BOX_HEIGHT = 60, 44  # the activation's box
ARROW = 20  # the output wire, from the activation to the output
KEY_LINE = 20  # one line of the key to the edge colours
KEY = [("w > 0", POSITIVE, ""), ("w < 0", NEGATIVE, ""), ("w = 0", "currentColor", "3 3")]


@dataclass(frozen=True)
class Row:
    """One input drawn: its box's text ("x1 = 2.0"), its edge's label ("w1 = 0.5") and weight (None: a summary)."""

    node: str
    edge: str
    weight: float | None


@dataclass(frozen=True)
class NeuronDiagram:
    """A picture of one neuron, as SVG (``to_svg()``); without ``inputs`` it shows the parameters only.

    It keeps the numbers of the moment it was drawn: changing the neuron later
    does not change this picture.
    """

    weights: tuple[float, ...]
    bias: float
    activation: str
    inputs: tuple[float, ...] | None = None
    z: float | None = None
    output: float | None = None

    def rows(self) -> list[Row]:
        """The input rows, summarised to MAX_ROWS when there are more inputs."""
        rows = [Row(self._input_label(i), f"w{i} = {format_number(w)}", w) for i, w in enumerate(self.weights, 1)]
        if len(rows) <= MAX_ROWS:
            return rows
        hidden = len(rows) - FIRST_ROWS - 1
        summary = Row(f"… {hidden} more", f"w{FIRST_ROWS + 1} … w{len(rows) - 1}", None)
        return [*rows[:FIRST_ROWS], summary, rows[-1]]

    def _input_label(self, number: int) -> str:
        """'x1', or with a value 'x1 = 2.0'."""
        return f"x{number}" if self.inputs is None else f"x{number} = {format_number(self.inputs[number - 1])}"

    def title(self) -> str:
        n = len(self.weights)
        return f"A neuron with {n} input{'s' if n != 1 else ''} and the {self.activation} activation"

    def description(self) -> str:
        """The picture in words, for screen readers: every number it shows (and the ones it summarises)."""
        names = range(1, len(self.weights) + 1)
        weights = ", ".join(f"w{i} = {format_number(w)}" for i, w in zip(names, self.weights))
        parts = [f"Weights {weights}; bias b = {format_number(self.bias)}."]
        if self.inputs is not None and self.z is not None and self.output is not None:
            inputs = ", ".join(f"x{i} = {format_number(x)}" for i, x in zip(names, self.inputs))
            parts.insert(0, f"Inputs {inputs}.")
            parts.append(f"z = w·x + b = {format_number(self.z)}.")
            parts.append(f"{self.activation}({format_number(self.z)}) = {format_number(self.output)}: the output.")
        else:
            parts.append(f"z = w·x + b goes through {self.activation} to give the output.")
        parts.append("Blue edges are positive weights, vermilion negative; thicker edges are larger weights.")
        return " ".join(parts)

    def to_svg(self) -> str:
        """The complete SVG document, as text. The same diagram always gives the same text."""
        layout = Layout.of(self)
        size = {"width": f"{layout.width:g}", "height": f"{layout.height:g}"}
        svg = ET.Element(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": f"0 0 {layout.width:g} {layout.height:g}",
                **size,
                "role": "img",
                "font-family": "system-ui, sans-serif",
                "font-size": str(FONT),
            },
        )
        ET.SubElement(svg, "title").text = self.title()
        ET.SubElement(svg, "desc").text = self.description()
        _draw_rows(svg, layout)
        _draw_sum(svg, layout, self)
        _draw_activation(svg, layout, self)
        _draw_output(svg, layout, self)
        _draw_key(svg, layout)
        return ET.tostring(svg, encoding="unicode")

    def _repr_svg_(self) -> str:
        """Shown as a picture by Jupyter and by the course's code panels."""
        return self.to_svg()

    def __repr__(self) -> str:
        shown = "" if self.inputs is None else f", inputs {list(self.inputs)!r} → output {format_number(self.output)}"
        return f"<NeuronDiagram: {len(self.weights)} weights, {self.activation}{shown}>"


def draw_neuron(neuron: Explainable, inputs: list[float] | None = None) -> NeuronDiagram:
    """The picture of ``neuron``; with ``inputs``, also their values, z and the output (as ``explain`` shows them)."""
    weights, bias, activation = tuple(neuron.weights), neuron.bias, neuron.activation
    if inputs is None:
        return NeuronDiagram(weights, bias, activation)
    x = tuple(neuron.check_inputs(inputs))
    return NeuronDiagram(weights, bias, activation, x, neuron.weighted_sum(inputs), neuron(inputs))


def text_width(text: str) -> float:
    """A generous guess at a label's width in SVG units."""
    return len(text) * CHAR_WIDTH


@dataclass(frozen=True)
class Layout:
    """Where the parts go: the rows' boxes and edges on the left, then the sum, the activation below it, the output."""

    rows: list[Row]
    pill_width: float  # width of the inputs' boxes
    knee: float  # x where an edge turns from its labelled horizontal part towards the sum
    sum_x: float
    sum_y: float
    output_width: float
    width: float
    height: float

    @classmethod
    def of(cls, diagram: NeuronDiagram) -> Layout:
        rows = diagram.rows()
        pill_width = max(36.0, *(text_width(row.node) + 18 for row in rows))
        knee = MARGIN + pill_width + max(text_width(row.edge) for row in rows) + 12
        key_width = 28 + text_width("w > 0")
        sum_x = max(knee + 28 + 3 * len(rows), MARGIN + key_width + 60) + RADIUS
        half = (len(rows) - 1) / 2 * ROW
        sum_y = MARGIN + max(half + 20, RADIUS + 30)
        right = max(text_width(_z_label(diagram)), text_width(_bias_label(diagram))) + 10
        output_width = max(36.0, text_width(_output_label(diagram)) + 14)
        width = sum_x + max(right, BOX_WIDTH / 2 + ARROW + 4 + max(output_width, text_width("output"))) + MARGIN
        rows_bottom = sum_y + half + PILL / 2 + 8 + len(KEY) * KEY_LINE
        chain_bottom = sum_y + RADIUS + WIRE + BOX_HEIGHT + 22
        return cls(rows, pill_width, knee, sum_x, sum_y, output_width, width, max(rows_bottom, chain_bottom) + MARGIN)

    def row_y(self, index: int) -> float:
        return self.sum_y + (index - (len(self.rows) - 1) / 2) * ROW

    @property
    def box_y(self) -> float:
        """The activation box's centre."""
        return self.sum_y + RADIUS + WIRE + BOX_HEIGHT / 2


def _bias_label(diagram: NeuronDiagram) -> str:
    return f"b = {format_number(diagram.bias)}"


def _z_label(diagram: NeuronDiagram) -> str:
    return "z" if diagram.z is None else f"z = {format_number(diagram.z)}"


def _output_label(diagram: NeuronDiagram) -> str:
    return f"{diagram.activation}(z)" if diagram.output is None else format_number(diagram.output)


def edge_style(weight: float | None) -> dict[str, str]:
    """An edge's stroke: colour by sign, width 1 (w = 0) growing towards 5.5 (large |w|); dashed for 0 or a summary."""
    if weight is None:
        return {"stroke": "currentColor", "stroke-opacity": "0.6", "stroke-width": "1.5", "stroke-dasharray": "2 4"}
    if weight == 0:
        return {"stroke": "currentColor", "stroke-opacity": "0.6", "stroke-width": "1", "stroke-dasharray": "3 3"}
    width = 1 + 4.5 * abs(weight) / (abs(weight) + 1)  # 0.5 → 2.5, 1 → 3.25, 3 → 4.4, never past 5.5
    return {"stroke": POSITIVE if weight > 0 else NEGATIVE, "stroke-width": f"{width:.2f}"}


def _pill(parent: ET.Element, text: str, x: float, y: float, width: float) -> None:
    """A rounded box with its left edge at x and its middle at y, and centred text."""
    box = {"x": f"{x:.2f}", "y": f"{y - PILL / 2:.2f}", "width": f"{width:.2f}", "height": f"{PILL}"}
    ET.SubElement(parent, "rect", {**box, "rx": f"{PILL / 2}", "fill": "none", "stroke": "currentColor"})
    add_text(parent, text, x + width / 2, y + 5, "middle").set("fill", "currentColor")


def _arrow(parent: ET.Element, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A line from start to end with an arrowhead at the end, in currentColor."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    ET.SubElement(parent, "line", {**line_attributes(x1, y1, x2 - 6 * ux, y2 - 6 * uy), "stroke": "currentColor"})
    corners = [(x2, y2), (x2 - 8 * ux - 4 * uy, y2 - 8 * uy + 4 * ux), (x2 - 8 * ux + 4 * uy, y2 - 8 * uy - 4 * ux)]
    head = " ".join(f"{x:.2f},{y:.2f}" for x, y in corners)
    ET.SubElement(parent, "polygon", {"points": head, "fill": "currentColor"})


def _draw_rows(svg: ET.Element, layout: Layout) -> None:
    """Each input's box, its edge to the sum (horizontal under its label, then straight to the sum) and the label."""
    group = ET.SubElement(svg, "g", {"class": "inputs"})
    for index, row in enumerate(layout.rows):
        y = layout.row_y(index)
        start = MARGIN + layout.pill_width
        angle = math.atan2(layout.sum_y - y, layout.sum_x - layout.knee)
        end = (layout.sum_x - RADIUS * math.cos(angle), layout.sum_y - RADIUS * math.sin(angle))
        points = f"{start:.2f},{y:.2f} {layout.knee:.2f},{y:.2f} {end[0]:.2f},{end[1]:.2f}"
        edge = {"points": points, "fill": "none", "stroke-linejoin": "round", **edge_style(row.weight)}
        ET.SubElement(group, "polyline", edge)
        _pill(group, row.node, MARGIN, y, layout.pill_width)
        add_text(group, row.edge, (start + layout.knee) / 2, y - 8, "middle").set("fill", "currentColor")


def _draw_sum(svg: ET.Element, layout: Layout, diagram: NeuronDiagram) -> None:
    """The sum node Σ, with the bias arriving from above."""
    x, y = layout.sum_x, layout.sum_y
    group = ET.SubElement(svg, "g", {"class": "sum", "fill": "currentColor"})
    circle = {"cx": f"{x:.2f}", "cy": f"{y:.2f}", "r": f"{RADIUS}", "fill": "none", "stroke": "currentColor"}
    ET.SubElement(group, "circle", {**circle, "stroke-width": "1.5"})
    add_text(group, "Σ", x, y + 7, "middle").set("font-size", "20")
    _arrow(group, (x, y - RADIUS - 26), (x, y - RADIUS - 1))
    add_text(group, _bias_label(diagram), x + 8, y - RADIUS - 10, "start")


def _draw_activation(svg: ET.Element, layout: Layout, diagram: NeuronDiagram) -> None:
    """The z wire down from the sum, the activation's box with a sketch of its curve, and its name."""
    x, top = layout.sum_x, layout.box_y - BOX_HEIGHT / 2
    group = ET.SubElement(svg, "g", {"class": "activation", "fill": "currentColor"})
    _arrow(group, (x, layout.sum_y + RADIUS + 1), (x, top - 1))
    add_text(group, _z_label(diagram), x + 8, layout.sum_y + RADIUS + WIRE / 2 + 5, "start")
    box = {"x": f"{x - BOX_WIDTH / 2:.2f}", "y": f"{top:.2f}", "width": f"{BOX_WIDTH}", "height": f"{BOX_HEIGHT}"}
    ET.SubElement(group, "rect", {**box, "rx": "6", "fill": "none", "stroke": "currentColor", "stroke-width": "1.5"})
    _draw_sketch(group, diagram, x, layout.box_y)
    add_text(group, diagram.activation, x, top + BOX_HEIGHT + 17, "middle")  # on the line of the output's caption


def _draw_sketch(parent: ET.Element, diagram: NeuronDiagram, x: float, y: float) -> None:
    """The activation's curve for z in [-SKETCH_Z, SKETCH_Z], inside the box centred on (x, y); a dot at this z."""
    try:
        function = get_activation(diagram.activation).function
    except (TypeError, ValueError):
        return  # an activation this package does not know (a learner's own neuron class): its name only
    zs = [SKETCH_Z * (k / 20 - 1) for k in range(41)]
    outputs = [function(z) for z in zs]
    low, high = min(outputs), max(outputs)
    half_width, half_height = BOX_WIDTH / 2 - 7, BOX_HEIGHT / 2 - 7

    def point(z: float, output: float) -> tuple[float, float]:
        return x + z / SKETCH_Z * half_width, y + half_height - (output - low) / (high - low) * 2 * half_height

    axes = ET.SubElement(parent, "g", {"stroke": "currentColor", "stroke-opacity": "0.35"})
    ET.SubElement(axes, "line", line_attributes(x, y - half_height, x, y + half_height))  # z = 0
    if low <= 0 <= high:
        ET.SubElement(axes, "line", line_attributes(x - half_width, point(0, 0)[1], x + half_width, point(0, 0)[1]))
    curve = " ".join(f"{px:.2f},{py:.2f}" for px, py in (point(z, o) for z, o in zip(zs, outputs)))
    ET.SubElement(parent, "polyline", {"points": curve, "fill": "none", "stroke": PALETTE[3], "stroke-width": "2"})
    if diagram.z is not None and abs(diagram.z) <= SKETCH_Z:
        cx, cy = point(diagram.z, function(diagram.z))
        ET.SubElement(parent, "circle", {"cx": f"{cx:.2f}", "cy": f"{cy:.2f}", "r": "3.5", "fill": "currentColor"})


def _draw_output(svg: ET.Element, layout: Layout, diagram: NeuronDiagram) -> None:
    """The output wire from the activation, and the output's box with its value."""
    x, y = layout.sum_x + BOX_WIDTH / 2, layout.box_y
    group = ET.SubElement(svg, "g", {"class": "output", "fill": "currentColor"})
    _arrow(group, (x + 1, y), (x + ARROW, y))
    _pill(group, _output_label(diagram), x + ARROW + 4, y, layout.output_width)
    add_text(group, "output", x + ARROW + 4 + layout.output_width / 2, y + BOX_HEIGHT / 2 + 17, "middle")


def _draw_key(svg: ET.Element, layout: Layout) -> None:
    """What the edge colours mean, under the inputs: a line sample, then 'w > 0', 'w < 0', 'w = 0'."""
    top = layout.row_y(len(layout.rows) - 1) + PILL / 2 + 8
    group = ET.SubElement(svg, "g", {"class": "key", "fill": "currentColor"})
    for number, (label, colour, dash) in enumerate(KEY):
        y = top + (number + 0.5) * KEY_LINE
        sample = {**line_attributes(MARGIN, y, MARGIN + 20, y), "stroke": colour, "stroke-width": "3"}
        if dash:
            sample.update({"stroke-dasharray": dash, "stroke-width": "1.5", "stroke-opacity": "0.6"})
        ET.SubElement(group, "line", sample)
        add_text(group, label, MARGIN + 28, y + 5, "start")
