// Bundle the browser code with esbuild into build/web/, which the MkDocs
// plugin copies to <site>/assets/course/. `--watch` rebuilds on change.
import { rmSync } from "node:fs";
import * as esbuild from "esbuild";

const watch = process.argv.includes("--watch");

const options = {
  entryPoints: {
    course: "web/src/course.js",
    worker: "web/src/runner/worker.js",
    "course-style": "web/src/styles/course.css",
  },
  outdir: "build/web",
  bundle: true,
  splitting: true, // the editor is a lazy chunk, loaded only on pages with panels
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

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
} else {
  rmSync(options.outdir, { recursive: true, force: true }); // no stale chunks
  await esbuild.build(options);
}
