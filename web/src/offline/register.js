// The site's service worker (web/sw/sw.js), registered with workbox-window:
// - offline after one visit: it precaches the whole site;
// - cross-origin isolation on a plain static host: every response it serves
//   carries COOP/COEP, so from the next page load on, Stop can interrupt Python
//   instead of restarting it. A first visit is not isolated and is not reloaded
//   to become so: the learner's first result comes first;
// - updates on the learner's word: a new version waits, the banner offers
//   Reload, and only then does it take over (so a page never mixes versions).
import { readRuntimeMeta } from "../runner/config.js";
import { showUpdateBanner } from "./banner.js";

let started = false;
let workbox = null;

/** The service worker's URL from the page's course-runtime meta, or null (mkdocs serve, or no meta). */
export function serviceWorkerURL(doc = document) {
  const meta = readRuntimeMeta(doc);
  if (!meta?.offline) return null;
  return new URL(meta.offline, new URL(meta.assets, doc.baseURI)).href;
}

function listen(wb) {
  let asked = false; // the learner chose Reload: the new worker's takeover reloads this page
  const takeOver = () => {
    asked = true;
    wb.messageSkipWaiting();
  };
  wb.addEventListener("waiting", () => showUpdateBanner(takeOver));
  wb.addEventListener("controlling", (event) => {
    if (!event.isUpdate) return; // the first worker: it serves this page's next requests, offline too
    if (asked) location.reload();
    else showUpdateBanner(() => location.reload()); // another tab let the new version in
  });
}

function pageLoaded() {
  return new Promise((resolve) =>
    document.readyState === "complete" ? resolve() : addEventListener("load", resolve, { once: true }),
  );
}

/**
 * Register the service worker once the page has loaded and `pythonBooted` has
 * settled (Python ready, or failed): the precache then takes Pyodide from the
 * HTTP cache the page has just filled instead of downloading it again, and it
 * never competes with the learner's first run for the network.
 */
export async function startOffline({ pythonBooted = Promise.resolve() } = {}) {
  const url = serviceWorkerURL();
  if (started || !url || !("serviceWorker" in navigator) || !globalThis.isSecureContext) return;
  started = true;
  await Promise.all([pageLoaded(), pythonBooted.catch(() => {})]);
  const { Workbox } = await import("workbox-window");
  workbox = new Workbox(url, { scope: new URL("./", url).href });
  listen(workbox);
  try {
    if (!(await workbox.register())) throw new Error("no registration");
  } catch (error) {
    console.warn("The course cannot work offline here (its service worker was refused):", error);
  }
}

/** Ask for a newer version (after an instant navigation, which the browser does not count as one). */
export function checkForUpdate() {
  workbox?.update().catch(() => {});
}
