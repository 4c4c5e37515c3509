// Read a learner's numeric answer: "0.5", ".5", "-1", "+2", "1e-3", "−1"
// (a typographic minus), and "1/2" when the quiz allows fractions. Anything
// else is not a wrong answer but a message saying how to write a number.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const FRACTION = /^([+-]?\d+(?:\.\d+)?)\/([+-]?\d+(?:\.\d+)?)$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;

/** {value} for a number, or {error: "how to write it"}. */
export function parseNumber(text, { fractions = false } = {}) {
  const raw = String(text).trim();
  const cleaned = raw.replace(/[\u2212\u2012\u2013]/g, "-").replace(/\s+/g, "");
  const examples = `a number such as 0.5, -2 or 1e-3${fractions ? ", or a fraction such as 1/2" : ""}`;
  if (!cleaned) return { error: `Write your answer first: ${examples}.` };
  if (DECIMAL.test(cleaned)) return { value: Number(cleaned) };
  const fraction = FRACTION.exec(cleaned);
  if (fraction) {
    if (!fractions) return { error: `Write “${raw}” as a decimal number: this question does not take fractions.` };
    const denominator = Number(fraction[2]);
    if (denominator === 0) return { error: "A fraction cannot divide by 0." };
    return { value: Number(fraction[1]) / denominator };
  }
  if (COMMA_DECIMAL.test(cleaned)) return { error: `Use a dot for decimals: ${cleaned.replace(",", ".")}.` };
  return { error: `“${raw}” is not a number. Write ${examples}.` };
}

/** Whether `value` is within `tolerance` of `answer` (with room for rounding). */
export function isClose(value, answer, tolerance) {
  return Math.abs(value - answer) <= tolerance + 1e-9 * Math.max(1, Math.abs(answer));
}
