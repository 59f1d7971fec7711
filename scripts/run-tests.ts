/**
 * `npm test`: build the site on the real data, run the unit and pipeline tests (vitest) and the browser tests
 * (Playwright on Debian's chromium), then print one line CI reads: `tests: N passed, M failed[, K skipped]`.
 * Exits non-zero if anything failed or nothing ran.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const reports = join(root, "test-results");
mkdirSync(reports, { recursive: true });
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, TZ: "UTC", ...env } }).status ?? 1;

let passed = 0, failed = 0, skipped = 0;

const built = run(bin("node"), [join(root, "scripts", "build-data.ts")]) === 0 && run(bin("node"), [join(root, "scripts", "build-site.ts"), "--silent"]) === 0;
if (!built) {
  console.error("build failed: the site could not be built, so no browser test can run");
  failed++;
}

const vitestOut = join(reports, "vitest.json");
run(bin("vitest"), ["run", "--config", "test/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestOut}`]);
if (existsSync(vitestOut)) {
  const r = JSON.parse(readFileSync(vitestOut, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
  skipped += r.numPendingTests + r.numTodoTests;
} else failed++;

if (built && existsSync(join(root, "test", "browser"))) {
  const pwOut = join(reports, "playwright.json");
  run(bin("playwright"), ["test", "--config", "test/playwright.config.ts"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwOut });
  if (existsSync(pwOut)) {
    const s = JSON.parse(readFileSync(pwOut, "utf8")).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
  } else failed++;
}

console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
