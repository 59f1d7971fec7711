/**
 * A failed site build leaves the previous dist/ whole: scripts/build-site.ts builds into a fresh folder and swaps it
 * in only on success. Here astro is made to fail for real (a config file that throws) after a good build.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ROOT, snapshot } from "../data/helpers.ts";

const DIST = join(ROOT, "dist");
const BAD = join(ROOT, "test-results", "failing.config.mjs");
afterAll(() => rmSync(BAD, { force: true }));

test("a build that fails leaves every file of the previous dist/ as it was, and no temporary beside it", () => {
  expect(existsSync(join(DIST, "index.html")), "dist/ is missing: run `npm run build` (npm test builds first)").toBe(true);
  const before = snapshot(DIST);
  mkdirSync(dirname(BAD), { recursive: true });
  writeFileSync(BAD, 'throw new Error("this build is meant to fail");\n');
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "build-site.ts"), "--silent", "--config", BAD], { cwd: ROOT, encoding: "utf8" });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toMatch(/dist\/ is left as it was/);
  const after = snapshot(DIST);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
  expect(readdirSync(ROOT).filter((n) => /^dist\./.test(n))).toEqual([]);
});

test("a site build while another build holds the lock stops at once, naming it, and leaves dist/ as it was", async () => {
  expect(existsSync(join(DIST, "index.html")), "dist/ is missing: run `npm run build` (npm test builds first)").toBe(true);
  const before = snapshot(DIST);
  const lock = join(ROOT, ".build.lock");
  expect(existsSync(lock), "another build is running in this checkout").toBe(false);
  // A live process that is not this one stands for the other build.
  const other = spawn("sleep", ["60"], { stdio: "ignore" });
  try {
    writeFileSync(lock, `${JSON.stringify({ pid: other.pid, start: null, command: "scripts/build-data.ts", since: "2026-01-01T00:00:00.000Z" })}\n`);
    const run = spawnSync(process.execPath, [join(ROOT, "scripts", "build-site.ts"), "--silent"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(75);
    expect(run.stderr).toContain(`site: another build is running (pid ${other.pid}, \`scripts/build-data.ts\``);
    expect(run.stderr).toContain(`remove ${lock}`);
  } finally {
    rmSync(lock, { force: true });
    other.kill();
  }
  const after = snapshot(DIST);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
});
