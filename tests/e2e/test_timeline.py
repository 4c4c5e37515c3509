"""The training timeline in the browser: lesson 7's replay of OR training, scrubbed with keys and the pointer,
played and paused, its numbers checked against Python's History, bad data refused with a message, light and dark,
a phone's width, and axe on the page.

The oracle is the same run in CPython: ``Neuron.random(2, seed=7).fit(*OR, learning_rate=0.5, epochs=1000)``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from neuron import OR, Neuron, plot_decision_boundary
from neuron.plot import PALETTE

from .pages import RUN_TIMEOUT, Panel, wait_all_set_up, wait_snapshot_kept
from .test_accessibility import AXE, SCHEMES, SERIOUS, serious_violations, set_scheme

PAGE = "/lessons/training-or/"
NAME = "Code panel: Replay training, epoch by epoch"


@pytest.fixture(scope="module")
def run():
    history = Neuron.random(2, seed=7).fit(*OR, learning_rate=0.5, epochs=1000)
    return history, history.timeline().sampled()


def shown(value: float) -> str:
    """A number as the widget writes it (3 decimals)."""
    return f"{value:.3f}"


@pytest.fixture
def timeline(page, watched):
    page.goto(PAGE)
    panel = Panel(page, page.get_by_role("region", name=NAME)).wait_ready()
    panel.run()
    widget = panel.root.locator(".course-timeline")
    expect(widget.get_by_role("slider", name="Epoch")).to_be_visible(timeout=RUN_TIMEOUT)
    wait_all_set_up(page)  # the drags aim at where the slider is
    wait_snapshot_kept(page)  # no second Python booting beside the page while the pointer scrubs
    return panel, widget


def expect_epoch(widget, history, epoch: int) -> None:
    """The slider, the numbers and the table all show this epoch, with Python's values."""
    loss = history.losses[epoch]
    slider = widget.get_by_role("slider", name="Epoch")
    expect(slider).to_have_attribute("aria-valuetext", f"epoch {epoch} of 1000, loss {shown(loss)}")
    (w1, w2), b = history.weights[epoch], history.biases[epoch]
    numbers = f"Epoch {epoch} of 1000 · loss {shown(loss)} · w1 = {shown(w1)}, w2 = {shown(w2)}, b = {shown(b)}"
    expect(widget.locator(".course-timeline__numbers")).to_have_text(numbers)
    outputs = Neuron([w1, w2], b).predict(OR[0])
    expect(widget.locator("tbody tr td:nth-child(4)")).to_have_text([shown(p) for p in outputs])


def test_keys_step_jump_and_go_to_the_ends(timeline, run):
    _, widget = timeline
    history, epochs = run
    slider = widget.get_by_role("slider", name="Epoch")
    expect_epoch(widget, history, 0)
    expect(widget.locator("tbody td[data-right=false]")).to_have_count(4)  # the start gets all four wrong
    slider.focus()
    slider.press("ArrowRight")
    expect_epoch(widget, history, epochs[1])
    slider.press("End")
    expect_epoch(widget, history, 1000)
    expect(widget.locator("tbody td[data-right=true]")).to_have_count(4)
    slider.press("PageDown")
    expect_epoch(widget, history, epochs[-1 - 20])
    slider.press("ArrowLeft")
    expect_epoch(widget, history, epochs[-1 - 21])
    slider.press("Home")
    expect_epoch(widget, history, 0)
    slider.press("PageUp")
    expect_epoch(widget, history, epochs[20])
    square = widget.locator(".course-timeline__landscape rect:not([fill=none])")
    at_20 = square.get_attribute("x")
    slider.press("End")
    expect(square).not_to_have_attribute("x", at_20)  # the landscape's marker follows the weights


def test_epoch_50_is_kept_where_the_last_point_crosses(timeline, run):
    _, widget = timeline
    history, epochs = run
    assert 50 in epochs
    slider = widget.get_by_role("slider", name="Epoch")
    slider.focus()
    for _ in range(epochs.index(50)):
        slider.press("ArrowRight")
    expect_epoch(widget, history, 50)
    expect(widget.locator("tbody td[data-right=true]")).to_have_count(4)
    slider.press("ArrowLeft")
    expect(widget.locator("tbody td[data-right=false]")).to_have_count(1)


def test_a_burst_of_keys_faster_than_the_screen_draws_loses_none(timeline, run):
    """Twelve ArrowRights within one animation frame (a held key on a slow machine) land on the twelfth frame."""
    _, widget = timeline
    history, epochs = run
    widget.get_by_role("slider", name="Epoch").evaluate(
        "(slider) => { for (let i = 0; i < 12; i++) slider.dispatchEvent("
        "new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true })); }"
    )
    expect_epoch(widget, history, epochs[12])


