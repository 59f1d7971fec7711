/**
 * Values kept between builds (src/load/kept.ts): a second build takes what the first made under the same key and
 * makes again only what is new; a file of other code, a damaged file or PPT_FORCE=1 is never served.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, expect, test } from "vitest";
import { z } from "zod";
import { fileDigest, stampHolds, stampOf } from "../../src/load/file-digest.ts";
import { kept, keptSlot } from "../../src/load/kept.ts";

const scratch = mkdtempSync(join(tmpdir(), "ppt-kept-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const saved = { cache: process.env.PPT_CACHE_DIR, force: process.env.PPT_FORCE };
afterEach(() => {
  for (const [k, v] of [["PPT_CACHE_DIR", saved.cache], ["PPT_FORCE", saved.force]] as const) v === undefined ? delete process.env[k] : (process.env[k] = v);
});
const Row = z.array(z.object({ page: z.string(), path: z.string() }));

/** A project of its own (its src/ is the code kept values are filed under) with a fresh cache. */
function project(name: string): string {
  const root = join(scratch, name);
  mkdirSync(join(root, "src"), { recursive: true });
  writeFileSync(join(root, "src", "a.ts"), "export const a = 1;\n");
  process.env.PPT_CACHE_DIR = join(root, "cache");
  return root;
}

test("a second build takes the values of unchanged keys and keeps only the keys it used", () => {
  const root = project("reuse");
  const made: string[] = [];
  const make = (k: string) => () => (made.push(k), [{ page: k, path: `/embed/${k}/` }]);
  const first = kept("pages", Row, root);
  first.get("bac-giang@1", make("bac-giang"));
  first.get("ha-nam@1", make("ha-nam"));
  first.save();
  const second = kept("pages", Row, root);
  expect(second.get("bac-giang@1", make("x"))).toEqual([{ page: "bac-giang", path: "/embed/bac-giang/" }]);
  expect(second.get("ha-nam@2", make("ha-nam"))).toEqual([{ page: "ha-nam", path: "/embed/ha-nam/" }]);
  expect(made).toEqual(["bac-giang", "ha-nam", "ha-nam"]);
  expect(second.reused).toBe(1);
  second.save();
  const stored = JSON.parse(readFileSync(join(root, "cache", "site", "pages.json"), "utf8"));
  expect(Object.keys(stored.values).sort()).toEqual(["bac-giang@1", "ha-nam@2"]);
});

test("values of other code, a damaged file and a forced build are made again", () => {
  const root = project("stale");
  const first = kept("pages", Row, root);
  first.get("k", () => [{ page: "old", path: "/old/" }]);
  first.save();
  const fresh = () => [{ page: "new", path: "/new/" }];
  process.env.PPT_FORCE = "1";
  expect(kept("pages", Row, root).get("k", fresh)).toEqual(fresh());
  delete process.env.PPT_FORCE;
  const file = join(root, "cache", "site", "pages.json");
  writeFileSync(file, readFileSync(file, "utf8").replace('"path":"/old/"', '"path":7'));
  expect(kept("pages", Row, root).get("k", fresh)).toEqual(fresh());
  writeFileSync(file, "{\"code\":");
  expect(kept("pages", Row, root).get("k", fresh)).toEqual(fresh());
  // Other code (another checkout whose src/ differs) sharing the cache: the same key is not the same value.
  const again = kept("pages", Row, root);
  again.get("k", () => [{ page: "old", path: "/old/" }]);
  again.save();
  expect(kept("pages", Row, root).get("k", fresh)).toEqual([{ page: "old", path: "/old/" }]);
  const other = project("stale-other");
  writeFileSync(join(other, "src", "a.ts"), "export const a = 2;\n");
  process.env.PPT_CACHE_DIR = join(root, "cache");
  expect(kept("pages", Row, other).get("k", fresh)).toEqual(fresh());
});

