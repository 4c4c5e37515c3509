// The messages between the page and the Python worker.
//
// page → worker:  BOOT {port, interrupt, input}   RUN {id, code, setup, page}        CHECK {id, exercise, code}
//                 TRACE {id, code, call, setup, page}  (run it, or one call of it, line by line: coursekit.tracing)
//                 (setup: the page's setup code, page: the name of its one namespace, if shared: coursekit.page_setup)
//                 PREDICT {id, prediction, output, error}  (does a prediction match a run's output: coursekit.predict)
//                 PARSONS {id, problem, arrangement}  (check a Parsons problem's lines, as JSON: coursekit.parsons)
// worker → page:  ALIVE (holds its lock)   PROGRESS {stage, step, steps}   READY {restored, snapshotWanted, stamps}
//                 BOOT_ERROR {message}
//                 OUTPUT {id, stream: "stdout"|"stderr", text}   DISPLAY {id, mime, data}
//                 TRUNCATED {id, limit}   RESULT {id, result}    ERROR {id, message}
//                 STEPS {id, chunk}  (a TRACE's steps so far, packed JSON: coursekit.trace_chunks)
//                 INPUT {id, prompt}  (input() waits: the answer comes back in shared memory, input-channel.js)
//                 SNAPSHOT_KEPT {kept}  (a worker booted with config.makeSnapshot made and stored one, and is done)
//
// The worker's boot settings come as its name (start.js). BOOT goes to the
// worker itself and hands it a MessageChannel port and the shared memory for
// Stop and input(); every other message, both ways, goes over that port.
// Every request that carries an id gets exactly one RESULT or ERROR back.
export const MSG = Object.freeze({
  BOOT: "boot",
  ALIVE: "alive",
  RUN: "run",
  CHECK: "check",
  TRACE: "trace",
  PREDICT: "predict",
  PARSONS: "parsons",
  PROGRESS: "progress",
  READY: "ready",
  BOOT_ERROR: "boot-error",
  OUTPUT: "output",
  DISPLAY: "display",
  TRUNCATED: "truncated",
  STEPS: "steps",
  INPUT: "input",
  SNAPSHOT_KEPT: "snapshot-kept",
  RESULT: "result",
  ERROR: "error",
});

// No page setup: a RUN's or TRACE's {setup, page} as runCode and trace take them
// ({code: the page's setup code, page: the name of its one namespace, or null}: panel/page-setup.js).
export const NO_SETUP = Object.freeze({ code: "", page: null });

// Boot stages, in order, for the "Loading Python… (n/3)" status.
export const BOOT_STAGES = Object.freeze(["downloading Python", "loading the course package", "starting up"]);

// The most characters of output one run may send to the page.
export const OUTPUT_LIMIT = 100_000;
