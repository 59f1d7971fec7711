/**
 * A chart variant is drawn once per build and read back by the other routes that show it: the copy must be the
 * drawing itself, per locale and variant, and the drawing must not run twice.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { drawChart } from "../../src/charts/draw.ts";
import { svgHtml } from "../../src/lib/chart-html.ts";
import { packRows, unpackRows } from "../../src/lib/packed-rows.ts";
import { localityCharts, type ChartVariant } from "../../src/lib/chart-specs.ts";
import { drawnSvg } from "../../src/lib/drawn.ts";
import { serverDocument } from "../../src/lib/server-dom.ts";
import { loadSiteData, type SiteData } from "../../src/lib/site-data.ts";
import { ROOT, tempDir } from "../data/helpers.ts";

const QM = "bac-giang/viet-yen/quang-minh";
let tmp: string;
let data: SiteData;

beforeAll(async () => {
  tmp = tempDir("drawn");
  await buildData(ROOT, tmp);
  data = loadSiteData(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The variant with its drawing counted. */
function counted(v: ChartVariant) {
  const calls = { n: 0 };
  return { calls, v: { ...v, draw: (d: Document) => (calls.n++, v.draw(d)) } };
}

test("the groups chart's variants are drawn once each and read back unchanged, per locale", () => {
  const byLocale = { vi: [] as string[], en: [] as string[] };
  for (const locale of ["vi", "en"] as const) {
    const spec = localityCharts(data, QM, locale).find((s) => s.id === "groups-chart")!;
    expect(spec.variants).toHaveLength(8);
    for (const variant of spec.variants) {
      const { calls, v } = counted(variant);
      const first = drawnSvg(data, locale, spec, v);
      const again = drawnSvg(data, locale, spec, v);
      expect(calls.n).toBe(1);
      expect(again).toBe(first);
      // The copy is this variant's own drawing, not another's.
      expect(first).toBe(svgHtml(variant.draw(serverDocument())).page);
      byLocale[locale].push(first);
    }
  }
  // Each locale has its own drawing: English tooltips say "households", Vietnamese ones "hộ".
  byLocale.vi.forEach((vi, i) => expect(byLocale.en[i]).not.toBe(vi));
  expect(byLocale.en[0]).toMatch(/households/);
  expect(byLocale.vi[0]).toMatch(/ hộ/);
});

test("a state the browser draws from its packed island is the drawing the build would make", () => {
  for (const locale of ["vi", "en"] as const) {
    const spec = localityCharts(data, QM, locale).find((s) => s.id === "groups-chart")!;
    for (const v of spec.variants) {
      expect(v.redraw, v.when).toBeDefined();
      // What the page inlines goes through JSON and back, as in the browser.
      const island = JSON.parse(JSON.stringify({ ...v.redraw!, rows: packRows(v.redraw!.rows) }));
      const browser = drawChart({ ...island, rows: unpackRows(island.rows) }, { document: serverDocument(), locale });
      expect(svgHtml(browser).page, v.when).toBe(svgHtml(v.draw(serverDocument())).page);
    }
    // The near-poor states draw the plan's near-poor households (Đông Long: 19 at end-2023), the poor ones its poor.
    const near = svgHtml(spec.variants.find((v) => v.when === "group=near_poor sort=name")!.draw(serverDocument())).page;
    expect(near).toMatch(locale === "vi" ? /Đông Long, cuối năm 2023: 19 hộ/ : /Đông Long, end of 2023: 19 households/);
  }
});
