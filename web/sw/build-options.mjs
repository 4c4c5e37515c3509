// esbuild options for the service worker: Workbox's runtime bundled into one
// classic script, build/web/sw.js. Its precache manifest is left as the
// placeholder `self.__WB_MANIFEST` (Workbox's injectManifest convention); the
// course plugin fills it in at site build, from Python, so a site builds with
// no Node (the wheel of `make dist`).
export function serviceWorkerOptions(outdir) {
  return {
    // sw-retire.js: what `mkdocs serve` serves at sw.js (retire.js says why).
    entryPoints: { sw: "web/sw/sw.js", "sw-retire": "web/sw/retire.js" },
    outdir,
    entryNames: "[name]", // one fixed URL: the browser checks it for updates
    bundle: true,
    format: "iife",
    target: ["es2022"],
    minify: true,
    sourcemap: false,
    metafile: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' }, // Workbox's quiet production build
    logLevel: "info",
  };
}
