// The timeline's pictures, in SVG: the plane with the decision regions and the
// points, the loss curve with a marker, and the neuron with its weights. They
// only map and fill what Python computed (band polygons, ticks, the curve).

const SVG = "http://www.w3.org/2000/svg";
// neuron.plot.PALETTE's blue and vermilion: the points labelled 0 and 1, the
// outputs below and above the boundary's.
export const COLOURS = ["#2b83d6", "#d55e00"];

export function svgEl(tag, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (parent) parent.append(element);
  return element;
}

function text(parent, content, x, y, anchor = "middle", extra = {}) {
  const node = svgEl("text", { x, y, "text-anchor": anchor, fill: "currentColor", ...extra }, parent);
  node.textContent = content;
  return node;
}

/** Flat data coordinates [x, y, x, y, ...] as an SVG points attribute, through the maps x and y. */
function svgPoints(flat, x, y) {
  const pairs = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push(`${x(flat[i]).toFixed(1)},${y(flat[i + 1]).toFixed(1)}`);
  return pairs.join(" ");
}

/** A linear map from [low, high] to [from, to]. */
const scale =
  ([low, high], from, to) =>
  (value) =>
    from + ((value - low) / (high - low)) * (to - from);

function axes(svg, box, xScale, yScale, xTicks, yTicks, labels) {
  const { left, right, top, bottom } = box;
  const grid = svgEl("g", { stroke: "currentColor", "stroke-opacity": 0.12 }, svg);
  const marks = svgEl("g", { "font-size": 11 }, svg);
  for (const [value, label] of xTicks) {
    svgEl("line", { x1: xScale(value), x2: xScale(value), y1: top, y2: bottom }, grid);
    text(marks, label, xScale(value), bottom + 13);
  }
  for (const [value, label] of yTicks) {
    svgEl("line", { x1: left, x2: right, y1: yScale(value), y2: yScale(value) }, grid);
    text(marks, label, left - 4, yScale(value) + 4, "end");
  }
  const frame = { x: left, y: top, width: right - left, height: bottom - top };
  svgEl("rect", { ...frame, fill: "none", stroke: "currentColor", "stroke-opacity": 0.6 }, svg);
  text(marks, labels[0], (left + right) / 2, bottom + 27);
  const middle = (top + bottom) / 2;
  text(marks, labels[1], 10, middle, "middle", { transform: `rotate(-90 10 ${middle})` });
}

function marker(parent, kind, x, y, colour) {
  const common = { fill: colour, stroke: "currentColor", "stroke-width": 1 };
  if (kind === 0) return svgEl("circle", { cx: x, cy: y, r: 6, ...common }, parent);
  return svgEl("rect", { x: x - 5.5, y: y - 5.5, width: 11, height: 11, ...common }, parent);
}

/** The plane: regions (redrawn per frame), the boundary, the data points. Returns draw(frame). */
export function planePicture(data) {
  const box = { left: 44, right: 282, top: 8, bottom: 226 };
  const svg = svgEl("svg", { viewBox: "0 0 300 262", class: "course-timeline__plane", "aria-hidden": "true" });
  const x = scale(data.x_range, box.left, box.right);
  const y = scale(data.y_range, box.bottom, box.top);
  const regions = svgEl("g", {}, svg);
  axes(svg, box, x, y, data.x_ticks ?? [], data.y_ticks ?? [], ["x1", "x2"]);
  const boundary = svgEl(
    "polyline",
    { fill: "none", stroke: "currentColor", "stroke-width": 2, "stroke-dasharray": "6 3" },
    svg,
  );
  const points = svgEl("g", {}, svg);
  for (const [x1, x2, kind] of data.points) marker(points, kind, x(x1), y(x2), COLOURS[kind % 2]);
  const coords = (flat) => svgPoints(flat, x, y);
  const pool = [];
  return {
    svg,
    draw(frame) {
      while (pool.length < frame.bands.length) pool.push(svgEl("polygon", {}, regions));
      pool.forEach((polygon, index) => {
        const band = frame.bands[index];
        polygon.style.display = band ? "" : "none";
        if (!band) return;
        polygon.setAttribute("points", coords(band[2]));
        polygon.setAttribute("fill", COLOURS[band[0]]);
        polygon.setAttribute("fill-opacity", String(band[1]));
      });
      boundary.setAttribute("points", coords(frame.boundary));
    },
  };
}

/** The loss curve, with a marker at the frame's epoch. Returns draw(frame). */
export function lossPicture(data) {
  const box = { left: 44, right: 282, top: 8, bottom: 126 };
  const svg = svgEl("svg", { viewBox: "0 0 300 162", class: "course-timeline__loss", "aria-hidden": "true" });
  const x = scale([0, Math.max(1, data.epochs)], box.left, box.right);
  const y = scale(data.loss_range ?? [0, 1], box.bottom, box.top);
  axes(svg, box, x, y, data.epoch_ticks ?? [], data.loss_ticks ?? [], ["epoch", data.loss_name ?? "loss"]);
  const curve = data.curve.map(([epoch, loss]) => `${x(epoch).toFixed(1)},${y(loss).toFixed(1)}`).join(" ");
  svgEl("polyline", { points: curve, fill: "none", stroke: COLOURS[0], "stroke-width": 2 }, svg);
  const rule = svgEl("line", { y1: box.top, y2: box.bottom, stroke: "currentColor", "stroke-dasharray": "3 3" }, svg);
  const dot = svgEl("circle", { r: 5, fill: COLOURS[1], stroke: "currentColor", "stroke-width": 1 }, svg);
  return {
    svg,
    draw(frame) {
      const at = x(frame.epoch);
      rule.setAttribute("x1", at);
      rule.setAttribute("x2", at);
      dot.setAttribute("cx", at);
      dot.setAttribute("cy", Math.max(box.top, Math.min(box.bottom, y(frame.loss))));
    },
  };
}

