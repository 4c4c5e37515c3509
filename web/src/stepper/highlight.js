// The stepper's marks in the panel's own editor: a line decoration on the line
// about to run (a StateField set by a StateEffect), and Alt+Left/Right to step
// from inside the editor. Added to a mounted editor with StateEffect.appendConfig.
import { StateEffect, StateField, Prec } from "@codemirror/state";
import { Decoration, EditorView, keymap } from "@codemirror/view";

/** Highlight line `n` (1-based), or nothing with null. */
export const setStepLine = StateEffect.define();

const stepLine = Decoration.line({ class: "course-step-line", attributes: { "data-step-line": "" } });

/** Whether `line` is a line of `doc` (a trace's end step has none). */
const isLine = (doc, line) => Number.isInteger(line) && line >= 1 && line <= doc.lines;

const stepLineField = StateField.define({
  create: () => Decoration.none,
  update(decorations, transaction) {
    for (const effect of transaction.effects) {
      if (!effect.is(setStepLine)) continue;
      const line = effect.value;
      if (!isLine(transaction.state.doc, line)) return Decoration.none;
      return Decoration.set([stepLine.range(transaction.state.doc.line(line).from)]);
    }
    return transaction.docChanged ? Decoration.none : decorations;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The extension: the line field, and keys that call `keys.previous()` / `keys.next()` (true when they stepped). */
export function stepperExtension(keys) {
  return [
    stepLineField,
    Prec.high(
      keymap.of([
        { key: "Alt-ArrowLeft", run: () => keys.previous() },
        { key: "Alt-ArrowRight", run: () => keys.next() },
      ]),
    ),
  ];
}

/** Mark `line` in `view` (null: none), scrolled into view if it is not. */
export function showLine(view, line) {
  const effects = [setStepLine.of(line)];
  if (isLine(view.state.doc, line)) {
    effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" }));
  }
  view.dispatch({ effects });
}
