// A wrapped line continues indented: one indent unit past the line's own
// indentation, instead of at column 0 (EditorView.lineWrapping alone starts
// every row at the left edge, which on a phone reads as broken indentation).
// Each visible line gets a hanging indent: padding-left moves all its rows
// right by its indentation plus one unit, and a negative text-indent brings
// the first row back. Built with the view, so the first paint has it.
// (codemirror-wrapped-line-indent does the same, but only after the first
// edit or scroll: it measures the line's padding before it decorates.)
import { countColumn, RangeSetBuilder } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin } from "@codemirror/view";
import { getIndentUnit } from "@codemirror/language";

const decorations = new Map(); // columns → the line decoration for them

function hang(columns) {
  if (!decorations.has(columns)) {
    const style = `--course-hang: ${columns}ch`;
    decorations.set(columns, Decoration.line({ class: "course-hang", attributes: { style } }));
  }
  return decorations.get(columns);
}

function hangingIndents(view) {
  const { state } = view;
  const builder = new RangeSetBuilder();
  const unit = getIndentUnit(state);
  let last = -1;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = state.doc.lineAt(pos);
      if (line.number !== last) {
        const lead = /^\s*/.exec(line.text)[0];
        builder.add(line.from, line.from, hang(countColumn(lead, state.tabSize) + unit));
        last = line.number;
      }
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const plugin = ViewPlugin.fromClass(
  class {
    constructor(view) {
      this.decorations = hangingIndents(view);
    }

    update(update) {
      const unitChanged = getIndentUnit(update.state) !== getIndentUnit(update.startState);
      if (update.docChanged || update.viewportChanged || unitChanged) this.decorations = hangingIndents(update.view);
    }
  },
  { decorations: (value) => value.decorations },
);

// 6px is the left padding CodeMirror gives every line.
const theme = EditorView.baseTheme({
  ".cm-line.course-hang": {
    paddingLeft: "calc(6px + var(--course-hang))",
    textIndent: "calc(-1 * var(--course-hang))",
  },
});

export const wrappedLineIndent = [plugin, theme];
