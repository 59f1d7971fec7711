/**
 * Only the default state of a chart is drawn into the built page (issue 16, decision 5): every other state is a JSON
 * island the browser draws on demand. Read from the built site (`npm test` builds first).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { expect, test } from "vitest";
import { unpackRows, type PackedRows } from "../../src/view/packed-rows.ts";
import { localityCsvPath } from "../../src/domain/public-paths.ts";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist");
const QM = "localities/bac-giang/viet-yen/quang-minh";
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, "index.html"), "utf8")).document;

test("Quảng Minh's page draws one SVG per chart, the default state; the other states are islands of valid JSON", () => {
  const doc = page(QM);
  const figures = [...doc.querySelectorAll("figure.chart")];
  expect(figures.map((f) => f.id)).toEqual(["gap-chart", "groups-chart", "deprivation-chart", "coverage-chart"]);
  for (const f of figures) expect(f.querySelectorAll(".plot svg"), f.id).toHaveLength(1);
  const groups = doc.querySelector("#groups-chart")!;
  const variants = [...groups.querySelectorAll<HTMLElement>(".variant")];
  expect(variants).toHaveLength(8);
  const drawn = variants.filter((v) => v.querySelector(".plot svg"));
  expect(drawn.map((v) => v.dataset.when)).toEqual(["group=poor sort=name"]);
  const undrawn = variants.filter((v) => v.dataset.undrawn !== undefined);
  expect(undrawn).toHaveLength(7);
  for (const v of undrawn) {
    expect(v.hidden).toBe(true);
    const island = JSON.parse(v.querySelector("script[data-island]")!.textContent!);
    expect(island.chart).toBe("group-bars");
    expect(island.summary.length).toBeGreaterThan(20);
    // Its rows are the plan's: the near-poor states draw Đông Long's 19 near-poor households of end-2023.
    const rows = unpackRows<{ name: string; series: string; households: number; measure: string }>(island.rows as PackedRows);
    expect(rows).toHaveLength(15);
    if (v.dataset.when!.startsWith("group=near_poor")) expect(rows.find((r) => r.name === "Đông Long" && r.series === "baseline")?.households).toBe(19);
    const csv = unpackRows<Record<string, unknown>>(island.csv as PackedRows);
    expect(csv).toHaveLength(15);
    expect(Object.keys(csv[0]!)).toEqual(["locality_id", "name", "measure", "series", "date", "households", "rate_pct", "ref", "plan_id", "plan_number", "source"]);
  }
  // No route per chart state any more; the page links its locality CSV instead, for readers without JavaScript.
  expect(existsSync(join(DIST, "downloads"))).toBe(false);
  expect(doc.querySelector("a[data-locality-csv]")?.getAttribute("href")).toBe(localityCsvPath("bac-giang/viet-yen/quang-minh"));
  expect(doc.querySelectorAll("noscript")).not.toHaveLength(0);
});
