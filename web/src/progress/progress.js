// The progress page: every lesson with what is done, export to a JSON file,
// import it back, and reset everything (after a confirmation).
import { button, el, liveRegion } from "../ui/dom.js";
import { confirmDialog } from "../ui/confirm.js";
import { exportAll, fetchIndex, importAll, lessonStatus, onChange, resetAll, siteRoot } from "./store.js";

const KINDS = [
  ["quiz", "quiz answered correctly", "quizzes answered correctly"],
  ["recall", "recall prompt rated", "recall prompts rated"],
  ["exercise", "exercise passed", "exercises passed"],
  ["parsons", "Parsons problem solved", "Parsons problems solved"],
];

function describe(counts, optional = {}) {
  const count = (of, prefix) =>
    KINDS.filter(([kind]) => of[kind]).map(([kind, one, many]) => {
      const { done, total } = of[kind];
      return `${done} of ${total} ${prefix}${total === 1 ? one : many}`;
    });
  const parts = [...count(counts, ""), ...count(optional, "optional ")];
  return parts.length ? parts.join(" · ") : "Nothing to answer in this lesson yet.";
}

class ProgressPage {
  constructor(root) {
    this.root = root;
    this.summary = el("p", { className: "course-progress__summary" });
    this.list = el("ol", { className: "course-progress__lessons", "aria-label": "Lessons" });
    this.list.style.listStyleType = "none"; // the titles carry their number ("1. Your first neuron"): show it once
    this.status = liveRegion("course-progress__status");
    this.file = el("input", {
      type: "file",
      accept: "application/json,.json",
      className: "course-progress__file",
      "aria-label": "Progress file to import",
      hidden: true,
    });
    this.file.addEventListener("change", () => this.importFile());
    const actions = el(
      "div",
      { className: "course-progress__actions", role: "group", "aria-label": "Your saved progress" },
      button("Export progress", "course-progress__export", () => this.exportFile()),
      button("Import progress", "course-progress__import", () => this.file.click()),
      button("Reset all progress", "course-progress__reset", () => this.reset()),
    );
    root.replaceChildren(this.summary, this.list, actions, this.file, this.status);
    root.classList.add("course-progress--mounted");
    onChange(() => (root.isConnected ? void this.render() : false));
    this.render();
  }

  async render() {
    let index;
    try {
      index = await fetchIndex();
    } catch (error) {
      this.summary.textContent = `Your progress could not be shown (${error.message}).`;
      return;
    }
    const root = siteRoot();
    let complete = 0;
    const items = index.lessons.map((lesson) => {
      const { counts, optional, complete: done } = lessonStatus(lesson);
      if (done) complete += 1;
      return el(
        "li",
        {
          className: `course-progress__lesson${done ? " course-progress__lesson--complete" : ""}`,
          dataset: { lesson: lesson.src },
        },
        el("a", { href: new URL(lesson.url, root).href, text: lesson.title }),
        " ",
        el("span", { className: "course-progress__state", text: done ? "✓ Complete" : "Not complete yet" }),
        el("span", { className: "course-progress__counts", text: describe(counts, optional) }),
      );
    });
    this.list.replaceChildren(...items);
    this.summary.textContent = `You have completed ${complete} of ${index.lessons.length} lessons. Your answers and code are kept in this browser only: export them to keep a copy.`;
  }

  exportFile() {
    const data = exportAll();
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: `one-neuron-progress-${data.exported.slice(0, 10)}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.status.textContent = `Exported ${Object.keys(data.items).length} saved items to a file.`;
  }

  async importFile() {
    const [file] = this.file.files;
    if (!file) return;
    try {
      const { count, scheduleProblem } = importAll(await file.text());
      const kept = scheduleProblem
        ? ` Its review schedule was not imported (${scheduleProblem}): your current schedule is kept.`
        : "";
      this.status.textContent = `Imported ${count} saved items from ${file.name}.${kept}`;
    } catch (error) {
      this.status.textContent = `Could not import ${file.name}: ${error.message}.`;
    } finally {
      this.file.value = "";
    }
  }

  async reset() {
    const yes = await confirmDialog({
      title: "Reset all progress?",
      message:
        "This removes every answer, rating, passed exercise and saved code of this course from this browser. Export your progress first to keep a copy.",
      confirm: "Reset all progress",
    });
    if (!yes) return;
    resetAll();
    this.status.textContent = "All progress and saved code were removed from this browser.";
  }
}

export function mountProgress(root) {
  return new ProgressPage(root);
}
