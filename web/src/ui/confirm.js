// A confirmation asked in a modal <dialog>: named, keyboard-friendly (Escape
// cancels, focus starts on the safe choice and returns where it was).
import { el, uniqueId } from "./dom.js";

export function confirmDialog({ title, message, confirm, cancel = "Cancel" }) {
  return new Promise((resolve) => {
    const id = uniqueId("course-dialog");
    const yes = el("button", {
      type: "button",
      className: "md-button md-button--primary course-button",
      text: confirm,
    });
    const no = el("button", { type: "button", className: "md-button course-button", text: cancel });
    const dialog = el(
      "dialog",
      { className: "course-dialog", "aria-labelledby": `${id}-title`, "aria-describedby": `${id}-message` },
      el("h2", { className: "course-dialog__title", id: `${id}-title`, text: title }),
      el("p", { className: "course-dialog__message", id: `${id}-message`, text: message }),
      el("div", { className: "course-dialog__actions" }, yes, no),
    );
    const previous = document.activeElement;
    yes.addEventListener("click", () => dialog.close("yes"));
    no.addEventListener("click", () => dialog.close("no"));
    dialog.addEventListener("close", () => {
      dialog.remove();
      previous?.focus?.({ preventScroll: true });
      resolve(dialog.returnValue === "yes");
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}
