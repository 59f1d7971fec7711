import { defineConfig } from "vitest/config";

// Unit, pipeline and chart tests; browser tests are Playwright's (test/browser).
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["test/unit/**/*.test.ts", "test/data/**/*.test.ts", "test/site/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    pool: "forks",
  },
});
