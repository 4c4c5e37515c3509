// A page's setup code (the ```panel setup fence: coursekit.page_setup). The
// build writes it once, read-only, in <details class="course-setup">; every
// panel of the page runs after it, so the code comes from that one element.
// With `shared`, the element names the page's one namespace (data-page), which
// the worker keeps from run to run.
import { NO_SETUP } from "../runner/protocol.js";

/**
 * The setup of the page `section` is on, as the runner's runCode and trace take it.
 * None for an exercise's panel: its Check runs the learner's code alone, so its Run does too.
 */
export function pageSetup(section) {
  if (section.closest(".course-exercise")) return NO_SETUP;
  const element = (section.closest(".md-content") ?? section.ownerDocument).querySelector(".course-setup");
  if (!element) return NO_SETUP;
  const code = element.querySelector(".course-setup__code code")?.textContent ?? "";
  return { code, page: element.dataset.shared === "true" ? element.dataset.page : null };
}
