/**
 * Values kept between builds (src/load/kept.ts): a second build takes what the first made under the same key and
 * makes again only what is new; a file of other code, a damaged file or PPT_FORCE=1 is never served.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, expect, test } from "vitest";
import { z } from "zod";
import { kept } from "../../src/load/kept.ts";

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
