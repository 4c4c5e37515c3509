// A panel's output area: streamed text (stdout, stderr in its own style),
// pictures, tracebacks and notes. DOM writes are batched per animation frame,
// so a flood of output never freezes the page.
import { TIMELINE_MIME } from "../timeline/data.js";
import { mountTimeline } from "../timeline/timeline.js";
import { createInputLine } from "./input-line.js";

const PAGE_LIMIT = 200_000; // characters kept on the page per run
// Per frame, at most: time spent writing, and text added (the browser lays out
// the text after the frame's scripts, so a flood is spread over frames).
const FRAME_BUDGET_MS = 8;
const FRAME_CHARS = 8_192;
const TEXT_PIECE = 4_096;

export class OutputArea {
  constructor(element) {
    this.element = element;
    this.pending = [];
    this.frame = 0;
    this.chars = 0;
    this.cut = false;
  }

  clear() {
    this.reset();
    this.element.replaceChildren();
    this.element.classList.add("course-output--empty");
  }

  reset() {
    this.input = null; // input()'s box, while one waits (see ask)
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.chars = 0;
    this.cut = false;
  }

  /**
   * Start a run whose output replaces the old one in place (a live panel):
   * nothing is written until release(), which swaps old for new in one go,
   * so the output neither flickers nor makes the page jump.
   */
  hold() {
    this.reset();
    this.held = true;
  }

  release() {
    if (!this.held) return;
    this.held = false;
    this.element.replaceChildren();
    this.element.classList.toggle("course-output--empty", !this.pending.length);
    this.flush();
  }

  /**
   * Show at once output recorded elsewhere (the build's run of a live panel):
   * ["stdout", text], ["stderr", text] and ["display", mime, data], in order.
   */
  replay(events) {
    for (const [kind, ...rest] of events) {
      if (kind === "display") this.display(...rest);
      else this.text(kind, rest[0]);
    }
    do this.flush();
    while (this.pending.length);
  }

  /** Queue streamed text; stream is "stdout" or "stderr". */
  text(stream, text) {
    if (this.cut) return;
    const room = PAGE_LIMIT - this.chars;
    if (text.length > room) {
      text = text.slice(0, room);
      this.cut = true;
    }
    this.chars += text.length;
    for (let start = 0; start < text.length; start += TEXT_PIECE) {
      const piece = text.slice(start, start + TEXT_PIECE);
      this.pending.push(Object.assign(() => this.appendText(stream, piece), { chars: piece.length }));
    }
    if (this.cut)
      this.note(`Output truncated: only the first ${PAGE_LIMIT.toLocaleString("en")} characters are shown.`);
    this.schedule();
  }

  truncated(limit) {
    if (this.cut) return;
    this.cut = true;
    this.note(`Output truncated: only the first ${limit.toLocaleString("en")} characters are shown.`);
  }

  display(mime, data) {
    this.pending.push(() => this.appendFigure(mime, data));
    this.schedule();
  }

  error(text) {
    this.pending.push(() => this.appendBlock("course-output__error", text));
    this.schedule();
  }

  note(text) {
    this.pending.push(() => this.appendBlock("course-output__note", text));
    this.schedule();
  }

  /**
   * input(): an answer box after the output so far (the prompt), focused.
   * Resolves with the answer, echoed in the output, or null for the end of input.
   */
  ask(prompt) {
    return new Promise((resolve) => {
      this.pending.push(() => {
        this.input = createInputLine(prompt, (answer) => {
          this.closeInput();
          if (answer !== null) this.text("stdin", `${answer}\n`);
          resolve(answer);
        });
        this.element.append(this.input.element);
        this.input.field.focus();
      });
      this.schedule();
    });
  }

  /** Remove the answer box, if any (the run ended); focus stays in the output area. */
  closeInput() {
    if (!this.input) return;
    const focused = this.input.element.contains(document.activeElement);
    this.input.element.remove();
    this.input = null;
    if (focused) this.element.focus();
  }

  schedule() {
    if (!this.held) this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /**
   * Write what is queued (also called when a run ends), for at most a frame's
   * worth of time: the rest waits for the next frame, so a flood of output
   * never holds the page's main thread for long.
   */
  flush() {
    if (this.held) return;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.pending.length) this.element.classList.remove("course-output--empty");
    const until = performance.now() + FRAME_BUDGET_MS;
    let chars = 0;
    while (this.pending.length && performance.now() < until && chars < FRAME_CHARS) {
      const write = this.pending.shift();
      chars += write.chars ?? 0;
      write();
    }
    if (this.pending.length) this.schedule();
  }

  appendText(stream, text) {
    let pre = this.element.lastElementChild;
    if (!pre || !pre.classList.contains("course-output__text")) {
      pre = this.element.appendChild(document.createElement("pre"));
      pre.className = "course-output__text";
    }
    let span = pre.lastElementChild;
    if (!span || span.dataset.stream !== stream) {
      span = pre.appendChild(document.createElement("span"));
      span.dataset.stream = stream;
      span.className = `course-output__${stream}`;
    }
    span.append(text);
  }

  appendBlock(className, text) {
    const pre = this.element.appendChild(document.createElement("pre"));
    pre.className = className;
    pre.textContent = text;
  }

  appendFigure(mime, data) {
    const figure = this.element.appendChild(document.createElement("div"));
    figure.className = "course-output__figure";
    if (mime === TIMELINE_MIME) return figure.append(mountTimeline(data)); // JSON numbers, drawn by the widget
    const safe = sanitize(mime, data);
    if (safe) figure.append(safe);
    else figure.textContent = `(a ${mime} picture that could not be shown)`;
  }
}

const FORBIDDEN = "script, iframe, object, embed, foreignObject, link, meta, style[src]";

/** Parse SVG or HTML from the learner's code and drop anything that could run. */
export function sanitize(mime, data) {
  const type = mime === "image/svg+xml" ? "image/svg+xml" : "text/html";
  const parsed = new DOMParser().parseFromString(data, type);
  if (parsed.querySelector("parsererror")) return null;
  const root = type === "image/svg+xml" ? parsed.documentElement : parsed.body;
  root.querySelectorAll(FORBIDDEN).forEach((node) => node.remove());
  for (const node of [root, ...root.querySelectorAll("*")]) {
    for (const attribute of [...node.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (
        name.startsWith("on") ||
        ((name === "href" || name === "xlink:href" || name === "src") && value.startsWith("javascript:"))
      ) {
        node.removeAttribute(attribute.name);
      }
    }
  }
  if (type === "image/svg+xml") return document.importNode(root, true);
  const fragment = document.createDocumentFragment();
  fragment.append(...[...root.childNodes].map((node) => document.importNode(node, true)));
  return fragment;
}
