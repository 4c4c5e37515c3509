// A check mark in the site navigation after each lesson whose quizzes, recall
// prompts and exercises are all done (optional ones aside). Updated whenever progress changes.
import { el, srOnly } from "../ui/dom.js";
import { fetchIndex, lessonStatus, onChange, siteRoot } from "./store.js";
import { mountNavDue } from "../review/due-count.js";

const normalise = (href) => new URL(href, document.baseURI).href.replace(/index\.html$/, "");

async function mark(nav) {
  const index = await fetchIndex();
  const root = siteRoot();
  const complete = new Set(
    index.lessons
      .filter((lesson) => lessonStatus(lesson).complete)
      .map((lesson) => normalise(new URL(lesson.url, root))),
  );
  for (const link of nav.querySelectorAll("a.md-nav__link[href]")) {
    const done = complete.has(normalise(link.href));
    const badge = link.querySelector(".course-nav-done");
    if (done && !badge) {
      const target = link.querySelector(".md-ellipsis") ?? link;
      target.append(
        el(
          "span",
          { className: "course-nav-done", title: "Lesson complete" },
          el("span", { "aria-hidden": "true", text: " ✓" }),
          srOnly(" (complete)"),
        ),
      );
    } else if (!done && badge) {
      badge.remove();
    }
  }
}

export function mountNavProgress(nav) {
  const update = () => mark(nav).catch(() => {}); // no index (a site without lessons): no marks
  onChange(() => (nav.isConnected ? void update() : false));
  update();
  mountNavDue(nav); // and how many review cards are due, after the Review link
}
