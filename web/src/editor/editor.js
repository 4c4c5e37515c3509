// The code panel's editor: CodeMirror 6 with our own trimmed copy of the
// basicSetup extensions, Python, a Mod-Enter run key, and colours taken from
// Material's CSS variables so it follows the light and dark palettes.
import { EditorState, Prec } from "@codemirror/state";
import {
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLineGutter,
  highlightSpecialChars,
  drawSelection,
  highlightActiveLine,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle, indentUnit } from "@codemirror/language";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { python } from "@codemirror/lang-python";
import { tags as t } from "@lezer/highlight";
import { wrappedLineIndent } from "./wrap-indent.js";

const hl = (name) => `var(--md-code-hl-${name}-color)`;

const materialHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: hl("keyword") },
  { tag: [t.string, t.special(t.string)], color: hl("string") },
  { tag: [t.number, t.bool, t.null], color: hl("number") },
  { tag: [t.comment, t.lineComment], color: hl("comment"), fontStyle: "italic" },
  {
    tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))],
    color: hl("function"),
  },
  { tag: [t.className, t.definition(t.className)], color: hl("constant") },
  { tag: [t.operator, t.compareOperator, t.arithmeticOperator], color: hl("operator") },
  { tag: [t.punctuation, t.paren, t.squareBracket, t.brace], color: hl("punctuation") },
  { tag: [t.self, t.special(t.variableName)], color: hl("special") },
  { tag: t.invalid, color: "var(--md-typeset-del-color, #c00)" },
]);

const materialTheme = EditorView.theme({
  "&": {
    color: "var(--md-code-fg-color)",
    backgroundColor: "var(--md-code-bg-color)",
    fontSize: "0.85em",
  },
  ".cm-content": { fontFamily: "var(--md-code-font-family)", caretColor: "var(--md-code-fg-color)" },
  ".cm-scroller": { fontFamily: "var(--md-code-font-family)", lineHeight: "1.5" },
  ".cm-gutters": {
    backgroundColor: "var(--md-code-bg-color)",
    color: "var(--md-default-fg-color--light)",
    border: "none",
  },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--md-code-hl-color--light, rgba(128,128,128,.1))" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--md-code-fg-color)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--md-code-hl-color, rgba(100,150,255,.3))",
  },
  ".cm-matchingBracket": { outline: "1px solid var(--md-accent-fg-color)" },
});

/**
 * Create an editor in `parent`. Options: doc (the code), label (accessible
 * name), onRun() for Mod-Enter, onChange(code) after every edit, extensions
 * (more CodeMirror extensions, such as a live panel's number scrubbing).
 */
export function createEditor({ parent, doc, label, onRun, onChange, extensions = [] }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        syntaxHighlighting(materialHighlight),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        python(),
        materialTheme,
        EditorView.lineWrapping, // no sideways scrolling on a phone (and no unreachable scroll region)
        wrappedLineIndent, // a wrapped line continues indented under its own start, not at column 0
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun?.(), true) }])),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange?.(update.state.doc.toString());
        }),
        extensions,
      ],
    }),
  });
  return {
    view,
    getCode: () => view.state.doc.toString(),
    /** Replace the whole text as one undoable change of its own. */
    setCode(code) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: code },
        annotations: isolateHistory.of("full"),
        userEvent: "input.reset",
      });
    },
    focus: () => view.focus(),
  };
}
