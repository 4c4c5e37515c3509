// An exercise: a code panel with starter code plus Check, hints and a
// solution. Check runs the learner's code and the exercise's checks in the
// Python worker (coursekit.checker) and lists each check ✓/✗ with its
// message, up to the first failure (the later ones ○, not run yet). Hints come one at a time; the solution after one real attempt
// (with a confirmation) or after a pass, shown beside the learner's code,
// which is only replaced on request, undoably. After a pass the code that
// passed can be compared with the reference, line by line (compare.js).
import { Panel } from "../panel/panel.js";
import { Comparison } from "./compare.js";
import { button, el, readData, setEnabled, isEnabled } from "../ui/dom.js";
import { confirmDialog } from "../ui/confirm.js";
import { loadRecord, saveRecord, staleRecord } from "../progress/store.js";

const EMPTY = { passed: false, attempts: 0, hints: 0, solution: false };

/**
 * Whether a Check was a real attempt (one unlocks the solution). Python decides:
 * the checker answers `starter: true` for the starter code, up to comments and
 * spacing (coursekit.checker.is_starter), and runs nothing else for it, so a
 * check stopped or out of time was running the learner's own code. Without an
 * answer from Python (it could not load, or crashed) it is not an attempt.
 */
function isAttempt(result) {
  if (result.status === "checked") return !result.starter;
  return result.status === "stopped" || result.status === "timeout";
}

class Exercise {
  constructor(root) {
    this.root = root;
    this.data = readData(root, ".course-exercise__data");
    this.key = `exercise:${this.data.id}`;
    this.hints = [...root.querySelectorAll(".course-exercise__hint")];

    const host = root.querySelector(".course-exercise__panel");
    this.panel = new Panel(host);
    this.check = button("Check", "course-panel__button course-exercise__check", () => this.runCheck());
    this.panel.runButton.after(this.check);

    this.results = el("div", {
      className: "course-exercise__results",
      role: "status",
      "aria-live": "polite",
      "aria-label": "Check results",
    });
    this.hintButton = button("Show hint", "course-exercise__hint-button", () => this.showHint({ announce: true }));
    this.solutionButton = button("Show solution", "course-exercise__solution-button", () => this.askSolution());
    this.help = el("p", { className: "course-exercise__help", role: "status" });
    // Hints are shown in their list; a screen reader also hears them said.
    this.announcer = el("p", { className: "course-sr-only course-exercise__announce", role: "status" });
    const actions = el(
      "div",
      { className: "course-exercise__actions" },
      this.hints.length ? this.hintButton : null,
      this.solutionButton,
    );
    host.after(this.results, actions, this.help, this.announcer);
    root.classList.add("course-exercise--mounted");
    this.restore();
  }

  get record() {
    return { ...EMPTY, ...(loadRecord(this.key, this.data.version) ?? {}) };
  }

  save(changes) {
    saveRecord(this.key, this.data.version, { ...this.record, ...changes });
  }

  restore() {
    const record = this.record;
    for (let i = 0; i < record.hints; i += 1) this.showHint({ save: false });
    if (record.solution || record.passed) this.revealSolution({ save: false });
    if (record.passed) {
      this.summary("passed", "✓ You passed this exercise. Check again any time.");
    } else if (staleRecord(this.key, this.data.version)?.passed) {
      this.summary("changed", "This exercise has changed since you passed it: check your code again.");
    }
    this.updateHintButton();
  }

  summary(kind, text) {
    this.results.dataset.kind = kind;
    this.results.replaceChildren(el("p", { className: "course-exercise__summary", text }));
  }

  async runCheck() {
    if (!isEnabled(this.check) || this.panel.running) return;
    setEnabled(this.check, false);
    const code = this.panel.code();
    this.summary("running", "Checking your code…");
    const { panel } = this;
    const outcome = await panel
      .execute((handlers, options) => panel.runner.check(this.data.id, code, handlers, options))
      .finally(() => setEnabled(this.check, true));
    if (!outcome) return;
    const { result, elapsedMs } = outcome;
    this.report(result, elapsedMs);
    panel.output.flush(); // what the report wrote shows at once, not a frame later
    const passed = result.status === "checked" && result.passed === true;
    const record = this.record;
    this.save({ attempts: record.attempts + (isAttempt(result) ? 1 : 0), passed: passed || record.passed });
    if (passed) {
      this.revealSolution();
      this.offerComparison(result.comparison);
    }
  }

