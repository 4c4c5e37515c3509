// Saving a code panel's edits in the browser's storage.
import { load, store, storageEnabled, onChangedElsewhere } from "../storage.js";
import { isMac } from "../ui/dom.js";

const SAVE_DELAY_MS = 300;
const RETRY_MS = 3000; // while the storage is full, try again this often
// Panels holding an edit not yet saved, those of a page just left by instant
// navigation too: a panel mounting saves them first, so that it never reads
// an older copy than the one the page left behind still had.
const unsavedEdits = new Set();
// Edits listening to the page's events. A page left by instant navigation is
// gone but its listeners are not: the next panel to mount lets them go.
const watching = new Set();

/** Save now every edit still waiting for its delay (an instant navigation left its page). */
export function saveAllEdits() {
  for (const edits of [...unsavedEdits]) edits.saveNow();
}

// Each edit is saved 300 ms later, or at once when the page is hidden or
// left. If the storage is full, the text stays in the editor, the panel says
// so, and the save is tried again every few seconds, on the next edit and
// when the page is hidden or left. If the storage is off, the panel says
// once that edits will not be kept. A page back from the back/forward cache
// reads the stored copy again (another tab may have changed it meanwhile).
//
// Two tabs on one lesson: when another tab saves this panel's code, a tab
// with nothing unsaved takes the new text (one undoable change). A tab with
// unsaved edits keeps its own text but stops trying to save it, so the other
// tab's newer copy is not replaced behind the learner's back: the learner's
// next edit here saves this tab's text (the last edit wins).
export class SavedEdits {
  /** The edits of `panel` (its editor, storageKey, starter, section and storageNote). */
  constructor(panel) {
    this.panel = panel;
    this.unsaved = null; // the text still to save, or null
  }

  /** The code to open the editor with: the saved copy, or the starter. */
  open() {
    saveAllEdits(); // an edit the page just left may not be saved yet
    const saved = load(this.panel.storageKey);
    this.savedCode = typeof saved === "string" ? saved : this.panel.starter; // what the storage holds, as far as we know
    return this.savedCode;
  }

  /** An edit in the editor (not one this took from another tab). */
  changed(code) {
    if (!this.applyingOtherTab) this.scheduleSave(code);
  }

  watch() {
    for (const edits of [...watching]) if (!edits.panel.section.isConnected && edits.unsaved === null) edits.unwatch();
    if (!storageEnabled()) {
      this.showNote("Your edits will not be kept in this browser: it does not let this site store anything.");
      this.storageOff = true;
      return;
    }
    // Leaving or hiding the page saves at once what is still unsaved (the page
    // may be closed before the debounced save comes round).
    this.flushSave = () => this.saveNow();
    this.onHidden = () => document.visibilityState === "hidden" && this.flushSave();
    // Back from the back/forward cache: another tab may have saved this panel meanwhile.
    this.onShown = (event) => event.persisted && this.panel.section.isConnected && this.rereadSaved();
    globalThis.addEventListener("pagehide", this.flushSave);
    globalThis.addEventListener("pageshow", this.onShown);
    document.addEventListener("visibilitychange", this.onHidden);
    watching.add(this);
    this.stopWatching = onChangedElsewhere((key, value) => {
      if (!this.panel.section.isConnected) this.unwatch();
      else if (key === null || key === this.panel.storageKey)
        this.takeOtherTabsCode(typeof value === "string" ? value : this.panel.starter);
    });
  }

  unwatch() {
    watching.delete(this);
    this.stopWatching?.();
    globalThis.removeEventListener("pagehide", this.flushSave);
    globalThis.removeEventListener("pageshow", this.onShown);
    document.removeEventListener("visibilitychange", this.onHidden);
  }

  /** Take the stored copy if it is not the one this tab last knew of. */
  rereadSaved() {
    const saved = load(this.panel.storageKey);
    const code = typeof saved === "string" ? saved : this.panel.starter;
    if (code !== this.savedCode) this.takeOtherTabsCode(code);
  }

  scheduleSave(code) {
    this.unsaved = code;
    this.conflict = false;
    unsavedEdits.add(this);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  saveNow() {
    clearTimeout(this.saveTimer);
    unsavedEdits.delete(this);
    if (this.unsaved === null || this.conflict || this.storageOff) return;
    const code = this.unsaved;
    const result = store(this.panel.storageKey, code === this.panel.starter ? null : code);
    if (result === "ok") {
      this.savedCode = code;
      this.unsaved = null;
      this.stopRetrying();
      this.showNote("");
    } else if (result === "full") {
      unsavedEdits.add(this);
      this.showNote(
        "Your edits could not be saved: this browser's storage is full. " +
          "They stay here while the page is open; they will be saved when there is room.",
        "error",
      );
      this.retryTimer ||= setInterval(() => this.retry(), RETRY_MS);
    } else {
      this.storageOff = true;
      this.stopRetrying();
      this.showNote("Your edits will not be kept in this browser: it does not let this site store anything.");
    }
  }

  retry() {
    if (!this.panel.section.isConnected && this.unsaved === null) this.stopRetrying();
    else this.saveNow();
  }

  stopRetrying() {
    clearInterval(this.retryTimer);
    this.retryTimer = null;
  }

  /** Another tab saved `code` for this panel. */
  takeOtherTabsCode(code) {
    if (!this.panel.editor) return;
    this.savedCode = code;
    if (code === this.panel.editor.getCode()) {
      this.unsaved = null; // the same text: nothing left to save
      this.conflict = false;
      this.stopRetrying();
      this.showNote("");
    } else if (this.unsaved === null) {
      this.applyingOtherTab = true;
      try {
        this.panel.editor.setCode(code);
      } finally {
        this.applyingOtherTab = false;
      }
      this.showNote(`Updated with your edits from another tab (${isMac ? "⌘" : "Ctrl"}+Z in the editor to undo).`);
    } else {
      clearTimeout(this.saveTimer);
      this.stopRetrying();
      this.conflict = true;
      this.showNote(
        "This code was also changed in another tab. Your text here is kept; " +
          "your next edit here saves it in place of the other tab's.",
      );
    }
  }

  showNote(text, kind = "warning") {
    this.panel.storageNote.textContent = text;
    this.panel.storageNote.dataset.kind = kind;
    this.panel.storageNote.hidden = !text;
  }
}
