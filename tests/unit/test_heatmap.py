"""The decision boundary's heat map: each band's colour, read back through the colour bar, holds the neuron's output.

The oracle is the neuron itself: at sample points of the plane, ``neuron([x1, x2])``
must lie in the output range that the colour bar gives for the colour drawn there.
"""

import itertools
import math
import random
import re
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

from neuron import AND, OR, XOR, Neuron, plot_decision_boundary
from neuron.plot import LEFT, PALETTE, PLOT_HEIGHT, RIGHT, TOP, WIDTH, output_bands, output_scale

SVG = "{http://www.w3.org/2000/svg}"
NEURONS = {
    "sigmoid": Neuron([7.2, 7.2], -3.1),
    "sigmoid, unsure": Neuron([0.3, -0.2], 0.05),
    "tanh": Neuron([3.0, 2.0], -1.0, "tanh"),
    "step": Neuron([1.0, 1.0], -1.5, "step"),
    "relu": Neuron([1.0, 2.0], -1.0, "relu"),
    "identity": Neuron([1.0, -2.0], 0.3, "identity"),
    "leaky_relu": Neuron([3.0, 2.0], -1.0, "leaky_relu"),
    "elu": Neuron([-2.0, 1.5], 0.4, "elu"),
    "steep": Neuron([40.0, -25.0], 3.0),
}


def picture(plot):
    """(x, y) in picture units for data (x1, x2), from the plot's ranges and the public layout constants."""
    (x_low, x_high), (y_low, y_high) = plot.x_range, plot.y_range

    def to_picture(x1, x2):
        return (
            LEFT + (x1 - x_low) / (x_high - x_low) * (WIDTH - LEFT - RIGHT),
            TOP + (y_high - x2) / (y_high - y_low) * PLOT_HEIGHT,
        )

    return to_picture


def polygons(root):
    """The shaded bands: (corners, fill, opacity)."""
    found = []
    for polygon in root.iter(f"{SVG}polygon"):
        corners = [tuple(map(float, pair.split(","))) for pair in polygon.get("points").split()]
        found.append((corners, polygon.get("fill"), float(polygon.get("fill-opacity"))))
    return found


def contains(corners, point, slack=0.02):
    """Whether a convex polygon holds the point (or passes within ``slack`` picture units of it)."""
    x, y = point
    signs = set()
    for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1]):
        length = math.hypot(x2 - x1, y2 - y1)
        if length == 0:
            continue
        side = ((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)) / length  # signed distance from the edge's line
        if abs(side) > slack:
            signs.add(side > 0)
    return len(signs) <= 1


def color_bar(root):
    """The colour bar read from the SVG: its swatches as (fill, opacity) → output range, from the labels."""
    group = next(g for g in root.iter(f"{SVG}g") if any((t.text or "").endswith(" output") for t in g))
    frame = next(r for r in group.iter(f"{SVG}rect") if r.get("fill") == "none")
    left, width = float(frame.get("x")), float(frame.get("width"))
    labels = [(float(t.get("x")), float(t.text)) for t in group.iter(f"{SVG}text") if not t.text.endswith("output")]
    swatches = {}
    for rect in group.iter(f"{SVG}rect"):
        if rect.get("fill") == "none":
            continue
        start, end = float(rect.get("x")), float(rect.get("x")) + float(rect.get("width"))
        key = (rect.get("fill"), float(rect.get("fill-opacity")))
        if len(labels) == 2 and len(list(group.iter(f"{SVG}rect"))) == 3:  # step: a label under each swatch
            value = next(v for x, v in labels if start <= x <= end)
            swatches[key] = (value, value)
        else:  # a scale along the bar: outputs at the labels' places, linear in between
            (x0, v0), (x1, v1) = labels[0], labels[-1]
            swatches[key] = tuple(v0 + (x - x0) / (x1 - x0) * (v1 - v0) for x in (start, end))
    return swatches, (left, width), labels


