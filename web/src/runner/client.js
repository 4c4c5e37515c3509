// The page's side of the Python worker: one worker for the whole site, kept
// across instant navigation, running one request at a time.
//
// Stop: where the page is cross-origin isolated, the interrupt buffer raises
// KeyboardInterrupt in Python and the worker (and its imports) stays. Anywhere
// else the worker is terminated and a fresh one boots.
import { MSG, NO_SETUP } from "./protocol.js";
import { startWorker } from "./start.js";
import { answerInput, stopWaiting } from "./input-channel.js";
import { TraceSteps } from "./trace-steps.js";
import { makeSnapshotLater, sharedWith } from "./snapshot-maker.js";

/** The worker preboot.js started in the page's head, if it is for this config (once). */
function adoptPreboot(config) {
  const preboot = globalThis.coursePreboot;
  if (!preboot || preboot.config.workerURL !== config.workerURL) return null;
  delete globalThis.coursePreboot;
  return preboot;
}

export const STATE = Object.freeze({
  IDLE: "idle",
  LOADING: "loading",
  READY: "ready",
  BROKEN: "broken",
});

const GONE_WHILE_STARTING = "Python stopped while it was starting";

// How long an interrupt may take before we give up on it and terminate.
const INTERRUPT_GRACE_MS = 1500;

export class PythonRunner extends EventTarget {
  constructor({ workerURL, indexURL, packageURL, snapshotKey = null, packages = [] }) {
    super();
    this.config = { workerURL, indexURL, packageURL, snapshotKey, packages };
    this.state = STATE.IDLE;
    this.detail = "";
    this.worker = null;
    this.port = null; // the worker's private channel (see start.js)
    this.notice = ""; // why Python is loading again, when it is not a first start
    this.nextId = 1;
    this.current = null; // the request in flight: {id, handlers, resolve, timer}
    this.queue = Promise.resolve();
    this.waiting = 0; // requests made and not yet answered
    this.early = null; // the request sent while Python starts: {id, worker, replies}
    this.bootPromise = null;
  }

  /** Whether a request is in flight (a new one waits its turn). */
  get busy() {
    return Boolean(this.current);
  }

  /** Whether Python shared the machine with a background job (a snapshot being made) at any moment since `since` (performance.now()). */
  sharedSince(since) {
    return sharedWith(since);
  }

  setState(state, detail = "") {
    this.state = state;
    this.detail = detail;
    this.dispatchEvent(new CustomEvent("state", { detail: { state, detail } }));
  }

  /** Start Python if it is not started; resolves when it is ready. */
  boot() {
    this.bootPromise ||= this.spawn();
    return this.bootPromise;
  }

  /** Settles once Python is ready (or could not start) and the requests made meanwhile are answered. */
  settled() {
    return this.boot().then(
      () => this.queue,
      () => {},
    );
  }

  spawn() {
    return new Promise((resolve, reject) => {
      this.setState(STATE.LOADING, "");
      let started;
      try {
        if (typeof Worker === "undefined") throw new Error("this browser cannot run Web Workers");
        started = adoptPreboot(this.config) ?? (performance.mark("course:worker-start"), startWorker(this.config));
      } catch (error) {
        this.fail(error.message);
        reject(error);
        return;
      }
      const { worker, port, interrupt, input = null, lock, early } = started;
      this.worker = worker;
      this.port = port;
      this.interruptBuffer = interrupt;
      this.inputChannel = input;
      const onMessage = (data) => {
        switch (data.type) {
          case MSG.ALIVE:
            this.watchLife(worker, lock, () => reject(new Error(GONE_WHILE_STARTING)));
            break;
          case MSG.PROGRESS:
            this.setState(STATE.LOADING, `${data.step}/${data.steps}: ${data.stage}`);
            break;
          case MSG.READY:
            // read by benchmarks/runtime.py and the tests (restored: booted from a memory snapshot)
            performance.mark("course:python-ready", { detail: { restored: Boolean(data.restored) } });
            for (const [stage, at] of data.stamps ?? []) {
              performance.mark(`course:boot:${stage}`, { startTime: Math.max(0, at - performance.timeOrigin) });
            }
            this.notice = "";
            this.setState(STATE.READY);
            resolve();
            if (data.snapshotWanted) makeSnapshotLater(this.config, () => this.busy);
            break;
          case MSG.BOOT_ERROR:
            this.fail(data.message);
            reject(new Error(data.message));
            break;
          default:
            this.onReply(data);
        }
      };
      port.onmessage = ({ data }) => onMessage(data);
      worker.onmessage = null; // only the port speaks for the worker (see start.js)
      worker.onerror = (event) => {
        event.preventDefault?.();
        const message = event.message || "the Python worker could not start";
        if (this.state === STATE.LOADING) {
          this.fail(message);
          reject(new Error(message));
        } else {
          this.lost(worker, `${message}; it is starting again.`);
        }
      };
      early.splice(0).forEach(onMessage); // what the worker said before we listened
    });
  }

