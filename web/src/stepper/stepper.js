// Step mode of a code panel: the steps coursekit.tracing recorded, drawn one at
// a time. The current line is marked in the panel's own editor; below it, the
// controls (First / Previous / Next / Last and a native range input), where
// the step is, the variables of that step's frame, and the output printed so
// far. Left/Right, Home/End step (Alt+Left/Right inside the editor); editing
// the code or pressing Run leaves step mode (the panel calls leave()).
import { StateEffect } from "@codemirror/state";
import { el, setEnabled, isEnabled } from "../ui/dom.js";
import { stepperExtension, showLine } from "./highlight.js";

const KEYS = { ArrowLeft: -1, ArrowRight: 1 };

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function control(label, className, onClick) {
  const element = el("button", {
    type: "button",
    className: `md-button course-panel__button course-stepper__${className}`,
    text: label,
  });
  element.addEventListener("click", () => {
    if (isEnabled(element)) onClick();
  });
  return element;
}

// The step after the last line has no line (None in Python, undefined here).
const atEnd = (step) => !Number.isInteger(step.line);

/** Where a step is, in words: "line 5", "after the last line". */
function lineText(step) {
  return atEnd(step) ? "after the last line" : `line ${step.line}`;
}

function whereText(step, call) {
  if (atEnd(step) && call) return "The call has returned: `returned` is what it gave back.";
  if (atEnd(step)) return "Your code has finished: these are its variables at the end.";
  if (!step.function) return "At the top level of your code.";
  return `In ${step.function}(), call depth ${step.depth}.`;
}

export class Stepper {
  constructor(panel) {
    this.panel = panel;
    this.result = null;
    this.index = 0;
    this.build();
    const view = panel.editor.view;
    view.dispatch({
      effects: StateEffect.appendConfig.of(
        stepperExtension({ previous: () => this.move(-1), next: () => this.move(1) }),
      ),
    });
  }

  get active() {
    return Boolean(this.result);
  }

  build() {
    const controls = this.buildControls();
    this.position = el("p", { className: "course-stepper__position" });
    this.where = el("p", { className: "course-stepper__where" });
    this.note = el("p", { className: "course-stepper__note" });
    this.announcer = el("p", { className: "course-stepper__announce", "aria-live": "polite", "aria-atomic": "true" });
    this.exception = el("pre", { className: "course-stepper__exception" });
    this.variables = el("tbody");
    this.table = el(
      "table",
      { className: "course-stepper__variables" },
      el("caption", { text: "Variables" }),
      el(
        "thead",
        {},
        el("tr", {}, el("th", { scope: "col", text: "Name" }), el("th", { scope: "col", text: "Value" })),
      ),
      this.variables,
    );
    this.noVariables = el("p", { className: "course-stepper__none", text: "No variables yet." });
    this.output = el("pre", { className: "course-stepper__output", tabindex: "0", "aria-label": "Output so far" });
    const outputBlock = el(
      "div",
      { className: "course-stepper__output-block" },
      el("p", { className: "course-stepper__heading", text: "Output so far" }),
      this.output,
    );
    const label = this.panel.section.getAttribute("aria-label") || "Code";
    this.element = el(
      "div",
      { className: "course-stepper", role: "group", "aria-label": `Step through: ${label}` },
      controls,
      this.position,
      this.where,
      this.note,
      this.announcer,
      this.exception,
      this.table,
      this.noVariables,
      outputBlock,
    );
    this.element.hidden = true;
    this.element.addEventListener("keydown", (event) => this.onKey(event));
  }

  /** First / Previous / Next / Last, the step slider and Leave, in one row. */
  buildControls() {
    this.first = control("First", "first", () => this.go(0));
    this.previous = control("Previous", "previous", () => this.go(this.index - 1));
    this.next = control("Next", "next", () => this.go(this.index + 1));
    this.last = control("Last", "last", () => this.go(this.steps.length - 1));
    this.close = control("Leave step mode", "close", () => this.leave({ focus: true }));
    this.range = el("input", { type: "range", className: "course-stepper__range", min: "1", step: "1" });
    this.range.addEventListener("input", () => this.go(Number(this.range.value) - 1));
    const slider = el("label", { className: "course-stepper__slider" }, el("span", { text: "Step" }), this.range);
    const buttons = [this.first, this.previous, this.next, this.last];
    return el("div", { className: "course-stepper__controls" }, ...buttons, slider, this.close);
  }

  get steps() {
    return this.result?.steps ?? [];
  }

