// A quiz: single choice (radios), multiple choice (checkboxes) or a numeric
// answer. The build wrote the question, the options and their explanations
// (hidden) as a <fieldset>; this adds Check and Retry, and keeps the answer
// with the learner's progress. A wrong answer marks and explains only the
// options the learner chose, so Retry is still worth something; the right
// answer (every option ✓/✗ with its explanation) appears once they answer
// rightly, or when they press Show answer, offered after a wrong try. A wrong
// number is told what is wrong with it when that is known (numeric.js): the
// author's message for that value, the wrong sign, too few decimals. A
// checked answer is also a review of the quiz's card (web/src/review/).
import { button, el, liveRegion, readData, setEnabled, isEnabled } from "../ui/dom.js";
import { loadRecord, saveRecord } from "../progress/store.js";
import { reviewCard } from "../review/schedule.js";
import { mountMath } from "../math/math.js";
import { parseNumber, judge } from "./numeric.js";

function shuffle(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

class Quiz {
  constructor(root) {
    this.root = root;
    this.data = readData(root, ".course-quiz__data");
    this.fieldset = root.querySelector(".course-quiz__fieldset");
    this.check = button("Check", "course-quiz__check", () => this.submit());
    this.retry = button("Retry", "course-quiz__retry", () => this.reset({ focus: true }));
    this.retry.hidden = true;
    this.showAnswer = button("Show answer", "course-quiz__show-answer", () => this.giveAnswer());
    this.showAnswer.hidden = true;
    this.feedback = liveRegion("course-quiz__feedback");
    this.root.append(
      el("div", { className: "course-quiz__actions" }, this.check, this.retry, this.showAnswer),
      this.feedback,
    );
    this.root.classList.add("course-quiz--mounted");
  }

  get record() {
    return loadRecord(this.data.key, this.data.version);
  }

  save(answer, correct, revealed = false) {
    const solved = Boolean(this.record?.solved) || correct === true;
    saveRecord(this.data.key, this.data.version, { answer, correct, solved, revealed });
    // An answer checked (not one shown by Show answer) is a review of the block's card;
    // on the review page the card is the lesson's block this one copies.
    if (typeof correct === "boolean" && !revealed) {
      reviewCard(this.root.dataset.card ?? this.data.key, correct ? "right" : "wrong");
    }
  }

  /** `message`: text, or a list of text and nodes; `ready`: a promise to wait for before writing it. */
  showResult(correct, message, { revealed = false, ready = null } = {}) {
    this.root.dataset.result = correct ? "correct" : "wrong";
    setEnabled(this.check, false);
    this.retry.hidden = false;
    // After a wrong try the answer stays hidden until asked for.
    this.showAnswer.hidden = correct || revealed;
    // The live region changes once, so it is announced once; a newer result or Retry cancels a wait.
    const parts = (Array.isArray(message) ? message : [message]).filter((part) => part !== "");
    const write = () => {
      this.feedback.replaceChildren(correct ? "✓ Correct." : "✗ Not quite.", ...(parts.length ? [" ", ...parts] : []));
      this.feedback.dataset.kind = correct ? "correct" : "wrong";
    };
    const token = (this.pending = {});
    if (ready) ready.then(() => this.pending === token && write());
    else write();
  }

  giveAnswer() {
    const record = this.record;
    if (this.showAnswer.hidden || !record) return;
    // Focus moves to Retry before the button disappears: it is never lost, and the page does not move.
    if (this.showAnswer.contains(document.activeElement)) this.retry.focus({ preventScroll: true });
    this.evaluate({ save: false, revealed: true });
    this.save(record.answer, record.correct, true);
  }

  reset({ focus = false } = {}) {
    this.pending = null;
    delete this.root.dataset.result;
    this.feedback.textContent = "";
    delete this.feedback.dataset.kind;
    setEnabled(this.check, true);
    this.clearAnswer();
    const record = this.record;
    if (record) this.save(null, null);
    if (focus) this.firstControl().focus({ preventScroll: true });
    this.retry.hidden = true;
    this.showAnswer.hidden = true;
  }
}

class ChoiceQuiz extends Quiz {
  constructor(root) {
    super(root);
    this.list = root.querySelector(".course-quiz__options");
    this.options = [...this.list.querySelectorAll(".course-quiz__option")];
    if (this.data.shuffle) this.list.append(...shuffle(this.options));
    this.correct = new Set(this.data.correct);
    for (const option of this.options) {
      const mark = el("span", { className: "course-quiz__mark", "aria-hidden": "true" });
      option.querySelector(".course-quiz__label").prepend(mark);
      option.input = option.querySelector("input");
      option.mark = mark;
      option.why = option.querySelector(".course-quiz__explanation");
      option.verdict = el("strong", { className: "course-quiz__verdict", id: `${option.why.id}-verdict` });
      option.why.prepend(option.verdict, " ");
    }
    const record = this.record;
    if (Array.isArray(record?.answer)) {
      for (const option of this.options) option.input.checked = record.answer.includes(Number(option.input.value));
      this.evaluate({ save: false, revealed: Boolean(record.revealed) });
    }
  }

  firstControl() {
    return this.list.querySelector("input");
  }

  chosen() {
    return this.options.filter((option) => option.input.checked).map((option) => Number(option.input.value));
  }

  submit() {
    if (!isEnabled(this.check)) return;
    if (this.chosen().length === 0) {
      this.feedback.textContent =
        this.data.type === "single" ? "Choose an answer first." : "Choose at least one answer first.";
      this.feedback.dataset.kind = "hint";
      return;
    }
    this.evaluate({ save: true });
  }

  evaluate({ save, revealed = false }) {
    const chosen = new Set(this.chosen());
    const rightChosen = [...chosen].filter((index) => this.correct.has(index)).length;
    const wrongChosen = chosen.size - rightChosen;
    const correct = wrongChosen === 0 && rightChosen === this.correct.size;
    const all = correct || revealed; // otherwise only the learner's own choices are marked and explained
    for (const option of this.options) {
      const index = Number(option.input.value);
      const isRight = this.correct.has(index);
      const mine = chosen.has(index);
      const shown = all || mine;
      option.classList.toggle("course-quiz__option--chosen", mine);
      option.input.disabled = true;
      option.why.hidden = !shown;
      if (shown) {
        option.dataset.verdict = isRight ? "right" : "wrong";
        option.mark.textContent = isRight ? "✓" : "✗";
        const verdict = isRight ? "✓ Right answer" : "✗ Wrong answer";
        option.verdict.textContent = `${verdict}${mine ? " (your choice)" : ""}.`;
        option.input.setAttribute("aria-describedby", option.why.id);
      } else {
        delete option.dataset.verdict;
        option.mark.textContent = "";
        option.verdict.textContent = "";
        option.input.removeAttribute("aria-describedby");
      }
    }
    let message;
    if (correct) {
      message = "The explanation under each option says why.";
    } else if (revealed) {
      message = "Here is the answer: the explanation under each option says why. Press Retry to answer again.";
    } else {
      const wrongOnes = wrongChosen ? ` and ${wrongChosen} wrong one${wrongChosen > 1 ? "s" : ""}` : "";
      const mine =
        this.data.type === "multiple"
          ? `You chose ${rightChosen} of the ${this.correct.size} right answers${wrongOnes}. `
          : "";
      const choices = `your choice${chosen.size > 1 ? "s" : ""}`;
      message = `${mine}Read the explanation under ${choices} and try again: press Retry, or Show answer.`;
    }
    this.showResult(correct, message, { revealed });
    const answer = [...chosen].sort((a, b) => a - b);
    if (save) this.save(answer, correct, revealed);
  }

  clearAnswer() {
    for (const option of this.options) {
      option.input.checked = false;
      option.input.disabled = false;
      option.input.removeAttribute("aria-describedby");
      option.why.hidden = true;
      option.mark.textContent = "";
      delete option.dataset.verdict;
      option.classList.remove("course-quiz__option--chosen");
    }
  }
}

const decimals = (count) => `${count} decimal${count === 1 ? "" : "s"}`;

class NumericQuiz extends Quiz {
  constructor(root) {
    super(root);
    this.input = root.querySelector(".course-quiz__number");
    this.why = root.querySelector(".course-quiz__explanation");
    // The author's messages for likely wrong answers: Markdown the build rendered, hidden.
    this.messages = new Map([...root.querySelectorAll(".course-quiz__message")].map((m) => [m.id, m]));
    this.input.setAttribute("aria-describedby", this.feedback.id || this.setFeedbackId());
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.submit();
      }
    });
    const record = this.record;
    if (typeof record?.answer === "string") {
      this.input.value = record.answer;
      this.evaluate({ save: false, revealed: Boolean(record.revealed) });
    }
  }

  setFeedbackId() {
    this.feedback.id = `${this.input.id}-feedback`;
    return this.feedback.id;
  }

  firstControl() {
    return this.input;
  }

  submit() {
    if (!isEnabled(this.check)) return;
    this.evaluate({ save: true });
  }

  evaluate({ save, revealed = false }) {
    const { value, decimals: places, error } = parseNumber(this.input.value, { fractions: this.data.fractions });
    if (error) {
      this.feedback.textContent = error;
      this.feedback.dataset.kind = "hint";
      return;
    }
    const verdict = judge(value, places, this.data);
    const correct = verdict.kind === "right";
    this.input.readOnly = true;
    this.why.hidden = !(correct || revealed); // the explanation gives the answer away
    if (correct) {
      this.showResult(true, "", { revealed });
    } else {
      const { parts, ready } = this.describe(verdict, value, places);
      const again = verdict.kind === "wrong" ? "Check your working and try again" : "Try again";
      const next = revealed
        ? "The explanation below gives the answer; press Retry to answer again."
        : `${again}: press Retry, or Show answer.`;
      this.showResult(false, [...parts, " ", next], { revealed, ready });
    }
    if (save) this.save(this.input.value.trim(), correct, revealed);
  }

  /** What is wrong with `value`, as text and the author's rendered Markdown; `ready` when maths must be typeset. */
  describe({ kind, message, rounded }, value, places) {
    const more = decimals(this.data.decimals);
    if (message) {
      const { nodes, ready } = this.copyMessage(message);
      return { parts: [...nodes, rounded ? ` Give ${more}, too.` : ""], ready };
    }
    const text = {
      sign: rounded
        ? `Your answer, ${value}, is close in size but has the wrong sign; give ${more}, too.`
        : `Your answer, ${value}, is the right size but has the wrong sign.`,
      rounded: `Close: ${value} is the answer rounded to ${decimals(places)}. Give ${more}.`,
      wrong: `Your answer, ${value}, is not the expected one.`,
    }[kind];
    return { parts: [text], ready: null };
  }

  /** A copy of one of the author's messages; maths the page has not typeset yet is typeset in the copy. */
  copyMessage(id) {
    const copy = this.messages.get(id).cloneNode(true);
    const pending = [...copy.querySelectorAll(".arithmatex")].filter((math) => !math.querySelector(".katex"));
    const ready = pending.length ? Promise.allSettled(pending.map((math) => mountMath(math))) : null;
    return { nodes: [...copy.childNodes], ready };
  }

  clearAnswer() {
    this.input.value = "";
    this.input.readOnly = false;
    this.why.hidden = true;
  }
}

export function mountQuiz(root) {
  return root.dataset.quizType === "numeric" ? new NumericQuiz(root) : new ChoiceQuiz(root);
}
