// What a Parsons problem's Check found, drawn from Python's answer
// (coursekit.parsons.check): a summary, where the program differs from the
// author's (a distractor used, the first line out of place or indented
// wrongly), then the checker's own checks, up to the first that failed.
import { el } from "../ui/dom.js";

const WHY = {
  stopped: "The check was stopped before it finished.",
  timeout: "The program ran for too long: is there a loop that never ends?",
};

/** A results area inside `element` (a polite status region): summary(), show(), clear(). */
export function showResult(element) {
  const summary = (kind, text) => {
    element.dataset.kind = kind;
    element.replaceChildren(el("p", { className: "course-parsons__summary", text }));
  };
  const show = (result) => {
    if (result.status !== "checked") {
      summary(
        "failed",
        `✗ Not solved. ${WHY[result.status] ?? `Python could not check it (${result.message ?? result.status}).`}`,
      );
      return;
    }
    if (result.passed) {
      summary("passed", "✓ Solved: your program passes every check.");
      return;
    }
    summary("failed", "✗ Not solved yet.");
    const placement = result.placement ?? [];
    if (placement.length) {
      element.append(
        el(
          "ul",
          { className: "course-parsons__placement", "aria-label": "Where your program differs" },
          ...placement.map((item) => el("li", { dataset: { kind: item.kind }, text: item.message })),
        ),
      );
    }
    const failed = result.checks.filter((item) => !item.passed && !item.skipped && !item.placement);
    if (failed.length) {
      element.append(
        el(
          "ul",
          { className: "course-parsons__checks", "aria-label": "Checks" },
          ...failed.map((item) =>
            el(
              "li",
              {},
              el("span", { className: "course-parsons__check-name", text: `${item.name}: ` }),
              el("span", { text: item.message }),
            ),
          ),
        ),
      );
    }
  };
  const clear = () => {
    delete element.dataset.kind;
    element.replaceChildren();
  };
  return { element, summary, show, clear };
}
