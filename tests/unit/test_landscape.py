"""The loss landscape: every grid value is compute_loss at that point, the best bias is a minimum, XOR's floor is log 2.

Oracles: ``compute_loss`` of a ``Neuron`` built at the grid point; a dense scan of biases for the best bias;
an independent search over random lines for XOR's fewest misclassified points.
"""

import dataclasses
import math
import random

import pytest

from neuron import OR, XOR, Neuron, compute_loss, loss_landscape, plot_loss_landscape
from neuron.landscape import best_bias, contour_segments

TOLERANCE = 1e-9


@pytest.fixture(scope="module", params=["OR", "XOR"])
def data(request):
    return {"OR": OR, "XOR": XOR}[request.param]


def test_values_are_compute_loss_at_grid_points(data):
    land = loss_landscape(*data, size=41)
    assert len(land.w1s) == len(land.w2s) == 41 and land.w1s[0] == -10 and land.w1s[-1] == 10
    rng = random.Random(5)
    for _ in range(40):
        i, j = rng.randrange(41), rng.randrange(41)
        neuron = Neuron([land.w1s[i], land.w2s[j]], land.biases[j][i])
        assert land.losses[j][i] == pytest.approx(compute_loss(neuron, *data), abs=TOLERANCE)


def test_the_best_bias_beats_a_dense_scan_of_biases(data):
    land = loss_landscape(*data, size=9)
    for j in (0, 3, 8):
        for i in (0, 4, 7):
            w = [land.w1s[i], land.w2s[j]]
            scan = min(compute_loss(Neuron(w, b / 100), *data) for b in range(-2000, 2001))
            assert land.losses[j][i] <= scan + TOLERANCE


def test_best_bias_solves_for_a_zero_slope():
    shifts, labels = [0.0, 1.0, 2.0, 3.0], [0, 1, 0, 1]
    b = best_bias(shifts, labels)
    slope = sum(1 / (1 + math.exp(-(s + b))) - t for s, t in zip(shifts, labels))
    assert slope == pytest.approx(0.0, abs=1e-9)


def test_xor_floor_is_log_2_at_zero_weights_and_or_has_a_valley():
    xor = loss_landscape(*XOR, size=41)
    lowest = min(value for row in xor.losses for value in row)
    assert lowest == pytest.approx(math.log(2), abs=TOLERANCE)
    assert xor.losses[20][20] == pytest.approx(math.log(2), abs=TOLERANCE)  # w = (0, 0)
    orl = loss_landscape(*OR, size=41)
    assert orl.losses[-1][-1] < 0.01 < orl.losses[20][20]  # lower and lower towards large weights


def test_a_fixed_bias_is_used_everywhere():
    land = loss_landscape(*OR, size=5, bias=-1.5)
    assert {b for row in land.biases for b in row} == {-1.5}
    assert land.losses[0][4] == pytest.approx(compute_loss(Neuron([10.0, -10.0], -1.5), *OR), abs=TOLERANCE)


def test_contour_pieces_lie_on_the_level():
    land = loss_landscape(*OR, size=21)
    level = 0.5
    pieces = contour_segments(land, level)
    assert pieces
    step = land.w1s[1] - land.w1s[0]
    for a, b in pieces[:50]:
        for w1, w2 in (a, b):  # on a cell edge: one coordinate is a grid value
            on_grid = [abs((w - land.w1s[0]) / step - round((w - land.w1s[0]) / step)) < 1e-9 for w in (w1, w2)]
            assert any(on_grid)


def test_the_plot_draws_the_path_and_says_xor_is_stuck_at_log_2():
    history = Neuron.random(2, seed=7).fit(*XOR, learning_rate=0.5, epochs=1000)
    plot = plot_loss_landscape(*XOR, history=history)
    path = next(s for s in plot.series if s.label and s.label.startswith("training's path"))
    assert path.points == [tuple(w) for w in history.weights]
    assert any(s.label == "end: stuck at log 2 ≈ 0.693" for s in plot.series)
    or_history = Neuron.random(2, seed=7).fit(*OR, learning_rate=0.5, epochs=1000)
    or_plot = plot_loss_landscape(*OR, history=or_history)
    assert any(s.label == "end" for s in or_plot.series)
    svg = or_plot.to_svg()
    assert svg.startswith("<svg") and "lines of equal loss" in svg


