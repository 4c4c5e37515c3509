// The timeline's data, as neuron.timeline.Timeline sends it: JSON numbers and
// short strings only. Anything else is refused with a sentence saying what to
// change, so a malformed run shows a message, never a broken widget.

export const TIMELINE_MIME = "application/vnd.course.timeline+json";

const finite = (value) => typeof value === "number" && Number.isFinite(value);
const numbers = (list, length) =>
  Array.isArray(list) && (length === undefined || list.length === length) && list.every(finite);
const range = (pair) => numbers(pair, 2) && pair[0] < pair[1];
const ticks = (list) =>
  list === undefined ||
  (Array.isArray(list) && list.every((t) => Array.isArray(t) && finite(t[0]) && typeof t[1] === "string"));
const TICKS = ["x_ticks", "y_ticks", "loss_ticks", "epoch_ticks"];

function checkFrame(frame, index, points) {
  const where = `frame ${index + 1} (epoch ${frame?.epoch ?? "?"})`;
  if (!frame || !Number.isInteger(frame.epoch)) return `${where} has no whole-number epoch`;
  if (!finite(frame.loss))
    return `the loss at ${where} is not a finite number: training diverged, try a smaller learning_rate`;
  if (!numbers(frame.weights, 2))
    return `${where} has ${frame.weights?.length ?? 0} weights, not 2: record the neuron's two weights [w1, w2] at every epoch`;
  if (!finite(frame.bias)) return `the bias at ${where} is not a number`;
  if (!numbers(frame.outputs, points) || !numbers(frame.classes, points))
    return `${where} has not one output and one class per data point`;
  if (!Array.isArray(frame.bands)) return `${where} has no decision regions`;
  for (const band of frame.bands) {
    const [side, opacity, flat] = Array.isArray(band) ? band : [];
    if (!(side === 0 || side === 1) || !finite(opacity) || !numbers(flat) || flat.length % 2)
      return `a region of ${where} is not a polygon of numbers`;
  }
  if (!numbers(frame.boundary) || frame.boundary.length % 2) return `the boundary of ${where} is not a list of numbers`;
  return null;
}

/** The reason the data cannot be drawn, or null when it can. */
export function problemWith(data) {
  if (!data || typeof data !== "object") return "the data is not a timeline";
  if (data.version !== 1) return "the data is not a version 1 timeline: update the neuron package";
  if (!Array.isArray(data.frames) || !data.frames.length)
    return "the timeline has no frames: call timeline.record(weights, bias, loss) inside the training loop";
  if (!range(data.x_range) || !range(data.y_range)) return "the picture's ranges are not pairs of numbers, low to high";
  if (!Array.isArray(data.points) || !data.points.every((p) => numbers(p, 4)))
    return "the data points must be pairs of two inputs (x1, x2) with a label: the picture needs 2-D inputs";
  if (!Array.isArray(data.curve) || !data.curve.every((p) => numbers(p, 2)))
    return "the loss curve is not a list of (epoch, loss) numbers";
  if (!Number.isInteger(data.epochs) || data.epochs < 0) return "the number of epochs is not a whole number";
  if (![data, data.landscape ?? {}].every((part) => TICKS.every((name) => ticks(part[name]))))
    return "the ticks are not pairs of a number and its label";
  if (data.landscape !== undefined) {
    const land = data.landscape;
    if (!land || !range(land.x_range) || !range(land.y_range) || !Array.isArray(land.cells))
      return "the loss landscape has no ranges or cells";
    if (!land.cells.every((cell) => Array.isArray(cell) && finite(cell[0]) && numbers(cell[1])))
      return "a cell of the loss landscape is not a polygon of numbers";
    if (land.contours !== undefined && !(Array.isArray(land.contours) && land.contours.every((c) => numbers(c, 4))))
      return "a line of equal loss is not a piece of 4 numbers (w1, w2 at each end)";
    if (land.caption !== undefined && typeof land.caption !== "string")
      return "the loss landscape's caption is not text";
  }
  for (const [index, frame] of data.frames.entries()) {
    const problem = checkFrame(frame, index, data.points.length);
    if (problem) return problem;
  }
  return null;
}

/** Parse the JSON text: { data } or { problem }. */
export function readTimeline(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: "the data is not JSON" };
  }
  const problem = problemWith(data);
  return problem ? { problem } : { data };
}
