// Number literals in the code, found with the Python syntax tree CodeMirror
// already has: where each one is, its value, the step it moves by, and the
// one top-level line `name = <number>` a slider is bound to.
import { ensureSyntaxTree, syntaxTree } from "@codemirror/language";

// The literals that can be moved: plain decimal integers and decimals, such
// as 2, 0.5, .25 or 3. (not 1e-3, 0x10, 1_000 or 2j).
const MOVABLE = /^(\d+\.?\d*|\.\d+)$/;

function tree(state) {
  return ensureSyntaxTree(state, state.doc.length, 100) ?? syntaxTree(state);
}

/**
 * The literal a Number node stands for: {from, to, value, decimals}, with a
 * unary minus or plus in front taken in (`-1.0` is one literal), or null if
 * it cannot be moved.
 */
function literalOf(state, numberNode) {
  const text = state.sliceDoc(numberNode.from, numberNode.to);
  if (!MOVABLE.test(text)) return null;
  const dot = text.indexOf(".");
  const decimals = dot < 0 ? 0 : Math.max(1, text.length - dot - 1);
  let { from } = numberNode;
  let value = Number(text);
  const parent = numberNode.parent;
  if (parent?.name === "UnaryExpression" && parent.lastChild?.from === numberNode.from) {
    const sign = state.sliceDoc(parent.from, parent.firstChild.to);
    if (sign === "-" || sign === "+") {
      from = parent.from;
      if (sign === "-") value = -value;
    }
  }
  return { from, to: numberNode.to, value, decimals };
}

/** Every movable literal in the code, in order. */
export function literals(state) {
  const found = [];
  tree(state).iterate({
    enter(node) {
      if (node.name !== "Number") return;
      const literal = literalOf(state, node.node);
      if (literal) found.push(literal);
    },
  });
  return found;
}

/** The movable literal at or touching `pos`, or null. */
export function literalAt(state, pos) {
  for (const side of [1, -1]) {
    let node = tree(state).resolveInner(pos, side);
    if (node.name === "ArithOp" && node.parent?.name === "UnaryExpression") node = node.parent.lastChild;
    if (node.name === "UnaryExpression") node = node.lastChild;
    if (node?.name === "Number") {
      const literal = literalOf(state, node);
      if (literal) return literal;
    }
  }
  return null;
}

/** The step a literal moves by: 1 for 2, 0.1 for 0.5, 0.01 for 0.25. */
export function stepOf(literal) {
  return 10 ** -literal.decimals;
}

/** `value` written with the literal's precision, never as "-0.0". */
export function formatLike(literal, value) {
  const text = value.toFixed(literal.decimals);
  return Number(text) === 0 ? text.replace("-", "") : text;
}

// The names a top-level statement sets: `a = …`, `a, b = …`, `a += …`, `a: int = …`.
function namesSet(state, statement) {
  const names = [];
  for (let child = statement.firstChild; child; child = child.nextSibling) {
    if (child.name === "AssignOp" || child.name === "UpdateOp" || child.name === "TypeDef") {
      if (child.name === "TypeDef" && !statement.getChild("AssignOp")) return [];
      break;
    }
    if (child.name === "VariableName") names.push({ name: state.sliceDoc(child.from, child.to), node: child });
  }
  return names;
}

/**
 * Where the slider for `name` is bound: {literal} for the one top-level line
 * `name = <number>`, else {problem} saying why there is none.
 */
export function assignment(state, name) {
  const lines = [];
  for (let statement = tree(state).topNode.firstChild; statement; statement = statement.nextSibling) {
    if (statement.name !== "AssignStatement" && statement.name !== "UpdateStatement") continue;
    for (const set of namesSet(state, statement)) if (set.name === name) lines.push({ statement, target: set.node });
  }
  if (lines.length === 0) return { problem: `the code no longer sets ${name}` };
  if (lines.length > 1) return { problem: `the code sets ${name} more than once, so the slider cannot tell which` };
  const { statement, target } = lines[0];
  const value = target.nextSibling?.name === "AssignOp" ? target.nextSibling.nextSibling : null;
  const number = value?.name === "UnaryExpression" ? value.lastChild : value;
  const rest = value?.nextSibling;
  const alone = !rest || rest.name === "Comment";
  const literal = number?.name === "Number" && alone && statement.name === "AssignStatement";
  const found = literal ? literalOf(state, number) : null;
  if (!found) return { problem: `${name} is not set to a plain number (as in ${name} = 0.5)` };
  return { literal: found };
}
