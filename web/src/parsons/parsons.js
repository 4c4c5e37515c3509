// A Parsons problem: the lines of a correct program, shuffled; the learner puts
// them in order and indents them, then Check runs the program through the
// exercise checker in the Python worker (coursekit.parsons), which says which
// line is out of place and why a distractor does not belong.
//
// The lines are one listbox (one tab stop, roving tabindex) in two groups:
// "Your program" and "Set aside". Up/Down move the focus; Alt+Up/Down move the
// focused line; Space selects (grabs) a line, and while one is selected Up/Down
// move it and Tab/Shift+Tab indent it, so Tab never traps the focus otherwise;
// Escape lets it go. Alt+Right/Left indent at any time; Delete sets a line aside
// or puts it back. Every move is said once in a polite live region ("line 3
// moved to position 2, indent 1") and the focus stays on the moved line.
import { MSG } from "../runner/protocol.js";
import { getRunner } from "../runner/index.js";
import { button, el, isEnabled, readData, setEnabled, uniqueId } from "../ui/dom.js";
import { loadRecord, saveRecord } from "../progress/store.js";
import { initial, indentTo, locate, place, restored, shift, toggleAside } from "./arrangement.js";
import { enableDrag } from "./drag.js";
import { showResult } from "./results.js";

const ZONE_LABELS = { program: "Your program", aside: "Set aside (not in your program)" };

class ParsonsProblem {
  constructor(root) {
    this.root = root;
    this.data = readData(root, ".course-parsons__data");
    this.key = `parsons:${this.data.id}`;
    const record = loadRecord(this.key, this.data.version) ?? {};
    this.record = { passed: false, attempts: 0, ...record };
    this.state = restored(record.arrangement, this.data) ?? initial(this.data);
    this.grabbed = null; // the line selected for moving with the arrows and Tab
    this.focusLine = this.state.program[0]?.line ?? this.state.aside[0]?.line;
    this.options = new Map(); // line → its option element, kept across redraws
    this.build();
    this.render();
    if (this.record.passed) this.results.summary("passed", "✓ You solved this Parsons problem. Check again any time.");
  }

  build() {
    const keys = this.root.querySelector(".course-parsons__keys");
    this.listbox = el("div", {
      className: "course-parsons__lines",
      role: "listbox",
      "aria-label": "Lines of the program",
      "aria-describedby": keys?.id,
    });
    this.zones = {};
    for (const [zone, label] of Object.entries(ZONE_LABELS)) {
      this.zones[zone] = el("div", {
        className: `course-parsons__zone course-parsons__zone--${zone}`,
        role: "group",
        "aria-label": label,
        dataset: { label },
      });
      this.listbox.append(this.zones[zone]);
    }
    this.listbox.addEventListener("keydown", (event) => this.onKey(event));
    this.listbox.addEventListener("focusin", (event) => {
      const option = event.target.closest('[role="option"]');
      if (option) this.focusLine = Number(option.dataset.line);
    });
    enableDrag(this.listbox, this.dragHost());
    this.checkButton = button("Check", "course-parsons__check", () => this.check());
    this.resetButton = button("Start over", "course-parsons__reset", () => this.startOver());
    this.announcer = el("p", { className: "course-sr-only course-parsons__announce", role: "status" });
    this.results = showResult(el("div", { className: "course-parsons__results", role: "status" }));
    const actions = el("div", { className: "course-parsons__actions" }, this.checkButton, this.resetButton);
    this.root.querySelector(".course-parsons__static")?.remove();
    this.root.append(this.listbox, actions, this.results.element, this.announcer);
    this.root.classList.add("course-parsons--mounted");
  }

