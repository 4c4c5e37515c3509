"""Plots: valid, deterministic, escaped SVG with title, axes and legend, readable in both themes."""

import itertools
import math
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

import neuron
from neuron import OR, XOR, Neuron, elu, identity, leaky_relu, relu, sigmoid, step, tanh
from neuron.plot import (
    CHAR_WIDTH,
    FONT,
    LEFT,
    PALETTE,
    PLOT_HEIGHT,
    RIGHT,
    TOP,
    WIDTH,
    Plot,
    clip_polygon,
    clip_segment,
    nice_step,
    nice_ticks,
    plot_decision_boundary,
    plot_functions,
    plot_lines,
    plot_loss,
    tick_label,
)
from neuron.plot.charts import FLAT_Z, NO_BOUNDARY

SVG = "{http://www.w3.org/2000/svg}"
ACTIVATIONS = {
    "identity": identity,
    "step": step,
    "relu": relu,
    "leaky_relu": leaky_relu,
    "sigmoid": sigmoid,
    "tanh": tanh,
    "elu": elu,
}


def parse(plot):
    return ET.fromstring(plot._repr_svg_())


def texts(root):
    return [element.text for element in root.iter(f"{SVG}text")]


def xor_neuron():
    """The neuron of the playground and lesson 8: trained on XOR, its weights end near 1e-9."""
    neuron_ = Neuron.random(2, seed=7)
    neuron_.fit(*XOR, learning_rate=0.5, epochs=1000)
    return neuron_


def all_plots():
    trained = Neuron.random(2, seed=1)
    history = trained.fit(*OR, epochs=50)
    return [
        plot_functions(ACTIVATIONS, -4, 4, title="Activations", y_min=-1.5, y_max=2),
        plot_lines([(2, 1), (-1, 0), (0.5, -2)]),
        plot_loss(history),
        plot_decision_boundary(trained, *OR),
        plot_decision_boundary(xor_neuron(), *XOR, title="XOR"),
    ]


IDS = ["functions", "lines", "loss", "boundary", "no boundary"]


@pytest.mark.parametrize("plot", all_plots(), ids=IDS)
def test_every_plot_is_a_complete_svg_document(plot):
    svg = plot._repr_svg_()
    assert svg == plot.to_svg()
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == f"0 0 {WIDTH} {plot.height():g}" and root.get("role") == "img"
    assert root[0].tag == f"{SVG}title" and root[0].text == plot.title
    assert root.find(f"{SVG}desc").text
    shown = texts(root)
    assert plot.title in shown and plot.x_label in shown and plot.y_label in shown
    assert sum(1 for t in shown if t and t.lstrip("-").replace(".", "").isdigit()) >= 6  # tick values on both axes
    for series in plot.series:
        if series.label:
            assert series.label in shown  # a legend entry


def test_activations_plot_has_a_curve_and_legend_entry_for_each():
    plot = plot_functions(ACTIVATIONS, -4, 4)
    root = parse(plot)
    assert [t for t in texts(root) if t in ACTIVATIONS] == list(ACTIVATIONS)
    colours = {line.get("stroke") for line in root.iter(f"{SVG}polyline")}
    assert len(colours) == 7 and colours <= set(PALETTE)


def test_all_curves_stay_inside_the_plotting_area():
    plot = plot_functions({"steep": lambda x: 100 * x, "sigmoid": sigmoid}, -5, 5, y_min=-1, y_max=2)
    for polyline in parse(plot).iter(f"{SVG}polyline"):
        for pair in polyline.get("points").split():
            x, y = map(float, pair.split(","))
            assert LEFT - 0.01 <= x <= WIDTH - RIGHT + 0.01
            assert TOP - 0.01 <= y <= TOP + PLOT_HEIGHT + 0.01


@pytest.mark.parametrize("plot", all_plots(), ids=IDS)
def test_legend_sits_below_the_plot_so_the_plot_uses_the_full_width(plot):
    root = parse(plot)
    frame = root.find(f"{SVG}g[@fill='none']/{SVG}rect")  # the plotting area's frame
    assert float(frame.get("x")) == LEFT and float(frame.get("width")) == WIDTH - LEFT - RIGHT
    assert WIDTH - LEFT - RIGHT >= 0.8 * WIDTH
    x_label = next(t for t in root.iter(f"{SVG}text") if t.text == plot.x_label)
    below = [t for t in root.iter(f"{SVG}text") if float(t.get("y")) > float(x_label.get("y"))]
    bar = [plot.color_bar.caption, *(label for _, label in plot.color_bar.stops)] if plot.color_bar else []
    assert [t.text for t in below] == [s.label for s in plot.series if s.label] + bar  # the legend, in order
    for entry in below:
        assert float(entry.get("y")) <= plot.height()  # inside the picture
        assert LEFT <= float(entry.get("x")) < WIDTH - RIGHT


