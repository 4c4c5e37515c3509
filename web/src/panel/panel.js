// A code panel: editor, Run / Stop / Reset, a status line and an output area.
// The build writes a <section class="course-panel"> holding the starter code
// in a <pre>; this turns it into a working panel (and the <pre> stays readable
// if anything here fails).
import { getRunner } from "../runner/index.js";
import { STATE } from "../runner/client.js";
import { OutputArea } from "./output.js";
import { SavedEdits } from "./saved-edits.js";
import { pageSetup } from "./page-setup.js";
import { isMac } from "../ui/dom.js";

const loadEditor = () => import("../editor/editor.js");
const loadLive = () => import("../live/live.js");
const loadStepper = () => import("../stepper/stepper.js");
const loadPredict = () => import("../predict/predict.js");

function button(label, className, hint) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = `md-button course-panel__button ${className}`;
  element.textContent = label;
  if (hint) element.title = hint;
  return element;
}

function setEnabled(element, enabled) {
  // aria-disabled keeps the button focusable, so keyboard focus is never lost.
  element.setAttribute("aria-disabled", String(!enabled));
}

// The panels mounted so far. Instant navigation swaps the page without an
// event a panel hears: the next panel to mount releases those left behind.
const mounted = new Set();

export class Panel {
  constructor(section) {
    for (const panel of [...mounted]) if (!panel.section.isConnected) panel.release();
    mounted.add(this);
    this.section = section;
    this.id = section.dataset.panelId;
    this.starterPre = section.querySelector(".course-panel__starter");
    this.starter = this.starterPre.textContent.replace(/\n$/, "");
    this.running = false;
    this.finished = Promise.resolve(); // settles when the run in flight ends
    this.editor = null;
    this.runner = getRunner();
    this.edits = new SavedEdits(this);
    this.build();
    this.onRunnerState = () => this.showRunnerState();
    this.runner.addEventListener("state", this.onRunnerState);
    this.showRunnerState();
  }

  /** The panel's time limit (the fence's `timeout` option), read at each run. */
  get timeoutMs() {
    return Number(this.section.dataset.timeout || 10) * 1000;
  }

  get storageKey() {
    return `code:${this.id}`;
  }

  build() {
    const toolbar = document.createElement("div");
    toolbar.className = "course-panel__toolbar";
    this.runButton = button("Run", "course-panel__run", `Run (${isMac ? "⌘" : "Ctrl"}+Enter)`);
    this.stepButton = button("Step through", "course-panel__step", "Run line by line, then step back and forth");
    this.stopButton = button("Stop", "course-panel__stop");
    this.resetButton = button("Reset", "course-panel__reset", "Restore the starter code (undo with Ctrl+Z)");
    toolbar.append(this.runButton, this.stepButton, this.stopButton, this.resetButton);
    this.runButton.addEventListener("click", () => this.run());
    this.stepButton.addEventListener("click", () => this.stepThrough());
    this.stopButton.addEventListener("click", () => this.stop());
    this.resetButton.addEventListener("click", () => this.reset());
    setEnabled(this.stopButton, false);

    this.status = document.createElement("p");
    this.status.className = "course-panel__status";
    this.status.setAttribute("role", "status");
    // What happened to the learner's edits, when it is not the usual "saved":
    // a line of its own, so a run's status never hides it.
    this.storageNote = document.createElement("p");
    this.storageNote.className = "course-panel__status course-panel__storage";
    this.storageNote.setAttribute("aria-live", "polite");
    this.storageNote.hidden = true;

    const output = document.createElement("div");
    output.className = "course-output course-output--empty";
    output.setAttribute("role", "log");
    output.setAttribute("aria-live", "polite");
    output.setAttribute("aria-label", "Output");
    output.tabIndex = 0;
    this.output = new OutputArea(output);
    this.shownBuilt = this.showBuiltOutput(); // written before the output area is on the page: not read out

    this.editorHost = document.createElement("div");
    this.editorHost.className = "course-panel__editor";
    this.starterPre.after(this.editorHost);
    this.section.append(toolbar, this.status, this.storageNote, output);
    this.section.classList.add("course-panel--mounted");
  }

  /**
   * A live panel's output as the build's run of its starter code made it
   * (coursesite/built_output.py), shown from the start unless the learner has
   * a saved edit: the first run replaces it in place, so the page does not grow.
   */
  showBuiltOutput() {
    const built = this.section.dataset.builtOutput;
    if (!built) return false;
    if (this.edits.open() !== this.starter) return false; // the learner's own edit: its output comes with its run
    try {
      this.output.replay(JSON.parse(built));
      return true;
    } catch {
      this.output.clear(); // a page edited by hand: the first run shows the output
      return false;
    }
  }