# The plane's picture box in SVG units (web/src/timeline/draw.js planePicture): x from 44 to 282, y from 226 up to 8.
PLANE = {"left": 44, "right": 282, "top": 8, "bottom": 226}


def drawn_polygons(widget, x_range, y_range) -> list[tuple[str, list[float]]]:
    """The plane's visible region polygons, mapped back from SVG units to data coordinates: (fill, [x, y, ...])."""
    polygons = widget.locator(".course-timeline__plane polygon").evaluate_all(
        "(all) => all.filter((p) => p.style.display !== 'none')"
        ".map((p) => [p.getAttribute('fill'), p.getAttribute('points')])"
    )
    (x0, x1), (y0, y1) = x_range, y_range
    regions = []
    for fill, points in polygons:
        flat = []
        for pair in points.split():
            px, py = (float(v) for v in pair.split(","))
            flat.append(x0 + (px - PLANE["left"]) / (PLANE["right"] - PLANE["left"]) * (x1 - x0))
            flat.append(y0 + (PLANE["bottom"] - py) / (PLANE["bottom"] - PLANE["top"]) * (y1 - y0))
        regions.append((fill, flat))
    return regions


def test_the_drawn_regions_are_pythons_decision_boundary_plot(timeline, run):
    """At three epochs, the polygons in the page are plot_decision_boundary's bands, computed here in CPython."""
    _, widget = timeline
    history, epochs = run
    slider = widget.get_by_role("slider", name="Epoch")
    slider.focus()
    for index in (0, epochs.index(50), len(epochs) - 1):
        slider.press("Home")
        for _ in range(index):
            slider.press("ArrowRight")
        epoch = epochs[index]
        expect(widget).to_have_attribute("data-epoch", str(epoch))
        plot = plot_decision_boundary(Neuron(history.weights[epoch], history.biases[epoch]), *OR)
        bands = [s for s in plot.series if s.kind == "area" and s.color in PALETTE]
        drawn = drawn_polygons(widget, plot.x_range, plot.y_range)
        assert [fill for fill, _ in drawn] == [band.color for band in bands]
        # one decimal of an SVG unit (~0.0007 in data) plus the 3 decimals sent
        for (_, flat), band in zip(drawn, bands):
            assert flat == pytest.approx([v for point in band.points for v in point], abs=2e-3), f"epoch {epoch}"


def test_the_map_under_the_timeline_has_lines_of_equal_loss_and_the_path_as_dots(timeline, run):
    _, widget = timeline
    history, epochs = run
    land = widget.locator(".course-timeline__landscape")
    contours = land.locator("path[stroke-dasharray='1 2']")
    expect(contours).to_have_count(1)
    pieces = contours.get_attribute("d").count("M")
    python = history.timeline(landscape=True).to_data()["landscape"]["contours"]
    assert pieces == len(python) > 20
    dots = land.locator("g circle")
    every = -(-len(epochs) // 20)  # one dot every this many frames
    expect(dots).to_have_count(len(range(every, len(epochs), every)))
    expect(widget.locator(".course-timeline__legend")).to_contain_text("a line of dots from the circle (the start)")


def test_play_under_reduced_motion_moves_in_a_few_still_steps(timeline, run, page):
    """Asked for less motion, Play shows a tenth of the run at a time instead of sliding through every frame."""
    _, widget = timeline
    _, epochs = run
    page.emulate_media(reduced_motion="reduce")
    widget.evaluate(
        """(el) => { el.seen = []; new MutationObserver(() => el.seen.push(Number(el.dataset.epoch)))
                     .observe(el, { attributes: true, attributeFilter: ["data-epoch"] }); }"""
    )
    stride = round(len(epochs) / 10)
    widget.get_by_role("button", name="Play").click()
    expect(widget).to_have_attribute("data-epoch", str(epochs[2 * stride]), timeout=RUN_TIMEOUT)
    widget.get_by_role("button", name="Pause").click()
    seen = widget.evaluate("(el) => el.seen")
    assert seen[:2] == [epochs[stride], epochs[2 * stride]], seen  # no frame in between was drawn
    page.emulate_media(reduced_motion="no-preference")


def test_the_pointer_scrubs(timeline, run, page):
    _, widget = timeline
    history, epochs = run
    slider = widget.get_by_role("slider", name="Epoch")
    box = slider.bounding_box()
    # Aimed as a person aims: at the slider once it has stopped moving (hover waits for that).
    slider.hover(position={"x": 2, "y": box["height"] / 2})
    page.mouse.down()
    box = slider.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] / 2, y, steps=10)
    page.mouse.up()
    index = int(slider.input_value())
    assert 0.3 * len(epochs) < index < 0.7 * len(epochs)
    expect_epoch(widget, history, epochs[index])
    slider.click(position={"x": box["width"] - 1, "y": box["height"] / 2})
    expect_epoch(widget, history, 1000)


