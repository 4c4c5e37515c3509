"""The course's explorables: which lessons have one, what they ask, and the numbers they quote."""

import re

from coursesite.live import check_live
from neuron import OR, Neuron, compute_loss
from tests.lesson_widgets import ROOT, pages

LIVE = {
    src: [widget for widget in widgets if widget["kind"] == "panel" and ("live" in widget or "sliders" in widget)]
    for src, widgets in pages().items()
}


def test_four_lessons_have_an_explorable_with_sliders_and_an_id():
    lessons = [
        "lessons/first-neuron.md",
        "lessons/weights-and-bias.md",
        "lessons/activations.md",
        "lessons/training-or.md",
    ]
    for src in lessons:
        assert LIVE[src], f"{src} has no live panel"
        for panel in LIVE[src]:
            sliders, problems = check_live(panel["code"], panel)
            assert sliders and not problems, (src, problems)
            assert "id" in panel, f"{src}: a panel added to a published lesson needs an id"


def test_every_lesson_explorable_is_followed_by_a_question_about_what_the_learner_saw():
    for src in LIVE:
        if not src.startswith("lessons/"):
            continue
        text = (ROOT / "docs" / src).read_text()
        for fence in re.finditer(r"^```panel (?=.*(?:\blive\b|sliders=)).*$", text, re.M):
            after = text[fence.end() :]
            section = re.split(r"^#{2,3} |^```panel", after, maxsplit=1, flags=re.M)[0]
            assert "/// quiz |" in section, f"{src}: the explorable {fence.group(0)!r} asks no question"


def test_the_loss_to_beat_by_hand_is_the_loss_the_lesson_trains_to():
    (panel,) = LIVE["lessons/training-or.md"]
    quoted = re.search(r"training's: (\d\.\d{4})", panel["code"]).group(1)
    neuron = Neuron.random(2, seed=7)
    neuron.fit(*OR, learning_rate=0.5, epochs=1000)  # the lesson's "fit" panel
    assert quoted == f"{compute_loss(neuron, *OR):.4f}"
    start = Neuron.random(2, seed=7)  # "the starting numbers are those of the neuron above, rounded"
    values = dict(re.findall(r"^(w1|w2|b) = (-?[\d.]+)$", panel["code"], re.M))
    assert [float(values["w1"]), float(values["w2"]), float(values["b"])] == [
        round(v, 1) for v in [*start.weights, start.bias]
    ]