def test_legend_wraps_into_rows_and_the_picture_grows_to_fit():
    one = plot_functions({"sigmoid": sigmoid})
    seven = plot_functions(ACTIVATIONS, -4, 4)
    rows = sorted({y for _, _, y in seven.legend_layout()})
    assert len({y for _, _, y in one.legend_layout()}) == 1 and len(rows) >= 2
    assert seven.height() == one.height() + (len(rows) - 1) * (rows[1] - rows[0])
    for series, x, _ in seven.legend_layout():
        assert x + 28 + 0.6 * FONT * len(series.label) <= WIDTH - RIGHT  # estimated text width fits


def test_text_stays_readable_when_the_picture_shrinks_to_a_phone():
    root = parse(all_plots()[0])
    assert int(root.get("width")) == WIDTH <= 500
    scale = 330 / WIDTH  # a 390 px phone leaves about 330 px for the output area
    sizes = [int(root.get("font-size"))] + [int(e.get("font-size")) for e in root.iter() if e.get("font-size")]
    assert min(sizes) * scale >= 9


def test_output_is_deterministic_within_and_across_processes():
    assert [p.to_svg() for p in all_plots()] == [p.to_svg() for p in all_plots()]
    script = (
        "import hashlib, sys; sys.path.insert(0, sys.argv[1]); from test_plot import all_plots; "
        "print(hashlib.sha256(''.join(p.to_svg() for p in all_plots()).encode()).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2"):
        environment = dict(
            os.environ,
            PYTHONHASHSEED=seed,
            PYTHONPATH=os.pathsep.join([os.path.dirname(os.path.dirname(neuron.__file__)), os.path.dirname(__file__)]),
        )
        result = subprocess.run(
            [sys.executable, "-c", script, os.path.dirname(__file__)],
            capture_output=True,
            text=True,
            env=environment,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1


def test_text_is_escaped():
    nasty = '<script>alert("x")</script> & </svg>'
    plot = plot_functions({nasty: sigmoid}, title=nasty, x_label="a < b", y_label="c & d")
    svg = plot.to_svg()
    assert "<script>" not in svg and "</svg>" not in svg[:-6]
    root = ET.fromstring(svg)
    assert root[0].text == nasty
    assert nasty in texts(root) and "a < b" in texts(root) and "c & d" in texts(root)


def test_theme_text_and_axes_use_current_color():
    root = parse(all_plots()[3])
    for element in root.iter():
        for attribute in ("fill", "stroke"):
            value = element.get(attribute)
            assert value in (None, "none", "currentColor") or value in PALETTE, value
    for group in root.iter(f"{SVG}g"):
        if any(child.tag == f"{SVG}text" for child in group):
            assert group.get("fill") == "currentColor"


def relative_luminance(colour):
    def channel(value):
        c = int(value, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("colour", PALETTE)
def test_palette_is_readable_on_light_and_dark_backgrounds(colour):
    assert contrast(colour, "#ffffff") >= 3.0
    assert contrast(colour, "#1e2129") >= 3.0


def test_contrast_helper_against_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 1, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (-5, 5, [-4.0, -2.0, 0.0, 2.0, 4.0]),
        (0, 1000, [0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]),
        (-0.25, 1.25, [-0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.25]),  # a decision boundary's range
        (-13.0, 13.0, [-10.0, -5.0, 0.0, 5.0, 10.0]),
        (-1.5, 2.0, [-1.0, 0.0, 1.0, 2.0]),
        (0.1, 0.35, [0.1, 0.15, 0.2, 0.25, 0.3, 0.35]),
    ],
)
def test_nice_ticks(low, high, ticks):
    assert nice_ticks(low, high) == ticks


def test_lines_plot_of_lesson_2_has_enough_ticks():
    plot = plot_lines([(1, 0), (-1, 0), (2, 5), (0.5, -3)], -6, 6)  # reported: y had only 0 and 10
    assert 4 <= len(nice_ticks(*plot.y_range)) <= 7


