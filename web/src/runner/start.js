// Start a Python worker and ask it to boot. Used by preboot.js (inlined in the
// page's head, so Python starts loading while the page is still parsing) and
// by the client when it needs a fresh worker (after a Stop that terminated one,
// or when one died).
//
// The worker starts booting the moment its script has run: what it needs to
// know (where Pyodide and the course's packages are) comes as its name, so it
// does not wait for a message. (Chromium hands a worker the messages posted
// before it started through the page's main thread, which a loading page keeps
// busy: 50-130 ms on this project's test machine.) The port and the shared
// memory it answers through follow in the BOOT message.
//
// Two things keep the learner's code from fooling or escaping the page:
// - The worker is started from a blob: URL whose one line imports the real
//   worker script, so it inherits the page's Content-Security-Policy (a worker
//   started from its own URL gets its policy from response headers, which a
//   static host cannot set): a fetch to another host is refused by the browser.
// - The worker answers on a MessageChannel port it is given at boot and keeps
//   out of Python's reach, so a message that Python posts itself
//   (`js.postMessage(...)`) is never taken for a reply.
import { MSG } from "./protocol.js";
import { createInputChannel } from "./input-channel.js";

// The boot's settings travel as the worker's name, which its script can read
// the moment it runs (worker.js reads them, then renames itself).
function workerFromBlob(workerURL, settings) {
  const source = `import ${JSON.stringify(new URL(workerURL, globalThis.location?.href).href)};\n`;
  const blobURL = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    return new Worker(blobURL, { type: "module", name: JSON.stringify(settings) });
  } finally {
    // The worker has its own reference to the script's URL once it is constructed.
    setTimeout(() => URL.revokeObjectURL(blobURL), 60_000);
  }
}

/**
 * Returns {worker, port, interrupt, input, lock, early}: `early` collects the worker's
 * messages until someone sets port.onmessage. `lock` names the Web Lock the
 * worker holds for as long as it lives (see client.js).
 */
export function startWorker({
  workerURL,
  indexURL,
  packageURL,
  snapshotKey = null,
  packages = [],
  makeSnapshot = false,
}) {
  const lock = `course-python-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const worker = workerFromBlob(workerURL, { indexURL, packageURL, lock, snapshotKey, packages, makeSnapshot });
  const channel = new MessageChannel();
  const interrupt = globalThis.crossOriginIsolated ? new Uint8Array(new SharedArrayBuffer(1)) : null;
  const input = createInputChannel(); // input(), where isolated
  const early = [];
  const port = channel.port1;
  port.onmessage = ({ data }) => early.push(data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    early.push({ type: MSG.BOOT_ERROR, message: event.message || "the Python worker could not start" });
  };
  worker.postMessage({ type: MSG.BOOT, port: channel.port2, interrupt, input }, [channel.port2]);
  return { worker, port, interrupt, input, lock, early };
}
