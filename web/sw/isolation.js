// Cross-origin isolation from the service worker (the coi-serviceworker
// approach): every response it gives the page carries COOP and COEP, so a
// page served by it is `crossOriginIsolated` even on a static host that
// sends no such headers. Then SharedArrayBuffer works, and Stop interrupts
// Python instead of restarting it.
//
// A Workbox plugin: `handlerWillRespond` sees each response a strategy hands
// back, from the precache or from the network.

const ISOLATION_HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** The response with the isolation headers added (an opaque or error response as it is). */
function withIsolationHeaders(response) {
  if (!response || response.status === 0 || response.type === "opaqueredirect") return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

// What the headers matter for: a document (COOP, COEP) and a worker's script
// (COEP). A same-origin subresource needs none of them (CORP only guards
// cross-origin reads), so it is handed back as it came: a response straight
// from Cache Storage keeps the browser's compiled-code cache, which a copy
// loses (for Pyodide's 9.6 MB wasm, ~0.8 s of every boot).
const NEEDS_HEADERS = new Set(["document", "iframe", "frame", "worker", "sharedworker"]);

/** The response to `request`, with the isolation headers where they matter. */
export function isolatedFor(request, response) {
  const needed = request.mode === "navigate" || NEEDS_HEADERS.has(request.destination);
  return needed ? withIsolationHeaders(response) : response;
}

export const isolationPlugin = {
  handlerWillRespond: async ({ request, response }) => isolatedFor(request, response),
};
