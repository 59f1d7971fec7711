/**
 * The national pages stay one row per province whatever the number of plans: the overview's map names a province's
 * first localities and how many more, cites its first plans and how many more, and its CSV holds counts, not lists
 * of ids. Checked on the synthetic dataset of bench/scale.ts (1% of the country, generated and built here, never in
 * data/) and on the five real plans, where every name and plan is still shown.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generate } from "../../bench/scale.ts";
import { buildData } from "../../scripts/build-data.ts";
import { nationalRates } from "../../src/load/site-data.ts";
import { mapSpec } from "../../src/view/map-spec.ts";

const REAL = join(new URL("../../", import.meta.url).pathname, "public", "data");
const root = mkdtempSync(join(tmpdir(), "ppt-national-pages-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the overview's map at many plans", () => {
  beforeAll(async () => {
    generate(root, 1);
    await buildData(root, join(root, "public", "data"));
  }, 240_000);

  test("names three localities a province and how many more, cites ten plans and how many more", () => {
    const data = nationalRates(join(root, "public", "data")).data;
    for (const locale of ["vi", "en"] as const) {
      const spec = mapSpec(data, locale);
      const v = spec.variants[0];
      expect(spec.sources).toHaveLength(10);
      expect(spec.moreSources?.n).toBeGreaterThan(100);
      // Hà Nội (01) has far more than four localities with a plan at 1%: its label and row end with how many more.
      const hanoi = v.csv.find((r) => r.province_code === "01")!;
      expect(Number(hanoi.localities_with_plan)).toBeGreaterThan(4);
      const label = v.drawing.chart === "map" ? v.drawing.provinces.find((p) => p.code === "01")!.label : "";
      const more = Number(hanoi.localities_with_plan) - 3;
      expect(label).toContain(locale === "vi" ? `và ${more} địa phương khác` : `and ${more} more`);
      expect(label.length).toBeLessThan(400);
      expect(v.table.rows.find((r) => typeof r[0] === "object" && r[0].text.includes("Hà Nội"))![1]).toContain(locale === "vi" ? "địa phương khác" : "more");
      // Counts in the CSV, no lists of ids: one short row per province.
      expect(Object.keys(hanoi)).toEqual(["province_code", "province", "localities_with_plan", "plans", "latest_poverty_rate_pct", "rate_is_median_of", "standard"]);
      expect(JSON.stringify(v.csv).length).toBeLessThan(34 * 200);
    }
  });
});

describe("the overview's map on the five real plans", () => {
  test("every locality named and every plan cited", () => {
    const spec = mapSpec(nationalRates(REAL).data, "vi");
    expect(spec.moreSources).toBeUndefined();
    expect(spec.sources.map((s) => s.plan.id)).toContain("quang-minh-2024");
    const v = spec.variants[0];
    expect(v.drawing.chart === "map" && v.drawing.provinces.some((p) => /Quảng Minh/.test(p.label))).toBe(true);
    expect(JSON.stringify(v.table.rows)).not.toContain("địa phương khác");
  });
});
