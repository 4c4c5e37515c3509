// Inlined by the course plugin into the <head> of pages with code: starts the
// Python worker while the rest of the page is still loading. course.js adopts
// it (see client.js); if anything here fails, course.js simply starts its own.
import { runtimeConfig, readRuntimeMeta } from "./config.js";
import { startWorker } from "./start.js";

try {
  if (readRuntimeMeta()?.boot && typeof Worker !== "undefined") {
    const config = runtimeConfig();
    performance.mark("course:worker-start");
    globalThis.coursePreboot = { config, ...startWorker(config) };
  }
} catch (error) {
  console.warn("Python could not start early; it will start with the page.", error);
}
