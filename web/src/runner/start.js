// Start a Python worker and ask it to boot. Used by preboot.js (inlined in the
// page's head, so Python starts loading while the page is still parsing) and
// by the client when it needs a fresh worker (after a Stop that terminated one,
// or when one died).
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

function workerFromBlob(workerURL) {
  const source = `import ${JSON.stringify(new URL(workerURL, globalThis.location?.href).href)};\n`;
  const blobURL = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    return new Worker(blobURL, { type: "module" });
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
  const worker = workerFromBlob(workerURL);
  const channel = new MessageChannel();
  const interrupt = globalThis.crossOriginIsolated ? new Uint8Array(new SharedArrayBuffer(1)) : null;
  const input = createInputChannel(); // input(), where isolated
  const lock = `course-python-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const early = [];
  const port = channel.port1;
  port.onmessage = ({ data }) => early.push(data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    early.push({ type: MSG.BOOT_ERROR, message: event.message || "the Python worker could not start" });
  };
  const config = { indexURL, packageURL, interrupt, input, lock, snapshotKey, packages, makeSnapshot };
  worker.postMessage({ type: MSG.BOOT, config, port: channel.port2 }, [channel.port2]);
  return { worker, port, interrupt, input, lock, early };
}
