// Entry point: mount every widget on the page (on a page with code, those out
// of view once Python is ready: ui/mount-later.js), and again after each of
// Material's instant navigations (document$ emits the new document).
import { mountPanel } from "./panel/panel.js";
import { getRunner, pageNeedsPython } from "./runner/index.js";
import { mountMath } from "./math/math.js";
import { mountQuiz } from "./quiz/quiz.js";
import { mountRecall } from "./quiz/recall.js";
import { mountExercise } from "./exercise/exercise.js";
import { mountParsons } from "./parsons/parsons.js";
import { mountProgress } from "./progress/progress.js";
import { mountReview } from "./review/review.js";
import { mountReviewDue } from "./review/due-count.js";
import { mountNavProgress } from "./progress/nav.js";
import { mountScrollRegion } from "./ui/scroll-regions.js";
import { saveAllEdits } from "./panel/saved-edits.js";
import { flushDebounced } from "./ui/dom.js";
import { mountLater } from "./ui/mount-later.js";
import { listenForSearch, searchNow } from "./search/search-now.js";
import { readRuntimeMeta } from "./runner/config.js";
import { checkForUpdate, startOffline } from "./offline/register.js";

// One table maps a selector to the function that brings it to life; `later`:
// out of view, it may wait while Python starts (ui/mount-later.js). Only the
// costly ones wait (an editor, KaTeX), none with anything to press before it is
// set up: a quiz shuffles its options as it is set up, which must not happen
// under a learner's click.
const MOUNTS = [
  [".course-review", mountReview], // before the quizzes and prompts it gathers (review/review.js)
  [".course-review-due", mountReviewDue],
  [".course-panel", mountPanel, "later"],
  [".arithmatex", mountMath, "later"],
  [".course-quiz", mountQuiz],
  [".course-recall", mountRecall],
  [".course-exercise", mountExercise, "later"],
  [".course-parsons", mountParsons],
  [".course-progress", mountProgress],
  [".md-nav--primary", mountNavProgress],
  [".md-typeset__scrollwrap", mountScrollRegion],
];

const mountOne = (selector, mount) => (element) => {
  try {
    mount(element);
  } catch (error) {
    console.error(`Could not set up ${selector}:`, error);
  }
};

// Every widget not yet set up; with `pythonStarting` (a promise), those that
// may wait (all but the page's first code panel) come to life in view first,
// and the rest once Python is ready and has answered the Runs clicked meanwhile.
function mountAll(pythonStarting) {
  const later = [];
  const firstPanel = document.querySelector(".course-panel"); // where a learner's first Run most likely is
  for (const [selector, mount, when] of MOUNTS) {
    for (const element of document.querySelectorAll(selector)) {
      if (element.dataset.mounted) continue;
      element.dataset.mounted = "true";
      if (pythonStarting && when === "later" && element !== firstPanel)
        later.push([element, mountOne(selector, mount)]);
      else mountOne(selector, mount)(element);
    }
  }
  mountLater(later, pythonStarting);
}

// Pages with code start Python in the background at once, so the first Run is
// quick. The build says which pages those are, in the course-runtime meta tag;
// after an instant navigation that tag is the new page's (Material swaps the
// <head> tags that differ before document$ emits).
// Returns the boot's promise (settled when Python is ready or has failed), or undefined.
function bootIfNeeded() {
  if (pageNeedsPython())
    return getRunner()
      .boot()
      .catch(() => {});
}

// This script loads async: on a page with code Python starts booting before the
// page has even finished parsing. Widgets mount once the document is ready.
// The service worker comes after Python (offline/register.js).
startOffline({ pythonBooted: bootIfNeeded() });

function start() {
  listenForSearch(new URL(readRuntimeMeta()?.assets ?? ".", document.baseURI));
  const mountPage = () => {
    // The page just left may still hold an edit or an answer waiting for its
    // debounced save: saved now, before this page shows (or exports) progress.
    saveAllEdits();
    flushDebounced();
    const settled = bootIfNeeded() && getRunner().settled();
    mountAll(settled);
    Promise.resolve(settled).then(searchNow);
    checkForUpdate();
  };
  if (globalThis.document$?.subscribe) globalThis.document$.subscribe(mountPage);
  else mountPage();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
