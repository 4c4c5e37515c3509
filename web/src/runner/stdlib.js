// Python's standard library, which the site ships as python_stdlib.zip.gz: one
// gzipped zip of stored entries, a quarter of a megabyte smaller to download
// than Pyodide's own zip of deflated entries (web/pyodide/build-pyodide.mjs).
// A boot with no snapshot fetches it the moment it knows so, and inflates it
// as it arrives, on the worker's thread (DecompressionStream), while Pyodide
// loads; a restored boot takes the snapshot's own copy (snapshot.js).
//
// Pyodide fetches its standard library itself, from `stdLibURL`, with the
// worker's `fetch`: for as long as loadPyodide runs, that one URL is answered
// with the inflated bytes. A host that sends the file already decoded (one that
// labels .gz files Content-Encoding: gzip) is served too: the bytes then start
// as a zip does, not as gzip does.
export const STDLIB_FILE = "python_stdlib.zip.gz";
const STDLIB_URL = "python_stdlib.zip"; // what Pyodide is told to fetch: never asked of the host

/** The standard library's zip, from `indexURL`: a promise of its bytes. */
export async function fetchStdlib(indexURL) {
  const response = await fetch(new URL(STDLIB_FILE, indexURL));
  if (!response.ok) throw new Error(`${STDLIB_FILE} answered ${response.status} ${response.statusText}`.trim());
  const { head, rest } = await peek(response.body, 2);
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const body = gzipped ? rest.pipeThrough(new DecompressionStream("gzip")) : rest;
  try {
    return new Uint8Array(await new Response(body).arrayBuffer());
  } catch {
    throw new Error(`${STDLIB_FILE} came damaged or cut short`); // (the browser says only "Failed to fetch")
  }
}

// The stream's first `count` bytes, and a stream of all of it (those included).
async function peek(stream, count) {
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  while (length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const head = new Uint8Array(Math.min(length, count));
  let at = 0;
  for (const chunk of chunks) {
    if (at >= head.length) break;
    head.set(chunk.subarray(0, head.length - at), at);
    at += Math.min(chunk.length, head.length - at);
  }
  const rest = new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(chunk));
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head, rest };
}

/**
 * Run `load` (which calls loadPyodide with the options given to it) with
 * Pyodide's request for its standard library answered by `bytes`.
 *
 * The boot awaits `bytes` itself and reports their failure: Pyodide is then
 * answered with an empty file, since a Pyodide the boot gave up on (a snapshot
 * found corrupt) would leave a rejected request that nothing handles.
 */
export async function withStdlib(bytes, indexURL, load) {
  const url = new URL(STDLIB_URL, indexURL).href;
  const own = self.fetch;
  const answer = (input, init) => {
    if (String(input?.url ?? input) !== url) return own(input, init);
    return bytes.then(
      (data) => new Response(data),
      () => new Response(new Uint8Array(0)),
    );
  };
  self.fetch = answer;
  try {
    return await load({ stdLibURL: url });
  } finally {
    if (self.fetch === answer) self.fetch = own;
  }
}
