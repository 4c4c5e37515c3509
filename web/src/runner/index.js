// The one Python runner of the site, created on first use and kept for as
// long as the page lives (Material's instant navigation keeps it across pages).
import { PythonRunner } from "./client.js";
import { runtimeConfig, readRuntimeMeta } from "./config.js";

let runner = null;

export function getRunner() {
  runner ||= new PythonRunner(runtimeConfig());
  return runner;
}

/** Whether the build marked this page as one with code to run. */
export function pageNeedsPython() {
  return Boolean(readRuntimeMeta()?.boot);
}
