// The Python worker: boots Pyodide from the site itself, unpacks the course's
// Python packages, and runs code through coursekit.runtime. It stays thin: the
// logic lives in Python, where pytest can reach it.
import { MSG, BOOT_STAGES, OUTPUT_LIMIT } from "./protocol.js";
import { canKeepSnapshots, findSnapshot, forgetSnapshot, saveSnapshot } from "./snapshot.js";
import { INPUT_STATE, expectAnswer, waitForAnswer } from "./input-channel.js";
import { fetchStdlib, withStdlib } from "./stdlib.js";
import { unzipSync } from "fflate";

const PACKAGE_DIR = "/home/pyodide/course";
// Output is sent as it is written, except that writes coming faster than one
// per FLUSH_MS are gathered (up to FLUSH_CHARS), so a print loop does not send
// one message per line. (A worker busy in Python has no timers: a batch can
// only be sent from inside a write, or when the run ends.)
const FLUSH_CHARS = 4096;
const FLUSH_MS = 15;

// When each stage of the boot ended, on the wall clock (ms since the epoch):
// sent with READY, and marked on the page's timeline (benchmarks/runtime.py).
const stamps = [["worker-loaded", performance.timeOrigin + performance.now()]];
function stamp(stage) {
  stamps.push([stage, performance.timeOrigin + performance.now()]);
}

let pyodide = null;
let runtime = null;
let pageSetup = null; // coursekit.page_setup: a panel's run, after its page's setup code
let checker = null;
let tracing = null;
let predict = null;
let parsons = null;
let interruptBuffer = null;
let inputChannel = null; // input(), where the page is cross-origin isolated (input-channel.js)

// Output of the run in progress, batched so a print loop does not send one
// message per line.
// `line`: the run's output since its last line break (input()'s prompt).
const out = { id: null, stream: "stdout", pending: "", sent: 0, lastFlush: 0, truncated: false, line: "" };

// Replies go over the port the page handed over at boot, with postMessage as it
// was when this module loaded: the learner's Python can reach neither, so it can
// neither forge a reply nor read the page's requests.
// (The boot starts before BOOT brings the port: what it says meanwhile waits in `unsent`.)
let port = null;
const unsent = [];
const postOnPort = MessagePort.prototype.postMessage;

function post(message) {
  if (port) postOnPort.call(port, message);
  else unsent.push(message);
}

// The boot's settings, which come as this worker's name (start.js), then kept
// from the learner's Python; and what BOOT brings: {interrupt, input}.
const settings = readSettings();
self.name = "course-python";
let handOver;
const handedOver = new Promise((resolve) => (handOver = resolve));

// A Web Lock held for as long as this worker lives: the page asks for the same
// lock and is granted it the moment the worker is gone, however it went (it
// closed itself, it crashed, the browser killed it), and then starts a new one.
function holdLifeLock(name) {
  if (!name || !globalThis.navigator?.locks) return;
  navigator.locks.request(name, () => {
    post({ type: MSG.ALIVE });
    return new Promise(() => {}); // never released while the worker runs
  });
}

function readSettings() {
  try {
    return JSON.parse(self.name);
  } catch {
    return null;
  }
}

function flush() {
  if (!out.pending) return;
  post({ type: MSG.OUTPUT, id: out.id, stream: out.stream, text: out.pending });
  out.pending = "";
  out.lastFlush = Date.now();
}

function write(stream, text) {
  const newline = text.lastIndexOf("\n");
  out.line = (newline < 0 ? out.line + text : text.slice(newline + 1)).slice(-200);
  if (out.truncated) return;
  if (stream !== out.stream) {
    flush();
    out.stream = stream;
  }
  const room = OUTPUT_LIMIT - out.sent;
  if (text.length > room) {
    out.pending += text.slice(0, room);
    out.sent = OUTPUT_LIMIT;
    flush();
    out.truncated = true;
    post({ type: MSG.TRUNCATED, id: out.id, limit: OUTPUT_LIMIT });
    return;
  }
  out.pending += text;
  out.sent += text.length;
  if (out.pending.length >= FLUSH_CHARS || Date.now() - out.lastFlush >= FLUSH_MS) flush();
}