@pytest.mark.parametrize("span", [0.03, 0.5, 0.72, 1.0, 1.3, 2.6, 3.5, 7.0, 9.9, 10.5, 12.0, 26.0, 31.0, 77.0, 440.0])
@pytest.mark.parametrize("start", [-0.37, 0.0, 0.05, -5.0])
def test_typical_ranges_get_four_to_seven_ticks(start, span):
    low, high = start * span, start * span + span
    ticks = nice_ticks(low, high)
    assert 4 <= len(ticks) <= 7, ticks
    assert low - 1e-9 <= ticks[0] and ticks[-1] <= high + 1e-9
    step = nice_step(low, high)
    assert all(b - a == pytest.approx(step) for a, b in itertools.pairwise(ticks))
    assert len({tick_label(t, step) for t in ticks}) == len(ticks)  # labels tell every tick apart


def test_tick_labels():
    assert tick_label(0.25, 0.25) == "0.25" and tick_label(0.5, 0.25) == "0.50"
    assert tick_label(7.5, 2.5) == "7.5"
    assert tick_label(0.30000000000000004, 0.1) == "0.3"
    assert tick_label(200.0, 200.0) == "200"
    assert tick_label(-0.0, 0.5) == "0.0"
    assert tick_label(0.15, 0.05) == "0.15"


def test_clip_segment():
    box = (0.0, 1.0, 0.0, 1.0)
    assert clip_segment((-1.0, 0.5), (2.0, 0.5), box) == ((0.0, 0.5), (1.0, 0.5))
    assert clip_segment((0.2, 0.2), (0.8, 0.8), box) == ((0.2, 0.2), (0.8, 0.8))
    assert clip_segment((2.0, 2.0), (3.0, 3.0), box) is None
    assert clip_segment((0.5, -1.0), (0.5, 2.0), box) == ((0.5, 0.0), (0.5, 1.0))


def test_clip_polygon_keeps_one_side_of_a_line():
    square = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]
    left_half = clip_polygon(square, -1.0, 0.0, 0.5)  # -x + 0.5 >= 0, that is x <= 0.5
    assert sorted(left_half) == sorted([(0.0, 0.0), (0.5, 0.0), (0.5, 1.0), (0.0, 1.0)])
    assert clip_polygon(square, 1.0, 0.0, -5.0) == []


def test_decision_boundary_geometry():
    neuron_ = Neuron([1.0, 1.0], -0.5, activation="step")  # OR: the line x1 + x2 = 0.5
    plot = plot_decision_boundary(neuron_, *OR)
    (boundary,) = [s for s in plot.series if s.kind == "line"]
    assert len(boundary.points) == 2
    for x1, x2 in boundary.points:
        assert x1 + x2 - 0.5 == pytest.approx(0.0, abs=1e-12)
    below, above = [s for s in plot.series if s.kind == "area"]  # a step neuron's two bands: output 0, output 1
    assert all(x1 + x2 - 0.5 <= 1e-12 for x1, x2 in below.points)
    assert all(x1 + x2 - 0.5 >= -1e-12 for x1, x2 in above.points)
    assert (below.color, above.color) == (PALETTE[0], PALETTE[1])  # the colours of the labels 0 and 1
    zeros, ones = [s for s in plot.series if s.kind == "points"]
    assert zeros.points == [(0.0, 0.0)] and ones.points == [(0.0, 1.0), (1.0, 0.0), (1.0, 1.0)]
    assert zeros.color != ones.color and zeros.marker != ones.marker  # told apart by colour and shape
    root = parse(plot)
    assert len(list(root.iter(f"{SVG}circle"))) == 1 + 1  # the point, and its legend sample
    assert [p.get("fill-opacity") for p in root.iter(f"{SVG}polygon")] == ["0.5", "0.5"]  # both at full strength


def test_decision_boundary_of_zero_weights_says_there_is_none():
    plot = plot_decision_boundary(Neuron([0.0, 0.0], 1.0), *OR)  # z = 1 everywhere
    assert [s.kind for s in plot.series] == ["points", "points"]  # no line, no shading
    assert plot.note == NO_BOUNDARY
    assert plot.color_bar is None and "output" not in texts(parse(plot))  # and no colour bar


