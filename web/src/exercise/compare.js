// "Compare with the reference", offered once an exercise passes: the code that
// passed and the reference solution as two labelled regions, one line per list
// item, side by side on a wide screen (rows kept level by a CSS subgrid) and
// one above the other on a phone. Python pairs the lines (coursekit.compare);
// this only draws them. A line that differs is marked by a sign (− yours,
// + the reference's), by <del>/<ins> with words for screen readers, and by a
// tint: never by colour alone.
import { button, el, srOnly } from "../ui/dom.js";

const SIDES = [
  // [side, title, sign, element, words for a line only here, words for a changed line]
  ["yours", "Your code (as it passed)", "−", "del", "only in yours: ", "differs: "],
  ["reference", "Reference solution", "+", "ins", "only in the reference: ", "differs: "],
];

function summary({ differences }) {
  if (differences === 0) return "Your code is the reference solution, line for line.";
  const lines = differences === 1 ? "1 line differs" : `${differences} lines differ`;
  return `${lines}: − marks a line of yours, + a line of the reference.`;
}

function line(row, [side, , sign, tag, only, changed]) {
  const here = row[side];
  if (!here) return el("li", { className: "course-compare__line course-compare__line--filler", "aria-hidden": "true" });
  const marked = row.kind !== "same";
  const text = marked
    ? el(tag, { className: "course-compare__text" }, srOnly(row.kind === "changed" ? changed : only), here.text)
    : el("span", { className: "course-compare__text", text: here.text });
  return el(
    "li",
    { className: `course-compare__line${marked ? ` course-compare__line--${side}` : ""}`, dataset: { kind: row.kind } },
    el("span", { className: "course-compare__number", "aria-hidden": "true", text: String(here.number) }),
    el("span", { className: "course-compare__sign", "aria-hidden": "true", text: marked ? sign : "" }),
    text,
  );
}

function sideView(comparison, spec, id) {
  const [side, title] = spec;
  const titleId = `${id}-${side}`;
  return el(
    "section",
    { className: `course-compare__side course-compare__side--${side}`, "aria-labelledby": titleId },
    el("p", { className: "course-compare__title", id: titleId, text: title }),
    el("ol", { className: "course-compare__lines" }, ...comparison.rows.map((row) => line(row, spec))),
  );
}

export class Comparison {
  constructor(id) {
    this.id = id;
    this.view = el("div", { className: "course-compare", id, hidden: true });
    this.button = button("Compare with the reference", "course-exercise__compare", () => this.toggle());
    this.button.setAttribute("aria-expanded", "false");
    this.button.setAttribute("aria-controls", id);
  }

  /** Draw a comparison from Python (the latest pass replaces the one before). */
  update(comparison) {
    const sides = el("div", { className: "course-compare__sides" });
    sides.style.setProperty("--course-compare-lines", String(comparison.rows.length));
    sides.append(...SIDES.map((spec) => sideView(comparison, spec, this.id)));
    this.view.replaceChildren(el("p", { className: "course-compare__summary", text: summary(comparison) }), sides);
  }

  toggle() {
    const open = this.view.hidden;
    this.view.hidden = !open;
    this.button.setAttribute("aria-expanded", String(open));
  }
}