function streamTo(stream) {
  const decoder = new TextDecoder();
  return {
    isatty: false,
    write(bytes) {
      write(stream, decoder.decode(bytes, { stream: true }));
      return bytes.length;
    },
  };
}

// Python's stdin: ask the page for a line, and wait for it. Stop while waiting
// raises KeyboardInterrupt (EINTR with the interrupt buffer set, as Python expects).
function readLine() {
  flush();
  expectAnswer(inputChannel);
  post({ type: MSG.INPUT, id: out.id, prompt: out.line });
  const { state, text } = waitForAnswer(inputChannel);
  out.line = ""; // the answer, echoed by the page, ends the prompt's line
  if (state === INPUT_STATE.STOPPED && interruptBuffer?.[0] === 2) {
    throw Object.assign(new Error("stopped while waiting for input"), { code: "EINTR" });
  }
  return state === INPUT_STATE.ANSWERED ? `${text}\n` : null; // null: the end of input (EOFError)
}

function progress(stage) {
  post({ type: MSG.PROGRESS, stage: BOOT_STAGES[stage], step: stage + 1, steps: BOOT_STAGES.length });
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return response.arrayBuffer();
}

// While booting, a failure deep inside Pyodide (say, the wasm file answered
// 404) may surface as an unhandled rejection rather than as loadPyodide
// rejecting: report it instead of loading forever.
let bootFailed = false;
function onBootFailure(event) {
  if (runtime || bootFailed) return;
  bootFailed = true;
  event.preventDefault?.();
  const reason = event.reason ?? event.error ?? event.message;
  post({ type: MSG.BOOT_ERROR, message: String(reason?.message ?? reason) });
}
self.addEventListener("unhandledrejection", onBootFailure);
self.addEventListener("error", onBootFailure);

// Pyodide only warns, and then waits forever, when its WebAssembly cannot be
// fetched or compiled (a missing file, a browser too old): check the file
// ourselves, and turn that warning into a boot error.
async function checkReachable(url) {
  const response = await fetch(url, { method: "HEAD" });
  if (!response.ok) throw new Error(`${url.split("/").pop()} answered ${response.status}`);
}
const warn = console.warn.bind(console);
console.warn = (...args) => {
  warn(...args);
  if (!runtime && /wasm instantiation failed/i.test(String(args[0]))) {
    onBootFailure({ reason: new Error(`WebAssembly could not start: ${args.slice(1).join(" ") || args[0]}`) });
  }
};

// Start Pyodide from the stored snapshot if there is a good one, else from
// scratch. A worker that only makes a snapshot (`making`, see
// snapshot-maker.js) always starts from scratch. Resolves with {restored,
// stdlib}: whether it was restored, and a promise of the standard library's bytes it started with.
// What a boot waits for is asked for at once: Pyodide's two scripts
// (loadPyodide's own import of pyodide.asm.mjs then finds it loaded), the
// stored snapshot, read and checked while they load, and the standard library,
// the snapshot's own, else fetched and inflated (stdlib.js) the moment no
// snapshot is found. `reachable` rejects if the wasm file is not there.
async function startPython(options, { snapshotKey, packageURL, making }, reachable) {
  const script = (name) => new URL(name, options.indexURL).href;
  let fetched = null;
  const fetchOnce = () => (fetched ||= fetchStdlib(options.indexURL));
  const found = making ? Promise.resolve(null) : findSnapshot(snapshotKey, packageURL);
  found.then((stored) => stored || fetchOnce().catch(() => {})); // (a failure is reported where it is awaited)
  import(/* @vite-ignore */ script("pyodide.asm.mjs")).catch(() => {}); // loadPyodide reports a failure
  const { loadPyodide } = await import(/* @vite-ignore */ script("pyodide.mjs"));
  stamp("pyodide.mjs");
  const stored = await found;
  stamp("snapshot-read");
  const start = async (stdlib, more) => {
    const load = withStdlib(stdlib, options.indexURL, (url) => loadPyodide({ ...options, ...url, ...more }));
    return (await Promise.all([load, reachable, stdlib]))[0];
  };
  if (stored) {
    try {
      // Pyodide awaits the memory before it instantiates anything: a corrupt standard library fails it there too.
      const checked = Promise.all([stored.bytes, stored.stdlib]).then(([memory]) => memory);
      checked.catch(() => {}); // it may fail before Pyodide awaits it: not an unhandled rejection (a boot error)
      pyodide = await start(stored.stdlib, { _loadSnapshot: checked });
      return { restored: true, stdlib: stored.stdlib };
    } catch (error) {
      console.debug("Python snapshot: could not be restored; Python starts without it.", error);
      pyodide = null;
      await forgetSnapshot(snapshotKey, packageURL);
    }
  }
  pyodide = await start(fetchOnce(), { _makeSnapshot: making });
  return { restored: false, stdlib: fetchOnce() };
}

