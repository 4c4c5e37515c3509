// ESLint (flat config) for the browser code. Formatting is Prettier's job.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["build/", "site/", "node_modules/", ".venv/"] },
  js.configs.recommended,
  {
    files: ["web/src/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "prefer-const": "error",
      "no-var": "error",
      // The project's size rules: no module over 400 lines, no function over 60.
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ["web/src/runner/worker.js", "web/src/search/search-later.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ["web/sw/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.serviceworker } },
  },
  {
    files: ["web/build.mjs", "web/sw/*.mjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
