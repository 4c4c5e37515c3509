// How many review cards are due today, as text: after the Review link in the
// site's navigation ("3 due"), and in a review-due block (the home page).
// Not a live region: the count changes only when the learner answers, and the
// answer's own feedback says so.
import { el } from "../ui/dom.js";
import { onChange, siteRoot } from "../progress/store.js";
import { countDue, courseCards } from "./schedule.js";
import { formatDay } from "./dates.js";

const normalise = (href) => new URL(href, document.baseURI).href.replace(/index\.html$/, "");

/** The due count, the cards, and the review page's address (null in a site without one). */
async function dueToday() {
  const { index, cards } = await courseCards();
  const review = index.review ? normalise(new URL(index.review, siteRoot())) : null;
  return { due: countDue(cards), cards, review };
}

async function markNav(nav) {
  const { due, review } = await dueToday();
  for (const link of nav.querySelectorAll("a.md-nav__link[href]")) {
    const badge = link.querySelector(".course-nav-due");
    const here = review !== null && normalise(link.href) === review;
    if (!here || due === 0) {
      badge?.remove();
      continue;
    }
    const text = ` · ${due} due`;
    if (badge) badge.textContent = text;
    else (link.querySelector(".md-ellipsis") ?? link).append(el("span", { className: "course-nav-due", text }));
  }
}

/** Keep the count after the navigation's Review link (called with the nav's other marks, progress/nav.js). */
export function mountNavDue(nav) {
  const update = () => markNav(nav).catch(() => {}); // no index: no count
  onChange(() => (nav.isConnected ? void update() : false));
  update();
}

function nextDue(cards) {
  let next = null;
  for (const card of cards.values()) if (next === null || card.due < next) next = card.due;
  return next;
}

async function fillBlock(root) {
  const { due, cards, review } = await dueToday();
  const link = review && el("a", { href: review, text: due ? "Review them now" : "Open the review" });
  let text;
  if (due) text = `${due} review ${due === 1 ? "card is" : "cards are"} due today.`;
  else if (cards.size) text = `No review cards are due today; the next is due on ${formatDay(nextDue(cards))}.`;
  else
    text = "No review cards yet: the quizzes and recall prompts you answer in the lessons come back here for review.";
  root.replaceChildren(el("p", { className: "course-review-due__count" }, text, ...(link ? [" ", link] : [])));
}

export function mountReviewDue(root) {
  const update = () =>
    fillBlock(root).catch((error) => {
      root.replaceChildren(el("p", { text: `The review count could not be shown (${error.message}).` }));
    });
  onChange(() => (root.isConnected ? void update() : false));
  update();
}
