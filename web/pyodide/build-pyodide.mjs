// The site's Pyodide, in build/pyodide/ (the course plugin's default
// `pyodide_dir`): the npm package's files, with two changes.
//
// 1. The standard library's boot-time modules compiled ahead.
//
// Pyodide's npm package ships the standard library as Python source, so every
// boot without a memory snapshot (a learner's first visit, the worker that
// makes the snapshot) compiles the ~130 modules Pyodide imports as it starts,
// and the first run compiles what the course's packages import: most of a
// cold boot on this project's test machine. Here they are compiled once, at
// build, by the same Pyodide running in Node, and replace their sources in
// python_stdlib.zip; every other module stays as source and compiles on import.
//
// - Hash-based, unchecked .pyc (PEP 552): an import never looks for the source.
// - Compiled without column ranges (PYTHONNODEBUGRANGES): those only point the
//   ^^^ of a traceback at a line's source, which a compiled module no longer
//   has; a learner's tracebacks show only their own lines (coursekit.runtime).
//   The files are a fifth smaller for it.
// - Docstrings and asserts stay, so help() and the modules behave as shipped.
//
// 2. The standard library as one gzipped file of stored (uncompressed) entries,
//    python_stdlib.zip.gz, in place of a zip whose entries are each deflated:
//    gzip finds what the modules have in common across files, so a first visit
//    downloads 0.24 MB less (2.60 MB, not 2.84), whatever the host compresses;
//    and an import reads its module with nothing to inflate. The worker
//    inflates it as it arrives (web/src/runner/stdlib.js).
//
// 3. A lock file that lists no packages: the site ships none of Pyodide's, so
//    `import numpy` says "No module named 'numpy'" (and the course's hint
//    follows, coursekit.runtime) instead of pointing the learner to micropip
//    and to pyodide.org, neither of which a course page can reach. (And 27 kB
//    less, gzipped, for a first visit to download.)
//
// The folder is rebuilt only when Pyodide, the packages or this script change.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { constants, gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The files of Pyodide taken as they are (with plugin.py's PYODIDE_FILES, the site needs these and the two made here).
const COPIED = ["package.json", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"];
const STDLIB = "python_stdlib.zip";
const SHIPPED_STDLIB = `${STDLIB}.gz`;
const LOCK = "pyodide-lock.json";
const STAMP = ".compiled";

// Run in the Node Pyodide: import the packages (and each of their modules), then
// rewrite the zip with every standard-library module now loaded compiled.
const COMPILE = `
import importlib, importlib.util, marshal, pkgutil, sys, zipfile

def compile_loaded(packages, source_zip, target_zip):
    for name in packages:
        package = importlib.import_module(name)
        for module in pkgutil.walk_packages(package.__path__, name + "."):
            importlib.import_module(module.name)
    stdlib = sys.path[0] if sys.path[0].endswith(".zip") else next(p for p in sys.path if p.endswith(".zip"))
    # (Modules frozen into Pyodide, such as os and io, name their source in the zip as their
    # __file__ but are not loaded from it: their spec's origin is "frozen".)
    origins = [getattr(getattr(module, "__spec__", None), "origin", None) or "" for module in list(sys.modules.values())]
    loaded = {origin[len(stdlib) + 1 :] for origin in origins if origin.startswith(stdlib + "/")}
    with zipfile.ZipFile(source_zip) as source, zipfile.ZipFile(target_zip, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in loaded and info.filename.endswith(".py"):
                code = compile(data, f"{stdlib}/{info.filename}", "exec", dont_inherit=True)
                data = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + importlib.util.source_hash(data)
                data += marshal.dumps(code)
                info = zipfile.ZipInfo(info.filename + "c", info.date_time)
            info.compress_type = zipfile.ZIP_STORED  # the whole file is gzipped
            target.writestr(info, data)
    return len([name for name in loaded if name.endswith(".py")])
`;

function digest(...parts) {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
}

/**
 * Fill `outDir` with Pyodide from `pyodideDir`: its standard library's modules
 * that Pyodide and `packages` (found in `packagePath`) import compiled ahead,
 * its lock file without packages.
 * Returns how many modules were compiled (0: the folder was up to date).
 */
export async function buildPyodide({ pyodideDir, outDir, packages, packagePath }) {
  const script = readFileSync(fileURLToPath(import.meta.url));
  const sources = packages.flatMap((name) => listSources(join(packagePath, name)));
  const stamp = digest(
    readFileSync(join(pyodideDir, "package.json")),
    readFileSync(join(pyodideDir, STDLIB)),
    script,
    ...sources.map((file) => readFileSync(file)),
  );
  if (existsSync(join(outDir, STAMP)) && readFileSync(join(outDir, STAMP), "utf8") === stamp) return 0;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const name of COPIED) copyFileSync(join(pyodideDir, name), join(outDir, name));
  const lock = JSON.parse(readFileSync(join(pyodideDir, LOCK), "utf8"));
  writeFileSync(join(outDir, LOCK), JSON.stringify({ ...lock, packages: {} }));

  const { loadPyodide } = await import(join(resolve(pyodideDir), "pyodide.mjs"));
  const pyodide = await loadPyodide({ indexURL: `${resolve(pyodideDir)}/`, env: { PYTHONNODEBUGRANGES: "1" } });
  for (const [mount, folder] of [
    ["/packages", packagePath],
    ["/pyodide-in", pyodideDir],
    ["/pyodide-out", outDir],
  ]) {
    pyodide.FS.mkdirTree(mount);
    pyodide.mountNodeFS(mount, resolve(folder));
  }
  pyodide.runPython(`import sys; sys.dont_write_bytecode = True; sys.path.append("/packages")`);
  pyodide.runPython(COMPILE);
  const compiled = pyodide.globals.get("compile_loaded")(
    pyodide.toPy(packages),
    `/pyodide-in/${STDLIB}`,
    `/pyodide-out/${STDLIB}`,
  );
  const stored = join(outDir, STDLIB);
  writeFileSync(join(outDir, SHIPPED_STDLIB), gzipSync(readFileSync(stored), { level: constants.Z_BEST_COMPRESSION }));
  rmSync(stored);
  writeFileSync(join(outDir, STAMP), stamp);
  return compiled;
}

// A package's Python files, in a stable order (what the stamp is made of).
function listSources(folder) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSorted(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "__pycache__") walk(path);
      else if (entry.name.endsWith(".py")) files.push(path);
    }
  };
  walk(folder);
  return files;
}

function readdirSorted(dir) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
}