/** The neuron: two inputs, an edge per weight (thicker for a larger weight, dashed when negative), the sum and sigmoid. */
export function neuronPicture(data, format) {
  const svg = svgEl("svg", { viewBox: "0 0 300 112", class: "course-timeline__neuron", "aria-hidden": "true" });
  const inputs = [
    [26, 28],
    [26, 84],
  ];
  const edges = inputs.map(([cx, cy]) => svgEl("line", { x1: cx + 14, y1: cy, x2: 146, y2: 56 }, svg));
  const labels = inputs.map(([, cy]) => text(svg, "", 88, cy < 56 ? 30 : 96, "middle", { "font-size": 12 }));
  inputs.forEach(([cx, cy], index) => {
    svgEl("circle", { cx, cy, r: 14, fill: "none", stroke: "currentColor" }, svg);
    text(svg, `x${index + 1}`, cx, cy + 4, "middle", { "font-size": 12 });
  });
  svgEl("circle", { cx: 162, cy: 56, r: 16, fill: "none", stroke: "currentColor" }, svg);
  text(svg, "Σ", 162, 61, "middle", { "font-size": 15 });
  const bias = text(svg, "", 162, 94, "middle", { "font-size": 12 });
  svgEl("line", { x1: 178, y1: 56, x2: 218, y2: 56, stroke: "currentColor" }, svg);
  svgEl("rect", { x: 218, y: 40, width: 64, height: 32, rx: 6, fill: "none", stroke: "currentColor" }, svg);
  text(svg, data.activation ?? "sigmoid", 250, 60, "middle", { "font-size": 12 });
  return {
    svg,
    draw(frame) {
      frame.weights.forEach((weight, index) => {
        const edge = edges[index];
        edge.setAttribute("stroke", COLOURS[weight >= 0 ? 1 : 0]);
        edge.setAttribute("stroke-width", (1 + Math.min(7, Math.abs(weight) * 0.7)).toFixed(1));
        edge.setAttribute("stroke-dasharray", weight >= 0 ? "" : "5 3");
        labels[index].textContent = `w${index + 1} = ${format(weight)}`;
      });
      bias.textContent = `b = ${format(frame.bias)}`;
    },
  };
}

/** The loss landscape over (w1, w2) (darker = lower) with lines of equal loss, training's path as a line of dots, a marker at this frame. */
export function landscapePicture(data) {
  const land = data.landscape;
  const box = { left: 44, right: 282, top: 8, bottom: 226 };
  const svg = svgEl("svg", { viewBox: "0 0 300 262", class: "course-timeline__landscape", "aria-hidden": "true" });
  const x = scale(land.x_range, box.left, box.right);
  const y = scale(land.y_range, box.bottom, box.top);
  const at = (flat, i) => svgPoints(flat.slice(i, i + 2), x, y);
  const cells = svgEl("g", { fill: COLOURS[0] }, svg);
  for (const [opacity, flat] of land.cells) {
    svgEl("polygon", { points: svgPoints(flat, x, y), "fill-opacity": opacity }, cells);
  }
  const contours = (land.contours ?? []).map((piece) => `M${at(piece, 0)}L${at(piece, 2)}`).join("");
  if (contours) svgEl("path", { d: contours, fill: "none", stroke: "currentColor", "stroke-dasharray": "1 2" }, svg);
  axes(svg, box, x, y, land.x_ticks ?? [], land.y_ticks ?? [], ["w1", "w2"]);
  const weights = data.frames.map((f) => f.weights);
  const path = weights.map(([w1, w2]) => `${x(w1).toFixed(1)},${y(w2).toFixed(1)}`).join(" ");
  svgEl("polyline", { points: path, fill: "none", stroke: COLOURS[1], "stroke-width": 1.5 }, svg);
  const dots = svgEl("g", { fill: COLOURS[1], stroke: "currentColor", "stroke-width": 0.5 }, svg);
  const every = Math.max(1, Math.ceil(weights.length / 20));
  weights.forEach(([w1, w2], index) => {
    if (index % every === 0 && index > 0) svgEl("circle", { cx: x(w1), cy: y(w2), r: 2.2 }, dots);
  });
  marker(svg, 0, x(weights[0][0]), y(weights[0][1]), COLOURS[1]).setAttribute("r", 4); // the start
  const dot = marker(svg, 1, 0, 0, COLOURS[1]);
  dot.classList.add("course-timeline__now");
  return {
    svg,
    draw(frame) {
      const [cx, cy] = [x(frame.weights[0]), y(frame.weights[1])];
      dot.setAttribute("x", (cx - 5.5).toFixed(1));
      dot.setAttribute("y", (cy - 5.5).toFixed(1));
    },
  };
}
