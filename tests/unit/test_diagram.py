"""The neuron drawn: one edge per weight, the numbers explain() prints, readable, escaped, deterministic."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

import neuron
from coursekit.runtime import run
from neuron import Neuron
from neuron.plot import CHAR_WIDTH, PALETTE, NeuronDiagram, draw_neuron
from neuron.plot.diagram import MAX_ROWS

SVG = "{http://www.w3.org/2000/svg}"
ACTIVATIONS = ["identity", "step", "relu", "leaky_relu", "sigmoid", "tanh", "elu"]


def parse(diagram):
    return ET.fromstring(diagram.to_svg())


def texts(root):
    return [element.text for element in root.iter(f"{SVG}text")]


def edges(root):
    """The weighted edges: the polylines of the inputs' group."""
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "inputs")
    return list(group.iter(f"{SVG}polyline"))


def numbers_of_explain(n, inputs):
    """The numbers as explain() prints them (read back from its text): x, w, b, z and the output."""
    text = str(n.explain(inputs))
    first = re.match(r"inputs x = \[(.*)\], weights w = \[(.*)\], bias b = (\S+)", text)
    return {
        "x": first[1].split(", "),
        "w": first[2].split(", "),
        "b": first[3],
        "z": re.search(r"→ z = (\S+)", text)[1],
        "output": re.search(r"^output: (\S+)$", text, re.MULTILINE)[1],
    }


@pytest.mark.parametrize(
    ("weights", "bias", "activation", "inputs"),
    [
        ([0.5, -1.0], 1.0, "relu", [2.0, 3.0]),  # the example of lesson 1 and of explain()
        ([0.123456789, -2.5, 0.0], -0.3333333, "sigmoid", [1.0, 0.5, -7.25]),
        ([2.0], -0.5, "tanh", [0.3]),
        ([1.0, 1.0], -1.5, "step", [1, 1]),
    ],
)
def test_the_picture_shows_the_numbers_explain_prints(weights, bias, activation, inputs):
    n = Neuron(weights, bias, activation)
    root = parse(n.draw(inputs))
    shown, expected = texts(root), numbers_of_explain(n, inputs)
    assert len(edges(root)) == len(weights)  # one edge per weight
    for i, (x, w) in enumerate(zip(expected["x"], expected["w"]), start=1):
        assert f"x{i} = {x}" in shown and f"w{i} = {w}" in shown
    assert f"b = {expected['b']}" in shown and f"z = {expected['z']}" in shown
    assert expected["output"] in shown and "output" in shown and activation in shown
    description = root.find(f"{SVG}desc").text
    assert f"z = w·x + b = {expected['z']}" in description and expected["output"] in description


def test_without_inputs_the_picture_shows_the_parameters_only():
    n = Neuron([0.5, -1.0], 1.0, "relu")
    shown = texts(parse(n.draw()))
    assert {"x1", "x2", "w1 = 0.5", "w2 = -1.0", "b = 1.0", "z", "relu", "relu(z)"} <= set(shown)
    assert not any("=" in t and t.startswith("x") for t in shown)


def test_an_edge_shows_its_weights_sign_by_colour_and_size_by_thickness():
    n = Neuron([0.5, -2.0, 0.0, 3.0, -0.1], 0.0)
    lines = edges(parse(n.draw()))
    up, down = PALETTE[1], PALETTE[0]  # the decision regions' colours for outputs above and below the boundary's
    assert [line.get("stroke") for line in lines] == [up, down, "currentColor", up, down]
    assert lines[2].get("stroke-dasharray")  # a zero weight: a dashed line carrying nothing
    widths = {w: float(line.get("stroke-width")) for w, line in zip(n.weights, lines)}
    assert widths[0.0] < widths[-0.1] < widths[0.5] < widths[-2.0] < widths[3.0] <= 5.5


def test_a_neuron_in_a_panel_is_shown_as_its_picture_and_print_still_gives_its_repr(capsys):
    pictures = []
    code = "from neuron import Neuron\nn = Neuron([0.5, -1.0], 1.0, activation='relu')\nprint(n)\nn"
    assert run(code, display=lambda mime, data: pictures.append((mime, data))) == {"status": "ok"}
    assert capsys.readouterr().out == "Neuron(weights=[0.5, -1.0], bias=1.0, activation='relu')\n"
    n = Neuron([0.5, -1.0], 1.0, activation="relu")
    assert pictures == [("image/svg+xml", n._repr_svg_())] and n._repr_svg_() == n.draw().to_svg()


def test_the_picture_keeps_the_numbers_of_the_moment_it_was_drawn():
    n = Neuron([0.5, -1.0], 1.0)
    diagram = n.draw([1.0, 2.0])
    before = diagram.to_svg()
    n.weights[0] = 9.0
    assert diagram.to_svg() == before and isinstance(diagram, NeuronDiagram)
    assert "9.0" in n.draw().to_svg()


def test_wrong_inputs_get_the_neurons_own_message():
    with pytest.raises(ValueError, match="The neuron has 2 weights but got 3 inputs"):
        Neuron([0.5, -1.0], 1.0).draw([1.0, 2.0, 3.0])


