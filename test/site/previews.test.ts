/**
 * The preview-image process (scripts/build-previews.ts) on the real data: a card for the site and every locality in
 * both languages, a second run takes them from its cache, and a cut-off cache entry is drawn again, never served.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { buildPreviews, wholePng } from "../../scripts/build-previews.ts";
import { loadSiteData } from "../../src/load/site-data.ts";

const scratch = mkdtempSync(join(tmpdir(), "ppt-previews-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

test("every card is drawn once, then linked from the cache; a cut-off entry is drawn again", { timeout: 120_000 }, async () => {
  const data = loadSiteData();
  const own = data.localities.filter((l) => l.level !== "residential_group").length;
  const cache = join(scratch, "cache");
  const first = await buildPreviews(join(scratch, "a"), cache);
  expect(first).toEqual({ cards: 2 * (own + 1), drawn: 2 * (own + 1), fromCache: 0 });
  const out = files(join(scratch, "a", "og"));
  expect(out).toContain(join(scratch, "a", "og", "vi", "localities", "bac-giang", "viet-yen", "quang-minh.png"));
  expect(out).toContain(join(scratch, "a", "og", "en", "site.png"));
  expect(out.every((f) => wholePng(readFileSync(f)))).toBe(true);

  const entries = files(join(cache, "og"));
  truncateSync(entries[0], 100);
  const second = await buildPreviews(join(scratch, "b"), cache);
  expect(second).toEqual({ cards: first.cards, drawn: 1, fromCache: first.cards - 1 });
  expect(files(join(scratch, "b", "og")).every((f) => wholePng(readFileSync(f)))).toBe(true);
  expect(wholePng(readFileSync(entries[0]))).toBe(true);
});
