/**
 * A chart state is drawn once and read back by every route (and later build) that shows the same description: the
 * copy must be the drawing itself, per locale and state, and a damaged copy is never served.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { drawChart } from "../../src/charts/draw.ts";
import { svgHtml } from "../../src/render/chart-html.ts";
import { packRows, unpackRows } from "../../src/view/packed-rows.ts";
import { hasLocalityCharts, localityCharts } from "../../src/view/chart-specs.ts";
import { drawnEntry, drawnSvg, drawSvg, forgetKeptDrawings } from "../../src/render/drawn.ts";
import { serverDocument } from "../../src/render/server-dom.ts";
import { loadSiteData, loadSlice, type SiteData } from "../../src/load/site-data.ts";
import { ROOT, tempDir } from "../data/helpers.ts";

const QM = "bac-giang/viet-yen/quang-minh";
let tmp: string;
let data: SiteData;
let stale: string;

beforeAll(async () => {
  tmp = tempDir("drawn");
  // This file's own cache of drawings, holding one folder of another code version's.
  process.env.PPT_CACHE_DIR = join(tmp, "cache");
  stale = join(tmp, "cache", "drawn", "0123456789abcdef");
  mkdirSync(stale, { recursive: true });
  await buildData(ROOT, tmp);
  data = loadSiteData(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test("a state is drawn once and read back unchanged, per locale, by every route that shows the same description", () => {
  const byLocale = { vi: [] as string[], en: [] as string[] };
  for (const locale of ["vi", "en"] as const) {
    const spec = localityCharts(data, QM, locale).find((s) => s.id === "groups-chart")!;
    // The embed reads its province's slice again: another object, the same description, the same entry.
    const again = localityCharts(loadSlice("bac-giang", tmp), QM, locale).find((s) => s.id === "groups-chart")!;
    expect(spec.variants).toHaveLength(8);
    spec.variants.forEach((v, i) => {
      const first = drawnSvg(locale, v.drawing);
      const entry = drawnEntry(locale, v.drawing);
      const written = statSync(entry).mtimeMs;
      expect(drawnEntry(locale, again.variants[i].drawing)).toBe(entry);
      expect(drawnSvg(locale, again.variants[i].drawing)).toBe(first);
      expect(statSync(entry).mtimeMs).toBe(written);
      // The copy is this state's own drawing, not another's.
      expect(first).toBe(svgHtml(drawSvg(v.drawing, locale)).page);
      byLocale[locale].push(first);
    });
  }
  // Each locale has its own drawing: English tooltips say "households", Vietnamese ones "hộ".
  byLocale.vi.forEach((vi, i) => expect(byLocale.en[i]).not.toBe(vi));
  expect(byLocale.en[0]).toMatch(/households/);
  expect(byLocale.vi[0]).toMatch(/ hộ/);
});

test("a damaged or truncated entry is drawn again, never served; another code version's drawings are gone", () => {
  expect(existsSync(stale)).toBe(false);
  const spec = localityCharts(data, QM, "vi").find((s) => s.id === "gap-chart")!;
  const d = spec.variants[0].drawing;
  const right = svgHtml(drawSvg(d, "vi")).page;
  expect(drawnSvg("vi", d)).toBe(right);
  const entry = drawnEntry("vi", d);
  const whole = readFileSync(entry, "utf8");
  // One figure altered in place (same length), then the file cut short: each is noticed and drawn again.
  // What this process keeps in memory is the whole drawing: served while the file is damaged, never the damage.
  writeFileSync(entry, whole.replace("0,57", "9,57"));
  expect(readFileSync(entry, "utf8")).not.toBe(whole);
  expect(drawnSvg("vi", d)).toBe(right);
  // A reader that does not hold it (the next route of another drawing, the next build) reads the file, finds it
  // damaged and draws it again.
  forgetKeptDrawings();
  expect(drawnSvg("vi", d)).toBe(right);
  expect(readFileSync(entry, "utf8")).toBe(whole);
  writeFileSync(entry, whole.slice(0, whole.length >> 1));
  forgetKeptDrawings();
  expect(drawnSvg("vi", d)).toBe(right);
  expect(readFileSync(entry, "utf8")).toBe(whole);
  expect(right).toMatch(/0,57%/);
});

test("a state the browser draws from its packed island is the drawing the build would make", () => {
  for (const locale of ["vi", "en"] as const) {
    const spec = localityCharts(data, QM, locale).find((s) => s.id === "groups-chart")!;
    for (const v of spec.variants) {
      expect(v.redraw, v.when).toBeDefined();
      // What the page inlines goes through JSON and back, as in the browser.
      const island = JSON.parse(JSON.stringify({ ...v.redraw!, rows: packRows(v.redraw!.rows) }));
      const browser = drawChart({ ...island, rows: unpackRows(island.rows) }, { document: serverDocument(), locale });
      expect(svgHtml(browser).page, v.when).toBe(svgHtml(drawSvg(v.drawing, locale)).page);
    }
    // The near-poor states draw the plan's near-poor households (Đông Long: 19 at end-2023), the poor ones its poor.
    const near = svgHtml(drawSvg(spec.variants.find((v) => v.when === "group=near_poor sort=name")!.drawing, locale)).page;
    expect(near).toMatch(locale === "vi" ? /Đông Long, cuối năm 2023: 19 hộ/ : /Đông Long, end of 2023: 19 households/);
  }
});

test("the embed routes list exactly the localities whose page has a chart", () => {
  const withCharts = data.localities.filter((l) => localityCharts(data, l.id, "vi").length > 0).map((l) => l.id);
  expect(data.localities.filter((l) => hasLocalityCharts(data, l.id)).map((l) => l.id)).toEqual(withCharts);
  // Quảng Minh (its own plan) and Thanh Liêm (a district plan) have charts; a residential group of Quảng Minh has none of its own.
  expect(withCharts).toEqual(expect.arrayContaining([QM, "ha-nam/thanh-liem"]));
  expect(withCharts.length).toBeLessThan(data.localities.length);
});
