// Start a Python worker and ask it to boot. Used by preboot.js (inlined in the
// page's head, so Python starts loading while the page is still parsing) and
// by the client when it needs a fresh worker (after a Stop that terminated one).
import { MSG } from "./protocol.js";

/**
 * Returns {worker, interrupt, early}: `early` collects the worker's messages
 * until someone sets worker.onmessage.
 */
export function startWorker({ workerURL, indexURL, packageURL }) {
  const worker = new Worker(workerURL, { type: "module" });
  const interrupt = globalThis.crossOriginIsolated ? new Uint8Array(new SharedArrayBuffer(1)) : null;
  const early = [];
  worker.onmessage = ({ data }) => early.push(data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    early.push({ type: MSG.BOOT_ERROR, message: event.message || "the Python worker could not start" });
  };
  worker.postMessage({ type: MSG.BOOT, config: { indexURL, packageURL, interrupt } });
  return { worker, interrupt, early };
}