  dragHost() {
    return {
      zones: this.zones,
      indentWidth: () => this.indentWidth(),
      lineOf: (option) => Number(option.dataset.line),
      indentOf: (line) => locate(this.state, line).item.indent,
      preview: (line, zone, index, indent) => {
        if (!this.dragStart) this.dragStart = this.where(line);
        const moved = place(this.state, line, zone, index);
        const indented = indentTo(this.state, line, indent, this.data.maxIndent);
        if (moved || indented) this.render();
      },
      drop: (line) => {
        const before = this.dragStart ?? this.where(line);
        this.dragStart = null;
        this.changed(line, before);
      },
      click: (line) => {
        this.focusLine = line;
        this.grab(this.grabbed === line ? null : line);
        this.focusOption(line);
      },
    };
  }

  indentWidth() {
    const code = this.listbox.querySelector(".course-parsons__code");
    const size = code ? parseFloat(getComputedStyle(code).fontSize) : 16;
    return size * 2.4; // one level is 4ch of code (a ch is about 0.6 em)
  }

  where(line) {
    const { zone, index, item } = locate(this.state, line);
    return { zone, position: index + 1, indent: item.indent };
  }

  render() {
    for (const zone of Object.keys(this.zones)) {
      const items = this.state[zone];
      const options = items.map((item, index) => this.option(item, zone, index));
      this.zones[zone].replaceChildren(...options);
      this.zones[zone].dataset.empty = String(items.length === 0);
    }
  }

  option({ line, indent }, zone, index) {
    let option = this.options.get(line);
    if (!option) {
      // Its name is its text: "line 3, indent 1: z = bias" (the words a screen reader adds are hidden from view).
      option = el(
        "div",
        { role: "option", className: "course-parsons__line", dataset: { line: String(line) } },
        el("span", { className: "course-sr-only course-parsons__where" }),
        el("span", { className: "course-parsons__number", "aria-hidden": "true" }),
        el("code", { className: "course-parsons__code", text: this.data.lines[line] }),
      );
      option.id = uniqueId("course-parsons-line");
      this.options.set(line, option);
    }
    const inProgram = zone === "program";
    option.dataset.zone = zone;
    option.style.setProperty("--indent", String(inProgram ? indent : 0));
    const where = inProgram ? `line ${index + 1}, indent ${indent}: ` : "set aside: ";
    option.querySelector(".course-parsons__where").textContent = where;
    option.querySelector(".course-parsons__number").textContent = inProgram ? String(index + 1) : "";
    option.setAttribute("aria-selected", String(this.grabbed === line));
    option.tabIndex = line === this.focusLine ? 0 : -1;
    return option;
  }

  focusOption(line) {
    this.focusLine = line;
    for (const [other, option] of this.options) option.tabIndex = other === line ? 0 : -1;
    this.options.get(line)?.focus();
  }

  grab(line) {
    this.grabbed = line;
    for (const [other, option] of this.options) option.setAttribute("aria-selected", String(other === line));
    this.listbox.classList.toggle("course-parsons__lines--grabbing", line !== null);
    if (line !== null) this.say(`${this.describe(line)} selected: Up and Down move it, Tab indents, Escape lets go.`);
  }

  describe(line) {
    const { zone, position, indent } = this.where(line);
    return zone === "program" ? `line ${position}, indent ${indent}` : `set-aside line ${position}`;
  }

  onKey(event) {
    const option = event.target.closest('[role="option"]');
    if (!option) return;
    const line = Number(option.dataset.line);
    const action = this.keyAction(event, line);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  }

  keyAction(event, line) {
    const held = this.grabbed === line;
    const { key, altKey, shiftKey } = event;
    const step = { ArrowUp: -1, ArrowDown: 1 }[key];
    const side = { ArrowLeft: -1, ArrowRight: 1 }[key];
    if (step && (altKey || held)) return () => this.act(line, () => shift(this.state, line, step));
    if (step) return () => this.focusNeighbour(line, step);
    if (side && altKey) return () => this.indentBy(line, side);
    if (key === "Tab" && held) return () => this.indentBy(line, shiftKey ? -1 : 1);
    if (key === " " || key === "Enter") return () => this.grab(held ? null : line);
    if (key === "Escape" && this.grabbed !== null) return () => (this.grab(null), this.say("Let go."));
    if (key === "Delete" || key === "Backspace") return () => this.act(line, () => toggleAside(this.state, line));
    if (key === "Home" || key === "End") return () => this.focusEdge(key === "Home");
    return null;
  }