def test_names_are_escaped():
    nasty = '<script>alert("x")</script> & </svg>'
    learner_neuron = SimpleNamespace(weights=[1.0, -1.0], bias=0.5, activation=nasty)  # a class of their own
    svg = draw_neuron(learner_neuron).to_svg()
    assert "<script>" not in svg and "</svg>" not in svg[:-6]
    root = ET.fromstring(svg)
    assert nasty in texts(root) and nasty in root[0].text


def test_the_same_neuron_gives_the_same_bytes_in_every_process():
    code = "from neuron import Neuron; print(Neuron.random(5, seed=3, activation='elu').draw([1, 2, 3, 4, 5]).to_svg())"
    here = Neuron.random(5, seed=3, activation="elu").draw([1, 2, 3, 4, 5]).to_svg()
    assert here == Neuron.random(5, seed=3, activation="elu").draw([1, 2, 3, 4, 5]).to_svg()
    path = os.path.dirname(os.path.dirname(neuron.__file__))
    for seed in ("1", "2"):
        environment = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=path)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment)
        assert result.stdout.strip() == here


def boxes(root):
    """Estimated boxes (left, top, right, bottom) of every text, from its anchor, size and length."""
    found = []
    for element in root.iter(f"{SVG}text"):
        size = float(element.get("font-size") or root.get("font-size"))
        width = len(element.text) * CHAR_WIDTH * size / 14
        x, y = float(element.get("x")), float(element.get("y"))
        left = {"start": x, "middle": x - width / 2, "end": x - width}[element.get("text-anchor")]
        found.append((element.text, (left, y - 0.75 * size, left + width, y + 0.2 * size)))
    return found


def rectangles(root):
    """The boxes drawn: the inputs', the output's and the activation's (left, top, right, bottom)."""
    found = []
    for rect in root.iter(f"{SVG}rect"):
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        found.append((x, y, x + w, y + h))
    return found


def overlap(a, b):
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


def inside(a, b):
    return b[0] <= a[0] and a[2] <= b[2] and b[1] <= a[1] and a[3] <= b[3]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 6, 7, 8, 9, 20])
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_any_number_of_inputs_lays_out_without_overlaps_inside_the_picture(count, activation):
    n = Neuron.random(count, seed=count, activation=activation)
    for diagram in (n.draw(), n.draw([0.5 * i - 1 for i in range(count)])):
        root = parse(diagram)
        _, _, width, height = map(float, root.get("viewBox").split())
        placed, boxes_drawn = boxes(root), rectangles(root)
        for index, (text, box) in enumerate(placed):
            assert box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height, text
            for other, box2 in placed[index + 1 :]:
                assert not overlap(box, box2), (text, other)
            assert all(inside(box, r) or not overlap(box, r) for r in boxes_drawn), text  # in its box, or clear
        for index, box in enumerate(boxes_drawn):
            assert not any(overlap(box, other) for other in boxes_drawn[index + 1 :])
        assert len(edges(root)) == min(count, MAX_ROWS)


def test_many_inputs_are_summarised_but_all_described():
    n = Neuron.random(20, seed=1)
    root = parse(n.draw([1.0] * 20))
    shown = texts(root)
    assert "… 13 more" in shown and "w7 … w19" in shown and "x20 = 1.0" in shown and "x7 = 1.0" not in shown
    assert float(root.get("height")) < 600
    description = root.find(f"{SVG}desc").text
    assert all(f"w{i} = " in description and f"x{i} = " in description for i in range(1, 21))


@pytest.mark.parametrize("count", [1, 2, 3, 6])
def test_readable_on_a_phone(count):
    """A 390 px phone leaves about 345 px for the output; the picture shrinks to it if wider."""
    root = parse(Neuron.random(count, seed=0).draw([1.0] * count))  # 6-digit weights: the widest labels
    width = float(root.get("width"))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    sizes = [float(root.get("font-size"))] + [float(e.get("font-size")) for e in root.iter() if e.get("font-size")]
    assert min(sizes) * min(1.0, 345 / width) >= 10.5


def test_theme_colours_and_accessible_text():
    root = parse(Neuron([0.5, -1.0, 0.0], 1.0, "sigmoid").draw([1.0, 2.0, 3.0]))
    for element in root.iter():
        for attribute in ("fill", "stroke"):
            assert element.get(attribute) in (None, "none", "currentColor", *PALETTE), element.attrib
    for element in root.iter(f"{SVG}text"):
        assert element.get("fill") == "currentColor" or any(
            g.get("fill") == "currentColor" and element in list(g) for g in root.iter(f"{SVG}g")
        )
    assert root.get("role") == "img"
    assert root[0].tag == f"{SVG}title" and root[0].text == "A neuron with 3 inputs and the sigmoid activation"
    assert root[1].tag == f"{SVG}desc" and "Weights w1 = 0.5, w2 = -1.0, w3 = 0.0; bias b = 1.0." in root[1].text


@pytest.mark.parametrize(("z", "dot"), [(-1.0, True), (3.9, True), (4.5, False), (-40.0, False)])
def test_the_activation_sketch_marks_this_z(z, dot):
    n = Neuron([1.0], 0.0, "tanh")
    group = next(g for g in parse(n.draw([z])).iter(f"{SVG}g") if g.get("class") == "activation")
    assert len(list(group.iter(f"{SVG}polyline"))) == 1  # the curve
    assert len(list(group.iter(f"{SVG}circle"))) == int(dot)
