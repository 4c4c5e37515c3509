// Predict, then run: a panel marked `predict` asks "What will this print?"
// before its first Run (a text box, or the author's choices as radio buttons),
// runs with the prediction, and shows the output beside it with "Match" or
// "No match" in words. Python decides whether they match (coursekit.predict,
// through the worker's PREDICT request); this file only draws.
//
// Kept with the progress (web/src/progress/store.js), so a reload does not ask again:
//   predict:<panel id>   {version, state: "asking" | "answered" | "skipped", prediction, match, output}
// The panel's Reset asks again. Pressing the panel's own Run while the
// question is open runs with what is written there, or, with nothing written,
// counts as "Just run it".
import { el, setEnabled, isEnabled, uniqueId } from "../ui/dom.js";
import { loadRecord, saveRecord } from "../progress/store.js";

const MATCH = "Match: the output is what you predicted";
const NO_MATCH = "No match: the output differs from your prediction";
const SECOND_LOOK = "Not what you expected? Read the code line by line, or press Step through.";
const HINT = "Spaces and line breaks do not matter; a number needs only the digits you write (0.73 matches 0.7310585).";
const SHOWN = 2000; // characters of the output kept with the answer

/** A button in the panel's own style (its toolbar's), not the quizzes'. */
function panelButton(label, className, onClick = null) {
  const element = el("button", {
    type: "button",
    className: `md-button course-panel__button ${className}`,
    text: label,
  });
  if (onClick) element.addEventListener("click", onClick);
  return element;
}

export class Predict {
  constructor(panel) {
    this.panel = panel;
    const data = JSON.parse(panel.section.dataset.predict);
    this.choices = data.choices;
    this.version = data.version;
    this.key = `predict:${panel.id}`;
    this.root = el("div", { className: "course-predict" });
    panel.editorHost.after(this.root);
    panel.section.classList.add("course-panel--predict");
    const record = loadRecord(this.key, this.version);
    if (record?.state === "answered") this.showVerdict(record);
    else if (record?.state !== "skipped") this.ask();
  }

  /** Whether the question is open (no run yet, or Reset asked it again). */
  get asking() {
    return this.root.classList.contains("course-predict--asking");
  }

