// A Parsons problem's arrangement: the lines in the learner's program, in
// order, each with its indent, and the lines set aside (out of the program).
// Plain data, changed by these functions only; the widget draws it.
//
//   {program: [{line, indent}], aside: [{line, indent}]}
//
// `line` indexes the problem's lines (as the build sent them); Python checks
// the program (coursekit.parsons), so nothing here judges right or wrong.

export const ZONES = ["program", "aside"];

/** The arrangement the learner starts from: every line in the program, shuffled, unindented. */
export function initial(data) {
  return { program: data.order.map((line) => ({ line, indent: 0 })), aside: [] };
}

/** A saved arrangement if it still fits the problem (every line once, indents in range), else null. */
export function restored(saved, data) {
  if (!saved || !Array.isArray(saved.program) || !Array.isArray(saved.aside)) return null;
  const all = [...saved.program, ...saved.aside];
  const seen = new Set();
  for (const item of all) {
    const ok =
      Number.isInteger(item?.line) &&
      item.line >= 0 &&
      item.line < data.lines.length &&
      Number.isInteger(item.indent) &&
      item.indent >= 0 &&
      item.indent <= data.maxIndent &&
      !seen.has(item.line);
    if (!ok) return null;
    seen.add(item.line);
  }
  if (seen.size !== data.lines.length) return null;
  const copy = (items) => items.map(({ line, indent }) => ({ line, indent }));
  return { program: copy(saved.program), aside: copy(saved.aside) };
}

/** Where line `line` is: {zone, index, item}. */
export function locate(state, line) {
  for (const zone of ZONES) {
    const index = state[zone].findIndex((item) => item.line === line);
    if (index >= 0) return { zone, index, item: state[zone][index] };
  }
  return null;
}

/** Put line `line` at `index` of `zone` (clamped); returns whether anything changed. */
export function place(state, line, zone, index) {
  const from = locate(state, line);
  if (!from) return false;
  const target = Math.max(0, Math.min(index, state[zone].length - (from.zone === zone ? 1 : 0)));
  if (from.zone === zone && from.index === target) return false;
  state[from.zone].splice(from.index, 1);
  state[zone].splice(target, 0, from.item);
  return true;
}

/** Move line `line` by `delta` places within its zone; returns whether it moved. */
export function shift(state, line, delta) {
  const from = locate(state, line);
  return Boolean(from) && place(state, line, from.zone, from.index + delta);
}

/** Set line `line`'s indent (clamped to 0..maxIndent); returns whether it changed. */
export function indentTo(state, line, indent, maxIndent) {
  const from = locate(state, line);
  const value = Math.max(0, Math.min(maxIndent, indent));
  if (!from || from.item.indent === value) return false;
  from.item.indent = value;
  return true;
}

/** Set a line aside (to the end of the set-aside lines), or put it back (at the end of the program). */
export function toggleAside(state, line) {
  const from = locate(state, line);
  if (!from) return null;
  const zone = from.zone === "program" ? "aside" : "program";
  place(state, line, zone, state[zone].length);
  return zone;
}