  indentBy(line, delta) {
    const { item } = locate(this.state, line);
    const { zone } = locate(this.state, line);
    if (zone !== "program") return this.say("A line set aside has no indent: put it back first (Delete).");
    if (!indentTo(this.state, line, item.indent + delta, this.data.maxIndent)) {
      return this.say(`${this.describe(line)}: it cannot go ${delta > 0 ? "deeper" : "further left"}.`);
    }
    this.render();
    this.changed(line, null);
  }

  act(line, change) {
    const before = this.where(line);
    if (!change()) return this.say(`${this.describe(line)}: it cannot move further that way.`);
    this.render();
    this.changed(line, before);
  }

  /** After a move: say it, keep the focus on the line, save. */
  changed(line, before) {
    for (const option of this.options.values()) delete option.dataset.problem; // the last check's marks are stale
    const now = this.where(line);
    const text = this.data.lines[line];
    let message;
    if (before && before.zone !== now.zone) {
      message =
        now.zone === "aside"
          ? `line ${before.position} set aside: ${text}`
          : `put back as line ${now.position}, indent ${now.indent}: ${text}`;
    } else if (before && before.position !== now.position) {
      message = `line ${before.position} moved to position ${now.position}, indent ${now.indent}`;
    } else {
      message = `line ${now.position}, indent ${now.indent}`;
    }
    this.say(message);
    this.focusOption(line);
    this.save();
  }

  focusNeighbour(line, step) {
    const order = [...this.state.program, ...this.state.aside].map((item) => item.line);
    const next = order[order.indexOf(line) + step];
    if (next !== undefined) this.focusOption(next);
  }

  focusEdge(first) {
    const order = [...this.state.program, ...this.state.aside].map((item) => item.line);
    this.focusOption(first ? order[0] : order[order.length - 1]);
  }

  say(text) {
    this.announcer.textContent = text;
  }

  save(changes = {}) {
    this.record = { ...this.record, ...changes };
    saveRecord(this.key, this.data.version, { ...this.record, arrangement: this.state });
  }

  startOver() {
    this.state = initial(this.data);
    this.grab(null);
    this.render();
    this.results.clear();
    this.save();
    this.say("The lines are back in their shuffled order.");
  }

  async check() {
    if (!isEnabled(this.checkButton)) return;
    setEnabled(this.checkButton, false);
    this.results.summary("running", "Checking your program…");
    const request = {
      type: MSG.PARSONS,
      problem: this.data.id,
      arrangement: JSON.stringify(this.state.program),
    };
    const result = await getRunner()
      .enqueue(request, {}, { timeoutMs: this.data.timeout * 1000 })
      .finally(() => setEnabled(this.checkButton, true));
    const passed = result.status === "checked" && result.passed === true;
    this.results.show(result);
    // Lines moved while Python checked: the numbers in the messages are the checked program's, not the list's.
    if (JSON.stringify(this.state.program) === request.arrangement) this.markLines(result.placement ?? []);
    const attempt = result.status === "checked" && !result.starter ? 1 : 0;
    this.save({ passed: passed || this.record.passed, attempts: this.record.attempts + attempt });
  }

  /** Mark the lines the check pointed at (their number turns to ✗). */
  markLines(placement) {
    for (const option of this.options.values()) delete option.dataset.problem;
    for (const item of placement) {
      const line = item.line ? this.state.program[item.line - 1]?.line : undefined;
      if (line !== undefined) this.options.get(line).dataset.problem = item.kind;
    }
  }
}

export function mountParsons(root) {
  return new ParsonsProblem(root);
}
