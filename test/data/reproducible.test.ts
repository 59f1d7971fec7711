/**
 * Reproducible builds: two clean builds of the same commit give byte-identical output. The data step runs twice
 * into two folders; the site is built twice (`astro build --outDir`, each with a cache folder of its own, so nothing
 * carries over; the preview images likewise) and every file of the two dist/ trees, the public data files under /data/ included, is compared
 * by SHA-256.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { buildPreviews } from "../../scripts/build-previews.ts";
import { addPublicData } from "../../scripts/lib/public-layout.ts";
import { ROOT, snapshot, tempDir } from "./helpers.ts";

const tmp = tempDir("reproducible");
// Removing two built sites with their caches (tens of thousands of files) can outlast the default 10 s hook on a busy 2-core machine.
afterAll(() => rmSync(tmp, { recursive: true, force: true }), 120_000);

const hashes = (dir: string) => new Map([...snapshot(dir)].map(([file, bytes]) => [file, createHash("sha256").update(bytes).digest("hex")]));

/** Files that differ between two trees (missing on either side included). */
function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const files = [...new Set([...a.keys(), ...b.keys()])].sort();
  return files.filter((f) => a.get(f) !== b.get(f)).map((f) => `${f}: ${a.get(f)?.slice(0, 12) ?? "missing"} ≠ ${b.get(f)?.slice(0, 12) ?? "missing"}`);
}

describe("two clean builds are byte-identical", () => {
  test("the data step", async () => {
    await buildData(ROOT, join(tmp, "data-1"));
    await buildData(ROOT, join(tmp, "data-2"));
    const [a, b] = [hashes(join(tmp, "data-1")), hashes(join(tmp, "data-2"))];
    expect(a.size).toBeGreaterThan(10);
    expect(differences(a, b)).toEqual([]);
  });

  test("the data step cut into shards on worker threads writes the same files as one pass", async () => {
    // The real data is one shard; two plans a shard makes three, built by two workers, the last shard out of step.
    const summary = await buildData(ROOT, join(tmp, "data-sharded"), { shardPlans: 2, workers: 2 });
    expect(summary.counts).toMatchObject({ plans: 5, targets: 95, statistics: 46, deprivations: 24, quality: 33, derived: 51 });
    const [a, b] = [hashes(join(tmp, "data-1")), hashes(join(tmp, "data-sharded"))];
    expect(differences(a, b)).toEqual([]);
  });

  test("a rebuild over a previous output links its unchanged sources and copies a changed one", async () => {
    const root = join(tmp, "relink");
    cpSync(join(ROOT, "data"), join(root, "data"), { recursive: true });
    const out = join(root, "public", "data");
    await buildData(root, out);
    const source = (dir: string, file: string) => join(dir, "sources", file);
    const [kept, edited] = ["2024-quang-minh-viet-yen-bac-giang.txt", "2024-long-khanh-dong-nai.txt"];
    const inode = (f: string) => statSync(f).ino;
    const before = { kept: inode(source(out, kept)), edited: inode(source(out, edited)) };
    // Never a link to data/sources: an edit there must not reach the published copy before a build checks it.
    expect(before.kept).not.toBe(inode(source(join(root, "data"), kept)));
    appendFileSync(source(join(root, "data"), edited), "\n");
    await buildData(root, out, { shardPlans: 2, workers: 2 });
    expect(inode(source(out, kept))).toBe(before.kept);
    expect(inode(source(out, edited))).not.toBe(before.edited);
    expect(readFileSync(source(out, edited), "utf8")).toBe(readFileSync(source(join(root, "data"), edited), "utf8"));
  });

  test("the site, public data files and preview images included", { timeout: 600_000 }, async () => {
    const build = async (n: number) => {
      const run = spawnSync(join(ROOT, "node_modules", ".bin", "astro"), ["build", "--silent", "--outDir", join(tmp, `dist-${n}`)], {
        cwd: ROOT, encoding: "utf8", timeout: 540_000, env: { ...process.env, TZ: "UTC", PPT_CACHE_DIR: join(tmp, `cache-${n}`) },
      });
      expect(run.status, run.stderr).toBe(0);
      // As scripts/build-site.ts does: the public data files join the site (hard links), then the cards.
      addPublicData(ROOT, join(tmp, `dist-${n}`));
      // The cards are drawn beside astro by their own process (scripts/build-site.ts), each build with its own cache.
      await buildPreviews(join(tmp, `dist-${n}`), join(tmp, `cache-${n}`));
      return hashes(join(tmp, `dist-${n}`));
    };
    const [a, b] = [await build(1), await build(2)];
    expect([...a.keys()].filter((f) => f.startsWith("og/")).length).toBeGreaterThanOrEqual(26);
    expect([...a.keys()].filter((f) => f.startsWith("data/")).length).toBeGreaterThan(10);
    expect(differences(a, b)).toEqual([]);
  });
});
