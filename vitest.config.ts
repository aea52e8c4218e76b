/**
 * Vitest: every test/**\/*.test.ts in Node. Browser tests (playwright-core driving
 * /usr/bin/chromium) need the long timeout; forks isolate tests that load dist/Code.js into
 * node:vm or start a browser.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    setupFiles: ["test/setup.ts"],
  },
});
