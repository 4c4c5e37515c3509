// The learner's progress: one record per quiz, recall prompt and exercise,
// kept with web/src/storage.js under the course's prefix. A record carries the
// version of the widget it answers (written by the build), so a quiz or an
// exercise that has changed since shows no stale result.
//
//   quiz:<page>/<id or n>   {version, answer, correct, solved}
//   recall:<page>/<id or n> {version, text, revealed, rating}
//   exercise:<id>           {version, passed, attempts, hints, solution}
//   parsons:<id>            {version, passed, attempts, arrangement} (web/src/parsons/arrangement.js)
//   code:<panel id>         the code in a panel's editor (saved by the panel)
//   card:<quiz or recall key> a review card, scheduled by FSRS (web/src/review/)
import { PREFIX, load, save } from "../storage.js";
import { readRuntimeMeta } from "../runner/config.js";
import { EXPORT_FORMAT, ProgressFileError, readProgressFile } from "./progress-file.js";

const listeners = new EventTarget();

/** The record saved under `key` if it answers this `version`, else null. */
export function loadRecord(key, version) {
  const record = load(key);
  return record && typeof record === "object" && record.version === version ? record : null;
}

/** A record saved under `key` for another version of the widget (it changed since). */
export function staleRecord(key, version) {
  const record = load(key);
  return record && typeof record === "object" && record.version !== version ? record : null;
}

/** Save a record for this version; returns false when the browser refuses. */
export function saveRecord(key, version, record) {
  const saved = save(key, { ...record, version });
  changed();
  return saved;
}

export function changed() {
  listeners.dispatchEvent(new Event("change"));
}

/** Call `listener` whenever progress changes; it returns false to stop listening. */
export function onChange(listener) {
  const wrapped = () => {
    if (listener() === false) listeners.removeEventListener("change", wrapped);
  };
  listeners.addEventListener("change", wrapped);
}

/** Whether an item of the progress index (a quiz, recall prompt or exercise) is done. */
export function itemDone(item) {
  const record = loadRecord(item.key, item.version);
  if (!record) return false;
  if (item.kind === "quiz") return record.solved === true;
  if (item.kind === "recall") return Boolean(record.rating);
  if (item.kind === "exercise" || item.kind === "parsons") return record.passed === true;
  return false;
}

/**
 * Counts per kind for a lesson (the optional items apart), and whether it is
 * complete: it asks something, and every item the build did not mark optional
 * is done (coursesite.progress).
 */
export function lessonStatus(lesson) {
  const counts = {};
  const optional = {};
  for (const item of lesson.items) {
    const into = item.optional ? optional : counts;
    into[item.kind] ||= { done: 0, total: 0 };
    into[item.kind].total += 1;
    if (itemDone(item)) into[item.kind].done += 1;
  }
  const required = lesson.items.filter((item) => !item.optional);
  const complete = required.length > 0 && required.every(itemDone);
  return { counts, optional, complete };
}

// --- the index the build wrote: what each lesson contains -----------------

let indexURL = null;
let index = null;

/** Where the build wrote progress.json (resolved once, from the first page's meta). */
export function progressIndexURL() {
  if (!indexURL) {
    const meta = readRuntimeMeta();
    indexURL = new URL(`${meta?.assets ?? "assets/course/"}progress.json`, document.baseURI);
  }
  return indexURL;
}

/** The lessons and their items (fetched once). */
export function fetchIndex() {
  index ||= fetch(progressIndexURL()).then((response) => {
    if (!response.ok) throw new Error(`progress.json answered ${response.status}`);
    return response.json();
  });
  index.catch(() => (index = null)); // try again next time
  return index;
}

/** The site's root URL (progress.json is in <root>/assets/course/). */
export function siteRoot() {
  return new URL("../../", progressIndexURL());
}

// --- export, import, reset ----------------------------------------------------

function ownKeys() {
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
  } catch {
    // storage disabled: nothing to list
  }
  return keys;
}

/** Everything the course keeps in this browser, as an object to save to a file. */
export function exportAll() {
  const items = {};
  for (const key of ownKeys()) items[key.slice(PREFIX.length)] = load(key.slice(PREFIX.length));
  return { format: EXPORT_FORMAT, prefix: PREFIX, exported: new Date().toISOString(), items };
}

/**
 * Read a progress file back in (adding to and overwriting what is there);
 * returns how many items, and why its review schedule was left out if it was
 * (`scheduleProblem`: the schedule here is then kept as it is). The file is
 * checked whole first, and if the browser refuses to store part of it, what
 * was there before is put back: an import either happens entirely or leaves
 * progress exactly as it was.
 */
export function importAll(text) {
  const file = readProgressFile(text, { prefix: PREFIX });
  const items = new Map([...file.items, ...file.cards]);
  const before = new Map([...items.keys()].map((key) => [key, rawValue(key)]));
  for (const [key, value] of items) {
    if (!save(key, value)) {
      for (const [oldKey, oldValue] of before) restoreRaw(oldKey, oldValue);
      throw new ProgressFileError("this browser refused to store the progress (storage is off or full)");
    }
  }
  changed();
  return { count: items.size, scheduleProblem: file.scheduleProblem };
}

function rawValue(key) {
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function restoreRaw(key, value) {
  try {
    if (value === null) localStorage.removeItem(PREFIX + key);
    else localStorage.setItem(PREFIX + key, value);
  } catch {
    // the old value fitted before, so it fits again once the new one is removed
  }
}

/** Remove every answer, rating, pass and saved code of the course. */
export function resetAll() {
  for (const key of ownKeys()) localStorage.removeItem(key);
  changed();
}