  async mountEditor() {
    const [{ createEditor }, live, predict] = await Promise.all([
      loadEditor(),
      this.section.dataset.live && loadLive(),
      this.section.dataset.predict && loadPredict(),
    ]);
    if (live) this.live = new live.LivePanel(this);
    if (predict) this.predict = new predict.Predict(this); // asks "What will this print?" before the first Run
    const label = this.section.getAttribute("aria-label") || "Code";
    const doc = this.edits.open();
    if (this.shownBuilt && doc !== this.starter) this.output.clear(); // another tab saved an edit meanwhile
    this.editor = createEditor({
      parent: this.editorHost,
      doc,
      label: `${label}: Python code`,
      onRun: () => this.run(),
      onChange: (code) => {
        this.stepper?.leave();
        this.edits.changed(code);
      },
      extensions: this.live ? this.live.extensions() : [],
    });
    this.live?.attach(this.editor.view);
    this.starterPre.hidden = true;
    this.edits.watch();
  }

  code() {
    return this.editor ? this.editor.getCode() : this.starter;
  }

  /** Its page is gone: let go of the editor (CodeMirror listens on window and document) and the runner. */
  release() {
    mounted.delete(this);
    this.runner.removeEventListener("state", this.onRunnerState);
    this.editor?.view.destroy();
  }

  setStatus(text, kind = "") {
    this.shownStatus = { text, kind };
    if (this.statusHeld) return;
    this.status.textContent = text;
    this.status.dataset.kind = kind;
  }

  /** Keep the status line still (a live region) while a number moves. */
  holdStatus() {
    this.statusHeld = true;
  }

  /** Show the latest status again, once, after `prefix` ("w = 0.7 · "). */
  releaseStatus(prefix = "") {
    if (!this.statusHeld) return;
    this.statusHeld = false;
    const { text, kind } = this.shownStatus ?? { text: this.status.textContent, kind: "" };
    this.setStatus(`${prefix}${text}`, kind);
  }

  showRunnerState() {
    if (!this.section.isConnected && this.editor) {
      // The page moved on (instant navigation): stop listening.
      this.runner.removeEventListener("state", this.onRunnerState);
      return;
    }
    if (this.running) return;
    const { state, detail } = this.runner;
    // Python died on its own: say so in every panel until its next run.
    if (this.runner.notice) this.outcome = "Python stopped unexpectedly and was restarted";
    // After a Stop that restarted Python, say so until the next run.
    const prefix = this.outcome ? `${this.outcome} · ` : "";
    if (state === STATE.LOADING || state === STATE.IDLE) {
      // A step of Python's boot does not cover what the learner's own action just said (Reset's note).
      if (this.status.dataset.kind === "note") return;
      this.setStatus(`${prefix}Loading Python…${detail ? ` (${detail})` : ""}`, "loading");
    } else if (state === STATE.READY) {
      if (this.status.dataset.kind === "loading" || !this.status.textContent) {
        this.setStatus(`${prefix}Ready`, "ready");
        performance.mark("course:panel-ready");
      }
    } else if (state === STATE.BROKEN) {
      this.setStatus(
        `Error: Python could not load (${detail}). The lesson still reads fine; reload the page to try again.`,
        "error",
      );
    }
  }

  async run() {
    if (this.running && this.liveRun) return this.live.request(); // once more, when this one ends
    if (this.predict?.asking) return this.predict.runFromPanel();
    const code = this.code();
    const outcome = await this.execute((handlers, options) => this.sendRun(code, handlers, options), {
      report: ({ result, elapsedMs }) => this.report(result, elapsedMs),
    });
    if (outcome) this.live?.userRunFinished(outcome);
  }

  /**
   * Run the code line by line (or, with `call`, only that call of the code's
   * function), then show its steps (coursekit.tracing), or how it ended if none.
   */
  async stepThrough({ call = null } = {}) {
    if (this.running || !this.editor) return;
    const code = this.code();
    const [{ Stepper, stepStatus }, outcome] = await Promise.all([
      loadStepper(),
      this.execute((handlers, options) => {
        // How many steps the page holds, for the tests and make bench to wait on.
        const onRecorded = (count) => (this.section.dataset.stepsRecorded = count);
        onRecorded(0);
        return this.runner.trace(code, { ...handlers, onRecorded }, options, call, pageSetup(this.section));
      }),
    ]);
    if (!outcome) return;
    const { result } = outcome;
    // How it ended, as a Run says it, if it did not end by itself (a Stop, the time limit): its steps still show.
    if (!result.steps?.length || !["ok", "error"].includes(result.status)) this.report(result, outcome.elapsedMs);
    if (!result.steps?.length) return;
    this.stepper ||= new Stepper(this);
    this.stepper.show(result);
    this.setStatus(stepStatus(result), result.status === "error" ? "error" : "ready");
    if (document.activeElement === this.stepButton || call) this.stepper.next.focus();
  }

  /** The runner's Run of `code` as this panel's: after its page's setup code (page-setup.js). */
  sendRun(code, handlers, options) {
    return this.runner.runCode(code, handlers, options, pageSetup(this.section));
  }

