// A quiz: single choice (radios), multiple choice (checkboxes) or a numeric
// answer. The build wrote the question, the options and their explanations
// (hidden) as a <fieldset>; this adds Check and Retry, marks each option ✓/✗
// with its explanation, and keeps the answer with the learner's progress.
import { button, el, liveRegion, readData, setEnabled, isEnabled, srOnly } from "../ui/dom.js";
import { loadRecord, saveRecord } from "../progress/store.js";
import { parseNumber, isClose } from "./numeric.js";

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
    this.feedback = liveRegion("course-quiz__feedback");
    this.root.append(el("div", { className: "course-quiz__actions" }, this.check, this.retry), this.feedback);
    this.root.classList.add("course-quiz--mounted");
  }

  get record() {
    return loadRecord(this.data.key, this.data.version);
  }

  save(answer, correct) {
    const solved = Boolean(this.record?.solved) || correct === true;
    saveRecord(this.data.key, this.data.version, { answer, correct, solved });
  }

  showResult(correct, message) {
    this.root.dataset.result = correct ? "correct" : "wrong";
    this.feedback.textContent = `${correct ? "✓ Correct." : "✗ Not quite."} ${message}`.trim();
    this.feedback.dataset.kind = correct ? "correct" : "wrong";
    setEnabled(this.check, false);
    this.retry.hidden = false;
  }

  reset({ focus = false } = {}) {
    delete this.root.dataset.result;
    this.feedback.textContent = "";
    delete this.feedback.dataset.kind;
    setEnabled(this.check, true);
    this.clearAnswer();
    const record = this.record;
    if (record) this.save(null, null);
    if (focus) this.firstControl().focus({ preventScroll: true });
    this.retry.hidden = true;
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
      this.evaluate({ save: false });
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
      this.feedback.textContent = this.data.type === "single" ? "Choose an answer first." : "Choose at least one answer first.";
      this.feedback.dataset.kind = "hint";
      return;
    }
    this.evaluate({ save: true });
  }

  evaluate({ save }) {
    const chosen = new Set(this.chosen());
    const rightChosen = [...chosen].filter((index) => this.correct.has(index)).length;
    const wrongChosen = chosen.size - rightChosen;
    const correct = wrongChosen === 0 && rightChosen === this.correct.size;
    for (const option of this.options) {
      const index = Number(option.input.value);
      const isRight = this.correct.has(index);
      const mine = chosen.has(index);
      option.dataset.verdict = isRight ? "right" : "wrong";
      option.classList.toggle("course-quiz__option--chosen", mine);
      option.mark.textContent = isRight ? "✓" : "✗";
      option.verdict.textContent = `${isRight ? "✓ Right answer" : "✗ Wrong answer"}${mine ? " (your choice)" : ""}.`;
      option.why.hidden = false;
      option.input.disabled = true;
      option.input.setAttribute("aria-describedby", option.why.id);
    }
    let message = "The explanation under each option says why.";
    if (!correct && this.data.type === "multiple") {
      message = `You chose ${rightChosen} of the ${this.correct.size} right answers${wrongChosen ? ` and ${wrongChosen} wrong one${wrongChosen > 1 ? "s" : ""}` : ""}. ${message}`;
    }
    this.showResult(correct, correct ? message : `${message} Press Retry to answer again.`);
    if (save) this.save([...chosen].sort((a, b) => a - b), correct);
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

class NumericQuiz extends Quiz {
  constructor(root) {
    super(root);
    this.input = root.querySelector(".course-quiz__number");
    this.why = root.querySelector(".course-quiz__explanation");
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
      this.evaluate({ save: false });
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

  evaluate({ save }) {
    const { value, error } = parseNumber(this.input.value, { fractions: this.data.fractions });
    if (error) {
      this.feedback.textContent = error;
      this.feedback.dataset.kind = "hint";
      return;
    }
    const correct = isClose(value, this.data.answer, this.data.tolerance);
    this.input.readOnly = true;
    this.why.hidden = false;
    this.showResult(correct, correct ? "" : `Your answer, ${value}, is not the expected one. The explanation is below; press Retry to answer again.`);
    if (save) this.save(this.input.value.trim(), correct);
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
