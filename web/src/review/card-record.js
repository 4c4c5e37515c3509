// A review card as the browser keeps it: ts-fsrs's Card with its two dates as
// ISO text, under the key card:<key of the lesson's quiz or recall block>
// (web/src/storage.js adds the site's prefix). A record may come from a
// progress file, so it is checked field by field before it is believed.
//
//   card:quiz:lessons/loss/2  {due, last_review, stability, difficulty, elapsed_days,
//                              scheduled_days, learning_steps, reps, lapses, state}

/** Where a card is kept: card:quiz:<page>/<id or n> or card:recall:<page>/<id or n>. */
export const CARD_KEY = /^card:(quiz|recall):[A-Za-z0-9_\-./#]{1,200}$/;
export const CARD_PREFIX = "card:";

const MAX_DAYS = 365_000; // a thousand years: beyond that a number is not an interval
const NUMBERS = ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"];
const COUNTS = new Set(["elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"]);
const STATES = new Set([0, 1, 2, 3]); // ts-fsrs State: New, Learning, Review, Relearning
const FIELDS = new Set(["due", "last_review", "state", ...NUMBERS]);

function isDate(text) {
  return typeof text === "string" && text.length <= 40 && Number.isFinite(Date.parse(text));
}

function numberProblem(name, value) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_DAYS) {
    return `${name} is not a number of the schedule`;
  }
  if (COUNTS.has(name) && !Number.isSafeInteger(value)) return `${name} is not a whole number`;
  return null;
}

/** Why `value` is not a card record (a short phrase), or null when it is one. */
export function cardProblem(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "it is not a record";
  const unknown = Object.keys(value).find((name) => !FIELDS.has(name));
  if (unknown !== undefined) return `it has an unknown field ${JSON.stringify(unknown.slice(0, 40))}`;
  if (!isDate(value.due)) return "its due date is not a date";
  if (value.last_review !== null && value.last_review !== undefined && !isDate(value.last_review)) {
    return "its last review is not a date";
  }
  if (!STATES.has(value.state)) return "its state is not one of FSRS's";
  for (const name of NUMBERS) {
    const problem = numberProblem(name, value[name]);
    if (problem) return problem;
  }
  if (value.last_review && Date.parse(value.due) < Date.parse(value.last_review)) {
    return "it is due before it was last reviewed";
  }
  return null;
}

/** A checked record as a ts-fsrs Card (dates as Date). */
export function recordToCard(record) {
  return {
    ...record,
    due: new Date(record.due),
    last_review: record.last_review ? new Date(record.last_review) : undefined,
  };
}

/** A ts-fsrs Card as a record to keep (only the fields a record has). */
export function cardToRecord(card) {
  const record = { due: card.due.toISOString(), last_review: card.last_review?.toISOString() ?? null };
  record.state = card.state;
  for (const name of NUMBERS) record[name] = card[name];
  return record;
}
