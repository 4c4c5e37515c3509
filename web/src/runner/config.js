// Where the runtime's files are. The bundle lives at <site>/assets/course/, so
// every URL is resolved from this module's own URL: the site works from any
// static host and under any sub-path. The build writes the versioned names
// into <meta name="course-runtime" content="{json}">.
const BUNDLE_DIR = new URL("./", import.meta.url);

export function runtimeConfig(doc = document) {
  const meta = doc.querySelector('meta[name="course-runtime"]');
  if (!meta) throw new Error("this page has no course-runtime settings (was it built with the course plugin?)");
  const { pyodide, package: pythonPackage } = JSON.parse(meta.content);
  return {
    workerURL: new URL("worker.js", BUNDLE_DIR).href,
    indexURL: new URL(pyodide, BUNDLE_DIR).href,
    packageURL: new URL(pythonPackage, BUNDLE_DIR).href,
  };
}
