// Everything the course keeps in the learner's browser lives under one
// prefix, so it can be exported, imported and reset as a whole. The site's
// part comes from the build (the plugin's storage_prefix, or the site's name),
// so two courses on one host keep their learners' progress apart.
import { readRuntimeMeta } from "./runner/config.js";

function sitePrefix() {
  try {
    return readRuntimeMeta()?.storage || "course";
  } catch {
    return "course"; // a page without readable settings: still one prefix of its own
  }
}

export const PREFIX = `${sitePrefix()}:v1:`;

function parse(text) {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null; // a value we cannot read: start fresh
  }
}

export function load(key) {
  try {
    return parse(localStorage.getItem(PREFIX + key));
  } catch {
    return null; // storage disabled: start fresh
  }
}

const isQuotaError = (error) =>
  error?.name === "QuotaExceededError" || error?.name === "NS_ERROR_DOM_QUOTA_REACHED" || error?.code === 22;

/**
 * Save a value (null or undefined removes it). Returns "ok", "full" (the
 * browser has no room left; worth trying again later) or "off" (the browser
 * does not let this site keep anything).
 */
export function store(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, JSON.stringify(value));
    return "ok";
  } catch (error) {
    return isQuotaError(error) ? "full" : "off";
  }
}

/** Save a value; returns false when the browser refuses (private mode, full). */
export function save(key, value) {
  return store(key, value) === "ok";
}

/** Whether this browser lets the course read what it keeps at all. */
export function storageEnabled() {
  try {
    localStorage.getItem(PREFIX);
    return true;
  } catch {
    return false;
  }
}

/**
 * Call listener(key, value) when another tab changes one of our keys (the
 * browser fires `storage` events in every other tab of the site). After a
 * clear() the key is null. Returns a function that stops listening.
 */
export function onChangedElsewhere(listener) {
  const handler = (event) => {
    if (event.key === null) listener(null, null);
    else if (event.key.startsWith(PREFIX)) listener(event.key.slice(PREFIX.length), parse(event.newValue));
  };
  globalThis.addEventListener("storage", handler);
  return () => globalThis.removeEventListener("storage", handler);
}
