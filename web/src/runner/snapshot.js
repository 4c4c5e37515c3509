// The worker's memory snapshot of Python, kept in Cache Storage: after a boot
// that found none, a worker of its own makes one (Python started, the course's
// packages imported, no learner code ever run: snapshot-maker.js) and every
// later boot restores it instead of starting Python from scratch (Pyodide's
// experimental `_makeSnapshot` / `_loadSnapshot`).
//
// A snapshot is stored under its key (the exact Pyodide version, a hash of
// its python_stdlib.zip and of the course's package zip: see the course
// plugin), with the SHA-256 of its bytes. Anything wrong — no Cache Storage,
// a quota, a missing, old or corrupt entry — means a plain boot, never an
// error: these functions only ever say so on console.debug.
const CACHE = "course-python-snapshot";
// Restoring keeps the snapshot's hash seed (Python cannot change it once
// started): make a new snapshot, with a new seed, at least this often.
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const DIGEST = "x-course-sha256";
const MADE = "x-course-made";

/** Where the snapshot for `key` is kept: beside the course's package, so two courses on one host keep theirs. */
function entryURL(key, packageURL) {
  return new URL(`python-snapshot-${encodeURIComponent(key)}`, packageURL).href;
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function quietly(what, error) {
  console.debug(`Python snapshot: ${what}; Python starts without it.`, error);
}

/** Whether this worker can keep a snapshot at all. */
export function canKeepSnapshots(key) {
  return Boolean(key && globalThis.caches && globalThis.crypto?.subtle);
}

/**
 * The stored snapshot for `key`, or null if there is none to use: {bytes}, a
 * promise of its bytes for loadPyodide's `_loadSnapshot` (read while Pyodide
 * loads), which rejects if they are not the bytes that were stored.
 */
export async function findSnapshot(key, packageURL) {
  if (!canKeepSnapshots(key)) return null;
  try {
    const cache = await caches.open(CACHE);
    const url = entryURL(key, packageURL);
    const response = await cache.match(url);
    if (!response) return null;
    if (!(Date.now() - Number(response.headers.get(MADE)) < MAX_AGE_MS)) {
      await cache.delete(url);
      return null;
    }
    const expected = response.headers.get(DIGEST);
    const bytes = response.arrayBuffer().then(async (buffer) => {
      if ((await sha256(buffer)) !== expected) throw new Error("the stored snapshot is corrupt");
      return new Uint8Array(buffer);
    });
    bytes.catch(() => {}); // reported where loadPyodide awaits it
    return { bytes };
  } catch (error) {
    quietly("none could be read", error);
    return null;
  }
}

/** Keep `bytes` as the snapshot for `key`, in place of any other of this course's; whether it was kept. */
export async function saveSnapshot(key, packageURL, bytes) {
  try {
    const cache = await caches.open(CACHE);
    const url = entryURL(key, packageURL);
    const ours = entryURL("", packageURL);
    for (const request of await cache.keys()) {
      if (request.url.startsWith(ours) && request.url !== url) await cache.delete(request);
    }
    const headers = {
      "content-type": "application/octet-stream",
      [DIGEST]: await sha256(bytes),
      [MADE]: `${Date.now()}`,
    };
    await cache.put(url, new Response(bytes, { headers }));
    return true;
  } catch (error) {
    quietly("it could not be stored", error);
    return false;
  }
}

/** Forget the snapshot for `key` (it could not be restored). */
export async function forgetSnapshot(key, packageURL) {
  try {
    await (await caches.open(CACHE)).delete(entryURL(key, packageURL));
  } catch (error) {
    quietly("it could not be removed", error);
  }
}
