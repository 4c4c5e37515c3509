// A recall prompt: the learner writes (or just thinks) an answer, reveals the
// model answer, and rates themselves. All three are kept with their progress;
// the rating is also a review of the prompt's card (web/src/review/: Got it →
// Good, Partly → Hard, Not yet → Again).
import { button, debounce, el, liveRegion, setEnabled, uniqueId } from "../ui/dom.js";
import { loadRecord, saveRecord } from "../progress/store.js";
import { reviewCard } from "../review/schedule.js";
import { formatDay } from "../review/dates.js";

const RATINGS = [
  ["got", "Got it"],
  ["partly", "Partly"],
  ["not-yet", "Not yet"],
];

class Recall {
  constructor(root) {
    this.root = root;
    this.key = root.dataset.recallKey;
    this.version = root.dataset.version;
    this.textarea = root.querySelector(".course-recall__mine");
    this.answer = root.querySelector(".course-recall__answer");
    this.show = button("Show answer", "course-recall__show", () => this.reveal({ focus: true }));
    this.feedback = liveRegion("course-recall__feedback");
    const labelId = uniqueId("course-recall-rate");
    this.ratings = RATINGS.map(([value, label]) => {
      const rate = button(label, "course-recall__rate", () => this.rate(value));
      rate.dataset.rating = value;
      rate.setAttribute("aria-pressed", "false");
      return rate;
    });
    this.rating = el(
      "div",
      { className: "course-recall__rating", role: "group", "aria-labelledby": labelId, hidden: true },
      el("span", { className: "course-recall__rating-label", id: labelId, text: "How did you do?" }),
      ...this.ratings,
    );
    this.textarea.after(el("div", { className: "course-recall__actions" }, this.show));
    this.answer.after(this.rating, this.feedback);
    const saveText = debounce(() => this.save({ text: this.textarea.value }));
    this.textarea.addEventListener("input", saveText);
    root.classList.add("course-recall--mounted");
    this.restore();
  }

  get record() {
    return loadRecord(this.key, this.version) ?? { text: "", revealed: false, rating: null };
  }

  save(changes) {
    saveRecord(this.key, this.version, { ...this.record, ...changes });
  }

  restore() {
    const { text, revealed, rating } = this.record;
    if (text) this.textarea.value = text;
    if (revealed) this.reveal({ save: false });
    if (rating) this.showRating(rating);
  }

  reveal({ focus = false, save = true } = {}) {
    this.answer.hidden = false;
    this.rating.hidden = false;
    setEnabled(this.show, false);
    if (save) this.save({ revealed: true, text: this.textarea.value });
    if (focus) this.feedback.textContent = "The model answer is shown below your answer. Then rate yourself.";
  }

  rate(value) {
    this.save({ rating: value, revealed: true, text: this.textarea.value });
    this.showRating(value);
    // On the review page the card is the lesson's prompt this one copies.
    const { card, counted } = reviewCard(this.root.dataset.card ?? this.key, value);
    const label = RATINGS.find(([name]) => name === value)[1];
    const later = value === "got" ? "" : " Come back to it later: recalling it again is what makes it stick.";
    const next = counted ? ` Next review: ${formatDay(card.due)}.` : "";
    this.feedback.textContent = `Saved: you rated this “${label}”.${later}${next}`;
  }

  showRating(value) {
    for (const rate of this.ratings) rate.setAttribute("aria-pressed", String(rate.dataset.rating === value));
    this.root.dataset.rating = value;
  }
}

export function mountRecall(root) {
  return new Recall(root);
}
