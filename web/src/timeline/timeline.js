// The training timeline: replay a run sent by neuron.timeline.Timeline. A
// native range input named "Epoch" scrubs the frames; Play / Pause, step back
// and forward; the frame's numbers are text beside the pictures. Keys on the
// slider: arrows step, Page Up / Down jump a tenth, Home / End go to the ends,
// Space plays and pauses. Redraws happen on an animation frame, latest wins.
import { readTimeline } from "./data.js";
import { landscapePicture, lossPicture, neuronPicture, planePicture } from "./draw.js";

const PLAY_INTERVAL_MS = 40; // a frame every 40 ms while playing: 200 frames in 8 s
// With reduced motion asked for, Play moves in a few still steps instead of an animation: a tenth of the
// run every 1.2 s, so a learner sees ten pictures, not two hundred sliding ones.
const CALM_INTERVAL_MS = 1200;
const calm = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
let nextId = 1;

function el(tag, className, content) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (content !== undefined) element.textContent = content;
  return element;
}

/** A number as the widget writes it: 3 decimals, or 3 significant digits when tiny. */
export function formatNumber(value) {
  if (value !== 0 && Math.abs(value) < 0.001) return value.toPrecision(3);
  return value.toFixed(3);
}

const formatInput = (value) => (Number.isInteger(value) ? String(value) : String(Number(value.toFixed(3))));

class Timeline {
  constructor(data) {
    this.data = data;
    this.frames = data.frames;
    this.wanted = 0;
    this.playing = false;
    this.pending = 0;
    this.element = el("section", "course-timeline");
    this.element.setAttribute("aria-label", data.title || "Training timeline");
    this.pictures = { plane: planePicture(data), loss: lossPicture(data), neuron: neuronPicture(data, formatNumber) };
    if (data.landscape) this.pictures.landscape = landscapePicture(data);
    this.element.append(el("p", "course-timeline__title", data.title || "Training timeline"), this.controls());
    this.numbers = el("p", "course-timeline__numbers");
    const figures = el("div", "course-timeline__pictures");
    const side = el("div", "course-timeline__side");
    side.append(this.pictures.loss.svg, this.pictures.neuron.svg);
    figures.append(this.pictures.plane.svg, side);
    const table = this.table();
    if (this.pictures.landscape) figures.append(this.pictures.landscape.svg, table); // the table beside the map
    this.element.append(this.numbers, figures, ...(this.pictures.landscape ? [] : [table]), this.legend());
    this.show(0);
  }

  controls() {
    const bar = el("div", "course-timeline__controls");
    const id = `course-timeline-${nextId++}`;
    this.back = this.button("◀", "Step back", () => this.stepBy(-1));
    this.play = this.button("Play", null, () => this.toggle());
    this.forward = this.button("▶", "Step forward", () => this.stepBy(1));
    const label = el("label", "course-timeline__label", "Epoch");
    label.htmlFor = id;
    this.slider = Object.assign(el("input", "course-timeline__slider"), { type: "range", id, min: "0", step: "1" });
    this.slider.max = String(this.frames.length - 1);
    this.slider.value = "0";
    this.slider.addEventListener("input", () => this.request(Number(this.slider.value)));
    this.slider.addEventListener("keydown", (event) => this.key(event));
    bar.append(this.back, this.play, this.forward, label, this.slider);
    return bar;
  }

  button(content, name, onClick) {
    const button = el("button", "md-button course-button course-timeline__button", content);
    button.type = "button";
    if (name) button.setAttribute("aria-label", name);
    button.addEventListener("click", onClick);
    return button;
  }

  table() {
    const table = el("table", "course-timeline__points");
    table.append(el("caption", "", "Each data point at this epoch"));
    const head = table.createTHead().insertRow();
    for (const name of ["x1", "x2", "label", "output", "predicted"]) head.append(el("th", "", name));
    const body = table.createTBody();
    this.cells = this.data.points.map(([x1, x2, , label]) => {
      const row = body.insertRow();
      for (const value of [x1, x2, label]) row.insertCell().textContent = formatInput(value);
      return [row.insertCell(), row.insertCell()];
    });
    return table;
  }

