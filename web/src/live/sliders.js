// A live panel's sliders: one native range input per variable the author
// named, bound to the line `name = <number>` in the code. Moving a slider
// rewrites that number; editing the code moves the slider; a variable the
// code no longer sets greys its slider out, saying why.
import { assignment, stepOf } from "./literals.js";

let nextId = 1;

function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}

class Slider {
  constructor({ name, min, max }, live) {
    this.name = name;
    this.min = min;
    this.max = max;
    this.live = live;
    this.gesture = null;
    const id = `course-slider-${nextId++}`;
    this.element = document.createElement("div");
    this.element.className = "course-slider";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.className = "course-slider__name";
    label.textContent = name;
    this.input = document.createElement("input");
    Object.assign(this.input, { type: "range", id, min: String(min), max: String(max) });
    this.input.className = "course-slider__input";
    // The value as the code has it; not an <output>, which would be a live
    // region announcing every step: the slider's aria-valuetext says it.
    this.value = document.createElement("span");
    this.value.className = "course-slider__value";
    this.value.setAttribute("aria-hidden", "true");
    this.reason = document.createElement("p");
    this.reason.className = "course-slider__reason";
    this.reason.id = `${id}-reason`;
    this.reason.hidden = true;
    this.element.append(label, this.input, this.value, this.reason);
    this.input.addEventListener("input", () => this.moved());
    // A move ends on change, but Chromium sends none when the thumb ends where it started.
    for (const event of ["change", "pointerup", "pointercancel", "keyup", "blur"])
      this.input.addEventListener(event, () => this.settled());
  }

  /** Follow the code: the slider shows the number the code sets, or why there is none. */
  sync(state) {
    const bound = assignment(state, this.name);
    this.literal = bound.literal ?? null;
    this.input.disabled = !this.literal;
    this.element.classList.toggle("course-slider--unbound", !this.literal);
    this.reason.hidden = Boolean(this.literal);
    if (!this.literal) {
      this.reason.textContent = `No slider: ${bound.problem}.`;
      this.input.setAttribute("aria-describedby", this.reason.id);
      this.value.textContent = "–";
      this.input.setAttribute("aria-valuetext", "not set in the code");
      return;
    }
    this.input.removeAttribute("aria-describedby");
    const text = state.sliceDoc(this.literal.from, this.literal.to);
    if (!this.gesture) this.input.step = String(stepOf(this.literal));
    const outside = this.literal.value < this.min || this.literal.value > this.max;
    if (!this.gesture) this.input.value = String(clamp(this.literal.value, this.min, this.max));
    this.value.textContent = outside ? `${text} (outside ${this.min}..${this.max})` : text;
    this.input.setAttribute("aria-valuetext", this.value.textContent);
  }

  moved() {
    if (!this.literal) return;
    this.gesture ||= this.live.beginSlider(this.literal, this.name);
    this.gesture.set(Number(this.input.value));
  }

  settled() {
    if (!this.gesture) return;
    const gesture = this.gesture;
    this.gesture = null;
    this.live.finish(gesture);
  }
}

/** The sliders of a panel, in a row above its editor. */
export class Sliders {
  constructor(specs, live) {
    this.element = document.createElement("div");
    this.element.className = "course-sliders";
    this.element.setAttribute("role", "group");
    this.element.setAttribute("aria-label", "Sliders");
    this.sliders = specs.map((spec) => new Slider(spec, live));
    this.element.append(...this.sliders.map((slider) => slider.element));
  }

  sync(state) {
    for (const slider of this.sliders) slider.sync(state);
  }
}
