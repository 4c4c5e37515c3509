// Bundle the browser code with esbuild into build/web/, which the MkDocs
// plugin copies to <site>/assets/course/. `--watch` rebuilds on change.
// Names carry a content hash, so a new deploy never mixes old and new files;
// entries.json (from esbuild's metafile) tells the plugin which name is which.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as esbuild from "esbuild";
import { serviceWorkerOptions } from "./sw/build-options.mjs";
import { buildPyodide } from "./pyodide/build-pyodide.mjs";

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
  entryNames: "[name]-[hash]",
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
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

// The theme's search worker, started later (web/src/search/search-later.js):
// a classic script, as the theme starts its worker.
const searchOptions = {
  ...workerOptions,
  entryPoints: { "search-later": "web/src/search/search-later.js" },
  format: "iife",
};

// Inlined into the <head> of pages with code by the course plugin: a classic
// script, no imports, so it runs while the page is still parsing.
const prebootOptions = {
  ...workerOptions,
  entryPoints: { preboot: "web/src/runner/preboot.js" },
  format: "iife",
  sourcemap: false,
  entryNames: "[name]", // inlined, never fetched
};

/** entries.json: each entry's stable name ("course.js") to its hashed file ("course-AB12CD34.js"). */
function writeEntries(results) {
  const entries = {};
  for (const { metafile } of results) {
    for (const [file, output] of Object.entries(metafile?.outputs ?? {})) {
      if (!output.entryPoint || file.endsWith(".map")) continue;
      const name = file.slice(options.outdir.length + 1);
      entries[name.replace(/-[A-Z0-9]{8}(?=\.)/, "")] = name;
    }
  }
  writeFileSync(`${options.outdir}/entries.json`, JSON.stringify(entries, null, 2) + "\n");
}

// The app's icons (web/icons, made by scripts/make_icons.py), named in the web app manifest.
function copyIcons() {
  mkdirSync(`${options.outdir}/icons`, { recursive: true });
  cpSync("web/icons", `${options.outdir}/icons`, { recursive: true });
}

// The site's Pyodide (web/pyodide/build-pyodide.mjs): the standard-library modules that Pyodide
// and the course's own packages import, compiled ahead.
async function sitePyodide() {
  const compiled = await buildPyodide({
    pyodideDir: "node_modules/pyodide",
    outDir: "build/pyodide",
    packages: ["coursekit", "neuron"],
    packagePath: "pysrc",
  });
  if (compiled) console.log(`build/pyodide: ${compiled} standard-library modules compiled`);
}

const configs = [options, workerOptions, searchOptions, prebootOptions, serviceWorkerOptions(options.outdir)];

if (watch) {
  const latest = configs.map(() => null); // each build's last result, for entries.json
  for (const [index, config] of configs.entries()) {
    const record = (result) => {
      latest[index] = result;
      if (latest.every(Boolean)) writeEntries(latest);
    };
    const plugins = [{ name: "entries", setup: (build) => build.onEnd(record) }];
    await (await esbuild.context({ ...config, plugins })).watch();
  }
  copyIcons();
  await sitePyodide();
} else {
  rmSync(options.outdir, { recursive: true, force: true }); // no stale chunks
  writeEntries(await Promise.all(configs.map((config) => esbuild.build(config))));
  copyIcons();
  await sitePyodide();
}
