// Small DOM helpers shared by the quiz, exercise and progress widgets.

/** Create an element: el("p", {className: "x", text: "hi"}, child, …). */
/** Whether the keyboard's command key is ⌘ (for the shortcuts the page names). */
export const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? "");

export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") element.textContent = value;
    else if (name === "className") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name.startsWith("on")) element.addEventListener(name.slice(2).toLowerCase(), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** A button in Material's style; `label` is also its accessible name. */
export function button(label, className = "", onClick = null) {
  const element = el("button", {
    type: "button",
    className: `md-button course-button ${className}`.trim(),
    text: label,
  });
  if (onClick) element.addEventListener("click", onClick);
  return element;
}

/** aria-disabled keeps a button focusable, so keyboard focus is never lost. */
export function setEnabled(element, enabled) {
  element.setAttribute("aria-disabled", String(!enabled));
}

export function isEnabled(element) {
  return element.getAttribute("aria-disabled") !== "true";
}

/** A polite live region: what is written into it is announced. */
export function liveRegion(className) {
  return el("p", { className, role: "status", "aria-live": "polite" });
}

/** Text for screen readers only (e.g. "(complete)" after a ✓ drawn for the eyes). */
export function srOnly(text) {
  return el("span", { className: "course-sr-only", text });
}

let counter = 0;
/** An id unique on this page. */
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** The JSON data the build put in the data-json attribute of a child (coursesite.markup.data_script). */
export function readData(root, selector) {
  const holder = root.querySelector(selector);
  return holder ? JSON.parse(holder.dataset.json) : null;
}

// Debounced saves still waiting: they run at once when the page is hidden or
// left (it may be closed before their time comes), or when flushed.
const waiting = new Set();
let watchingPage = false;

/** Run every debounced save still waiting, now (before the next page of an instant navigation reads them). */
export function flushDebounced() {
  for (const run of [...waiting]) run();
}

function watchPage() {
  if (watchingPage) return;
  watchingPage = true;
  globalThis.addEventListener("pagehide", flushDebounced);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flushDebounced());
}

/** Run `save` at most once per `delay` ms of quiet (typing in a textarea). */
export function debounce(save, delay = 300) {
  let timer = 0;
  let last = [];
  const run = () => {
    clearTimeout(timer);
    waiting.delete(run);
    save(...last);
  };
  return (...args) => {
    watchPage();
    last = args;
    clearTimeout(timer);
    waiting.add(run);
    timer = setTimeout(run, delay);
  };
}