test("keys naming a file's stamp are carried while the file has it, and dropped once it is replaced", () => {
  const root = project("carry");
  const file = join(root, "targets.json");
  writeFileSync(file, "[1]\n");
  utimesSync(file, 1_700_000_000, 1_700_000_000);
  const first = kept("digests", z.string(), root, stampHolds);
  const stamp = stampOf(file, statSync(file));
  first.get(stamp, () => "one");
  first.get("gone.json\u00000:0:0:0", () => "never true");
  first.save();
  // A run that does not look at the file keeps what is still true of it, and only that.
  kept("digests", z.string(), root, stampHolds).save();
  expect(JSON.parse(readFileSync(join(root, "cache", "site", "digests.json"), "utf8")).values).toEqual({ [stamp]: "one" });
  // Replaced (a new inode, as the data step writes): the old stamp no longer holds.
  rmSync(file);
  writeFileSync(file, "[2]\n");
  expect(stampOf(file, statSync(file))).not.toBe(stamp);
  kept("digests", z.string(), root, stampHolds).save();
  expect(JSON.parse(readFileSync(join(root, "cache", "site", "digests.json"), "utf8")).values).toEqual({});
});

test("a large value is served only for its code and key, whole; a damaged or cut file is made again", () => {
  const root = project("slot");
  const made: number[] = [];
  const make = (n: number) => () => (made.push(n), { rows: [n, n + 1], name: `p${n}` });
  expect(keptSlot("rates", "synthetic-p01", "key-1", make(1), root)).toEqual({ rows: [1, 2], name: "p1" });
  expect(keptSlot("rates", "synthetic-p01", "key-1", make(9), root)).toEqual({ rows: [1, 2], name: "p1" });
  expect(made).toEqual([1]);
  // Another key (the province's data changed): made again, and that is what is kept.
  expect(keptSlot("rates", "synthetic-p01", "key-2", make(2), root)).toEqual({ rows: [2, 3], name: "p2" });
  const file = join(root, "cache", "site", "rates", "synthetic-p01.json");
  const whole = readFileSync(file, "utf8");
  // A changed figure under an intact header, a file cut short, a header of other code.
  for (const damaged of [whole.replace("[2,3]", "[2,4]"), whole.slice(0, -5), whole.replace(/"code":"[0-9a-f]+"/, '"code":"0000"')]) {
    writeFileSync(file, damaged);
    expect(keptSlot("rates", "synthetic-p01", "key-2", make(3), root)).toEqual({ rows: [3, 4], name: "p3" });
  }
  expect(made).toEqual([1, 2, 3, 3, 3]);
  process.env.PPT_FORCE = "1";
  expect(keptSlot("rates", "synthetic-p01", "key-2", make(4), root)).toEqual({ rows: [4, 5], name: "p4" });
  expect(() => keptSlot("rates", "../x", "k", make(5), root)).toThrow(/not a slot name/);
});

test("a file's digest is its bytes' SHA-256, kept under its settled stamp; a replaced file is digested anew", () => {
  project("digest");
  const file = join(scratch, "digest", "plans.json");
  const sha = (s: string) => createHash("sha256").update(s).digest("hex");
  writeFileSync(file, '["a"]\n');
  expect(fileDigest(file)).toBe(sha('["a"]\n'));
  // Just written: too fresh for its stamp to be trusted, so a same-size file in its place is read again.
  rmSync(file);
  writeFileSync(file, '["b"]\n');
  expect(fileDigest(file)).toBe(sha('["b"]\n'));
  // Settled, the stamp stands for the bytes: rewritten in place with its time put back (which the data step never
  // does), the file keeps the digest it had; replaced by a new file, it gets its own.
  utimesSync(file, 1_700_000_000, 1_700_000_000);
  expect(fileDigest(file)).toBe(sha('["b"]\n'));
  writeFileSync(file, '["c"]\n');
  utimesSync(file, 1_700_000_000, 1_700_000_000);
  expect(fileDigest(file)).toBe(sha('["b"]\n'));
  rmSync(file);
  writeFileSync(file, '["c"]\n');
  expect(fileDigest(file)).toBe(sha('["c"]\n'));
});
