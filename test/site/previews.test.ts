/**
 * The preview-image process (scripts/build-previews.ts) on the real data: a card for the site and every locality in
 * both languages, a second run takes them from its cache, and a cut-off cache entry is drawn again, never served.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { buildPreviews, wholePng } from "../../scripts/build-previews.ts";
import { loadSiteData, loadSlice } from "../../src/load/site-data.ts";
import { drawnAtBuild, localityCharts } from "../../src/view/chart-specs.ts";
import { drawnEntry } from "../../src/render/drawn.ts";
import { previewCards } from "../../src/render/preview-cards.ts";
import { provinceOf } from "../../src/domain/public-paths.ts";
import { hasOwnPage } from "../../src/view/locality-path.ts";

const scratch = mkdtempSync(join(tmpdir(), "ppt-previews-"));
// This file's own cache of drawings, empty at first: what is in it after the cards is what their process drew.
process.env.PPT_CACHE_DIR = join(scratch, "shared");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

test("every card is drawn once, then linked from the cache; a cut-off entry is drawn again", { timeout: 120_000 }, async () => {
  const data = loadSiteData();
  const own = data.localities.filter((l) => l.level !== "residential_group").length;
  const cache = join(scratch, "cache");
  const first = await buildPreviews(join(scratch, "a"), cache);
  expect(first).toEqual({ cards: 2 * (own + 1), drawn: 2 * (own + 1), fromCache: 0, provincesKept: 0 });
  const out = files(join(scratch, "a", "og"));
  expect(out).toContain(join(scratch, "a", "og", "vi", "localities", "bac-giang", "viet-yen", "quang-minh.png"));
  expect(out).toContain(join(scratch, "a", "og", "en", "site.png"));
  expect(out.every((f) => wholePng(readFileSync(f)))).toBe(true);

  const entries = files(join(cache, "og"));
  truncateSync(entries[0], 100);
  const second = await buildPreviews(join(scratch, "b"), cache);
  expect(second).toMatchObject({ cards: first.cards, drawn: 1, fromCache: first.cards - 1 });
  // The damaged card's province (if it was not the site's card) is composed again; the other four are linked as they are.
  expect(second.provincesKept).toBeGreaterThanOrEqual(PROVINCES.length - 1);
  expect(files(join(scratch, "b", "og")).every((f) => wholePng(readFileSync(f)))).toBe(true);
  expect(wholePng(readFileSync(entries[0]))).toBe(true);
});

const PROVINCES = readdirSync(join("public", "data", "provinces")).sort();

test("a warm run links an unchanged province's cards without composing them, and composes the edited one again", { timeout: 120_000 }, async () => {
  const cache = join(scratch, "cache-warm");
  const data = join(scratch, "data");
  // public/data is a link to the live version: copied as files (dereferenced), so that editing the copy below
  // cannot write through into the project's own data.
  cpSync(join("public", "data"), data, { recursive: true, dereference: true });
  const first = await buildPreviews(join(scratch, "w1"), cache, false, data);
  expect(first.provincesKept).toBe(0);
  const again = await buildPreviews(join(scratch, "w2"), cache, false, data);
  expect(again).toEqual({ cards: first.cards, drawn: 0, fromCache: first.cards, provincesKept: PROVINCES.length });
  // One province's data changes (here only its bytes: the cards come out the same, so they are found by their SVG).
  // A copy in another folder: a build reads each digest once, and this is a new build's data.
  const data2 = join(scratch, "data2");
  cpSync(data, data2, { recursive: true, dereference: true });
  const targets = join(data2, "provinces", "dong-nai", "targets.json");
  const own = join("public", "data", "provinces", "dong-nai", "targets.json");
  const ownBefore = readFileSync(own);
  writeFileSync(targets, `${readFileSync(targets, "utf8")}\n`);
  // The edit is the copy's alone (a copy of the link would have written into the project's data).
  expect(readFileSync(own).equals(ownBefore)).toBe(true);
  const edited = await buildPreviews(join(scratch, "w3"), cache, false, data2);
  expect(edited).toEqual({ cards: first.cards, drawn: 0, fromCache: first.cards, provincesKept: PROVINCES.length - 1 });
  // Every card is there and is the same PNG as before, the site's cards (counted from the kept tallies) included.
  const made = files(join(scratch, "w1", "og")).map((f) => f.slice(join(scratch, "w1").length)).sort();
  expect(files(join(scratch, "w3", "og")).map((f) => f.slice(join(scratch, "w3").length)).sort()).toEqual(made);
  for (const f of made) expect(readFileSync(join(scratch, "w3", f)).equals(readFileSync(join(scratch, "w1", f)))).toBe(true);
  // A damaged manifest is not trusted: every province is composed again.
  writeFileSync(join(cache, "og-cards.json"), "{");
  expect(await buildPreviews(join(scratch, "w4"), cache, false, data2)).toMatchObject({ drawn: 0, provincesKept: 0 });
});

test("the cards' process draws every state the locality pages draw, into the cache astro reads, from the last province back", { timeout: 120_000 }, async () => {
  const data = loadSiteData();
  // Already run by the test above (same process, same cache of drawings).
  const states = data.localities.filter(hasOwnPage).flatMap((l) => (["vi", "en"] as const).flatMap((locale) =>
    localityCharts(loadSlice(provinceOf(l.id)), l.id, locale).flatMap((c) => c.variants.filter((v) => drawnAtBuild(c, v)).map((v) => drawnEntry(locale, v.drawing)))));
  expect(states.length).toBeGreaterThan(10);
  expect(states.filter((f) => !existsSync(f))).toEqual([]);
  // Astro builds from the first province (view/slice-routes.ts): this process starts at the last one.
  const paths = previewCards().flatMap((g) => g.cards.map((c) => c.path));
  expect(paths[0]).toMatch(/^\/og\/vi\/localities\/quang-ngai[./]/);
  expect(paths.slice(-2)).toEqual(["/og/vi/site.png", "/og/en/site.png"]);
  expect(paths.findLastIndex((p) => p.includes("/bac-giang/"))).toBeGreaterThan(paths.findIndex((p) => p.includes("/quang-ngai/")));
});

