// Scrubbable numbers: in a live panel every number in the code can be dragged
// sideways, or moved with Alt+Up / Alt+Down (Alt+Shift: ten steps) with the
// cursor on it. One drag, one burst of keys or one slider move is one undo step.
import { Annotation, Prec, RangeSetBuilder } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, keymap } from "@codemirror/view";
import { isolateHistory } from "@codemirror/commands";
import { syntaxTree } from "@codemirror/language";
import { formatLike, literalAt, literals, stepOf } from "./literals.js";

const PX_PER_STEP = 4; // pointer travel for one step
const DRAG_THRESHOLD_PX = 3; // less than this is a click, which places the cursor
const KEYS_SETTLE_MS = 800; // a burst of Alt+arrow keys ends after this pause

/** Marks a change made by moving a number (not typed): the live panel re-runs on these. */
export const moved = Annotation.define();

const numberMark = Decoration.mark({
  class: "cm-course-number",
  attributes: { title: "Drag sideways, or press Alt+↑ / Alt+↓ with the cursor here, to change this number" },
});

function numberMarks(state) {
  const builder = new RangeSetBuilder();
  for (const literal of literals(state)) builder.add(literal.from, literal.to, numberMark);
  return builder.finish();
}

const marks = ViewPlugin.fromClass(
  class {
    constructor(view) {
      this.decorations = numberMarks(view.state);
    }
    update(update) {
      if (update.docChanged || syntaxTree(update.state) !== syntaxTree(update.startState))
        this.decorations = numberMarks(update.state);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/**
 * One gesture that moves one number, as one undo step: its first change opens
 * a new history event and the next ones join it. CodeMirror's history joins
 * any change labelled "input.type.compose" to the event before it, whatever
 * the time between them (a drag may pause); the end closes the event, so
 * typing afterwards is an undo step of its own.
 */
export class Gesture {
  constructor(view, literal, { onEnd, source }) {
    this.view = view;
    this.from = literal.from;
    this.to = literal.to;
    this.original = view.state.sliceDoc(literal.from, literal.to);
    this.literal = literal;
    this.value = literal.value; // where the number is now
    this.onEnd = onEnd;
    this.source = source;
    this.steps = 0;
  }

  /** Write `value` in place of the number (with its precision); false if the text is unchanged. */
  set(value) {
    const text = formatLike(this.literal, value);
    const { view } = this;
    this.value = value;
    if (text === view.state.sliceDoc(this.from, this.to)) return false;
    const head = view.state.selection.main.head;
    const keepCursor = head >= this.from && head <= this.to;
    const first = this.steps === 0;
    view.dispatch({
      changes: { from: this.from, to: this.to, insert: text },
      selection: keepCursor ? { anchor: this.from + Math.min(head - this.from, text.length) } : undefined,
      annotations: [moved.of(this.source), ...(first ? [isolateHistory.of("before")] : [])],
      userEvent: first ? "input.scrub" : "input.type.compose",
    });
    this.steps += 1;
    this.to = this.from + text.length;
    return true;
  }

  end() {
    const changed = this.view.state.sliceDoc(this.from, this.to) !== this.original;
    if (this.steps) this.view.dispatch({ annotations: isolateHistory.of("after") });
    this.onEnd?.(changed);
  }
}

function roundTo(value, decimals) {
  return Number(value.toFixed(decimals));
}

/** Pointer dragging of numbers (a click without a drag still places the cursor). */
function pointerScrubbing(live) {
  return EditorView.domEventHandlers({
    pointerdown(event, view) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.altKey) return false;
      if (!event.target.closest?.(".cm-course-number")) return false;
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
      const literal = pos === null ? null : literalAt(view.state, pos);
      if (!literal) return false;
      event.preventDefault(); // no text selection: this is a drag
      view.focus();
      followPointer(view, event, literal, pos, live);
      return true;
    },
  });
}

function followPointer(view, down, literal, pos, live) {
  const host = view.dom;
  host.setPointerCapture?.(down.pointerId);
  let gesture = null;
  const move = (event) => {
    const dx = event.clientX - down.clientX;
    if (!gesture && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    if (!gesture) {
      gesture = live.begin(view, literal, "pointer");
      host.classList.add("cm-course-scrubbing");
    }
    const steps = Math.trunc(dx / PX_PER_STEP) * (event.shiftKey ? 10 : 1);
    gesture.set(roundTo(literal.value + steps * stepOf(literal), literal.decimals));
  };
  const up = (event) => {
    host.removeEventListener("pointermove", move);
    host.removeEventListener("pointerup", up);
    host.removeEventListener("pointercancel", up);
    host.classList.remove("cm-course-scrubbing");
    if (gesture) live.finish(gesture);
    else if (event.type === "pointerup") view.dispatch({ selection: { anchor: pos } });
  };
  host.addEventListener("pointermove", move);
  host.addEventListener("pointerup", up);
  host.addEventListener("pointercancel", up);
}

/** Alt+Up / Alt+Down (Shift for ten steps) on the number at the cursor. */
function keyScrubbing(live) {
  let gesture = null;
  let timer = 0;
  const settle = () => {
    clearTimeout(timer);
    if (gesture) live.finish(gesture);
    gesture = null;
  };
  const nudge = (direction, times) => (view) => {
    const { main } = view.state.selection;
    const literal = main.empty ? literalAt(view.state, main.head) : null;
    if (!literal) return false; // Alt+arrow keeps its usual meaning elsewhere (move the line)
    if (gesture && (gesture.view !== view || gesture.from !== literal.from)) settle();
    gesture ||= live.begin(view, literal, "keys");
    const { decimals } = gesture.literal;
    gesture.set(roundTo(gesture.value + direction * times * stepOf(gesture.literal), decimals));
    clearTimeout(timer);
    timer = setTimeout(settle, KEYS_SETTLE_MS);
    return true;
  };
  return [
    Prec.highest(
      keymap.of([
        { key: "Alt-ArrowUp", run: nudge(1, 1) },
        { key: "Alt-ArrowDown", run: nudge(-1, 1) },
        { key: "Shift-Alt-ArrowUp", run: nudge(1, 10) },
        { key: "Shift-Alt-ArrowDown", run: nudge(-1, 10) },
      ]),
    ),
    EditorView.domEventHandlers({
      keyup: (event) => (event.key === "Alt" && settle(), false),
      blur: () => (settle(), false),
    }),
  ];
}

/**
 * The editor extensions of a live panel. `live` is the panel's side:
 * begin(view, literal, source) → a Gesture, finish(gesture).
 */
export function scrubbing(live) {
  return [marks, pointerScrubbing(live), keyScrubbing(live)];
}
