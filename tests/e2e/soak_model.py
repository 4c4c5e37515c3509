"""The soak test's model of what the learner should find again, and how the page is read.

Everything is keyed by the storage key the course uses for it (web/src/progress/store.js):
``code:<panel id>``, ``quiz:<page>/<n>``, ``recall:<page>/<n>``, ``exercise:<id>``. The model
holds, per key, what the page showed when the learner last changed it; a key the learner
never touched is expected in its first state (the starter code, an unanswered quiz, ...).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

#: One evaluate reads the whole page: every widget's state, and whether all are mounted.
OBSERVE = """() => {
  const state = { path: location.pathname, ready: true, items: {}, starters: {} };
  const need = (ok) => { if (!ok) state.ready = false; };
  // The whole document, from CodeMirror's view (EditorView.findFromDOM's way): an editor
  // out of sight draws only some of its lines.
  const code = (host) => {
    const content = host.querySelector(".cm-content");
    if (!content) return null;
    const view = (content.cmTile ?? content.cmView)?.root?.view;
    if (!view) throw new Error("no EditorView behind .cm-content: has CodeMirror changed?");
    return view.state.doc.toString();
  };
  need(!document.querySelector("[data-soak-left]"));
  // Maths typeset too: until then lines still move, and a click may land on the wrong option.
  need([...document.querySelectorAll(".arithmatex")].every((maths) => maths.querySelector(".katex")));
  for (const host of document.querySelectorAll("[data-panel-id]")) {
    const key = "code:" + host.dataset.panelId;
    state.items[key] = code(host);
    state.starters[key] = host.querySelector(".course-panel__starter").textContent.replace(/\\n$/, "");
    need(state.items[key] !== null);
  }
  for (const quiz of document.querySelectorAll(".course-quiz[data-quiz-key]")) {
    need(quiz.classList.contains("course-quiz--mounted"));
    const number = quiz.querySelector(".course-quiz__number");
    const checked = [...quiz.querySelectorAll("input.course-quiz__input:checked")].map((i) => Number(i.value));
    const result = quiz.dataset.result ?? null;
    const showAnswer = quiz.querySelector(".course-quiz__show-answer");
    state.items[quiz.dataset.quizKey] = {
      answer: number ? number.value : checked.sort((a, b) => a - b),
      result,
      revealed: result === "wrong" && Boolean(showAnswer?.hidden),
    };
  }
  for (const recall of document.querySelectorAll(".course-recall[data-recall-key]")) {
    need(recall.classList.contains("course-recall--mounted"));
    state.items[recall.dataset.recallKey] = {
      text: recall.querySelector(".course-recall__mine").value,
      revealed: !recall.querySelector(".course-recall__answer").hidden,
      rating: recall.dataset.rating ?? null,
    };
  }
  for (const exercise of document.querySelectorAll(".course-exercise[data-exercise-id]")) {
    need(exercise.classList.contains("course-exercise--mounted"));
    state.items["exercise:" + exercise.dataset.exerciseId] = {
      hints: exercise.querySelectorAll(".course-exercise__hint:not([hidden])").length,
      solution: Boolean(exercise.querySelector(".course-exercise__solution")),
      passed: exercise.querySelector(".course-exercise__results")?.dataset.kind === "passed",
    };
  }
  for (const progress of document.querySelectorAll(".course-progress")) {
    need(progress.classList.contains("course-progress--mounted"));
  }
  return state;
}"""

#: Marks the page being left, so that the next one is known to have replaced it (instant navigation).
MARK_LEFT = "() => document.querySelector('[data-md-component=container]')?.setAttribute('data-soak-left', '')"


def kind(key: str) -> str:
    return key.split(":", 1)[0]


def first_state(key: str, observed: dict) -> object:
    """What a widget shows before the learner touches it."""
    return {
        "code": lambda: observed["starters"][key],
        "quiz": lambda: {
            "answer": "" if isinstance(observed["items"][key]["answer"], str) else [],
            "result": None,
            "revealed": False,
        },
        "recall": lambda: {"text": "", "revealed": False, "rating": None},
        "exercise": lambda: {"hints": 0, "solution": False, "passed": False},
    }[kind(key)]()


@dataclass
class Loss:
    action: int
    key: str
    expected: object
    found: object
    where: str

    def __str__(self) -> str:
        expected, found = self.expected, self.found
        if isinstance(expected, str) and isinstance(found, str):  # code: from where it differs
            start = next((i for i, (a, b) in enumerate(zip(expected, found)) if a != b), min(len(expected), len(found)))
            expected, found = f"…{expected[start : start + 80]}", f"…{found[start : start + 80]}"
        return f"after action {self.action} ({self.where}), {self.key}: expected {expected!r}, found {found!r}"


@dataclass
class Model:
    """What the learner should find: per storage key, the widget's state."""

    items: dict[str, object] = field(default_factory=dict)
    starters: dict[str, str] = field(default_factory=dict)
    losses: list[Loss] = field(default_factory=list)

    def expected(self, key: str, observed: dict) -> object:
        return self.items[key] if key in self.items else first_state(key, observed)

    def compare(self, observed: dict, action: int, where: str) -> list[Loss]:
        """The items of the page that differ from the model (none, if nothing was lost)."""
        self.starters.update(observed["starters"])
        found = []
        for key, value in observed["items"].items():
            expected = self.expected(key, observed)
            if value != expected:
                found.append(Loss(action, key, expected, value, where))
        return found

    def record_losses(self, losses: list[Loss], adopt: bool = True) -> None:
        """Count each loss once (an export may miss what a later page shows missing too);
        a page's loss is what the learner sees from now on: the model expects it."""
        for loss in losses:
            if not any(loss.key == seen.key and loss.expected == seen.expected for seen in self.losses):
                self.losses.append(loss)
            if adopt:
                self.items[loss.key] = copy.deepcopy(loss.found)

    def snapshot(self, keys) -> dict:
        """The model's state for these keys (an exported file's), to give back on import."""
        return {key: copy.deepcopy(self.items.get(key)) for key in keys}

    def restore(self, snapshot: dict) -> None:
        """An import: every key of the file takes the state it had at the export."""
        for key, value in snapshot.items():
            if value is None:
                self.items.pop(key, None)
            else:
                self.items[key] = copy.deepcopy(value)


def export_losses(model: Model, exported: dict, action: int) -> list[Loss]:
    """Code and answers the model has that the exported file lacks or holds otherwise."""
    found = []
    for key, value in model.items.items():
        stored = exported.get(key)
        if kind(key) == "code" and stored != (None if value == model.starters[key] else value):
            found.append(Loss(action, key, value, stored, "export"))
        elif kind(key) == "quiz" and value["result"] is not None and (stored or {}).get("answer") != value["answer"]:
            found.append(Loss(action, key, value["answer"], (stored or {}).get("answer"), "export"))
    return found