@pytest.mark.parametrize("name", NEURONS)
def test_the_colour_at_a_point_stands_for_the_neurons_output_there(name):
    neuron = NEURONS[name]
    plot = plot_decision_boundary(neuron, *OR)
    root = ET.fromstring(plot.to_svg())
    bands, swatches = polygons(root), color_bar(root)[0]
    assert {(fill, opacity) for _, fill, opacity in bands} <= set(swatches)  # every colour is in the legend
    outputs = [v for pair in swatches.values() for v in pair]
    tolerance = 0.01 * (max(outputs) - min(outputs)) + 1e-9  # the labels are rounded to a tenth of a band
    to_picture, generator = picture(plot), random.Random(4)
    (x_low, x_high), (y_low, y_high) = plot.x_range, plot.y_range
    samples = [(generator.uniform(x_low, x_high), generator.uniform(y_low, y_high)) for _ in range(60)]
    for x1, x2 in [*samples, (0.0, 0.0), (1.0, 1.0), (x_low, y_low), (x_high, y_high)]:
        output = neuron([x1, x2])  # the oracle
        holding = [(fill, opacity) for corners, fill, opacity in bands if contains(corners, to_picture(x1, x2))]
        assert holding, f"({x1}, {x2}) is in no band"
        for key in holding:
            low, high = swatches[key]
            assert low - tolerance <= output <= high + tolerance, (x1, x2, output, key, (low, high))


@pytest.mark.parametrize("name", NEURONS)
def test_the_bands_cover_the_plotting_area_with_a_handful_of_polygons(name):
    plot = plot_decision_boundary(NEURONS[name], *OR)
    bands = polygons(ET.fromstring(plot.to_svg()))
    assert 1 <= len(bands) <= 12  # a few polygons, not a grid of thousands of cells

    def area(corners):
        pairs = zip(corners, corners[1:] + corners[:1])
        return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2

    assert sum(area(corners) for corners, _, _ in bands) == pytest.approx((WIDTH - LEFT - RIGHT) * PLOT_HEIGHT, 1e-4)


@pytest.mark.parametrize(
    ("name", "caption", "labels"),
    [
        ("sigmoid", "sigmoid output", ["0.0", "0.5", "1.0"]),
        ("sigmoid, unsure", "sigmoid output", ["0.0", "0.5", "1.0"]),  # a fixed scale, however faint the shading
        ("tanh", "tanh output", ["-1.0", "0.0", "1.0"]),
        ("step", "step output", ["0", "1"]),
        ("relu", "relu output", ["0.0", "2.75"]),  # the largest output in the picture: z at (1.25, 1.25)
    ],
)
def test_the_colour_bar_says_what_the_colours_mean(name, caption, labels):
    plot = plot_decision_boundary(NEURONS[name], *OR)
    root = ET.fromstring(plot.to_svg())
    group = next(g for g in root.iter(f"{SVG}g") if any(t.text == caption for t in g))
    assert [t.text for t in group.iter(f"{SVG}text")] == [caption, *labels]
    _, (left, width), stops = color_bar(root)
    assert stops[0][0] == pytest.approx(left if name != "step" else left + width / 4, abs=0.01)
    assert left + width <= WIDTH - RIGHT
    assert f"Shaded by the neuron's {name.split(',')[0]} output" in root.find(f"{SVG}desc").text


def test_the_boundary_output_is_the_colourless_middle_and_the_ends_are_the_labels_colours():
    scale = output_scale("sigmoid", -3.0, 3.0)
    assert [band.low for band in scale.bands] == pytest.approx([k / 10 for k in range(10)])
    assert scale.colour(0.5)[1] == 0 and scale.colour(0.05) == (PALETTE[0], 0.45)
    assert scale.colour(0.95) == (PALETTE[1], 0.45)  # like the points labelled 1
    assert output_scale("sigmoid", -0.1, 0.1).bands == scale.bands  # fixed: the colours keep their meaning