def test_several_histories_draw_one_path_each_and_the_legend_names_one():
    histories = [Neuron.random(2, seed=seed).fit(*XOR, learning_rate=0.5, epochs=300) for seed in (1, 2, 3)]
    plot = plot_loss_landscape(*XOR, history=histories)
    paths = [s for s in plot.series if s.kind == "line" and s.color != "currentColor"]
    assert [p.points for p in paths] == [[tuple(w) for w in h.weights] for h in histories]
    assert [s.label for s in plot.series if s.label and s.label.startswith("end")] == ["end: stuck at log 2 ≈ 0.693"]


def test_the_ranges_grow_to_hold_the_path():
    history = Neuron.random(2, seed=7).fit(*OR, learning_rate=0.5, epochs=3000)
    plot = plot_loss_landscape(*OR, history=history)
    assert plot.x_range[1] > max(w[0] for w in history.weights)
    assert plot.y_range[1] > max(w[1] for w in history.weights)


def test_three_inputs_are_refused_with_what_to_change():
    with pytest.raises(ValueError, match=r"two weights.*3 values"):
        loss_landscape([[0, 1, 2], [1, 0, 0]], [0, 1])


def test_no_line_gets_more_than_three_of_xors_points_right():
    """The proof's claim, by search: over many random lines, the fewest misclassified XOR points is 1."""
    rng = random.Random(0)
    X, y = XOR
    fewest = 4
    for _ in range(20000):
        w1, w2, b = rng.uniform(-5, 5), rng.uniform(-5, 5), rng.uniform(-5, 5)
        wrong = sum(int(w1 * x1 + w2 * x2 + b >= 0) != t for (x1, x2), t in zip(X, y))
        fewest = min(fewest, wrong)
    assert fewest == 1


def test_xors_caption_says_every_path_ends_on_the_flat_bottom_and_ors_says_nothing():
    histories = [Neuron.random(2, seed=seed).fit(*XOR, learning_rate=0.5, epochs=1000) for seed in (1, 2, 3)]
    assert all(abs(h.losses[-1] - math.log(2)) < 0.01 for h in histories)  # the oracle: each run's own loss
    plot = plot_loss_landscape(*XOR, history=histories, w1_range=(-4, 4), w2_range=(-4, 4))
    assert plot.caption.startswith("All 3 paths end on the flat bottom at log 2 ≈ 0.693")
    svg = plot.to_svg()
    desc = svg[svg.index("<desc>") : svg.index("</desc>")]
    assert "All 3 paths end on the flat bottom" in desc
    assert ">All 3 paths end on the flat bottom" in svg[svg.index("</desc>") :]  # drawn as text, not only described
    assert plot.height() >= dataclasses.replace(plot, caption="").height() + 2 * 14  # room for its lines
    or_history = Neuron.random(2, seed=7).fit(*OR, learning_rate=0.5, epochs=1000)
    assert plot_loss_landscape(*OR, history=or_history).caption == ""
    assert "lowest loss anywhere on the map is log 2" in plot_loss_landscape(*XOR).caption  # no path: the map's floor
    assert plot_loss_landscape(*OR).caption == ""


def test_the_path_is_a_line_of_dots_from_start_to_end():
    history = Neuron.random(2, seed=7).fit(*OR, learning_rate=0.5, epochs=1000)
    plot = plot_loss_landscape(*OR, history=history)
    dots = next(s for s in plot.series if s.kind == "points" and s.marker == "dot")
    epochs = [round(k * 1000 / 20) for k in range(1, 20)]  # 21 dots in all: start and end are the circle and square
    assert dots.points == [tuple(history.weights[k]) for k in epochs]
    assert dots.label is None  # the path's legend entry names it
    start = next(s for s in plot.series if s.label == "start")
    end = next(s for s in plot.series if s.label == "end")
    assert start.points == [tuple(history.weights[0])] and end.points == [tuple(history.weights[-1])]
    assert plot.to_svg().count('r="2.50"') == 19  # the dots are drawn smaller than the markers
