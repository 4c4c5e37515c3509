// The site's service worker (web/sw/sw.js), registered with workbox-window:
// - offline after one visit: it precaches the whole site;
// - cross-origin isolation on a plain static host: the first time it takes
//   control of a page that is not isolated, the page reloads once, and is then
//   served with COOP/COEP (Stop can then interrupt Python instead of restarting it);
// - updates on the learner's word: a new version waits, the banner offers
//   Reload, and only then does it take over (so a page never mixes versions).
import { RELOADED, reloadComing, serviceWorkerURL } from "./first-visit.js";
import { showUpdateBanner } from "./banner.js";

let workbox = null;
let waitingPython = null; // starts Python if the first visit's reload does not come

/** Whether Python should wait: this first visit reloads once the service worker is in. */
export function pythonWaits() {
  return Boolean(waitingPython);
}

function startPython() {
  const start = waitingPython;
  waitingPython = null;
  start?.();
}

function reloadOnceForIsolation(pythonStarted) {
  if (globalThis.crossOriginIsolated || sessionStorage.getItem(RELOADED) || pythonStarted()) return startPython();
  sessionStorage.setItem(RELOADED, "1");
  location.reload();
}

function listen(wb, pythonStarted) {
  let asked = false; // the learner chose Reload: the new worker's takeover reloads this page
  const takeOver = () => {
    asked = true;
    wb.messageSkipWaiting();
  };
  wb.addEventListener("waiting", () => showUpdateBanner(takeOver));
  wb.addEventListener("redundant", startPython); // its install failed: no reload is coming
  wb.addEventListener("controlling", (event) => {
    if (!event.isUpdate) reloadOnceForIsolation(pythonStarted);
    else if (asked) location.reload();
    else showUpdateBanner(() => location.reload()); // another tab let the new version in
  });
}

function pageLoaded() {
  return new Promise((resolve) =>
    document.readyState === "complete" ? resolve() : addEventListener("load", resolve, { once: true }),
  );
}

/**
 * Register the service worker. On a first visit that will reload, it starts
 * at once and `bootPython` waits for the reload (or runs if none comes);
 * otherwise after the page has loaded. `pythonStarted()` says whether the
 * learner already started Python (then no reload interrupts them).
 */
export async function startOffline({ bootPython, pythonStarted }) {
  const url = serviceWorkerURL();
  if (workbox || !url || !("serviceWorker" in navigator) || !globalThis.isSecureContext) return;
  if (reloadComing()) waitingPython = bootPython;
  else await pageLoaded();
  const { Workbox } = await import("workbox-window");
  workbox = new Workbox(url, { scope: new URL("./", url).href });
  listen(workbox, pythonStarted);
  try {
    const registration = await workbox.register();
    if (!registration) throw new Error("no registration");
    if (!registration.installing) startPython(); // no new worker on its way: no takeover, no reload
  } catch (error) {
    console.warn("The course cannot work offline here (its service worker was refused):", error);
    startPython();
  }
}

/** Ask for a newer version (after an instant navigation, which the browser does not count as one). */
export function checkForUpdate() {
  workbox?.update().catch(() => {});
}
