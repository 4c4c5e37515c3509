"""plot_functions(..., mark=x): a dot on each curve where it is at x, in the curve's colour."""

import math
import xml.etree.ElementTree as ET

import pytest

from neuron import relu, sigmoid, step
from neuron.plot import plot_functions

SVG = "{http://www.w3.org/2000/svg}"


def dots(plot):
    root = ET.fromstring(plot.to_svg())
    found = []
    for group in root.iter(f"{SVG}g"):
        for circle in group.findall(f"{SVG}circle"):
            found.append((group.get("fill"), float(circle.get("cx")), float(circle.get("cy"))))
    return root, found


def test_each_curve_gets_a_dot_at_the_marked_x_in_its_own_colour():
    plot = plot_functions({"sigmoid": sigmoid, "relu": relu}, -4, 4, mark=1.5, y_min=-1, y_max=3)
    root, found = dots(plot)
    colours = [line.get("stroke") for line in root.iter(f"{SVG}polyline")]
    assert [colour for colour, _, _ in found] == colours  # one dot per curve, same colours, same order
    for (_, cx, cy), value in zip(found, [sigmoid(1.5), relu(1.5)]):
        assert cx == pytest.approx(plot._px(1.5), abs=0.01)
        assert cy == pytest.approx(plot._py(value), abs=0.01)  # where the curve is at x = 1.5


def test_no_mark_no_dots_and_a_dot_outside_the_picture_is_left_out():
    assert dots(plot_functions({"sigmoid": sigmoid}, -4, 4))[1] == []
    _, found = dots(plot_functions({"relu": relu, "step": step}, -6, 6, mark=5, y_min=-1, y_max=2))
    assert len(found) == 1  # relu(5) = 5 is above y_max; step(5) = 1 is drawn
    assert dots(plot_functions({"log": math.log}, -1, 4, mark=-0.5))[1] == []  # undefined there
    assert dots(plot_functions({"sigmoid": sigmoid}, -4, 4, mark=10))[1] == []  # off to the side


def test_the_mark_must_be_a_number():
    with pytest.raises(TypeError, match="Mark must be a number"):
        plot_functions({"sigmoid": sigmoid}, -4, 4, mark="1")