@pytest.mark.parametrize("activation", ["identity", "relu", "leaky_relu", "elu"])
@pytest.mark.parametrize(("z_low", "z_high"), [(-2.3, 4.1), (-0.02, 0.05), (-300.0, 120.0), (-1.0, 1.0)])
def test_unbounded_outputs_get_round_bands_over_the_outputs_in_the_picture(activation, z_low, z_high):
    scale = output_scale(activation, z_low, z_high)
    function = Neuron([1.0], 0.0, activation)
    low, high = function([z_low]), function([z_high])
    edges = [scale.bands[0].low] + [band.high for band in scale.bands]
    assert edges[0] == pytest.approx(low) and edges[-1] == pytest.approx(high)
    assert all(a < b for a, b in itertools.pairwise(edges))
    assert 2 <= len(scale.bands) <= 11
    if low < 0 < high:
        assert 0.0 in edges  # the boundary's output, 0, is where blue turns to vermilion


def test_relu_with_every_z_below_zero_is_one_colourless_band():
    neuron = Neuron([-1.0, -1.0], -5.0, "relu")  # output 0 everywhere in the picture
    plot = plot_decision_boundary(neuron, *OR)
    bands = polygons(ET.fromstring(plot.to_svg()))
    assert [(fill, opacity) for _, fill, opacity in bands] == [(PALETTE[0], 0.0)]
    assert [label for _, label in plot.color_bar.stops] == ["0.0"]


def test_a_neuron_without_an_activation_is_shaded_by_side_like_a_step():
    plain = SimpleNamespace(weights=[1.0, 1.0], bias=-1.5)  # what the plot read before it had a heat map
    plot = plot_decision_boundary(plain, *AND, title="AND")
    assert plot.to_svg() == plot_decision_boundary(Neuron([1.0, 1.0], -1.5, "step"), *AND, title="AND").to_svg()


def test_the_bands_are_strips_between_two_z_levels():
    scale = output_scale("sigmoid", -5.0, 5.0)
    rectangle = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]
    for polygon, band in output_bands(scale, 2.0, 1.0, 0.5, rectangle):
        zs = [2.0 * x + 1.0 * y + 0.5 for x, y in polygon]
        low = -math.inf if band.low == 0 else math.log(band.low / (1 - band.low))  # the sigmoid's inverse
        high = math.inf if band.high == 1 else math.log(band.high / (1 - band.high))
        assert all(low - 1e-9 <= z <= high + 1e-9 for z in zs)


def test_zero_weights_keep_their_note_and_no_shading():
    plot = plot_decision_boundary(Neuron([0.0, 0.0], 0.3), *XOR)
    root = ET.fromstring(plot.to_svg())
    assert not list(root.iter(f"{SVG}polygon")) and plot.color_bar is None
    assert "No boundary" in root.find(f"{SVG}desc").text


def test_the_picture_is_small_enough_to_redraw_on_every_slider_step():
    # Its speed is a figure of `make bench` (a slider step to the picture), not a timed test.
    svg = plot_decision_boundary(Neuron([7.2, 7.2], -3.1), *OR).to_svg()
    assert len(svg.encode()) < 10_000


def test_the_description_says_what_is_drawn_for_flat_and_two_band_scales():
    def description(neuron_):
        text = ET.fromstring(plot_decision_boundary(neuron_, *AND).to_svg()).find(f"{SVG}desc").text
        return re.search(r"(Shaded|No shading).*?\.(?=\s|$)", text).group(0)

    assert description(Neuron([1.0, 1.0], -10.0, "relu")) == (
        "No shading: the neuron's relu output is 0.0 everywhere in the picture."
    )
    assert description(Neuron([1.0, 1.0], -1.5, "step")) == (
        "Shaded by the neuron's step output: blue where it is 0 and vermilion where it is 1."
    )
    assert "stronger further from the boundary" in description(Neuron([1.0, 1.0], -1.5))