  report(result, elapsedMs) {
    if (result.status !== "checked") {
      // Stopped, time limit, Python unavailable or crashed: the panel explains it.
      this.panel.report(result, elapsedMs);
      const why =
        {
          stopped: "You stopped the check before it finished.",
          timeout: `Your code ran for more than ${this.panel.timeoutMs / 1000} s: is there a loop that never ends?`,
        }[result.status] ?? `Python could not check your code (${result.message ?? result.status}).`;
      this.summary("failed", `✗ Not passed. ${why}`);
      return;
    }
    const checks = result.checks;
    const failed = checks.filter((item) => !item.passed && !item.skipped).length;
    const waiting = checks.filter((item) => item.skipped).length;
    const passedCount = checks.filter((item) => item.passed).length;
    if (result.starter) {
      // The unchanged starter runs no checks: nothing it passes would mean anything.
      this.panel.setStatus("✗ Still the starter code", "error");
      this.results.dataset.kind = "failed";
      this.results.replaceChildren(
        el("p", { className: "course-exercise__summary", text: `✗ Not passed yet: ${checks[0].message}` }),
      );
      return;
    }
    this.panel.setStatus(
      result.passed ? "✓ All checks pass" : `✗ ${passedCount} of ${checks.length} checks pass`,
      result.passed ? "ready" : "error",
    );
    if (result.error) this.panel.output.error(result.error);
    // The checker stops at the first failure: one mistake, one message; the rest wait for it.
    const after = waiting ? ` Fix it first: ${waiting} more check${waiting === 1 ? "" : "s"} will run after it.` : "";
    const summary = result.passed
      ? `✓ All ${checks.length} checks pass. Well done! Compare your code with the reference solution below.`
      : `✗ Not passed yet: ${failed} check${failed === 1 ? "" : "s"} failed.${after}`;
    this.results.dataset.kind = result.passed ? "passed" : "failed";
    this.results.replaceChildren(
      el("p", { className: "course-exercise__summary", text: summary }),
      el("ul", { className: "course-exercise__checks" }, ...checks.map((item) => this.checkItem(item))),
    );
  }

  checkItem(item) {
    const state = item.passed ? "passed" : item.skipped ? "skipped" : "failed";
    const symbol = { passed: "✓", failed: "✗", skipped: "○" }[state];
    const li = el(
      "li",
      { className: `course-exercise__result course-exercise__result--${state}`, dataset: { state } },
      el("span", { className: "course-exercise__symbol", "aria-hidden": "true", text: symbol }),
      el("span", {
        className: "course-sr-only",
        text: `${{ passed: "Passed", failed: "Failed", skipped: "Not checked" }[state]}: `,
      }),
      el("span", { className: "course-exercise__check-name", text: item.name }),
    );
    if (item.message) li.append(el("span", { className: "course-exercise__message", text: item.message }));
    if (item.call) {
      const step = button("Step through this call", "course-panel__button course-exercise__step", () =>
        this.panel.stepThrough({ call: item.call }),
      );
      step.title = `Run ${item.call} line by line, on your code`;
      li.append(" ", step);
    }
    if (item.details) {
      li.append(
        el(
          "details",
          { className: "course-exercise__details" },
          el("summary", { text: "Traceback" }),
          el("pre", { text: item.details }),
        ),
      );
    }
    return li;
  }

  showHint({ save = true, announce = false } = {}) {
    const next = this.hints.find((hint) => hint.hidden);
    if (!next) return;
    next.hidden = false;
    const shown = this.hints.filter((hint) => !hint.hidden).length;
    if (save) this.save({ hints: shown });
    if (announce) this.announcer.textContent = `Hint ${shown} of ${this.hints.length}: ${next.textContent}`;
    this.updateHintButton();
  }

  updateHintButton() {
    const shown = this.hints.filter((hint) => !hint.hidden).length;
    const left = shown < this.hints.length;
    setEnabled(this.hintButton, left);
    this.hintButton.title = left ? `Hint ${shown + 1} of ${this.hints.length}` : "No more hints";
  }

  async askSolution() {
    if (!isEnabled(this.solutionButton)) return;
    if (this.record.attempts === 0) {
      this.help.textContent =
        "Try it first: change the code and press Check once. The solution is here after one real attempt.";
      return;
    }
    const yes = await confirmDialog({
      title: "Show the solution?",
      message:
        "You learn most by getting there yourself: try a hint first? Your own code stays in the editor either way.",
      confirm: "Show solution",
      cancel: "Not yet",
    });
    if (yes) {
      this.revealSolution();
      this.solution.focus({ preventScroll: true });
    }
  }

  revealSolution({ save = true } = {}) {
    if (!this.solution) {
      const use = button("Put the solution in the editor", "course-exercise__use", () => this.useSolution());
      this.solutionActions = el("div", { className: "course-exercise__solution-actions" }, use);
      this.solution = el(
        "div",
        { className: "course-exercise__solution", tabindex: "-1", role: "group", "aria-label": "Reference solution" },
        el("p", { className: "course-exercise__solution-title", text: "Reference solution" }),
        el("pre", {}, el("code", { className: "language-python", text: this.data.solution })),
        this.solutionActions,
      );
      this.help.before(this.solution);
    }
    this.help.textContent = ""; // "Try it first" no longer applies once the solution is shown
    setEnabled(this.solutionButton, false);
    if (save) this.save({ solution: true });
  }

  /** After a pass: the code that passed beside the reference, from Python (coursekit.compare). */
  offerComparison(comparison) {
    if (!comparison) return;
    if (!this.comparison) {
      this.comparison = new Comparison(`course-compare-${this.data.id}`);
      this.solutionActions.prepend(this.comparison.button);
      this.solutionActions.after(this.comparison.view);
    }
    this.comparison.update(comparison);
  }

  useSolution() {
    if (!this.panel.editor) return;
    this.panel.editor.setCode(this.data.solution);
    this.panel.setStatus(
      "The solution is in the editor. Press Ctrl+Z in the editor to get your own code back.",
      "ready",
    );
  }
}

export function mountExercise(root) {
  const exercise = new Exercise(root);
  exercise.panel.mountEditor().catch((error) => {
    exercise.panel.setStatus(
      `Error: the editor could not load (${error.message}). You can still read the code above.`,
      "error",
    );
  });
  return exercise;
}
