// A code panel: editor, Run / Stop / Reset, a status line and an output area.
// The build writes a <section class="course-panel"> holding the starter code
// in a <pre>; this turns it into a working panel (and the <pre> stays readable
// if anything here fails).
import { getRunner } from "../runner/index.js";
import { STATE } from "../runner/client.js";
import { OutputArea } from "./output.js";
import { load, store, storageEnabled, onChangedElsewhere } from "../storage.js";

const SAVE_DELAY_MS = 300;
const RETRY_MS = 3000; // while the storage is full, try again this often
const loadEditor = () => import("../editor/editor.js");
// Panels holding an edit not yet saved, those of a page just left by instant
// navigation too: a panel mounting saves them first, so that it never reads
// an older copy than the one the page left behind still had.
const unsavedPanels = new Set();

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

const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? "");

export class Panel {
  constructor(section) {
    this.section = section;
    this.id = section.dataset.panelId;
    this.starterPre = section.querySelector(".course-panel__starter");
    this.starter = this.starterPre.textContent.replace(/\n$/, "");
    this.running = false;
    this.editor = null;
    this.runner = getRunner();
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
    this.stopButton = button("Stop", "course-panel__stop");
    this.resetButton = button("Reset", "course-panel__reset", "Restore the starter code (undo with Ctrl+Z)");
    toolbar.append(this.runButton, this.stopButton, this.resetButton);
    this.runButton.addEventListener("click", () => this.run());
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

    this.editorHost = document.createElement("div");
    this.editorHost.className = "course-panel__editor";
    this.starterPre.after(this.editorHost);
    this.section.append(toolbar, this.status, this.storageNote, output);
    this.section.classList.add("course-panel--mounted");
  }

  async mountEditor() {
    for (const panel of unsavedPanels) panel.saveNow();
    const saved = load(this.storageKey);
    const { createEditor } = await loadEditor();
    const label = this.section.getAttribute("aria-label") || "Code";
    this.savedCode = typeof saved === "string" ? saved : this.starter; // what the storage holds, as far as we know
    this.unsaved = null; // the text still to save, or null
    this.editor = createEditor({
      parent: this.editorHost,
      doc: this.savedCode,
      label: `${label}: Python code`,
      onRun: () => this.run(),
      onChange: (code) => this.applyingOtherTab || this.scheduleSave(code),
    });
    this.starterPre.hidden = true;
    this.watchStorage();
  }

  code() {
    return this.editor ? this.editor.getCode() : this.starter;
  }

  // --- saving the learner's edits -------------------------------------------
  //
  // Each edit is saved 300 ms later, or at once when the page is hidden or
  // left. If the storage is full, the text stays in the editor, the panel says
  // so, and the save is tried again every few seconds, on the next edit and
  // when the page is hidden or left. If the storage is off, the panel says
  // once that edits will not be kept. A page back from the back/forward cache
  // reads the stored copy again (another tab may have changed it meanwhile).
  //
  // Two tabs on one lesson: when another tab saves this panel's code, a tab
  // with nothing unsaved takes the new text (one undoable change). A tab with
  // unsaved edits keeps its own text but stops trying to save it, so the other
  // tab's newer copy is not replaced behind the learner's back: the learner's
  // next edit here saves this tab's text (the last edit wins).

  watchStorage() {
    if (!storageEnabled()) {
      this.showStorageNote("Your edits will not be kept in this browser: it does not let this site store anything.");
      this.storageOff = true;
      return;
    }
    // Leaving or hiding the page saves at once what is still unsaved (the page
    // may be closed before the debounced save comes round).
    this.flushSave = () => this.saveNow();
    this.onHidden = () => document.visibilityState === "hidden" && this.flushSave();
    // Back from the back/forward cache: another tab may have saved this panel meanwhile.
    this.onShown = (event) => event.persisted && this.section.isConnected && this.rereadSaved();
    globalThis.addEventListener("pagehide", this.flushSave);
    globalThis.addEventListener("pageshow", this.onShown);
    document.addEventListener("visibilitychange", this.onHidden);
    this.stopWatching = onChangedElsewhere((key, value) => {
      if (!this.section.isConnected) this.unwatchStorage();
      else if (key === null || key === this.storageKey)
        this.takeOtherTabsCode(typeof value === "string" ? value : this.starter);
    });
  }

  unwatchStorage() {
    this.stopWatching?.();
    globalThis.removeEventListener("pagehide", this.flushSave);
    globalThis.removeEventListener("pageshow", this.onShown);
    document.removeEventListener("visibilitychange", this.onHidden);
  }

