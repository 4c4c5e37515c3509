// The service worker `mkdocs serve` serves at sw.js: the live site has none.
// A built copy of the course served earlier on the same address (say
// 127.0.0.1:8000) left its worker there, which would keep showing its precached
// pages. The browser's next update check finds this script instead: it takes
// over, drops the precache, unregisters itself and reloads the open pages, so the
// author sees the live ones.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(retire()));

async function retire() {
  const precaches = (await caches.keys()).filter((key) => key.startsWith("workbox-precache"));
  await Promise.all(precaches.map((key) => caches.delete(key)));
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
}
