"""The training timeline: frames are the History's epochs, sampling keeps what matters, regions are the plot's.

Oracles: ``History.weights[k]``, ``biases[k]``, ``losses[k]`` from ``fit``; the neuron itself for outputs and classes;
``plot_decision_boundary`` for the band polygons; a hand-written training loop for ``record``.
"""

import itertools
import json
import math
import random

import pytest

from coursekit import runtime
from neuron import OR, XOR, Neuron, Timeline, plot_decision_boundary, plot_loss_landscape
from neuron.timeline import MAX_FRAMES, MIME_TYPE

COORDINATES = 1e-3  # coordinates are sent with 3 decimals
LOSS = 1e-5  # losses with 6 significant digits (relative)


@pytest.fixture(scope="module")
def trained():
    X, y = OR
    neuron = Neuron.random(2, seed=7)
    history = neuron.fit(X, y, learning_rate=0.5, epochs=1000)
    return history, history.timeline().to_data()


def predicted(weights, bias, X):
    """Class 1 where the sigmoid neuron's output is at least 0.5: the oracle for z >= 0."""
    return [int(value >= 0.5) for value in Neuron(list(weights), bias).predict(X)]


def test_frames_are_the_history_at_their_epochs(trained):
    history, data = trained
    assert data["epochs"] == 1000
    assert len(data["frames"]) == MAX_FRAMES
    for frame in data["frames"]:
        k = frame["epoch"]
        assert frame["weights"] == history.weights[k]
        assert frame["bias"] == history.biases[k]
        assert frame["loss"] == pytest.approx(history.losses[k], rel=LOSS)
        neuron = Neuron(history.weights[k], history.biases[k])
        assert frame["outputs"] == pytest.approx(neuron.predict(OR[0]), abs=1e-6)
        assert frame["classes"] == predicted(history.weights[k], history.biases[k], OR[0])


def test_sampling_keeps_first_last_and_every_change_of_class(trained):
    history, data = trained
    epochs = [frame["epoch"] for frame in data["frames"]]
    classes = [predicted(w, b, OR[0]) for w, b in zip(history.weights, history.biases)]
    changes = [k for k in range(1, len(classes)) if classes[k] != classes[k - 1]]
    assert changes, "the OR run from seed 7 changes its predictions (it starts with all four wrong)"
    assert epochs[0] == 0 and epochs[-1] == 1000
    assert set(changes) <= set(epochs)
    assert epochs == sorted(set(epochs))
    gaps = [b - a for a, b in itertools.pairwise(epochs)]
    assert max(gaps) <= 2 * 1000 / MAX_FRAMES  # the rest spread evenly: no long stretch left out


def test_a_run_that_flips_often_stays_bounded():
    timeline = Timeline(*XOR, max_frames=20)
    rng = random.Random(3)
    for _ in range(500):
        timeline.record([rng.uniform(-1, 1), rng.uniform(-1, 1)], rng.uniform(-1, 1), rng.uniform(0.1, 1))
    epochs = timeline.sampled()
    assert len(epochs) == 20 and epochs[0] == 0 and epochs[-1] == 499
    assert len(set(epochs)) == 20


def test_a_short_run_keeps_every_epoch():
    history = Neuron.random(2, seed=1).fit(*OR, epochs=30)
    assert [frame["epoch"] for frame in history.timeline().to_data()["frames"]] == list(range(31))


def test_regions_are_the_decision_boundary_plot(trained):
    history, data = trained
    for frame in data["frames"][::37]:
        k = frame["epoch"]
        plot = plot_decision_boundary(Neuron(history.weights[k], history.biases[k]), *OR)
        areas = [s for s in plot.series if s.kind == "area"]
        assert len(frame["bands"]) == len(areas)
        for (side, opacity, flat), area in zip(frame["bands"], areas):
            assert ["#2b83d6", "#d55e00"][side] == area.color and opacity == area.opacity
            assert flat == pytest.approx([v for point in area.points for v in point], abs=COORDINATES)
        line = next(s for s in plot.series if s.kind == "line")
        assert frame["boundary"] == pytest.approx([v for point in line.points for v in point], abs=COORDINATES)
    assert data["x_range"] == list(plot.x_range) and data["y_range"] == list(plot.y_range)


