// Material for MkDocs' search worker, started once the page is settled. The
// theme hands its search to the web worker its config names (a documented way
// to bring one's own); the course plugin names this one instead, with the
// theme's own worker after the '#' (coursesite/search_later.py). The theme
// sends the whole search index at page load, and building it takes Lunr a few
// hundred ms of CPU, which on a page with code is taken from Python's boot. So
// this worker keeps every message until a page of the course says "now" (it is
// settled, or the learner opened search: search-now.js), or TIMEOUT_MS have
// passed; then it loads the theme's worker and hands it the messages in order.
// Until then the theme's search box says it is initialising, as it always has.
const CHANNEL = `course-search:${new URL("./", location.href).href}`;
const TIMEOUT_MS = 10_000; // no page said "now" (its script failed): build the index anyway

const kept = [];
let started = false;

function start() {
  if (started) return;
  started = true;
  channel.close();
  importScripts(new URL(location.hash.slice(1), location.href).href);
  for (const data of kept.splice(0)) dispatchEvent(new MessageEvent("message", { data }));
}

addEventListener("message", (event) => {
  if (!started) kept.push(event.data); // (once started, the theme's worker has its own listener)
});

const channel = new BroadcastChannel(CHANNEL);
channel.onmessage = ({ data }) => {
  if (data === "now") start();
};
channel.postMessage("when?"); // a page settled before this worker started says "now" again
setTimeout(start, TIMEOUT_MS);
