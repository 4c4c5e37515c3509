// The learner's review schedule: one card per quiz and recall prompt answered
// in a lesson, kept with the rest of their progress (web/src/progress/store.js),
// so it is exported, imported and reset with it.
//
// An answer counts as a review when the block has no card yet (its first
// answer makes one) or when its card is due today; answering again before then
// (Retry, a second rating) changes nothing, so a lesson's retries do not push
// a card around. A card whose block left the course (not in the build's
// index) is dropped quietly.
import { PREFIX, load, save } from "../storage.js";
import { changed, fetchIndex } from "../progress/store.js";
import { CARD_PREFIX, cardProblem, cardToRecord, recordToCard } from "./card-record.js";
import { isDue, nextCard } from "./scheduler.js";

/** The card of a block's key, or null (none yet, or a record that cannot be read). */
export function loadCard(key) {
  const record = load(CARD_PREFIX + key);
  return record !== null && cardProblem(record) === null ? recordToCard(record) : null;
}

/** The block keys of every card kept in this browser. */
function keptKeys() {
  const start = PREFIX + CARD_PREFIX;
  const keys = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(start)) keys.push(key.slice(start.length));
    }
  } catch {
    // storage disabled: no cards
  }
  return keys;
}

/** Every card kept: Map of block key → ts-fsrs Card. */
export function loadCards() {
  const cards = new Map();
  for (const key of keptKeys()) {
    const card = loadCard(key);
    if (card) cards.set(key, card);
  }
  return cards;
}

/**
 * Record an answer to the block whose card is `key`: `rating` is got, partly,
 * not-yet (recall) or right, wrong (quiz). Returns the card, and whether the
 * answer counted (see above).
 */
export function reviewCard(key, rating, now = new Date()) {
  const card = loadCard(key);
  if (card && !isDue(card, now)) return { card, counted: false };
  const next = nextCard(card, rating, now);
  save(CARD_PREFIX + key, cardToRecord(next));
  changed();
  return { card: next, counted: true };
}

/** The keys that can be cards: every quiz and recall prompt of the lessons in the build's index. */
export function courseCardKeys(index) {
  const keys = new Set();
  for (const lesson of index.lessons) {
    for (const item of lesson.items) if (item.kind === "quiz" || item.kind === "recall") keys.add(item.key);
  }
  return keys;
}

/** Forget the cards of blocks the course no longer has; returns the cards that remain. */
export function pruneCards(validKeys) {
  const cards = loadCards();
  let dropped = false;
  for (const key of cards.keys()) {
    if (validKeys.has(key)) continue;
    save(CARD_PREFIX + key, null);
    cards.delete(key);
    dropped = true;
  }
  if (dropped) changed();
  return cards;
}

/** The course's cards (after dropping removed ones), with the index they were checked against. */
export async function courseCards() {
  const index = await fetchIndex();
  return { index, cards: pruneCards(courseCardKeys(index)) };
}

/** How many of `cards` are due today. */
export function countDue(cards, now = new Date()) {
  let due = 0;
  for (const card of cards.values()) if (isDue(card, now)) due += 1;
  return due;
}
