// A trace's steps as they arrive from the worker, in the packed chunks that
// coursekit.trace_chunks sends while the code runs and once at the end. The
// page keeps each chunk as it comes, so the steps recorded before a Stop or
// the time limit survive a worker that is terminated mid-run.
//
// A chunk is JSON: {values: [[name, value, changed 1|0], ...], steps: [[line,
// depth, function, output, [value index, ...]], ...], output, limit, call}.
// Unpacked, a step is {line, depth, function, variables: [{name, value,
// changed}], output}, as coursekit.tracing.trace gives it (an unchanged
// variable's entry is one object shared by the steps that show it).

export class TraceSteps {
  constructor(call = null) {
    this.values = [];
    this.steps = [];
    this.output = "";
    this.limit = null;
    this.call = call;
  }

  /** Take one chunk (a JSON string); returns how many steps there are now. */
  add(text) {
    const chunk = JSON.parse(text);
    for (const [name, value, changed] of chunk.values) this.values.push({ name, value, changed: changed === 1 });
    for (const [line, depth, name, output, numbers] of chunk.steps) {
      this.steps.push({ line, depth, function: name, variables: numbers.map((i) => this.values[i]), output });
    }
    this.output += chunk.output;
    this.limit = chunk.limit;
    return this.steps.length;
  }

  /**
   * The trace's result: the worker's report (or, if the worker was terminated,
   * how the page ended it: {status: "stopped" | "timeout", restarted}) with the
   * steps and output received.
   */
  complete(report) {
    return { truncated: false, limit: this.limit, call: this.call, ...report, steps: this.steps, output: this.output };
  }
}