// The course's package zip into Python's file system, from JavaScript (fflate):
// Pyodide's unpackArchive goes through Python's shutil, which took 60-110 ms
// of a restored boot on this project's test machine; this takes 20-50.
function unpack(zipBytes, folder) {
  for (const [name, data] of Object.entries(unzipSync(new Uint8Array(zipBytes)))) {
    const path = `${folder}/${name}`;
    if (name.endsWith("/")) {
      pyodide.FS.mkdirTree(path);
      continue;
    }
    pyodide.FS.mkdirTree(path.slice(0, path.lastIndexOf("/")));
    pyodide.FS.writeFile(path, data);
  }
}

// A snapshot-making worker, which runs no learner code: import the engine and
// the site's packages, save the interpreter's memory for the next boot, say so.
async function keepSnapshot(packages, snapshotKey, packageURL, stdlib) {
  let kept = false;
  try {
    pyodide.pyimport("coursekit.snapshot").prepare(packages).destroy();
    kept = await saveSnapshot(snapshotKey, packageURL, pyodide.makeMemorySnapshot(), stdlib);
  } catch (error) {
    console.debug("Python snapshot: could not be made; the next boot starts without one.", error);
  }
  post({ type: MSG.SNAPSHOT_KEPT, kept });
}

async function boot(config) {
  const { indexURL, packageURL, lock, snapshotKey = null, packages = [] } = config;
  const making = Boolean(config.makeSnapshot && canKeepSnapshots(snapshotKey));
  try {
    holdLifeLock(lock);
    progress(0);
    const packageBytes = fetchBytes(packageURL); // in parallel with Pyodide
    packageBytes.catch(() => {}); // reported when awaited below
    const reachable = checkReachable(new URL("pyodide.asm.wasm", indexURL).href);
    reachable.catch(() => {}); // reported through Promise.all in startPython
    const options = { indexURL, lockFileURL: new URL("pyodide-lock.json", indexURL).href };
    const { restored, stdlib } = await startPython(options, { snapshotKey, packageURL, making }, reachable);
    stamp("python-started");
    progress(1);
    // (A restored Python has its modules in memory, but not their files: unpack them again.)
    unpack(await packageBytes, PACKAGE_DIR);
    stamp("unpacked");
    progress(2);
    if (!restored) pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})`);
    if (making) return await keepSnapshot(packages, snapshotKey, packageURL, await stdlib);
    if (restored) pyodide.pyimport("coursekit.snapshot").after_restore();
    const { interrupt, input } = await handedOver;
    pyodide.setStdout(streamTo("stdout"));
    pyodide.setStderr(streamTo("stderr"));
    if (input) {
      inputChannel = input;
      pyodide.setStdin({ stdin: readLine });
    }
    runtime = pyodide.pyimport("coursekit.runtime");
    runtime.allow_input(Boolean(input));
    stamp("runtime-imported");
    interruptBuffer = interrupt; // given to Python by listenForStop, before it runs a request
    // No snapshot to restore: the page has one made in the background (snapshot-maker.js).
    post({ type: MSG.READY, restored, snapshotWanted: !restored && canKeepSnapshots(snapshotKey), stamps });
    // What the page asked for while Python started runs now, before the page
    // (busy loading itself) has heard that Python is ready.
    waiting.splice(0).forEach(answer);
    // Then the site's own packages, so that the next Run that uses them is quick
    // (a Run sent meanwhile simply waits its turn).
    if (!restored) setTimeout(() => importPackages(packages), 0);
  } catch (error) {
    onBootFailure({ reason: error });
  }
}

// Before Python listens for Stop (a Stop meant for the next run must not end
// an import instead). A package that cannot be imported here is said once on
// the console: the learner's own import of it shows the error.
let listeningForStop = false;
function importPackages(packages) {
  if (listeningForStop) return;
  for (const name of packages) {
    try {
      pyodide.pyimport(name).destroy();
    } catch (error) {
      console.warn(`The package ${name} could not be imported in the browser:`, error);
    }
  }
}

// Python checks the interrupt buffer from the first request on. The page
// clears it as it sends each request (client.js), so a Stop that came while
// this request waited its turn still stops it.
function listenForStop() {
  if (listeningForStop || !interruptBuffer) return;
  listeningForStop = true;
  pyodide.setInterruptBuffer(interruptBuffer);
}

function display(mime, data) {
  flush();
  post({ type: MSG.DISPLAY, id: out.id, mime, data });
}

function runPython(id, call) {
  Object.assign(out, { id, stream: "stdout", pending: "", sent: 0, lastFlush: 0, truncated: false, line: "" });
  listenForStop();
  let proxy = null;
  try {
    proxy = call();
    const result = proxy.toJs({ dict_converter: Object.fromEntries });
    flush();
    post({ type: MSG.RESULT, id, result });
  } catch (error) {
    flush();
    post({ type: MSG.ERROR, id, message: String(error?.message ?? error) });
  } finally {
    proxy?.destroy?.();
  }
}

// A request that comes while Python starts waits for it (client.js sends the
// first one that early), unless the boot has already failed.
const waiting = [];
function onRequest({ data }) {
  if (runtime || bootFailed) answer(data);
  else waiting.push(data);
}

function answer(data) {
  switch (data.type) {
    case MSG.RUN:
      if (!runtime) return post({ type: MSG.ERROR, id: data.id, message: "Python is not ready yet." });
      pageSetup ||= pyodide.pyimport("coursekit.page_setup");
      runPython(data.id, () => pageSetup.run_panel(data.code, display, data.setup ?? "", data.page ?? ""));
      break;
    case MSG.CHECK:
      if (!runtime) return post({ type: MSG.ERROR, id: data.id, message: "Python is not ready yet." });
      checker ||= pyodide.pyimport("coursekit.checker"); // imported once, kept like `runtime`
      runPython(data.id, () => checker.check(data.exercise, data.code, display));
      break;
    case MSG.TRACE:
      if (!runtime) return post({ type: MSG.ERROR, id: data.id, message: "Python is not ready yet." });
      tracing ||= pyodide.pyimport("coursekit.trace_chunks");
      // The steps go to the page as they are recorded: they survive a terminated worker.
      runPython(data.id, () =>
        tracing.trace_for_page(
          data.code,
          data.call ?? "",
          (chunk) => post({ type: MSG.STEPS, id: data.id, chunk }),
          data.setup ?? "",
          data.page ?? "", // "" for none: a JS null reaches Python as jsnull, not None
        ),
      );
      break;
    case MSG.PREDICT:
      if (!runtime) return post({ type: MSG.ERROR, id: data.id, message: "Python is not ready yet." });
      predict ||= pyodide.pyimport("coursekit.predict");
      runPython(data.id, () => predict.compare(data.prediction, data.output, data.error));
      break;
    case MSG.PARSONS:
      if (!runtime) return post({ type: MSG.ERROR, id: data.id, message: "Python is not ready yet." });
      parsons ||= pyodide.pyimport("coursekit.parsons");
      runPython(data.id, () => parsons.check(data.problem, data.arrangement, display));
      break;
    default:
      post({ type: MSG.ERROR, id: data.id, message: `Unknown request ${JSON.stringify(data.type)}` });
  }
}

// The one message that comes to the worker itself: BOOT, with the port for the rest.
self.onmessage = ({ data }) => {
  if (data?.type !== MSG.BOOT || port || !data.port) return;
  port = data.port;
  port.onmessage = onRequest;
  unsent.splice(0).forEach(post);
  handOver({ interrupt: data.interrupt ?? null, input: data.input ?? null });
};

if (settings) boot(settings);
else post({ type: MSG.BOOT_ERROR, message: "the Python worker was started without its settings" });