def test_play_pause_and_space(timeline, run):
    _, widget = timeline
    history, _ = run
    play = widget.get_by_role("button", name="Play")
    play.click()
    pause = widget.get_by_role("button", name="Pause")
    expect(pause).to_be_visible()
    expect(widget).not_to_have_attribute("data-epoch", "0")
    pause.click()
    expect(widget.get_by_role("button", name="Play")).to_be_visible()
    stopped = widget.get_attribute("data-epoch")
    widget.page.evaluate("() => new Promise((done) => setTimeout(done, 200))")  # frames would have moved by now
    expect(widget).to_have_attribute("data-epoch", stopped)
    slider = widget.get_by_role("slider", name="Epoch")
    slider.press(" ")
    expect(widget.get_by_role("button", name="Pause")).to_be_visible()
    expect(widget).to_have_attribute("data-epoch", "1000", timeout=RUN_TIMEOUT)  # plays to the end, then stops
    expect(widget.get_by_role("button", name="Play")).to_be_visible()
    expect_epoch(widget, history, 1000)


BAD = {
    "no frames": ("{'version': 1, 'frames': []}", "the timeline has no frames"),
    "frames of different sizes": ("DATA | {'frames': [FRAME, {**FRAME, 'weights': [1, 2, 3]}]}", "3 weights, not 2"),
    "a NaN loss": ("DATA | {'frames': [{**FRAME, 'loss': None}]}", "training diverged"),
    "3-D points": ("DATA | {'points': [[0, 0, 1, 0, 0]]}", "2-D inputs"),
}
MAKER = """import json
from neuron import OR, Neuron, plot_decision_boundary
from neuron.plot import PALETTE
DATA = Neuron.random(2, seed=7).fit(*OR, epochs=3).timeline().to_data()
FRAME = DATA['frames'][0]
class Broken:
    def _repr_timeline_json_(self):
        return json.dumps({data})
Broken()
"""


@pytest.mark.parametrize("case", BAD)
def test_bad_data_gives_a_message_not_a_broken_widget(timeline, case):
    panel, _ = timeline
    data, words = BAD[case]
    panel.set_code(MAKER.format(data=data)).run()
    problem = panel.output.locator(".course-timeline__problem")
    expect(problem).to_contain_text("This timeline cannot be drawn: ", timeout=RUN_TIMEOUT)  # after a Python run
    expect(problem).to_contain_text(words)
    expect(panel.output.get_by_role("slider")).to_have_count(0)


def test_python_refuses_an_empty_timeline_with_what_to_do(timeline):
    panel, _ = timeline
    panel.set_code("from neuron import OR, Timeline\ntimeline = Timeline(*OR)\ntimeline").run()
    panel.expect_output("call timeline.record(weights, bias, loss) inside your training loop")


def test_text_in_the_data_stays_text(timeline, page):
    panel, _ = timeline
    hostile = "<img src=x onerror=\"document.title='owned'\"><script>document.title='owned'</script>"
    code = MAKER.format(data="DATA | {'title': TITLE}").replace("FRAME =", f"TITLE = {hostile!r}\nFRAME =")
    panel.set_code(code).run()
    title = panel.output.locator(".course-timeline__title")
    expect(title).to_have_text(hostile, timeout=RUN_TIMEOUT)
    expect(panel.output.locator("img, script")).to_have_count(0)
    assert page.title() != "owned"


def widget_violations(page) -> list[str]:
    """axe's serious findings inside the timeline only (the lesson's own wide table scrolls on a phone)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("async () => (await axe.run('.course-timeline')).violations")
    return [f"{v['impact']} {v['id']}: {v['help']}" for v in violations if v["impact"] in SERIOUS]


@pytest.mark.parametrize("width", [1280, 390])
def test_fits_the_width_light_and_dark_with_no_serious_violations(timeline, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    _, widget = timeline
    widget.scroll_into_view_if_needed()
    overflow = widget.evaluate("(el) => el.scrollWidth - el.clientWidth")
    assert overflow <= 0, f"the timeline is {overflow} px wider than its box at {width} px"
    plane = widget.locator(".course-timeline__plane").bounding_box()
    assert plane["width"] >= min(280, width - 80)  # the picture stays readable on a phone
    found = {}
    for scheme in SCHEMES:
        set_scheme(page, scheme)
        found[scheme] = serious_violations(page) if width > 1000 else widget_violations(page)
    assert found == {scheme: [] for scheme in SCHEMES}
