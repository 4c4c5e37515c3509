// The page's side of search-later.js: tell the theme's search worker to build
// its index, once this page is settled (Python ready and the first Runs
// answered, or at once on a page without code) or as soon as the learner opens
// search. (The channel reaches the course's workers in every tab; one told
// "now" early only builds its index sooner.)
let channel = null;
let settled = false; // this page is settled, or the learner opened search

function now() {
  settled = true;
  channel?.postMessage("now");
}

/** Listen for the search worker's question, and for the learner opening search; once per page load. */
export function listenForSearch(assetsURL) {
  if (channel || !globalThis.BroadcastChannel) return;
  channel = new BroadcastChannel(`course-search:${new URL(assetsURL, location.href).href}`);
  channel.onmessage = ({ data }) => {
    if (data === "when?" && settled) now();
  };
  document.addEventListener("focusin", (event) => {
    if (event.target.closest?.(".md-search")) now();
  });
  document.getElementById("__search")?.addEventListener("change", now);
}

/** This page is settled: its search may build its index now. */
export const searchNow = now;