def test_the_learners_own_loop_records_the_same_run():
    """Lesson 7's loop written out, recording each epoch, gives fit's frames."""
    X, y = OR
    start = Neuron.random(2, seed=7)
    w, b = start.weights, start.bias
    timeline = Timeline(X, y)
    for _epoch in range(201):
        y_hat = [1 / (1 + math.exp(-(w[0] * x1 + w[1] * x2 + b))) for x1, x2 in X]
        loss = sum(-(t * math.log(p) + (1 - t) * math.log(1 - p)) for t, p in zip(y, y_hat)) / 4
        timeline.record(w, b, loss)
        errors = [p - t for p, t in zip(y_hat, y)]
        w = [w[j] - 0.5 * sum(e * x[j] for e, x in zip(errors, X)) / 4 for j in (0, 1)]
        b = b - 0.5 * sum(errors) / 4
    history = Neuron.random(2, seed=7).fit(X, y, learning_rate=0.5, epochs=200)
    mine, fits = timeline.to_data()["frames"], history.timeline().to_data()["frames"]
    assert [f["epoch"] for f in mine] == [f["epoch"] for f in fits]
    for a, b in zip(mine, fits):
        assert a["weights"] == pytest.approx(b["weights"], abs=1e-9)
        assert a["loss"] == pytest.approx(b["loss"], rel=LOSS)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: Timeline(*OR).to_data(), ["no frames", "timeline.record(weights, bias, loss)"]),
        (lambda: Timeline(*OR).record([1.0, 2.0, 3.0], 0.0, 0.5), ["epoch 0", "3 numbers", "[w1, w2]"]),
        (lambda: Timeline(*OR).record([1.0, 2.0], 0.0, math.nan), ["epoch 0", "nan", "smaller learning_rate"]),
        (lambda: Timeline(*OR).record([1.0, 2.0], 0.0, math.inf), ["diverged", "smaller learning_rate"]),
        (lambda: Timeline([[0, 1, 2], [1, 0, 2]], [0, 1]), ["two inputs", "3 values"]),
    ],
)
def test_bad_input_says_what_to_change(make, words):
    with pytest.raises(ValueError) as caught:
        make()
    for word in words:
        assert word in str(caught.value)


def test_a_second_record_of_another_size_is_refused_naming_its_epoch():
    timeline = Timeline(*OR)
    timeline.record([1.0, 2.0], 0.0, 0.5)
    with pytest.raises(ValueError, match="epoch 1"):
        timeline.record([1.0], 0.0, 0.5)


def test_the_panel_shows_it_as_plain_json_numbers():
    shown = []
    code = "from neuron import OR, Neuron\nhistory = Neuron.random(2, seed=7).fit(*OR, epochs=50)\nhistory.timeline()"
    assert runtime.run(code, lambda mime, data: shown.append((mime, data))) == {"status": "ok"}
    ((mime, text),) = shown
    assert mime == MIME_TYPE == "application/vnd.course.timeline+json"
    assert "<" not in text and ">" not in text  # no markup of any kind
    data = json.loads(text)
    assert data["epochs"] == 50 and len(data["frames"]) == 51


def test_a_timeline_with_no_frames_is_a_clear_error_in_the_panel():
    report = runtime.run("from neuron import OR, Timeline\nTimeline(*OR)", lambda mime, data: None)
    assert report["status"] == "error" and "no frames yet" in report["error"]


def test_repr():
    assert repr(Timeline(*OR)) == "Timeline(no epochs recorded)"
    history = Neuron.random(2, seed=7).fit(*OR, epochs=10)
    assert repr(history.timeline()).startswith("Timeline(epochs=10, loss 0.9053")


def test_the_landscape_under_the_timeline_is_plot_loss_landscapes_cells():
    history = Neuron.random(2, seed=7).fit(*OR, learning_rate=0.5, epochs=300)
    land = history.timeline(landscape=True).to_data()["landscape"]
    plot = plot_loss_landscape(*OR, history=history, size=25)
    areas = [s for s in plot.series if s.kind == "area" and s.opacity > 0]
    assert [cell[0] for cell in land["cells"]] == [a.opacity for a in areas]
    for (_, flat), area in zip(land["cells"], areas):
        assert flat == pytest.approx([v for point in area.points for v in point], abs=COORDINATES)
    assert land["x_range"] == list(plot.x_range) and land["y_range"] == list(plot.y_range)


def test_a_landscape_is_refused_for_a_loss_it_does_not_draw():
    history = Neuron.random(2, seed=7).fit(*OR, epochs=5, loss="mean_squared_error")
    with pytest.raises(ValueError, match=r"binary cross-entropy.*leave out landscape=True"):
        history.timeline(landscape=True).to_data()
    assert "landscape" not in history.timeline().to_data()


def test_the_landscape_under_the_timeline_has_its_lines_of_equal_loss_and_caption():
    history = Neuron.random(2, seed=7).fit(*OR, learning_rate=0.5, epochs=300)
    land = history.timeline(landscape=True).to_data()["landscape"]
    plot = plot_loss_landscape(*OR, history=history, size=25)
    line = next(s for s in plot.series if s.label == "lines of equal loss")
    pieces = [line.points[k : k + 2] for k in range(0, len(line.points), 3)]  # a, b, gap
    assert len(land["contours"]) == len(pieces) > 20
    for sent, (a, b) in zip(land["contours"], pieces):
        assert sent == pytest.approx([*a, *b], abs=COORDINATES)
    assert land["caption"] == ""  # OR has a valley to walk down
    xor = Neuron.random(2, seed=3).fit(*XOR, learning_rate=0.5, epochs=1000)
    assert abs(xor.losses[-1] - math.log(2)) < 0.01
    caption = xor.timeline(landscape=True).to_data()["landscape"]["caption"]
    assert caption.startswith("The path ends on the flat bottom at log 2 ≈ 0.693")
