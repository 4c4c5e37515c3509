// input() in a code panel, where the page is cross-origin isolated: Python's
// stdin reads a line synchronously, so the worker blocks (Atomics.wait) on a
// SharedArrayBuffer until the page writes the learner's answer into it and
// wakes it (Atomics.notify), or says the input ended, or that Stop was pressed.
//
// Layout: Int32 [0] the state, Int32 [1] the answer's length in bytes, then
// the answer in UTF-8.
export const INPUT_STATE = Object.freeze({ WAITING: 0, ANSWERED: 1, ENDED: 2, STOPPED: 3 });

const HEADER_BYTES = 8;
const ANSWER_BYTES = 64 * 1024;
/** The longest answer, in characters (UTF-16 code units: at most 3 bytes each in UTF-8). */
export const ANSWER_CHARS = Math.floor(ANSWER_BYTES / 3);

/** A channel for one worker, or null where there can be none (no cross-origin isolation). */
export function createInputChannel() {
  return globalThis.crossOriginIsolated ? new SharedArrayBuffer(HEADER_BYTES + ANSWER_BYTES) : null;
}

function settle(channel, state, bytes = new Uint8Array(0)) {
  const header = new Int32Array(channel, 0, 2);
  new Uint8Array(channel, HEADER_BYTES, ANSWER_BYTES).set(bytes);
  header[1] = bytes.length;
  Atomics.store(header, 0, state);
  Atomics.notify(header, 0);
}

/** The page: the learner's answer (a string), or null for the end of input. */
export function answerInput(channel, text) {
  if (text === null) return settle(channel, INPUT_STATE.ENDED);
  settle(channel, INPUT_STATE.ANSWERED, new TextEncoder().encode(text.slice(0, ANSWER_CHARS)));
}

/** The page: Stop was pressed while Python waits (the interrupt buffer is set too). */
export function stopWaiting(channel) {
  settle(channel, INPUT_STATE.STOPPED);
}

/** The worker: make the channel wait for the next answer (before asking the page). */
export function expectAnswer(channel) {
  Atomics.store(new Int32Array(channel, 0, 2), 0, INPUT_STATE.WAITING);
}

/** The worker: block until the page settles the channel; returns {state, text}. */
export function waitForAnswer(channel) {
  const header = new Int32Array(channel, 0, 2);
  while (Atomics.load(header, 0) === INPUT_STATE.WAITING) Atomics.wait(header, 0, INPUT_STATE.WAITING);
  const state = Atomics.load(header, 0);
  // (TextDecoder refuses views of shared memory: copy the bytes out first.)
  const bytes = new Uint8Array(channel, HEADER_BYTES, header[1]).slice();
  return { state, text: state === INPUT_STATE.ANSWERED ? new TextDecoder().decode(bytes) : null };
}
