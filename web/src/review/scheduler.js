// The scheduler: FSRS from ts-fsrs, never by hand. Parameters (also on the
// authors' page, and used by the tests' oracle, tests/e2e/fsrs_oracle.mjs):
//   - ts-fsrs's default weights and 90 % desired retention;
//   - enable_short_term: false: a course is reviewed over days, not in
//     minute-long learning steps, so every rating schedules whole days;
//   - enable_fuzz: false: the same ratings give the same dates.
// Ratings: a recall prompt's Got it → Good, Partly → Hard, Not yet → Again; a
// quiz answered rightly → Good, wrongly → Again.
//
// The clock is read at every use (new Date()), so a test can set it. A clock
// that went backwards never reaches FSRS (which would refuse a negative
// interval): a review is dated no earlier than the card's last one.
import { Rating, createEmptyCard, fsrs, generatorParameters } from "ts-fsrs";

export const PARAMETERS = { enable_short_term: false, enable_fuzz: false };
export const RATINGS = {
  got: Rating.Good,
  partly: Rating.Hard,
  "not-yet": Rating.Again,
  right: Rating.Good,
  wrong: Rating.Again,
};

const scheduler = fsrs(generatorParameters(PARAMETERS));

/** The last moment of the local day `now` falls in: a card due before it is due today. */
export function endOfDay(now = new Date()) {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

/** Whether the card's time has come today (local time). */
export function isDue(card, now = new Date()) {
  return card.due.getTime() <= endOfDay(now).getTime();
}

/** When a review at `now` happened, for FSRS: never before the card's last review. */
export function reviewTime(card, now = new Date()) {
  const last = card?.last_review?.getTime();
  return Number.isFinite(last) && last > now.getTime() ? new Date(last) : now;
}

/** The card after a rating (`got`, `partly`, `not-yet`, `right` or `wrong`); `card` null for a first answer. */
export function nextCard(card, rating, now = new Date()) {
  if (!Object.hasOwn(RATINGS, rating)) throw new Error(`unknown rating ${rating}`);
  const at = reviewTime(card, now);
  return scheduler.next(card ?? createEmptyCard(at), at, RATINGS[rating]).card;
}
