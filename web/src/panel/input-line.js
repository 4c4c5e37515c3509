// The answer box input() shows in a panel's output area, after its prompt: a
// native text input named by the prompt, sent with Enter or the Send button;
// Ctrl+D ends the input (Python's input() then raises EOFError), as in a terminal.
import { ANSWER_CHARS } from "../runner/input-channel.js";

let made = 0;

function sendButton() {
  const send = document.createElement("button");
  send.type = "submit";
  send.className = "md-button course-panel__button course-input__send";
  send.textContent = "Send";
  return send;
}

/** A form asking for one line; `done(answer)` gets the text, or null for the end of input. */
export function createInputLine(prompt, done) {
  const form = document.createElement("form");
  form.className = "course-input";
  const field = document.createElement("input");
  field.type = "text";
  field.className = "course-input__field";
  field.autocomplete = "off";
  field.spellcheck = false;
  field.maxLength = ANSWER_CHARS;
  field.setAttribute("aria-label", prompt.trim() ? `Your answer to: ${prompt.trim()}` : "Your code's input");
  const hint = document.createElement("span");
  hint.className = "course-input__hint";
  hint.id = `course-input-hint-${++made}`;
  hint.textContent = "Enter sends it · Ctrl+D ends the input";
  field.setAttribute("aria-describedby", hint.id);
  form.append(field, sendButton(), hint);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    done(field.value);
  });
  field.addEventListener("keydown", (event) => {
    if (event.ctrlKey && !event.altKey && event.key.toLowerCase() === "d") {
      event.preventDefault();
      done(null);
    }
  });
  return { element: form, field };
}
