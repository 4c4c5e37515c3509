// A Workbox plugin for the precache's install: Workbox fetches each revised
// file (one whose URL does not change with its content) with cache: "reload",
// so that a stale copy in the HTTP cache is never stored as the new revision.
// "no-cache" is as safe (the browser asks the host whether its copy is still
// current, by its ETag or Last-Modified) and, for a file the page has just
// fetched itself (the search index, the web app manifest), the host answers
// 304 with no body instead of sending the whole file a second time.
export const revalidatePlugin = {
  requestWillFetch: ({ request }) =>
    request.cache === "reload" ? new Request(request, { cache: "no-cache" }) : request,
};
