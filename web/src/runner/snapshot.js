// The worker's memory snapshot of Python, kept in the origin private file
// system: after a boot that found none, a worker of its own makes one (Python
// started, the course's packages imported, no learner code ever run:
// snapshot-maker.js) and every later boot restores it instead of starting
// Python from scratch (Pyodide's experimental `_makeSnapshot` / `_loadSnapshot`).
//
// Why not Cache Storage: a worker reads a file here through a synchronous
// access handle, straight from disk. The same 31 MB from Cache Storage came
// through the browser process, which a loading page keeps busy: 150-400 ms on
// the boot's critical path, against tens of ms here.
//
// A snapshot is a file named by its key (the exact Pyodide version, a hash of
// its python_stdlib.zip.gz and of the course's package zip: see the course
// plugin), in a folder of the course's own (two courses on one host keep
// theirs). It holds the memory, then the standard library's zip that Python
// reads its modules from (stdlib.js: a restored boot then neither fetches nor
// inflates it), after a header: when it was made, the memory's length, and
// the SHA-256 of each part. Anything wrong (no such file system, a quota, a file
// another tab holds, a missing, old or corrupt snapshot) means a plain boot,
// never an error: these functions only ever say so on console.debug.
const FOLDER = "course-python-snapshot";
// Restoring keeps the snapshot's hash seed (Python cannot change it once
// started): make a new snapshot, with a new seed, at least this often.
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const HEADER_BYTES = 512; // {"made", "length", "sha256", "stdlib"} as JSON, padded with spaces
const PARTIAL = ".partial"; // a file being written: it is renamed once complete

function fileName(key) {
  return `python-${encodeURIComponent(key)}`;
}

/** The course's folder: one per package folder URL, so two courses on one host keep theirs. */
async function courseFolder(packageURL) {
  const root = await navigator.storage.getDirectory();
  const all = await root.getDirectoryHandle(FOLDER, { create: true });
  return all.getDirectoryHandle(encodeURIComponent(new URL("./", packageURL).href), { create: true });
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
  const file = globalThis.FileSystemFileHandle?.prototype;
  return Boolean(
    key &&
    globalThis.navigator?.storage?.getDirectory &&
    file?.createSyncAccessHandle &&
    file?.move &&
    globalThis.crypto?.subtle,
  );
}

/** A file's bytes: through a synchronous access handle, or as a Blob where another tab holds one. */
async function readFile(handle) {
  const access = await handle.createSyncAccessHandle().catch(() => null);
  if (!access) return new Uint8Array(await (await handle.getFile()).arrayBuffer());
  try {
    const bytes = new Uint8Array(access.getSize());
    access.read(bytes, { at: 0 });
    return bytes;
  } finally {
    access.close();
  }
}

/**
 * The stored snapshot for `key`, or null if there is none to use: {bytes,
 * stdlib}, promises of the memory's bytes (for loadPyodide's `_loadSnapshot`)
 * and of the standard library's zip, each of which rejects if they are not the
 * bytes that were stored.
 */
export async function findSnapshot(key, packageURL) {
  if (!canKeepSnapshots(key)) return null;
  try {
    const folder = await courseFolder(packageURL);
    const handle = await folder.getFileHandle(fileName(key)).catch(() => null);
    if (!handle) return null;
    const file = await readFile(handle);
    const header = JSON.parse(new TextDecoder().decode(file.subarray(0, HEADER_BYTES)));
    if (!(Date.now() - Number(header.made) < MAX_AGE_MS)) {
      await folder.removeEntry(fileName(key));
      return null;
    }
    const end = HEADER_BYTES + Number(header.length);
    return {
      bytes: checked(file.subarray(HEADER_BYTES, end), header.sha256),
      stdlib: checked(file.subarray(end), header.stdlib),
    };
  } catch (error) {
    quietly("none could be read", error);
    return null;
  }
}

/** A promise of `bytes`, which rejects if their SHA-256 is not `expected`. */
function checked(bytes, expected) {
  const promise = sha256(bytes).then((digest) => {
    if (digest !== expected) throw new Error("the stored snapshot is corrupt");
    return bytes;
  });
  promise.catch(() => {}); // reported where it is awaited
  return promise;
}

/** The snapshot's file: its header, the memory, the standard library. */
async function withHeader(bytes, stdlib) {
  const [memoryDigest, stdlibDigest] = await Promise.all([sha256(bytes), sha256(stdlib)]);
  const fields = { made: Date.now(), length: bytes.length, sha256: memoryDigest, stdlib: stdlibDigest };
  const header = new TextEncoder().encode(JSON.stringify(fields));
  const file = new Uint8Array(HEADER_BYTES + bytes.length + stdlib.length).fill(0x20, 0, HEADER_BYTES);
  file.set(header);
  file.set(bytes, HEADER_BYTES);
  file.set(stdlib, HEADER_BYTES + bytes.length);
  return file;
}

/**
 * Keep `bytes` (the memory) and `stdlib` (the standard library's zip it was
 * made with) as the snapshot for `key`, in place of any other of this
 * course's; whether it was kept.
 */
export async function saveSnapshot(key, packageURL, bytes, stdlib) {
  try {
    const folder = await courseFolder(packageURL);
    const name = fileName(key);
    // Room first: a snapshot for an older version of the course (or a write cut short) goes before this one comes.
    const old = [];
    for await (const entry of folder.keys()) old.push(entry);
    for (const entry of old) await folder.removeEntry(entry).catch(() => {});
    const partial = await folder.getFileHandle(name + PARTIAL, { create: true });
    const access = await partial.createSyncAccessHandle();
    try {
      const file = await withHeader(bytes, stdlib);
      access.truncate(0);
      if (access.write(file, { at: 0 }) !== file.length) throw new Error("the disk took only part of it");
      access.flush();
    } finally {
      access.close();
    }
    await partial.move(name); // whole, or not there at all
    return true;
  } catch (error) {
    quietly("it could not be stored", error);
    return false;
  }
}

/** Forget the snapshot for `key` (it could not be restored). */
export async function forgetSnapshot(key, packageURL) {
  try {
    await (await courseFolder(packageURL)).removeEntry(fileName(key));
  } catch (error) {
    quietly("it could not be removed", error);
  }
}
