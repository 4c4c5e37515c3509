// Read a learner's numeric answer: "0.5", ".5", "-1", "+2", "1e-3", "−1"
// (a typographic minus), and "1/2" when the quiz allows fractions. Anything
// else is not a wrong answer but a message saying how to write a number.
// Then judge it: right, one of the author's likely wrong answers, the right
// size with the wrong sign, the answer rounded to too few decimals, or wrong.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const FRACTION = /^([+-]?\d+(?:\.\d+)?)\/([+-]?\d+(?:\.\d+)?)$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;

/** How many decimals a decimal number is written with: "0.69" → 2, "6.9e-1" → 2, "70" → 0. */
function writtenDecimals(cleaned) {
  const [mantissa, exponent = "0"] = cleaned.toLowerCase().split("e");
  const fraction = mantissa.split(".")[1] ?? "";
  return Math.max(0, fraction.length - Number(exponent));
}

/** {value, decimals} for a number (decimals null for a fraction), or {error: "how to write it"}. */
export function parseNumber(text, { fractions = false } = {}) {
  const raw = String(text).trim();
  const cleaned = raw.replace(/[\u2212\u2012\u2013]/g, "-").replace(/\s+/g, "");
  const examples = `a number such as 0.5, -2 or 1e-3${fractions ? ", or a fraction such as 1/2" : ""}`;
  if (!cleaned) return { error: `Write your answer first: ${examples}.` };
  if (DECIMAL.test(cleaned)) return { value: Number(cleaned), decimals: writtenDecimals(cleaned) };
  const fraction = FRACTION.exec(cleaned);
  if (fraction) {
    if (!fractions) return { error: `Write “${raw}” as a decimal number: this question does not take fractions.` };
    const denominator = Number(fraction[2]);
    if (denominator === 0) return { error: "A fraction cannot divide by 0." };
    return { value: Number(fraction[1]) / denominator, decimals: null };
  }
  if (COMMA_DECIMAL.test(cleaned)) return { error: `Use a dot for decimals: ${cleaned.replace(",", ".")}.` };
  return { error: `“${raw}” is not a number. Write ${examples}.` };
}

/** Whether `value` is within `tolerance` of `answer` (with room for rounding). */
export function isClose(value, answer, tolerance) {
  return Math.abs(value - answer) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer));
}

/**
 * Whether `value`, written with `places` decimals, is `target` rounded to them, when `target`
 * needs more (`needed`, from the build). At least one decimal, and not 0: "1" for 0.693 or
 * "0.0" for 0.004 are not "close".
 */
export function isRounded(value, places, target, needed) {
  if (places === null || needed === null || places < 1 || places >= needed || value === 0) return false;
  return isClose(value, target, 0.5 * 10 ** -places);
}

function nearest(value, feedback) {
  return feedback.reduce((best, f) => (Math.abs(value - f.value) < Math.abs(value - best.value) ? f : best));
}

/**
 * What to tell the learner about `value` (written with `places` decimals), for a quiz's data
 * ({answer, tolerance, decimals, feedback: [{value, decimals, message}], sign}), as
 * {kind: "right" | "feedback" | "sign" | "rounded" | "wrong", message (an element id or null), rounded}.
 * The author's feedback for a value comes first; "rounded" means "give more decimals, too".
 */
export function judge(value, places, { answer, tolerance, decimals = null, feedback = [], sign = null }) {
  if (isClose(value, answer, tolerance)) return { kind: "right", message: null, rounded: false };
  const matching = (test) => {
    const found = feedback.filter(test);
    return found.length ? nearest(value, found).message : null;
  };
  const exact = matching((f) => isClose(value, f.value, tolerance));
  if (exact) return { kind: "feedback", message: exact, rounded: false };
  const signed = answer !== 0;
  if (signed && isClose(-value, answer, tolerance)) return { kind: "sign", message: sign, rounded: false };
  if (isRounded(value, places, answer, decimals)) return { kind: "rounded", message: null, rounded: true };
  const rounded = matching((f) => isRounded(value, places, f.value, f.decimals));
  if (rounded) return { kind: "feedback", message: rounded, rounded: true };
  if (signed && isRounded(-value, places, answer, decimals)) return { kind: "sign", message: sign, rounded: true };
  return { kind: "wrong", message: null, rounded: false };
}