  /** A live panel's run: its output replaces the last one in place. Resolves as execute() does. */
  async runLive() {
    if (this.running) return null;
    const code = this.code();
    this.liveRun = true;
    try {
      return await this.execute((handlers, options) => this.sendRun(code, handlers, options), {
        inPlace: true,
        report: ({ result, elapsedMs }) => this.report(result, elapsedMs),
      });
    } finally {
      this.liveRun = false;
      this.output.release();
    }
  }

  /** Resolves when no run or check is in flight. */
  idle() {
    return this.finished;
  }

  /**
   * Send one request to Python (a Run, or an exercise's Check) with this
   * panel's output area, Stop button and time limit: `send(handlers, options)`
   * calls one of the runner's verbs. Resolves with {result, elapsedMs, shared}
   * (null elapsedMs if Python never started it), or null if the panel was busy; the
   * caller shows how it ended, or `report(outcome)` does, before idle() settles.
   */
  async execute(send, { inPlace = false, report = null } = {}) {
    if (this.running) return null;
    this.stepper?.leave(); // a new run, a check or a new trace ends step mode
    performance.mark("course:run-start"); // run marks are read by benchmarks/runtime.py
    this.setRunning(true);
    this.stopping = new AbortController(); // Stop stops this request, even before it begins (not another panel's)
    this.everRan = true;
    let done;
    this.finished = new Promise((resolve) => (done = resolve));
    if (inPlace) this.output.hold();
    else this.output.clear();
    this.outcome = "";
    const waiting = this.runner.busy ? "Waiting for another panel to finish…" : "Running…";
    this.setStatus(this.runner.state === STATE.READY ? waiting : "Loading Python…", "running");
    let startedAt = 0;
    const handlers = {
      onStart: () => {
        startedAt = performance.now();
        this.setStatus("Running…", "running");
      },
      onOutput: (stream, text) => this.output.text(stream, text),
      onDisplay: (mime, data) => this.output.display(mime, data),
      onTruncated: (limit) => this.output.truncated(limit),
      onInput: inPlace ? undefined : (prompt) => this.askInput(prompt), // a live run's input() gets EOF
    };
    try {
      const result = await send(handlers, { timeoutMs: this.timeoutMs, signal: this.stopping.signal });
      // shared: a second Python booted beside this run (a first visit's snapshot), so its time says little about the code
      const outcome = {
        result,
        elapsedMs: startedAt ? performance.now() - startedAt : null,
        shared: Boolean(startedAt) && this.runner.sharedSince(startedAt),
      };
      // Reported before idle() settles, so whatever waits for this panel finds the report written.
      report?.(outcome);
      return outcome;
    } finally {
      this.output.closeInput();
      this.output.flush();
      performance.mark("course:run-end");
      this.setRunning(false);
      done();
    }
  }

  /** input() in the code: the output area asks; resolves with the answer, or null for the end of input. */
  async askInput(prompt) {
    this.setStatus("Waiting for your input…", "running");
    const answer = await this.output.ask(prompt);
    this.setStatus("Running…", "running");
    return answer;
  }

  setRunning(running) {
    this.running = running;
    setEnabled(this.runButton, !running);
    setEnabled(this.stepButton, !running);
    setEnabled(this.stopButton, running);
  }

  report(result, elapsedMs) {
    const restarted = result.restarted ? " Python was restarted, so it is loading again." : "";
    switch (result.status) {
      case "ok":
        this.setStatus(`Ready (ran in ${((elapsedMs ?? 0) / 1000).toFixed(2)} s)`, "ready");
        break;
      case "error":
        this.output.error(result.error);
        this.setStatus(`Error: ${result.type}${result.line ? ` on line ${result.line}` : ""}`, "error");
        break;
      case "stopped":
        this.output.note(`Stopped.${restarted}`);
        this.outcome = "Stopped";
        this.setStatus("Stopped", "stopped");
        break;
      case "timeout":
        this.output.note(
          `Stopped: your code ran for more than ${this.timeoutMs / 1000} s, the time limit of this panel. ` +
            `Is there a loop that never ends?${restarted}`,
        );
        this.outcome = "Stopped (time limit)";
        this.setStatus(this.outcome, "stopped");
        break;
      case "unavailable":
        this.setStatus(`Error: Python could not load (${result.message}). Reload the page to try again.`, "error");
        break;
      default:
        this.output.error(`Python stopped unexpectedly: ${result.message ?? result.status}`);
        this.setStatus("Error: Python stopped unexpectedly", "error");
    }
  }

  stop() {
    if (this.running) this.stopping.abort();
  }

  reset() {
    this.predict?.reset();
    if (!this.editor || this.editor.getCode() === this.starter) return;
    this.editor.setCode(this.starter);
    this.setStatus(`Starter code restored. Press ${isMac ? "⌘" : "Ctrl"}+Z in the editor to undo.`, "note");
  }
}

export function mountPanel(section) {
  const panel = new Panel(section);
  panel.mountEditor().catch((error) => {
    panel.setStatus(`Error: the editor could not load (${error.message}). You can still read the code above.`, "error");
  });
  return panel;
}