  /** Enter step mode on a trace's result (steps not empty), at its first step. */
  show(result) {
    this.result = result;
    this.range.max = String(result.steps.length);
    this.note.textContent = this.noteText(result);
    this.note.hidden = !this.note.textContent;
    if (!this.element.isConnected) this.panel.output.element.before(this.element);
    this.element.hidden = false;
    this.panel.section.classList.add("course-panel--stepping");
    this.index = -1;
    this.go(0);
  }

  noteText(result) {
    const limit = result.limit.toLocaleString("en");
    const call = result.call ? `Stepping through the call ${result.call}, as the check made it. ` : "";
    return call + this.limitText(result, limit);
  }

  limitText(result, limit) {
    if (result.truncated) return `Showing the first ${limit} steps: recording stopped there, and so did your code.`;
    const until = `after ${plural(result.steps.length, "step")}: showing the steps recorded until then.`;
    if (result.status === "stopped") return `Stopped ${until}`;
    if (result.status === "timeout") return `Stopped at the time limit ${until}`;
    if (result.status === "crashed") return `Python stopped unexpectedly ${until}`;
    return "";
  }

  /** Leave step mode (after an edit, a Run, or the Leave button). */
  leave({ focus = false } = {}) {
    if (!this.active) return;
    this.result = null;
    this.element.hidden = true;
    this.panel.section.classList.remove("course-panel--stepping");
    showLine(this.panel.editor.view, null);
    if (focus) this.panel.stepButton.focus();
  }

  /** Step by `delta`; false when there is no step mode or no step that way (for the editor's keymap). */
  move(delta) {
    if (!this.active) return false;
    const target = this.index + delta;
    if (target < 0 || target >= this.steps.length) return true; // at an end: the key is still ours
    this.go(target);
    return true;
  }

  go(index) {
    const target = Math.max(0, Math.min(this.steps.length - 1, index));
    if (!this.active || target === this.index) return;
    this.index = target;
    this.render();
  }

  render() {
    const step = this.steps[this.index];
    const count = this.steps.length;
    const position = `Step ${(this.index + 1).toLocaleString("en")} of ${count.toLocaleString("en")}, ${lineText(step)}`;
    this.position.textContent = position;
    this.where.textContent = whereText(step, this.result.call);
    this.range.value = String(this.index + 1);
    this.range.setAttribute("aria-valuetext", position);
    setEnabled(this.first, this.index > 0);
    setEnabled(this.previous, this.index > 0);
    setEnabled(this.next, this.index < count - 1);
    setEnabled(this.last, this.index < count - 1);
    showLine(this.panel.editor.view, step.line);
    this.renderVariables(step);
    this.output.textContent = this.result.output.slice(0, step.output) || "Nothing printed yet.";
    this.output.classList.toggle("course-stepper__output--empty", !step.output);
    const raised = this.index === count - 1 && this.result.status === "error";
    this.exception.textContent = raised ? this.result.error : "";
    this.exception.hidden = !raised;
    this.announcer.textContent = this.announcement(step, position, raised);
  }

  renderVariables(step) {
    const rows = step.variables.map(({ name, value, changed }) =>
      el(
        "tr",
        { className: changed ? "course-stepper__changed" : "" },
        el("th", { scope: "row" }, el("code", { text: name })),
        el(
          "td",
          {},
          el("code", { text: value }),
          changed ? el("span", { className: "course-stepper__mark", text: "changed" }) : null,
        ),
      ),
    );
    this.variables.replaceChildren(...rows);
    this.table.hidden = rows.length === 0;
    this.noVariables.hidden = rows.length > 0;
  }

  /** What a screen reader hears, once per step: where, and what changed. */
  announcement(step, position, raised) {
    const changed = step.variables.filter((variable) => variable.changed);
    const changes = changed.length
      ? ` Changed: ${changed.map(({ name, value }) => `${name} = ${value}`).join(", ")}.`
      : "";
    const error = raised ? ` The code raised ${this.result.type} here.` : "";
    return `${position}.${changes}${error}`;
  }

  onKey(event) {
    if (event.target === this.range || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key in KEYS) this.go(this.index + KEYS[event.key]);
    else if (event.key === "Home") this.go(0);
    else if (event.key === "End") this.go(this.steps.length - 1);
    else return;
    event.preventDefault();
  }
}

/** What the panel's status says once a trace is shown. */
export function stepStatus(result) {
  const steps = plural(result.steps.length, "step");
  if (result.status === "stopped") return `Stopped after ${steps}: step through them below`;
  if (result.status === "timeout") return `Stopped at the time limit after ${steps}: step through them below`;
  const what = result.call ? "this call" : "";
  return `Step through${what ? ` ${what}` : ""}: ${steps} recorded${result.status === "error" ? `, ending in ${result.type}` : ""}`;
}
