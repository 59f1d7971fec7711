/**
 * A failed site build leaves the previous dist/ whole: scripts/build-site.ts builds into a fresh folder and swaps it
 * in only on success. Here astro is made to fail for real (a config file that throws) after a good build.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ROOT, snapshot } from "../data/helpers.ts";

const DIST = join(ROOT, "dist");
const BAD = join(ROOT, "test-results", "failing.config.mjs");
afterAll(() => rmSync(BAD, { force: true }));

test("a build that fails leaves every file of the previous dist/ as it was, and no temporary beside it", () => {
  expect(existsSync(join(DIST, "index.html")), "dist/ is missing: run `npm run build` (npm test builds first)").toBe(true);
  const before = snapshot(DIST);
  writeFileSync(BAD, 'throw new Error("this build is meant to fail");\n');
  const run = spawnSync(process.execPath, [join(ROOT, "scripts", "build-site.ts"), "--silent", "--config", BAD], { cwd: ROOT, encoding: "utf8" });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toMatch(/dist\/ is left as it was/);
  const after = snapshot(DIST);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
  expect(readdirSync(ROOT).filter((n) => /^dist\./.test(n))).toEqual([]);
});
