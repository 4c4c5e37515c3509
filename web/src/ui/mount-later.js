// Widgets out of view, brought to life later. On a page with code, Python
// boots while the page renders, and both share the learner's few cores: every
// editor, formula and widget set up at load is time taken from the first Run.
// So what is in view (or near it) comes to life at once, and the rest when it
// nears the view or, once Python is ready, in the page's idle moments, in page
// order, so that it is all there a moment later whether seen or not.
//
// Only widgets with nothing to press or type into before they are set up wait
// (course.js). Once every widget of the page is set up, the page marks
// "course:all-set-up", and says so on its root element too, as
// data-course-set-up="all" (read by the tests, also under a fake clock, which
// replaces the page's performance marks).
//
// (On this project's two-core test machine, the first result of a warm visit
// to lesson 1, median of 12 interleaved rounds: 1081 ms with every widget set
// up at load, 999 ms so, quizzes then waiting too; whether they wait made no
// difference, 18 rounds: 942 and 920 ms.)
const NEAR = "100% 0px"; // within one screen above or below the view
const SLICE_MS = 8; // go on mounting while an idle period has this much left
// On a page that is never idle, the idle callback comes on its timeout, with no
// time left: it then goes on mounting for this long, so that the rest still
// comes a moment later (a few such slices), not one widget a second.
const BUSY_MS = 50;
const IDLE_TIMEOUT_MS = 1000;

/**
 * Set up each of `widgets` ([element, mount] pairs, in page order) once: when
 * its element nears the view, or after `quiet` settles, at idle. (One whose
 * page was left meanwhile, by an instant navigation, is skipped.)
 */
export function mountLater(widgets, quiet) {
  const waiting = new Map(widgets);
  const observer = globalThis.IntersectionObserver
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) if (entry.isIntersecting) mountNow(entry.target);
        },
        { rootMargin: NEAR },
      )
    : null;
  function mountNow(element) {
    const mount = waiting.get(element);
    if (!mount) return;
    waiting.delete(element);
    observer?.unobserve(element);
    if (element.isConnected) mount(element);
  }
  for (const element of waiting.keys()) observer?.observe(element);
  const step = (deadline) => {
    const until = performance.now() + BUSY_MS;
    const more = () => (deadline.didTimeout ? performance.now() < until : deadline.timeRemaining() > SLICE_MS);
    do {
      const [next] = waiting.keys();
      if (!next) return allSetUp(observer);
      mountNow(next);
    } while (more());
    atIdle(step);
  };
  Promise.resolve(quiet).finally(() => atIdle(step));
}

function allSetUp(observer) {
  observer?.disconnect();
  performance.mark("course:all-set-up");
  document.documentElement.dataset.courseSetUp = "all";
}

function atIdle(step) {
  if (globalThis.requestIdleCallback) requestIdleCallback(step, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(() => step({ didTimeout: true, timeRemaining: () => 0 }), 0);
}
