// A live panel: moving a number (dragging it, Alt+arrow keys, or a slider)
// re-runs the code as it moves.
//
// Re-run rules: the latest value always runs. A run in flight finishes, the
// values it missed are dropped and the code runs once more with the text as it
// is then, so the final value is never skipped. Code that takes longer than
// SLOW_MS switches live updates off (Run still works, and a quick Run turns
// them back on); a run slowed by a snapshot being made beside it does not.
// While a number moves, the output region is marked busy and the status line
// holds still; the outcome is announced once, when it settles.
import { EditorView } from "@codemirror/view";
import { Gesture, moved, scrubbing } from "./scrub.js";
import { Sliders } from "./sliders.js";

export const SLOW_MS = 500;

const HINT =
  "Live code: drag a number sideways, or put the cursor on it and press Alt+↑ / Alt+↓ " +
  "(with Shift: ten steps), and the code runs again.";

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

export class LivePanel {
  constructor(panel) {
    this.panel = panel;
    this.enabled = true;
    this.wanted = false; // a run is wanted after the one in flight
    this.pumping = false;
    this.gestures = 0; // gestures under way
    this.settled = null; // what to announce when the runs catch up
    const specs = JSON.parse(panel.section.dataset.sliders || "[]");
    this.sliders = specs.length ? new Sliders(specs, this) : null;
    this.note = document.createElement("p");
    this.note.className = "course-live__note";
    this.note.setAttribute("aria-live", "polite"); // says so when live updates go off or on
    this.note.textContent = HINT;
    const bar = document.createElement("div");
    bar.className = "course-live";
    bar.append(this.note);
    if (this.sliders) bar.append(this.sliders.element);
    panel.editorHost.before(bar);
    panel.section.classList.add("course-panel--live");
  }

  /** The editor extensions that make numbers move and sliders follow the code. */
  extensions() {
    return [
      scrubbing(this),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        this.sliders?.sync(update.state);
        // A number moved, a change undone or redone, or the code reset (or taken from another tab).
        const rerun = update.transactions.some(
          (tr) => tr.annotation(moved) || ["undo", "redo", "input.reset"].some((event) => tr.isUserEvent(event)),
        );
        if (rerun) this.request();
      }),
    ];
  }

  attach(view) {
    this.view = view;
    this.sliders?.sync(view.state);
    this.runWhenSeen();
  }

  /** Run once when the panel first comes into view, so its picture is there without a click. */
  runWhenSeen() {
    if (typeof IntersectionObserver === "undefined") return this.request();
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      if (!this.panel.everRan) this.runUnasked();
    });
    observer.observe(this.panel.section);
  }

  /** The run nobody asked for (the panel came into view): its output is not read out. */
  runUnasked() {
    this.panel.output.element.setAttribute("aria-live", "off");
    this.quietUntilSettled = true;
    this.request();
  }

  begin(view, literal, source, name = "") {
    this.gestures += 1;
    if (this.gestures === 1) {
      this.panel.output.element.setAttribute("aria-busy", "true");
      this.panel.holdStatus();
    }
    return new Gesture(view, literal, {
      source,
      onEnd: (changed) => this.gestureEnded(view, literal, name, changed),
    });
  }

  beginSlider(literal, name) {
    return this.begin(this.view, literal, "slider", name);
  }

  finish(gesture) {
    gesture.end();
  }

  gestureEnded(view, literal, name, changed) {
    this.gestures = Math.max(0, this.gestures - 1);
    if (changed) this.settled = this.describe(view, literal, name);
    if (this.gestures === 0 && !this.pumping) this.announce();
  }

  /** "w1 = 0.7", or the line the number is on. */
  describe(view, literal, name) {
    const line = view.state.doc.lineAt(Math.min(literal.from, view.state.doc.length));
    if (name) return `${name} = ${this.sliderText(name)}`;
    const text = line.text.trim();
    return `line ${line.number}: ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`;
  }

  sliderText(name) {
    const slider = this.sliders?.sliders.find((each) => each.name === name);
    return slider ? slider.value.textContent : "";
  }

  announce() {
    this.panel.output.element.removeAttribute("aria-busy");
    if (this.quietUntilSettled) {
      this.quietUntilSettled = false;
      this.panel.output.element.setAttribute("aria-live", "polite");
    }
    this.panel.releaseStatus(this.settled ? `${this.settled} · ` : "");
    this.settled = null;
  }

  /** Ask for a run with the code as it is (the latest value wins). */
  request() {
    if (!this.enabled) return;
    this.wanted = true;
    if (!this.pumping) this.pump();
  }

  async pump() {
    this.pumping = true;
    try {
      while (this.wanted && this.enabled) {
        this.wanted = false;
        await this.panel.idle(); // a Run or a Check of the learner's goes first, reported
        const first = !this.panel.everRan;
        const outcome = await this.panel.runLive();
        if (!outcome) this.wanted = true;
        else if (!first) this.judgeSpeed(outcome); // a panel's first run may include Python's imports
      }
    } finally {
      this.pumping = false;
    }
    if (this.gestures === 0) this.announce();
  }

  judgeSpeed({ elapsedMs, result, shared }) {
    // Only a run that ran says how fast the code is (not one Python could not even start), and not one
    // that shared the machine with a second Python booting to make a snapshot (a first visit's first seconds).
    if (!["ok", "error", "timeout"].includes(result.status) || (shared && result.status !== "timeout")) return;
    const tooSlow = elapsedMs > SLOW_MS || result.status === "timeout";
    if (tooSlow && this.enabled) {
      this.enabled = false;
      this.wanted = false;
      this.setNote(`Live updates are off: this code takes ${seconds(elapsedMs)} to run. Press Run to update.`, "off");
    }
  }

  /** A Run the learner pressed: quick code turns live updates back on. */
  userRunFinished({ elapsedMs, result }) {
    if (!this.enabled && result.status === "ok" && elapsedMs <= SLOW_MS) {
      this.enabled = true;
      this.setNote(`Live updates are on again. ${HINT}`, "");
    }
  }

  setNote(text, kind) {
    this.note.textContent = text;
    this.note.dataset.kind = kind;
  }
}