  ask() {
    const questionId = uniqueId("course-predict-question");
    const hintId = uniqueId("course-predict-hint");
    this.runButton = panelButton("Run with my prediction", "course-panel__run course-predict__run");
    this.runButton.type = "submit";
    this.skipButton = panelButton("Just run it", "course-predict__skip", () => this.skip());
    const form = el(
      "form",
      { className: "course-predict__form", "aria-labelledby": questionId },
      el("p", { className: "course-predict__question", id: questionId, text: "What will this print?" }),
      this.choices.length ? this.choiceField() : this.textField(hintId),
      el("div", { className: "course-predict__actions" }, this.runButton, this.skipButton),
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submit();
    });
    this.root.replaceChildren(form);
    this.root.classList.add("course-predict--asking");
    this.root.classList.remove("course-predict--done");
  }

  textField(hintId) {
    const inputId = uniqueId("course-predict-input");
    this.input = el("input", {
      type: "text",
      id: inputId,
      className: "course-predict__input",
      autocomplete: "off",
      spellcheck: "false",
      "aria-describedby": hintId,
    });
    return el(
      "div",
      { className: "course-predict__field" },
      el("label", { for: inputId, text: "Your prediction" }),
      this.input,
      el("p", { className: "course-predict__hint", id: hintId, text: HINT }),
    );
  }

  choiceField() {
    const name = uniqueId("course-predict-choice");
    this.radios = this.choices.map((choice) => el("input", { type: "radio", name, value: choice }));
    return el(
      "fieldset",
      { className: "course-predict__choices" },
      el("legend", { className: "course-predict__legend", text: "Your prediction" }),
      ...this.radios.map((radio, index) =>
        el("label", { className: "course-predict__choice" }, radio, el("code", { text: this.choices[index] })),
      ),
    );
  }

  /** What the learner predicted, "" if nothing yet. */
  prediction() {
    if (this.radios) return this.radios.find((radio) => radio.checked)?.value ?? "";
    return this.input.value.trim();
  }

  /** The panel's own Run (or Ctrl+Enter) while the question is open. */
  runFromPanel() {
    if (this.panel.running) return null;
    return this.prediction() ? this.submit() : this.skip();
  }

  async submit() {
    if (!isEnabled(this.runButton) || this.panel.running) return;
    const prediction = this.prediction();
    if (!prediction) {
      this.panel.setStatus(
        this.radios
          ? "Choose what you expect first, or press “Just run it”."
          : "Write what you expect first, or press “Just run it”.",
        "",
      );
      (this.radios?.[0] ?? this.input).focus();
      return;
    }
    setEnabled(this.runButton, false);
    try {
      await this.runWith(prediction);
    } finally {
      setEnabled(this.runButton, true);
    }
  }

  /** Run the panel's code, then ask Python whether its output matches `prediction`. */
  async runWith(prediction) {
    const { panel } = this;
    const code = panel.code();
    let stdout = "";
    const outcome = await panel.execute(
      (handlers, options) => {
        const onOutput = (stream, text) => {
          if (stream === "stdout") stdout += text;
          handlers.onOutput(stream, text);
        };
        return panel.sendRun(code, { ...handlers, onOutput }, options);
      },
      {
        report: ({ result, elapsedMs }) => {
          panel.holdStatus(); // the verdict and the run's status are announced once, together
          panel.report(result, elapsedMs);
        },
      },
    );
    if (!outcome) return;
    const { result } = outcome;
    if (!["ok", "error"].includes(result.status)) return panel.releaseStatus(); // stopped: ask again next Run
    const error = result.status === "error" ? String(result.error ?? "") : "";
    const verdict = await panel.runner.comparePrediction(prediction, stdout, error);
    if (typeof verdict.match !== "boolean") {
      return panel.releaseStatus(`Could not compare with your prediction (${verdict.message ?? verdict.status}) · `);
    }
    this.answered({ prediction, match: verdict.match, output: verdict.output.slice(0, SHOWN) });
    panel.releaseStatus(`${verdict.match ? MATCH : NO_MATCH} · `);
  }

  answered(record) {
    const hadFocus = this.root.contains(document.activeElement);
    saveRecord(this.key, this.version, { state: "answered", ...record });
    this.showVerdict(record);
    if (hadFocus) this.root.querySelector(".course-predict__result").focus();
  }

  skip() {
    const hadFocus = this.root.contains(document.activeElement);
    saveRecord(this.key, this.version, { state: "skipped" });
    this.close();
    if (hadFocus) this.panel.runButton.focus();
    return this.panel.run();
  }

  close() {
    this.root.replaceChildren();
    this.root.classList.remove("course-predict--asking", "course-predict--done");
    this.input = this.radios = null;
  }

  showVerdict({ prediction, match, output }) {
    this.close();
    const side = (label, text) =>
      el(
        "div",
        { className: "course-predict__side" },
        el("p", { className: "course-predict__label", text: label }),
        el("pre", { className: "course-predict__text", text: text || "(nothing)" }),
      );
    const result = el(
      "div",
      {
        className: "course-predict__result",
        role: "group",
        "aria-label": "Your prediction and the output",
        tabindex: "-1",
      },
      el(
        "p",
        { className: "course-predict__verdict", dataset: { match: String(match) } },
        el("span", { className: "course-predict__mark", "aria-hidden": "true", text: match ? "✓" : "✗" }),
        match ? "Match" : "No match",
      ),
      el("div", { className: "course-predict__pair" }, side("Your prediction", prediction), side("Output", output)),
      match ? null : el("p", { className: "course-predict__second-look", text: SECOND_LOOK }),
    );
    this.root.append(result);
    this.root.classList.add("course-predict--done");
  }

  /** The panel's Reset: the question is asked again. */
  reset() {
    if (this.asking) return;
    saveRecord(this.key, this.version, { state: "asking" });
    this.ask();
  }
}
