/**
 * The files a compare page fetches for a plan beyond its default pick: the plan's part of each compare chart, made by
 * the same compareCharts as the page, from the real plans.
 */
import { describe, expect, test } from "vitest";
import { compareCharts } from "../../src/view/chart-specs.ts";
import { compareRows, compareRowsFile, compareRowsRoutes } from "../../src/view/compare-rows.ts";
import { loadSiteData } from "../../src/load/site-data.ts";

const codeOf = (plan: string) => compareRowsRoutes().find((r) => compareRowsFile("vi", r.props.code, r.props.chunk).some((x) => x.plan === plan))!.props.code;

describe("compare rows", () => {
  test("one file per run of plans of a province with plans, holding every plan within it once", () => {
    const routes = compareRowsRoutes();
    expect(routes.map((r) => `${r.params.code}/${r.params.chunk}`)).toContain("24/0");
    expect(routes.flatMap((r) => compareRowsFile("vi", r.props.code, r.props.chunk).map((x) => x.plan)).sort()).toEqual(["long-khanh-2024", "phan-rang-thap-cham-2024", "pho-minh-2024", "quang-minh-2024", "thanh-liem-2021"]);
    expect(codeOf("quang-minh-2024")).toBe("24");
  });

  test("Quảng Minh's rows are what its province's compare charts draw, table, download and cite of it", () => {
    const r = compareRows("vi", "24", "quang-minh-2024");
    expect(r.name).toBe("Quảng Minh");
    expect(r.href).toBe("/plans/quang-minh-2024/");
    const rate = r.charts["compare-poverty_rate-2022-2025"];
    expect(rate.table).toEqual([["Quảng Minh", "0,57%", "0,43%", "−0,14 điểm %"]]);
    expect(rate.rows).toMatchObject([{ plan_id: "quang-minh-2024", baseline: 0.57, target: 0.43, change_pp: -0.14 }]);
    expect(rate.csv).toMatchObject([{ plan_id: "quang-minh-2024", baseline_pct: 0.57, target_pct: 0.43 }]);
    expect(rate.source?.text).toContain("UBND phường Quảng Minh");
    expect(r.charts["compare-near_poverty_rate-2022-2025"].table).toEqual([["Quảng Minh", "1,47%", "0,97%", "−0,50 điểm %"]]);
    // The page's own charts for the same plan hold the same rows.
    const specs = compareCharts(loadSiteData(), "vi", "/provinces/bac-ninh/compare/", ["quang-minh-2024"]);
    for (const s of specs.filter((x) => x.variants[0].redraw)) expect(r.charts[s.id]?.rows).toEqual(s.variants[0].redraw!.rows);
    expect(compareRows("en", "24", "quang-minh-2024").charts["compare-poverty_rate-2022-2025"].table).toEqual([["Quảng Minh", "0.57%", "0.43%", "−0.14 pp"]]);
  });

  test("a target given only as a change comes with its sentence and its quote", () => {
    const code = codeOf("long-khanh-2024");
    const r = compareRows("vi", code, "long-khanh-2024");
    expect(r.changes.poverty_rate?.[0].text).toContain("−35%");
    expect(r.changes.poverty_rate?.[0].href).toMatch(/^\/plans\/long-khanh-2024\/#/);
  });
});
