// The review tests' oracle: the due dates ts-fsrs itself gives for a list of
// reviews, computed here in Node, apart from the page's code. The parameters
// are the course's documented ones (README, web/src/review/scheduler.js):
// no short-term steps, no fuzz, default weights.
//
// stdin: [{"card": "quiz:lessons/x/1", "rating": "Again" | "Hard" | "Good", "at": ISO}, …]
// stdout: {"quiz:lessons/x/1": {"due": ISO, "last_review": ISO, "scheduled_days": n}, …}
import { readFileSync } from "node:fs";
import process from "node:process";
import { Rating, createEmptyCard, fsrs, generatorParameters } from "ts-fsrs";

const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));
const cards = {};
for (const { card, rating, at } of JSON.parse(readFileSync(0, "utf-8"))) {
  const when = new Date(at);
  cards[card] = scheduler.next(cards[card] ?? createEmptyCard(when), when, Rating[rating]).card;
}
const out = {};
for (const [key, card] of Object.entries(cards)) {
  out[key] = {
    due: card.due.toISOString(),
    last_review: card.last_review.toISOString(),
    scheduled_days: card.scheduled_days,
  };
}
process.stdout.write(JSON.stringify(out));
