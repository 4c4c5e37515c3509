// The review page's schedule: **Due today** (the cards whose time has come, in
// an order mixed across lessons that stays the same all day), then **Coming
// up** (every other card with the date it is due). The build gathered a copy
// of every lesson's quiz and recall prompt below the block, and told it which
// lesson block each copy stands for (coursesite.review): a due card's copy is
// moved up into Due today, fresh, and answering it reviews the lesson's card.
// It mounts before the quizzes and prompts (course.js), so they find their
// card (data-card) and no stale answer.
import { el, readData } from "../ui/dom.js";
import { load, save } from "../storage.js";
import { onChange } from "../progress/store.js";
import { courseCards, loadCards } from "./schedule.js";
import { isDue } from "./scheduler.js";
import { formatDay, localDay } from "./dates.js";

const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

/** FNV-1a: a number from text, for the day's order. */
function hash(text) {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return value;
}

/** The lesson a gathered block is under: the heading before it (h3, coursesite.review) links to the lesson. */
function lessonOf(block) {
  let node = block.previousElementSibling;
  while (node && node.tagName !== "H3") node = node.previousElementSibling;
  const link = node?.querySelector("a:not(.headerlink)");
  return { title: link?.textContent.trim() ?? "", href: link?.href ?? null };
}

function promptOf(block) {
  const prompt = block.querySelector(".course-quiz__question, .course-recall__prompt");
  return prompt?.textContent.trim().replace(/\s+/g, " ") ?? "";
}

/** A review-page copy's own answer from an earlier review, so a due card starts fresh. */
function forgetEarlierAnswer(own) {
  const record = load(own);
  if (record && (typeof record.correct === "boolean" || record.rating)) save(own, null);
}

class ReviewPage {
  constructor(root) {
    this.root = root;
    const cards = readData(root, ".course-review__data")?.cards ?? {};
    this.blocks = new Map(); // card key → {block, own, lesson, prompt}
    for (const block of (root.closest("article") ?? document).querySelectorAll(".course-quiz, .course-recall")) {
      const own = block.dataset.quizKey ?? block.dataset.recallKey;
      if (!cards[own]) continue;
      block.dataset.card = cards[own];
      this.blocks.set(cards[own], { block, own, lesson: lessonOf(block), prompt: promptOf(block) });
    }
    this.dueSummary = el("p", { className: "course-review__summary course-review__due-summary" });
    this.dueList = el("div", { className: "course-review__due" });
    this.comingSummary = el("p", { className: "course-review__summary course-review__coming-summary" });
    this.comingList = el("ol", { className: "course-review__coming", "aria-label": "Cards coming up" });
    const [due, coming] = root.querySelectorAll("h2"); // the build's, listed in the table of contents
    root.replaceChildren(due, this.dueSummary, this.dueList, coming, this.comingSummary, this.comingList);
    root.classList.add("course-review--mounted");
    this.due = this.gatherDue();
    this.render();
    onChange(() => (root.isConnected ? void this.render() : false));
    courseCards().catch(() => {}); // drops the cards of removed blocks (a change: rendered again)
  }

  /** The page's cards (blocks the page has), each as kept. */
  cards() {
    const kept = loadCards();
    return new Map([...kept].filter(([key]) => this.blocks.has(key)));
  }

  /** Move the copies of today's due cards into Due today, in the day's order. */
  gatherDue() {
    const now = new Date();
    const day = localDay(now);
    const due = [...this.cards()].filter(([, card]) => isDue(card, now)).map(([key]) => key);
    due.sort((a, b) => hash(`${day} ${a}`) - hash(`${day} ${b}`) || a.localeCompare(b));
    return due.map((key) => {
      const { block, own, lesson } = this.blocks.get(key);
      forgetEarlierAnswer(own);
      const from = lesson.href ? el("a", { href: lesson.href, text: lesson.title }) : lesson.title;
      const next = el("p", { className: "course-review__next", hidden: true });
      const wrapper = el(
        "div",
        { className: "course-review__card", dataset: { card: key } },
        el("p", { className: "course-review__from" }, "From ", from),
        block,
        next,
      );
      this.dueList.append(wrapper);
      return { key, wrapper, next };
    });
  }

  render() {
    const now = new Date();
    const cards = this.cards();
    const dueNow = [...cards.values()].filter((card) => isDue(card, now)).length;
    for (const { key, wrapper, next } of this.due) {
      const card = cards.get(key);
      const done = Boolean(card) && !isDue(card, now);
      wrapper.classList.toggle("course-review__card--done", done);
      next.hidden = !done;
      next.textContent = done ? `Reviewed. Next review: ${formatDay(card.due)}.` : "";
    }
    this.dueSummary.textContent =
      dueNow > 0
        ? `${plural(dueNow, "card", "cards")} due today.`
        : `Nothing is due today${this.due.length ? ": all reviewed" : ""}.`;
    this.renderComing(cards, now);
  }

  renderComing(cards, now) {
    const coming = [...cards].filter(([, card]) => !isDue(card, now));
    coming.sort(([a, one], [b, other]) => one.due - other.due || a.localeCompare(b));
    this.comingList.replaceChildren(
      ...coming.map(([key, card]) => {
        const { prompt, lesson } = this.blocks.get(key);
        return el(
          "li",
          { className: "course-review__upcoming", dataset: { card: key, due: card.due.toISOString() } },
          el("span", { className: "course-review__date", text: formatDay(card.due) }),
          el("span", { className: "course-review__prompt", text: prompt }),
          el("span", { className: "course-review__lesson", text: lesson.title }),
        );
      }),
    );
    this.comingList.hidden = coming.length === 0;
    const unscheduled = this.blocks.size - cards.size;
    const later = coming.length ? `${plural(coming.length, "card", "cards")} scheduled for later. ` : "";
    const waiting = unscheduled
      ? `${plural(unscheduled, "check", "checks")} of the lessons (below) ${unscheduled === 1 ? "is" : "are"} not in your schedule yet: each joins it once you answer it.`
      : "";
    this.comingSummary.textContent = (later + waiting).trim() || "Every check of the course is due today.";
  }
}

export function mountReview(root) {
  return new ReviewPage(root);
}