  /**
   * Notice when `worker` is gone without our terminating it: the worker holds
   * the Web Lock `lock` while it lives, so our request for it is granted then.
   */
  watchLife(worker, lock, duringBoot) {
    if (!globalThis.navigator?.locks) return; // an insecure context: the time limit still ends a run
    navigator.locks.request(lock, () => {
      if (worker !== this.worker) return; // we terminated it ourselves
      if (this.state === STATE.LOADING) {
        this.fail(GONE_WHILE_STARTING);
        duringBoot();
      } else {
        this.lost(worker, "its worker closed; it is starting again.");
      }
    });
  }

  /** The worker died on its own: answer the request in flight, and boot a fresh one. */
  lost(worker, message) {
    if (worker !== this.worker) return;
    this.notice = "Python stopped unexpectedly; it is starting again"; // until it is ready
    this.restart({ status: "crashed", message, restarted: true });
  }

  retire() {
    this.worker?.terminate();
    this.worker = null;
    this.port?.close();
    this.port = null;
  }

  fail(message) {
    this.retire();
    this.setState(STATE.BROKEN, message);
  }

  // The verbs: each owns its message's shape, waits its turn, and resolves with
  // Python's result dict, or {status: "stopped" | "timeout" | "crashed" | "unavailable"}.
  // handlers: {onStart(), onOutput(stream, text), onDisplay(mime, data), onTruncated(limit)};
  // options: {timeoutMs, signal} (10 s by default; 0 for none). Aborting `signal`
  // stops this request: in flight, it is interrupted; not yet begun, it never runs.

  /** Run code after its page's setup (coursekit.page_setup.run_panel): resolves with {status: "ok" | "error", …}. */
  runCode(code, handlers, options, setup = NO_SETUP) {
    return this.enqueue({ type: MSG.RUN, code, setup: setup.code, page: setup.page }, handlers, options);
  }

  /** Check an exercise (coursekit.checker.check): resolves with {status: "checked", passed, checks, …}. */
  check(exerciseId, code, handlers, options) {
    return this.enqueue({ type: MSG.CHECK, exercise: exerciseId, code }, handlers, options);
  }

  /**
   * Run code line by line (coursekit.tracing.trace), or with `call` ("f(1, 2)")
   * only that call of it: resolves with run's report plus {steps, output, truncated, limit, call}.
   * handlers.onRecorded(count) says how many steps the page holds so far.
   */
  trace(code, handlers, options, call = null, setup = NO_SETUP) {
    const steps = new TraceSteps(call); // kept as they come: a Stop that terminates the worker loses none
    const onSteps = (chunk) => handlers.onRecorded?.(steps.add(chunk));
    const request = { type: MSG.TRACE, code, call, setup: setup.code, page: setup.page };
    const sent = this.enqueue(request, { ...handlers, onSteps }, options);
    return sent.then((result) => steps.complete(result));
  }

  /**
   * Compare a prediction with what a run printed (coursekit.predict.compare):
   * resolves with {match, prediction, output}, or a status as the other verbs.
   */
  comparePrediction(prediction, output, error = "") {
    return this.enqueue({ type: MSG.PREDICT, prediction, output, error });
  }

