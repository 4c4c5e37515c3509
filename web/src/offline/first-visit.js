// A first visit on a plain host: the service worker will precache the site
// (Pyodide included) and then reload the page once, cross-origin isolated.
// Python waits for that reload, so its files are downloaded once, by the
// precache, instead of once by the page and again by the service worker.
// Kept apart from register.js: preboot.js (inlined in every page's head) asks too.
import { readRuntimeMeta } from "../runner/config.js";

// sessionStorage: this tab already reloaded once for isolation (never loop).
export const RELOADED = "course-offline:isolation-reload";

/** The service worker's URL from the page's course-runtime meta, or null (mkdocs serve, or no meta). */
export function serviceWorkerURL(doc = document) {
  const meta = readRuntimeMeta(doc);
  if (!meta?.offline) return null;
  return new URL(meta.offline, new URL(meta.assets, doc.baseURI)).href;
}

/** Whether the page will reload once its service worker takes over (so Python should wait). */
export function reloadComing() {
  try {
    return Boolean(
      serviceWorkerURL() &&
      globalThis.isSecureContext &&
      "serviceWorker" in navigator &&
      !navigator.serviceWorker.controller &&
      !globalThis.crossOriginIsolated &&
      !sessionStorage.getItem(RELOADED),
    );
  } catch {
    return false; // storage refused, say: no reload, Python starts now
  }
}