  legend() {
    const centre = this.data.activation === "tanh" ? "0" : "0.5";
    return el(
      "p",
      "course-timeline__legend",
      `Circles are points labelled ${this.labels(0)}, squares ${this.labels(1)}. The shading is the neuron's output: ` +
        `blue below ${centre}, vermilion above, stronger further from the dashed boundary z = 0. ` +
        "In the neuron, a thicker edge is a larger weight, a dashed one a negative weight." +
        (this.data.landscape
          ? " The map of w1 and w2 is the loss landscape, darker where the loss is lower, dotted lines joining " +
            "places of equal loss; training's path runs as a line of dots from the circle (the start), and the " +
            "square is this epoch's weights." +
            (this.data.landscape.caption ? ` ${this.data.landscape.caption}` : "")
          : ""),
    );
  }

  labels(kind) {
    const point = this.data.points.find((p) => p[2] === kind);
    return point ? formatInput(point[3]) : String(kind);
  }

  key(event) {
    const jump = Math.max(1, Math.round(this.frames.length / 10));
    const moves = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -jump, PageUp: jump };
    const last = this.frames.length - 1;
    if (event.key === " ") this.toggle();
    else if (event.key === "Home") this.go(0);
    else if (event.key === "End") this.go(last);
    else if (event.key in moves) this.stepBy(moves[event.key]);
    else return;
    event.preventDefault();
  }

  /** Step from the frame last asked for, not the one last drawn: a fast burst of keys loses none. */
  stepBy(delta) {
    this.pause();
    this.go(this.wanted + delta);
  }

  /** Go to a frame (clamped to the ends). */
  go(index) {
    this.request(Math.max(0, Math.min(this.frames.length - 1, index)));
  }

  /** Draw the frame on the next animation frame: a burst of moves draws only the latest. */
  request(index) {
    this.wanted = index;
    this.slider.value = String(index);
    this.slider.setAttribute("aria-valuetext", this.valueText(this.frames[index]));
    this.pending ||= requestAnimationFrame(() => {
      this.pending = 0;
      this.show(this.wanted);
    });
  }

  valueText(frame) {
    return `epoch ${frame.epoch} of ${this.data.epochs}, loss ${formatNumber(frame.loss)}`;
  }

  show(index) {
    const frame = this.frames[index];
    this.slider.setAttribute("aria-valuetext", this.valueText(frame));
    for (const picture of Object.values(this.pictures)) picture.draw(frame);
    const [w1, w2] = frame.weights.map(formatNumber);
    this.numbers.textContent =
      `Epoch ${frame.epoch} of ${this.data.epochs} · loss ${formatNumber(frame.loss)} · ` +
      `w1 = ${w1}, w2 = ${w2}, b = ${formatNumber(frame.bias)}`;
    this.cells.forEach(([output, predicted], point) => {
      const right = frame.classes[point] === this.data.points[point][2];
      output.textContent = formatNumber(frame.outputs[point]);
      predicted.textContent = `${this.labels(frame.classes[point])} ${right ? "✓ right" : "✗ wrong"}`;
      predicted.dataset.right = String(right);
    });
    this.element.dataset.epoch = String(frame.epoch);
  }

  toggle() {
    if (this.playing) this.pause();
    else this.start();
  }

  start() {
    if (this.wanted >= this.frames.length - 1) this.request(0);
    this.playing = true;
    this.play.textContent = "Pause";
    let last = performance.now();
    const [interval, stride] = calm()
      ? [CALM_INTERVAL_MS, Math.max(1, Math.round(this.frames.length / 10))]
      : [PLAY_INTERVAL_MS, 1];
    const tick = (now) => {
      if (!this.playing) return;
      if (!this.element.isConnected && this.seen) return this.pause();
      this.seen ||= this.element.isConnected;
      if (now - last >= interval) {
        last = now;
        if (this.wanted >= this.frames.length - 1) return this.pause();
        this.request(Math.min(this.frames.length - 1, this.wanted + stride));
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  pause() {
    this.playing = false;
    this.play.textContent = "Play";
  }
}

/** The widget for the JSON text Python sent, or a message saying why it cannot be drawn. */
export function mountTimeline(text) {
  const { data, problem } = readTimeline(text);
  if (problem) {
    const note = el("p", "course-timeline__problem", `This timeline cannot be drawn: ${problem}.`);
    note.setAttribute("role", "note");
    return note;
  }
  return new Timeline(data).element;
}
