// After a boot that found no memory snapshot of Python to restore (a first
// visit, or one a week old), a second worker makes one, in the background,
// once the learner's Python has no request in flight: the first result of a
// first visit never waits for it, and since that worker never runs learner
// code, the snapshot holds a fresh Python (see worker.js keepSnapshot). Its
// files come from the HTTP cache or the service worker's precache the first
// boot filled. It is terminated once the snapshot is kept, or given up.
//
// While it works, a second Python boots beside the learner's: on a two-core
// laptop the learner's runs take longer then, and sharedWith() lets the page
// tell such a run from slow code (live.js does not turn live updates off for it).
import { MSG } from "./protocol.js";
import { startWorker } from "./start.js";

const IDLE_MS = 1000; // how often to look for a moment with no request in flight
const GIVE_UP_MS = 120_000;

let asked = false;
let workEnded = null; // when the snapshot worker ended (performance.now()): null before it starts, Infinity while it works

/** Whether the snapshot worker was at work at any moment from `since` (a performance.now() time) until now. */
export function sharedWith(since) {
  return workEnded !== null && workEnded > since;
}

/** Make a snapshot for `config` once per page: IDLE_MS after ready, or at the next look, every IDLE_MS, that finds `busy()` false. */
export function makeSnapshotLater(config, busy) {
  if (asked || !config.snapshotKey) return;
  asked = true;
  const tryNow = () => (busy() ? setTimeout(tryNow, IDLE_MS) : start(config));
  setTimeout(tryNow, IDLE_MS);
}

function start(config) {
  let started;
  try {
    started = startWorker({ ...config, makeSnapshot: true });
  } catch (error) {
    console.debug("Python snapshot: no worker could make one.", error);
    return;
  }
  const { worker, port, early } = started;
  workEnded = Infinity;
  performance.mark("course:snapshot-making"); // read by the tests
  const timer = setTimeout(() => done(), GIVE_UP_MS);
  function done() {
    if (workEnded !== Infinity) return;
    clearTimeout(timer);
    worker.terminate();
    workEnded = performance.now();
    performance.mark("course:snapshot-made");
  }
  const onMessage = (data) => {
    if (data.type === MSG.SNAPSHOT_KEPT || data.type === MSG.BOOT_ERROR) done();
  };
  port.onmessage = ({ data }) => onMessage(data);
  early.splice(0).forEach(onMessage);
}
