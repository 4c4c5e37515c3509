// Bundle the browser code with esbuild into build/web/, which the MkDocs
// plugin copies to <site>/assets/course/. `--watch` rebuilds on change.
import { rmSync } from "node:fs";
import * as esbuild from "esbuild";

const watch = process.argv.includes("--watch");

// The page bundle: the editor and KaTeX are lazy chunks, loaded only on pages
// that use them. The worker is built on its own, without chunks, so that
// neither the page script nor the worker waits on a second round trip.
const options = {
  entryPoints: {
    course: "web/src/course.js",
    // Each stylesheet entry only @imports the widgets' own (web/src/<widget>/*.css), in cascade order.
    "course-style": "web/src/styles/course.css", // KaTeX, code panels, maths
    "course-widgets": "web/src/styles/widgets.css", // quizzes, recall, exercises, progress, dialog
  },
  outdir: "build/web",
  bundle: true,
  splitting: true,
  format: "esm",
  target: ["es2022"],
  minify: true,
  sourcemap: "linked",
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "info",
  legalComments: "linked",
  // KaTeX's fonts, referenced from its CSS (the browser fetches only the woff2).
  loader: { ".woff2": "file", ".woff": "file", ".ttf": "file" },
  assetNames: "fonts/[name]-[hash]",
};

const workerOptions = {
  ...options,
  entryPoints: { worker: "web/src/runner/worker.js" },
  splitting: false,
};

// Inlined into the <head> of pages with code by the course plugin: a classic
// script, no imports, so it runs while the page is still parsing.
const prebootOptions = {
  ...workerOptions,
  entryPoints: { preboot: "web/src/runner/preboot.js" },
  format: "iife",
  sourcemap: false,
};

if (watch) {
  for (const config of [options, workerOptions, prebootOptions]) await (await esbuild.context(config)).watch();
} else {
  rmSync(options.outdir, { recursive: true, force: true }); // no stale chunks
  await Promise.all([options, workerOptions, prebootOptions].map((config) => esbuild.build(config)));
}
