// Where the runtime's files are. The build writes them into
// <meta name="course-runtime" content="{json}"> on every page: "assets" is the
// path from that page to the bundle folder (so the site works from any static
// host and under any sub-path), the others are relative to that folder.

export function readRuntimeMeta(doc = document) {
  const meta = doc.querySelector('meta[name="course-runtime"]');
  return meta ? JSON.parse(meta.content) : null;
}

export function runtimeConfig(doc = document) {
  const meta = readRuntimeMeta(doc);
  if (!meta) throw new Error("this page has no course-runtime settings (was it built with the course plugin?)");
  const assets = new URL(meta.assets, doc.baseURI);
  return {
    workerURL: new URL(meta.worker, assets).href, // content-hashed (web/build.mjs)
    indexURL: new URL(meta.pyodide, assets).href,
    packageURL: new URL(meta.package, assets).href,
    snapshotKey: meta.snapshot ?? null, // what a memory snapshot of Python is valid for (see snapshot.js)
    packages: meta.packages ?? [], // the site's own packages (the plugin's python_packages), imported at boot
  };
}
