/**
 * The national pages read nationalRates(): the rows they need, gathered province slice by province slice, so a
 * national build never holds the country's tables. What those pages show must be what the whole tables give: the
 * province rows, the map's rows, the counts on the overview (real values from the five plans).
 */
import { join } from "node:path";
import { expect, test } from "vitest";
import { provinceMapRows } from "../../src/view/province-map-data.ts";
import { FIRST_FINDINGS, loadSiteData, loadUnits, nationalRates } from "../../src/load/site-data.ts";
import { frame, provinceRows } from "../../src/view/units-view.ts";
import { changeOnlyTargets, rateTargets } from "../../src/view/view.ts";

const PUBLIC = join(new URL("../../", import.meta.url).pathname, "public", "data");

test("nationalRates gives the overview and the compare list exactly what the national tables give", () => {
  const whole = loadSiteData(PUBLIC);
  const lists = nationalRates(PUBLIC);
  const units = loadUnits(PUBLIC);
  expect(lists.figures).toBe(whole.statistics.length + whole.targets.length + whole.deprivations.length);
  expect(lists.warnings).toBe(whole.quality.filter((q) => q.severity === "warning").length);
  expect(lists.figures).toBe(165);
  // The data page's counts and report come from the same pass: every table's rows, every finding (fewer than 200).
  for (const name of ["targets", "statistics", "deprivations", "quality", "derived"] as const) expect(lists.rows[name]).toBe(whole[name].length);
  expect(lists.firstFindings.length).toBe(Math.min(whole.quality.length, FIRST_FINDINGS));
  for (const q of whole.quality) expect(lists.firstFindings).toContainEqual(q);
  // Far fewer rows held than the country's tables.
  expect(lists.data.targets.length).toBeLessThan(whole.targets.length / 2);
  expect(provinceRows(frame(units, lists.data), lists.data)).toEqual(provinceRows(frame(units, whole), whole));
  expect(provinceMapRows(lists.data, units)).toEqual(provinceMapRows(whole, units));
  for (const m of ["poor", "near_poor"] as const) {
    const strip = (rows: ReturnType<typeof rateTargets>) => rows.map(({ change_households_low, change_households_high, ...r }) => r);
    expect(strip(rateTargets(lists.data, m))).toEqual(strip(rateTargets(whole, m)));
    expect(changeOnlyTargets(lists.data, m)).toEqual(changeOnlyTargets(whole, m));
  }
  // Quảng Minh's 2024 plan: 0,57% → 0,43% of poor households, among the rates the lists read.
  expect(rateTargets(lists.data, "poor").find((r) => r.plan_id === "quang-minh-2024")).toMatchObject({ baseline: 0.57, target: 0.43 });
});