  /** Take the stored copy if it is not the one this tab last knew of. */
  rereadSaved() {
    const saved = load(this.storageKey);
    const code = typeof saved === "string" ? saved : this.starter;
    if (code !== this.savedCode) this.takeOtherTabsCode(code);
  }

  scheduleSave(code) {
    this.unsaved = code;
    this.conflict = false;
    unsavedPanels.add(this);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  saveNow() {
    clearTimeout(this.saveTimer);
    unsavedPanels.delete(this);
    if (this.unsaved === null || this.conflict || this.storageOff) return;
    const code = this.unsaved;
    const result = store(this.storageKey, code === this.starter ? null : code);
    if (result === "ok") {
      this.savedCode = code;
      this.unsaved = null;
      this.stopRetrying();
      this.showStorageNote("");
    } else if (result === "full") {
      unsavedPanels.add(this);
      this.showStorageNote(
        "Your edits could not be saved: this browser's storage is full. " +
          "They stay here while the page is open; they will be saved when there is room.",
        "error",
      );
      this.retryTimer ||= setInterval(() => this.retry(), RETRY_MS);
    } else {
      this.storageOff = true;
      this.stopRetrying();
      this.showStorageNote("Your edits will not be kept in this browser: it does not let this site store anything.");
    }
  }

  retry() {
    if (!this.section.isConnected && this.unsaved === null) this.stopRetrying();
    else this.saveNow();
  }

  stopRetrying() {
    clearInterval(this.retryTimer);
    this.retryTimer = null;
  }

  /** Another tab saved `code` for this panel. */
  takeOtherTabsCode(code) {
    if (!this.editor) return;
    this.savedCode = code;
    if (code === this.editor.getCode()) {
      this.unsaved = null; // the same text: nothing left to save
      this.conflict = false;
      this.stopRetrying();
      this.showStorageNote("");
    } else if (this.unsaved === null) {
      this.applyingOtherTab = true;
      try {
        this.editor.setCode(code);
      } finally {
        this.applyingOtherTab = false;
      }
      this.showStorageNote(
        `Updated with your edits from another tab (${isMac ? "⌘" : "Ctrl"}+Z in the editor to undo).`,
      );
    } else {
      clearTimeout(this.saveTimer);
      this.stopRetrying();
      this.conflict = true;
      this.showStorageNote(
        "This code was also changed in another tab. Your text here is kept; " +
          "your next edit here saves it in place of the other tab's.",
      );
    }
  }

  showStorageNote(text, kind = "warning") {
    this.storageNote.textContent = text;
    this.storageNote.dataset.kind = kind;
    this.storageNote.hidden = !text;
  }

  setStatus(text, kind = "") {
    this.status.textContent = text;
    this.status.dataset.kind = kind;
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
    const code = this.code();
    const outcome = await this.execute((handlers, options) => this.runner.runCode(code, handlers, options));
    if (!outcome) return;
    this.report(outcome.result, outcome.elapsedMs);
    this.output.flush(); // what the report wrote shows at once, not a frame later
  }

  /**
   * Send one request to Python (a Run, or an exercise's Check) with this
   * panel's output area, Stop button and time limit: `send(handlers, options)`
   * calls one of the runner's verbs. Resolves with {result, elapsedMs}, or null
   * if the panel was busy; the caller shows how it ended.
   */
  async execute(send) {
    if (this.running) return null;
    performance.mark("course:run-start"); // run marks are read by benchmarks/runtime.py
    this.setRunning(true);
    this.output.clear();
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
    };
    try {
      const result = await send(handlers, { timeoutMs: this.timeoutMs });
      return { result, elapsedMs: performance.now() - startedAt };
    } finally {
      this.output.flush();
      performance.mark("course:run-end");
      this.setRunning(false);
    }
  }

  setRunning(running) {
    this.running = running;
    setEnabled(this.runButton, !running);
    setEnabled(this.stopButton, running);
  }

  report(result, elapsedMs) {
    const restarted = result.restarted ? " Python was restarted, so it is loading again." : "";
    switch (result.status) {
      case "ok":
        this.setStatus(`Ready (ran in ${(elapsedMs / 1000).toFixed(2)} s)`, "ready");
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
    if (this.running) this.runner.stop("stopped");
  }

  reset() {
    if (!this.editor || this.editor.getCode() === this.starter) return;
    this.editor.setCode(this.starter);
    this.setStatus(`Starter code restored. Press ${isMac ? "⌘" : "Ctrl"}+Z in the editor to undo.`, "ready");
  }
}

export function mountPanel(section) {
  const panel = new Panel(section);
  panel.mountEditor().catch((error) => {
    panel.setStatus(`Error: the editor could not load (${error.message}). You can still read the code above.`, "error");
  });
  return panel;
}