  enqueue(request, handlers = {}, { timeoutMs = 10_000, signal = null } = {}) {
    const early = signal?.aborted ? null : this.sendEarly(request);
    this.waiting += 1;
    const job = this.queue.then(() => this.send(request, handlers, { timeoutMs, signal }, early));
    this.queue = job.catch(() => {}).finally(() => (this.waiting -= 1));
    if (!signal) return job;
    return new Promise((resolve, reject) => {
      job.then(resolve, reject);
      const onAbort = () => {
        if (this.current?.signal === signal) this.stop("stopped");
        // Still waiting its turn, it is answered now, and never runs (send). One the worker
        // already has (sendEarly) is answered when it is stopped there.
        else if (!early) resolve({ status: "stopped" });
      };
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  /**
   * The first request made while Python starts goes to the worker at once: it
   * runs the moment Python is ready, without waiting for this page, busy
   * loading, to hear so and send it. It becomes the request in flight (its
   * time limit starts, Stop reaches it) once the page has heard, as any other;
   * what the worker says of it before then is kept until then.
   */
  sendEarly(request) {
    if (this.state !== STATE.LOADING || !this.port || this.waiting > 0 || this.early) return null;
    this.early = { id: this.nextId++, worker: this.worker, replies: [] };
    if (this.interruptBuffer) this.interruptBuffer[0] = 0;
    this.port.postMessage({ ...request, id: this.early.id });
    return this.early;
  }

  async send(request, handlers, { timeoutMs, signal }, early = null) {
    try {
      await this.boot();
    } catch (error) {
      return { status: "unavailable", message: this.detail || error.message };
    } finally {
      if (this.early === early) this.early = null;
    }
    const sent = early?.worker === this.worker; // (not if that worker is gone: send it again)
    if (signal?.aborted && !sent) return { status: "stopped" }; // stopped while it waited its turn
    return new Promise((resolve) => {
      const id = sent ? early.id : this.nextId++;
      this.current = { id, handlers, resolve, timer: null, timeoutMs, signal };
      this.startClock(this.current);
      handlers.onStart?.();
      if (sent) {
        early.replies.forEach((reply) => this.onReply(reply));
        if (signal?.aborted) this.stop("stopped"); // stopped while Python ran it and the page did not know
        return;
      }
      if (this.interruptBuffer) this.interruptBuffer[0] = 0; // a Stop from now on is this request's
      this.port.postMessage({ ...request, id });
    });
  }

  startClock(job) {
    if (job.timeoutMs > 0) job.timer = setTimeout(() => this.stop("timeout"), job.timeoutMs);
  }

  /**
   * input() waits: the time limit pauses while handlers.onInput(prompt) asks
   * the learner (it resolves with the answer, or null for the end of input;
   * a request without it gets the end of input at once).
   */
  async ask(job, prompt) {
    clearTimeout(job.timer);
    job.asking = true;
    const answer = job.handlers.onInput ? await job.handlers.onInput(prompt) : null;
    if (this.current !== job || !job.asking) return; // stopped meanwhile
    job.asking = false;
    answerInput(this.inputChannel, answer ?? null);
    this.startClock(job);
  }

  onReply(data) {
    if (data.id === this.early?.id) return this.early.replies.push(data); // not in flight yet (sendEarly)
    const job = this.current;
    if (!job || data.id !== job.id) return; // a reply to a request we gave up on
    switch (data.type) {
      case MSG.OUTPUT:
        job.handlers.onOutput?.(data.stream, data.text);
        break;
      case MSG.DISPLAY:
        job.handlers.onDisplay?.(data.mime, data.data);
        break;
      case MSG.TRUNCATED:
        job.handlers.onTruncated?.(data.limit);
        break;
      case MSG.STEPS:
        job.handlers.onSteps?.(data.chunk);
        break;
      case MSG.INPUT:
        this.ask(job, data.prompt);
        break;
      case MSG.RESULT: {
        const result = data.result;
        if (result.status === "interrupted") result.status = job.stopReason || "stopped";
        this.finish(result);
        break;
      }
      case MSG.ERROR:
        this.finish({ status: "crashed", message: data.message });
        break;
    }
  }

  finish(result) {
    const job = this.current;
    if (!job) return;
    clearTimeout(job.timer);
    clearTimeout(job.graceTimer);
    this.current = null;
    job.resolve(result);
  }

  /** Stop the request in flight; reason is "stopped" (its signal, see the verbs) or "timeout". */
  stop(reason = "stopped") {
    const job = this.current;
    if (!job) return;
    job.stopReason = reason;
    const restarted = { status: reason, restarted: true };
    if (this.interruptBuffer) {
      this.interruptBuffer[0] = 2; // SIGINT: Python raises KeyboardInterrupt
      if (job.asking) {
        job.asking = false;
        stopWaiting(this.inputChannel); // wake the worker waiting for input()
      }
      job.graceTimer = setTimeout(() => this.restart(restarted), INTERRUPT_GRACE_MS);
    } else {
      this.restart(restarted);
    }
  }

  /** Terminate the worker, settle the request in flight with `result`, and boot a fresh one. */
  restart(result) {
    this.retire();
    this.finish(result);
    this.bootPromise = this.spawn();
    this.bootPromise.catch(() => {});
  }
}