def test_decision_boundary_of_the_xor_neuron_says_there_is_none():
    neuron_ = xor_neuron()
    assert max(abs(w) for w in neuron_.weights) < 1e-8  # the reported case: weights about 1e-9
    assert {round(p, 6) for p in neuron_.predict(XOR[0])} == {0.5}  # the same output for every row
    plot = plot_decision_boundary(neuron_, *XOR)
    assert [s.kind for s in plot.series] == ["points", "points"]
    root = parse(plot)
    assert not list(root.iter(f"{SVG}polygon")) and not list(root.iter(f"{SVG}polyline"))
    sentence = "No boundary: the weights are all about 0, so the neuron gives the same output everywhere."
    assert " ".join(plot.note_lines()) == NO_BOUNDARY == sentence
    assert plot.note_lines() == [t for t in texts(root) if t in plot.note_lines()]  # drawn, in order
    assert NO_BOUNDARY in root.find(f"{SVG}desc").text  # and said to screen readers
    for line in root.iter(f"{SVG}text"):
        if line.text in plot.note_lines():  # inside the plotting area (text width estimated)
            assert TOP < float(line.get("y")) < TOP + PLOT_HEIGHT
            half = len(line.text) * CHAR_WIDTH / 2
            assert float(line.get("x")) - half >= LEFT and float(line.get("x")) + half <= WIDTH - RIGHT


@pytest.mark.parametrize(
    ("weights", "scale", "flat"),
    [
        ([0.0, 0.0], 1.0, True),
        ([1e-9, -1e-9], 1.0, True),
        ([1e-7, 1e-7], 1.0, True),  # z changes by 1e-7 · 1.5 · 2 = 3e-7 across the picture
        ([1e-7, 1e-7], 1000.0, False),  # the same weights on data 1000 times wider: 3e-4
        ([1e-3, 0.0], 1.0, False),  # a weak but real boundary: 1.5e-3
        ([1e-3, 0.0], 1e-4, True),  # ... on data spanning 1e-4: 1.5e-7
    ],
)
def test_no_boundary_threshold_is_relative_to_the_datas_scale(weights, scale, flat):
    """Flat means |w1|·(x1's plotted range) + |w2|·(x2's plotted range) < FLAT_Z = 1e-6."""
    X = [[scale * x1, scale * x2] for x1, x2 in OR[0]]  # the OR corners, stretched
    plot = plot_decision_boundary(Neuron(weights, 1e-9), X, OR[1])
    (x_low, x_high), (y_low, y_high) = plot.x_range, plot.y_range
    change = abs(weights[0]) * (x_high - x_low) + abs(weights[1]) * (y_high - y_low)
    assert (change < FLAT_Z) == flat and FLAT_Z == 1e-6
    assert (plot.note == NO_BOUNDARY) == flat
    assert bool([s for s in plot.series if s.kind == "area"]) == (not flat)


def test_loss_plot_from_history_or_list():
    history = Neuron.random(2, seed=0).fit(*OR, epochs=30)
    plot = plot_loss(history)
    (curve,) = plot.series
    assert curve.points == [(float(epoch), loss) for epoch, loss in enumerate(history.losses)]
    assert plot.x_range == (0.0, 30.0) and plot.y_range[0] == 0.0
    assert plot_loss([3.0, 2.0, 1.5]).series[0].points == [(0.0, 3.0), (1.0, 2.0), (2.0, 1.5)]


def test_long_loss_curves_are_thinned_but_keep_the_last_epoch():
    plot = plot_loss([1.0 / (k + 1) for k in range(10001)])
    points = plot.series[0].points
    assert len(points) <= 1002 and points[0] == (0.0, 1.0) and points[-1] == (10000.0, 1.0 / 10001)


def test_function_plot_accepts_a_list_or_one_function_and_leaves_gaps():
    assert [s.label for s in plot_functions([sigmoid, tanh]).series] == ["sigmoid", "tanh"]
    assert [s.label for s in plot_functions(relu).series] == ["relu"]
    plot = plot_functions({"log": math.log}, -2, 2)  # undefined for x <= 0
    assert all(math.isnan(y) for x, y in plot.series[0].points if x <= 0)
    assert len(list(parse(plot).iter(f"{SVG}polyline"))) == 1


def test_lines_plot_labels():
    plot = plot_lines([(2, 1), (-1, 0), (0.5, -2)], -3, 3)
    assert [s.label for s in plot.series] == ["z = 2.0x + 1.0", "z = -1.0x", "z = 0.5x - 2.0"]
    assert plot.series[0].points[0] == (-3.0, -5.0)


def test_plot_repr():
    assert repr(plot_functions([sigmoid], title="S")) == "<Plot 'S': sigmoid>"
    assert isinstance(Plot("t", "x", "y", (0, 1), (0, 1)).to_svg(), str)
