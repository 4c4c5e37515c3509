// The site's service worker, placed at the site's root (its scope is the
// site's base, under any sub-path). Workbox does the caching:
// - every page, the search index, the bundle, the stylesheets, fonts, icons and
//   Pyodide are precached (the manifest the plugin writes into this file at site
//   build), so the course works offline after one visit;
// - a revised file is precached by asking the host whether the HTTP cache's
//   copy is current, not by downloading it again (revalidate.js);
// - anything else goes to the network;
// - documents and workers get the cross-origin isolation headers (isolation.js).
// A new version waits until the page asks it to take over (the update banner,
// web/src/offline/), so an open page never mixes old and new files.
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { registerRoute, setDefaultHandler } from "workbox-routing";
import { NetworkOnly } from "workbox-strategies";
import { isolatedFor, isolationPlugin } from "./isolation.js";
import { revalidatePlugin } from "./revalidate.js";

addPlugins([isolationPlugin, revalidatePlugin]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
setDefaultHandler(new NetworkOnly({ plugins: [isolationPlugin] }));

// HEAD: the Python worker checks that Pyodide's wasm is there before it boots.
// Answered from the precache (offline too) when it holds the file.
async function answerHead({ request }) {
  const cached = await matchPrecache(request.url);
  if (!cached) return isolatedFor(request, await fetch(request));
  return isolatedFor(request, new Response(null, { status: cached.status, headers: cached.headers }));
}
registerRoute(() => true, answerHead, "HEAD");

// The first worker takes the open page at once: its next requests, offline too, are served from the precache.
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// workbox-window's messageSkipWaiting(): the learner chose Reload on the banner.
self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") self.skipWaiting();
});
