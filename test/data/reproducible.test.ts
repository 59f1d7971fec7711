/**
 * Reproducible builds: two clean builds of the same commit give byte-identical output. The data step runs twice
 * into two folders; the site is built twice (`astro build --outDir`, each with a cache folder of its own, so nothing
 * carries over) and every file of the two dist/ trees, the public data files under /data/ included, is compared
 * by SHA-256.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { ROOT, snapshot, tempDir } from "./helpers.ts";

const tmp = tempDir("reproducible");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hashes = (dir: string) => new Map([...snapshot(dir)].map(([file, bytes]) => [file, createHash("sha256").update(bytes).digest("hex")]));

/** Files that differ between two trees (missing on either side included). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const files = [...new Set([...a.keys(), ...b.keys()])].sort();
  return files.filter((f) => a.get(f) !== b.get(f)).map((f) => `${f}: ${a.get(f)?.slice(0, 12) ?? "missing"} ≠ ${b.get(f)?.slice(0, 12) ?? "missing"}`);
}

describe("two clean builds are byte-identical", () => {
  test("the data step", () => {
    buildData(ROOT, join(tmp, "data-1"));
    buildData(ROOT, join(tmp, "data-2"));
    const [a, b] = [hashes(join(tmp, "data-1")), hashes(join(tmp, "data-2"))];
    expect(a.size).toBeGreaterThan(10);
    expect(differences(a, b)).toEqual([]);
  });

  test("the site, public data files included", { timeout: 600_000 }, () => {
    const build = (n: number) => {
      const run = spawnSync(join(ROOT, "node_modules", ".bin", "astro"), ["build", "--silent", "--outDir", join(tmp, `dist-${n}`)], {
        cwd: ROOT, encoding: "utf8", timeout: 540_000, env: { ...process.env, TZ: "UTC", PPT_CACHE_DIR: join(tmp, `cache-${n}`) },
      });
      expect(run.status, run.stderr).toBe(0);
      return hashes(join(tmp, `dist-${n}`));
    };
    const [a, b] = [build(1), build(2)];
    expect([...a.keys()].filter((f) => f.startsWith("data/")).length).toBeGreaterThan(10);
    expect(differences(a, b)).toEqual([]);
  });
});
