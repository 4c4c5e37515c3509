// Reading a progress file back in. A file may be anything the learner picks:
// another JSON file, a truncated download, an export of another version, a
// huge or hostile file. It is judged whole before anything is stored, and every
// refusal says why in one sentence; nothing in it runs or reaches a prototype.
//
// An export is {format, prefix, exported, items: {key: value}}, where each key
// is one of the kinds listed in store.js. The review schedule (card:… entries,
// web/src/review/card-record.js) is judged apart: a file whose schedule is
// malformed still brings the rest, and the schedule already here is kept.
import { CARD_KEY, CARD_PREFIX, cardProblem } from "../review/card-record.js";

export const EXPORT_FORMAT = "one-neuron-progress";

// A real export is a few kilobytes: code of a few dozen panels and small records.
export const MAX_FILE_BYTES = 2_000_000;
const MAX_ITEMS = 5_000;
const MAX_CODE_CHARS = 200_000;
const MAX_TEXT_CHARS = 20_000;
const MAX_DEPTH = 4;
const KEY = /^(code|quiz|recall|exercise):[A-Za-z0-9_\-./#]{1,200}$/;

/** The shape of each kind of record: field → test of its value. */
const RECORDS = {
  quiz: { answer: isAnswer, correct: isBooleanOrNull, solved: isBoolean, revealed: isBoolean, tries: isCount },
  recall: { text: isText, revealed: isBoolean, rating: isTextOrNull }, // null: revealed, not rated yet
  exercise: { passed: isBoolean, attempts: isCount, hints: isCount, solution: isBoolean },
};

export class ProgressFileError extends Error {}

function refuse(message) {
  throw new ProgressFileError(message);
}

function isBoolean(value) {
  return typeof value === "boolean";
}

function isBooleanOrNull(value) {
  return value === null || typeof value === "boolean";
}

function isCount(value) {
  return Number.isSafeInteger(value) && value >= 0;
}

function isText(value) {
  return typeof value === "string" && value.length <= MAX_TEXT_CHARS;
}

function isTextOrNull(value) {
  return value === null || isText(value);
}

/** A quiz answer: a typed number as text, an option index, or a list of them. */
function isAnswer(value) {
  if (value === null || isText(value) || isCount(value)) return true;
  return Array.isArray(value) && value.length <= 100 && value.every(isCount);
}

function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function depth(value, limit = MAX_DEPTH) {
  if (typeof value !== "object" || value === null) return 0;
  if (limit < 0) return Infinity; // stop walking a deep (hostile) file early
  let deepest = 0;
  for (const inner of Object.values(value)) deepest = Math.max(deepest, depth(inner, limit - 1));
  return deepest + 1;
}

function checkRecord(key, kind, value) {
  if (!isPlainObject(value)) refuse(`the entry ${key} is not a record`);
  if (typeof value.version !== "string" || value.version.length > 100) refuse(`the entry ${key} has no version`);
  const fields = RECORDS[kind];
  for (const [name, field] of Object.entries(value)) {
    if (name === "version") continue;
    if (!Object.hasOwn(fields, name)) refuse(`the entry ${key} has an unknown field ${JSON.stringify(name)}`);
    if (!fields[name](field)) refuse(`the entry ${key} has a wrong value for ${JSON.stringify(name)}`);
  }
}

function checkItem(key, value) {
  if (key.startsWith(CARD_PREFIX)) return; // judged with the schedule
  const match = KEY.exec(key);
  if (!match) refuse(`it holds an entry this course does not keep (${JSON.stringify(key.slice(0, 60))})`);
  const kind = match[1];
  if (kind === "code") {
    if (typeof value !== "string" || value.length > MAX_CODE_CHARS) refuse(`the entry ${key} is not code`);
  } else {
    checkRecord(key, kind, value);
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return refuse("this file is not valid JSON (is it cut short, or not a progress file?)");
  }
}

/** Why the file's review cards cannot be taken (a phrase), or null. */
function scheduleProblem(cards) {
  for (const [key, value] of cards) {
    const name = JSON.stringify(key.slice(CARD_PREFIX.length, 80));
    if (!CARD_KEY.test(key)) return `${name} is not a card of this course`;
    const problem = cardProblem(value);
    if (problem) return `the card ${name}: ${problem}`;
  }
  return null;
}

/**
 * The items of a progress file, checked: a Map of key → value, in file order,
 * with the review cards apart (`cards`, empty when `scheduleProblem` says why
 * they cannot be taken). Throws ProgressFileError with a sentence for the learner.
 */
export function readProgressFile(text, { prefix }) {
  if (text.length > MAX_FILE_BYTES) {
    refuse(`this file is ${(text.length / 1e6).toFixed(1)} MB, far larger than any progress file of this course`);
  }
  const data = parse(text);
  if (!isPlainObject(data) || data.format !== EXPORT_FORMAT || !isPlainObject(data.items)) {
    refuse("this file is not a progress file exported by this course");
  }
  if (data.prefix !== prefix) {
    refuse(
      `this file comes from another version of the course, or from another course (${JSON.stringify(String(data.prefix).slice(0, 40))})`,
    );
  }
  if (depth(data.items) > 3) refuse("this file is nested far deeper than a progress file is");
  const keys = Object.keys(data.items);
  if (keys.length > MAX_ITEMS) refuse(`this file has ${keys.length} entries, more than this course could have saved`);
  const items = new Map();
  const cards = new Map();
  for (const key of keys) {
    checkItem(key, data.items[key]);
    (key.startsWith(CARD_PREFIX) ? cards : items).set(key, data.items[key]);
  }
  const problem = scheduleProblem(cards);
  return { items, cards: problem ? new Map() : cards, scheduleProblem: problem };
}
