/**
 * Golden pipeline test: data/ → buildData → public files, checked field by field against the figures the plans
 * print (values read from the documents, not from the output).
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fromCSV } from "arquero";
import { stripBom } from "../../src/domain/csv-bom.ts";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { buildData, type BuildSummary } from "../../scripts/build-data.ts";
import { foldSpace } from "../../src/domain/fold.ts";
import { PublicFiles, type DeprivationRow, type DerivedRow, type PlanRow, type QualityRow, type StatisticRow, type TargetRow } from "../../src/domain/schema.ts";
import { all, nationalRows, one, readJson, ROOT, snapshot, tempDir } from "./helpers.ts";
import { FIGURE_TABLES } from "../../src/domain/public-paths.ts";

const QM = "quang-minh-2024";
const QM_LOC = "bac-giang/viet-yen/quang-minh";
const PR = "phan-rang-thap-cham-2024";
const PM = "pho-minh-2024";
const LK = "long-khanh-2024";
const TL = "thanh-liem-2021";

let tmp: string;
let out: string;
let out2: string;
let summary: BuildSummary;
let plans: PlanRow[];
let targets: TargetRow[];
let statistics: StatisticRow[];
let deprivations: DeprivationRow[];
let quality: QualityRow[];
let derived: DerivedRow[];

beforeAll(async () => {
  tmp = tempDir("pipeline");
  out = join(tmp, "out");
  out2 = join(tmp, "out2");
  summary = await buildData(ROOT, out);
  await buildData(ROOT, out2);
  plans = readJson(out, "plans.json");
  targets = nationalRows(out, "targets");
  statistics = nationalRows(out, "statistics");
  deprivations = nationalRows(out, "deprivations");
  quality = nationalRows(out, "quality");
  derived = nationalRows(out, "derived");
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("plans.json", () => {
  test("five plans with their poverty standards", () => {
    expect(Object.fromEntries(plans.map((p) => [p.id, p.poverty_standard]))).toEqual({
      [LK]: "2022-2025",
      [PR]: "2022-2025",
      [PM]: "2022-2025",
      [QM]: "2022-2025",
      [TL]: "2016-2020",
    });
  });

  test("summary counts match the files", () => {
    expect(summary.counts.plans).toBe(5);
    expect(summary.counts.targets).toBe(targets.length);
    expect(summary.counts.statistics).toBe(statistics.length);
    expect(summary.counts.deprivations).toBe(deprivations.length);
  });
});

describe("Quảng Minh 2024", () => {
  const stat = (indicator: string, loc = QM_LOC, date = "2023-12-31") => all(statistics, { plan_id: QM, locality_id: loc, indicator, date });

  test("total households 2991, from the appendix Cộng row (line 254)", () => {
    const rows = stat("total_households");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 2991, value_text: "2.991", decimals: 0, unit: "households", group: "all", source_line: 254, source_line_end: 254 });
    expect(rows[0].quote).toContain("Cộng\t2.991\t17\t0.57");
  });

  test("17 poor households, 0.57%: printed in the text (line 35) and in the table (line 254)", () => {
    const poor = stat("poor_households");
    expect(poor.map((r) => [r.source_line, r.value])).toEqual([[35, 17], [254, 17]]);
    expect(one(poor, { source_line: 35 })).toMatchObject({ value_text: "17", group: "poor", unit: "households" });
    const rate = stat("poverty_rate");
    expect(rate.map((r) => [r.source_line, r.value, r.decimals])).toEqual([[35, 0.57, 2], [254, 0.57, 2]]);
    expect(one(rate, { source_line: 35 }).value_text).toBe("0,57%");
    expect(one(rate, { source_line: 254 }).value_text).toBe("0.57");
  });

  test("44 near-poor households, 1.47% (text line 37)", () => {
    expect(one(stat("near_poor_households"), { source_line: 37 })).toMatchObject({ value: 44, group: "near_poor" });
    expect(one(stat("near_poverty_rate"), { source_line: 37 })).toMatchObject({ value: 1.47, value_text: "1,47%", decimals: 2 });
  });

  test("the five residential groups add up to 2991 households, 17 poor and 44 near-poor", () => {
    const groups = statistics.filter((s) => s.plan_id === QM && s.locality_id.startsWith(`${QM_LOC}/`) && s.date === "2023-12-31");
    const by = (ind: string) => Object.fromEntries(groups.filter((s) => s.indicator === ind).map((s) => [s.locality_id.split("/").pop(), s.value]));
    expect(by("total_households")).toEqual({ "kha-ly-thuong": 1011, "kha-ly-ha": 494, "dong-long": 802, "dinh-ca": 430, ke: 254 });
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(by("total_households"))).toBe(2991);
    expect(sum(by("poor_households"))).toBe(17);
    expect(sum(by("near_poor_households"))).toBe(44);
    expect(Object.keys(by("poor_households"))).toHaveLength(5);
    expect(Object.keys(by("near_poor_households"))).toHaveLength(5);
  });

  test("derived sums of the residential groups agree with the Cộng row", () => {
    const sums = all(derived, { plan_id: QM, locality_id: QM_LOC, rule: "sum_of_sub_localities", date: "2023-12-31" });
    expect(one(sums, { indicator: "total_households" })).toMatchObject({ value: 2991, formula: "1011 + 494 + 802 + 430 + 254 = 2991" });
    expect(one(sums, { indicator: "poor_households" }).value).toBe(17);
    expect(one(sums, { indicator: "near_poor_households" }).value).toBe(44);
    expect(quality.filter((q) => q.plan_id === QM && q.code === "sum_of_sub_localities")).toEqual([]);
  });

  test("2024 poverty-rate target 0.43%: baseline 0.57, change −0.14 pp and −4 households, computed", () => {
    const t = one(targets, { plan_id: QM, locality_id: QM_LOC, indicator: "poverty_rate", source_line: 23 });
    expect(t).toMatchObject({
      group: "poor", kind: "level", comparator: "eq", target_value: 0.43, target_date: "2024-12-31",
      baseline_value: 0.57, baseline_date: "2023-12-31", change_pp: -0.14, change_households: -4, unit: "percent",
    });
    expect(t.computed_fields).toEqual(expect.arrayContaining(["baseline_value", "baseline_date", "change_pp", "change_households"]));
    expect(t.quote).toBe("Cuối năm 2024 tỷ lệ hộ nghèo chung trên địa bàn phường giảm còn 0,43%.");
  });

  test("2024 near-poverty-rate target 0.97%: change −0.5 pp and −15 households, computed", () => {
    const t = one(targets, { plan_id: QM, locality_id: QM_LOC, indicator: "near_poverty_rate", source_line: 24 });
    expect(t).toMatchObject({ target_value: 0.97, baseline_value: 1.47, change_pp: -0.5, change_households: -15 });
    expect(t.computed_fields).toEqual(expect.arrayContaining(["change_pp", "change_households"]));
  });

  test("the table's Cộng row targets 13 poor and 29 near-poor households at end of 2024", () => {
    const poor = one(targets, { plan_id: QM, locality_id: QM_LOC, indicator: "poor_households", target_date: "2024-12-31" });
    expect(poor).toMatchObject({ kind: "count", target_value: 13, baseline_value: 17, change_households: -4, source_line: 254 });
    const near = one(targets, { plan_id: QM, locality_id: QM_LOC, indicator: "near_poor_households", target_date: "2024-12-31" });
    expect(near).toMatchObject({ target_value: 29, baseline_value: 44, change_households: -15 });
  });

  test("24 deprivation rows, 12 per group", () => {
    const rows = all(deprivations, { plan_id: QM });
    expect(rows).toHaveLength(24);
    expect(all(rows, { group: "poor" })).toHaveLength(12);
    expect(all(rows, { group: "near_poor" })).toHaveLength(12);
  });

  test("employment, poor: 3 households printed as 58.8% but 3/17 = 17.65%, inconsistent", () => {
    expect(one(deprivations, { plan_id: QM, group: "poor", indicator: "employment" })).toMatchObject({
      households: 3, stated_pct: 58.8, computed_pct: 17.65, group_households: 17, consistent: false, source_line: 45,
    });
  });

  test("dependants, poor: 16 households, 94.12% = 16/17, consistent", () => {
    expect(one(deprivations, { plan_id: QM, group: "poor", indicator: "dependants" })).toMatchObject({
      households: 16, stated_pct: 94.12, computed_pct: 94.12, group_households: 17, consistent: true, implied_denominator: null,
    });
  });

  test("near-poor nutrition comes from the second occurrence of its sentence (line 64)", () => {
    expect(one(deprivations, { plan_id: QM, group: "near_poor", indicator: "nutrition" })).toMatchObject({ households: 0, source_line: 64, group_households: 44 });
    expect(one(deprivations, { plan_id: QM, group: "poor", indicator: "nutrition" }).source_line).toBe(47);
  });

  test("quality.json warns about the employment share, citing 58.8% and 17.65%", () => {
    const dep = one(deprivations, { plan_id: QM, group: "poor", indicator: "employment" });
    const q = one(quality, { plan_id: QM, code: "deprivation_share", source_line: 45 });
    expect(q).toMatchObject({ severity: "warning", stated: 58.8, computed: 17.65, quote: "Thiếu hụt chỉ số việc làm: 03 hộ, tỷ lệ 58,8%;" });
    expect(q.refs[0]).toBe(dep.ref);
    expect(q.message_en).toContain("58.8%");
    expect(q.message_en).toContain("17.65%");
    expect(q.message_vi).toContain("58,8%");
    expect(q.message_vi).toContain("17,65%");
  });

  test("no deprivation_share warning for the consistent dependants line", () => {
    expect(all(quality, { plan_id: QM, code: "deprivation_share", source_line: 46 })).toEqual([]);
  });
});

describe("Phan Rang – Tháp Chàm 2024 (OCR)", () => {
  test("poverty rate 0.97% → 0.72%, −0.25 pp as printed (not computed), quote spans lines 77–78", () => {
    const t = one(targets, { plan_id: PR, indicator: "poverty_rate" });
    expect(t).toMatchObject({ baseline_value: 0.97, baseline_date: "2023-12-31", target_value: 0.72, change_pp: -0.25, source_line: 77, source_line_end: 78 });
    expect(t.computed_fields).not.toContain("change_pp");
    expect(t.computed_fields).not.toContain("baseline_value");
    expect(t.change_relative_pct).toBe(-25.77);
  });

  test("near-poverty rate 2.50% → 2.16%, −0.34 pp", () => {
    const t = one(targets, { plan_id: PR, indicator: "near_poverty_rate" });
    expect(t).toMatchObject({ baseline_value: 2.5, target_value: 2.16, change_pp: -0.34, source_line: 78 });
    expect(t.computed_fields).not.toContain("change_pp");
  });

  test("printed changes agree with baseline and target (no baseline_change_target finding)", () => {
    expect(all(quality, { plan_id: PR, code: "baseline_change_target" })).toEqual([]);
  });

  test("10 houses to be built", () => {
    expect(one(targets, { plan_id: PR, indicator: "houses_built" })).toMatchObject({ kind: "count", target_value: 10, unit: "houses", group: "poor" });
  });

  test("no issue date", () => {
    expect(one(plans, { id: PR })).toMatchObject({ issued: null, issued_line: null, ocr: true });
  });
});

describe("Phổ Minh 2024", () => {
  test("poverty rate −1.11 pp, −16 households; near-poverty −0.3 pp, −5 households, all as printed", () => {
    const poor = one(targets, { plan_id: PM, indicator: "poverty_rate" });
    expect(poor).toMatchObject({ kind: "change_pp", change_pp: -1.11, change_households: -16, target_value: null, unit: "pp" });
    const near = one(targets, { plan_id: PM, indicator: "near_poverty_rate" });
    expect(near).toMatchObject({ kind: "change_pp", change_pp: -0.3, change_households: -5 });
    expect(poor.computed_fields).toEqual([]);
    expect(near.computed_fields).toEqual([]);
  });

  test("implied totals from the changes: 1435–1447 and 1429–2000 households", () => {
    const rows = all(derived, { plan_id: PM, rule: "implied_total_from_change" });
    const byInput = Object.fromEntries(rows.map((r) => [r.inputs[0], [r.low, r.high, r.value]]));
    expect(byInput[one(targets, { plan_id: PM, indicator: "poverty_rate" }).ref]).toEqual([1435, 1447, 1441.4]);
    expect(byInput[one(targets, { plan_id: PM, indicator: "near_poverty_rate" }).ref]).toEqual([1429, 2000, 1666.7]);
    expect(rows).toHaveLength(2);
  });

  test("the two ranges overlap only within rounding: an info finding with the common range 1,435–1,447", () => {
    const q = one(quality, { plan_id: PM, code: "implied_totals_differ_within_rounding" });
    expect(q.severity).toBe("info");
    expect(q.message_en).toContain("1,435–1,447");
  });
});

describe("Long Khánh 2024", () => {
  test("two relative-change targets of −35%", () => {
    const rel = all(targets, { plan_id: LK, kind: "change_relative" });
    expect(rel.map((t) => [t.indicator, t.group, t.change_relative_pct, t.change_pp]).sort()).toEqual([
      ["near_poor_households", "near_poor", -35, null],
      ["poor_households", "poor_a", -35, null],
    ]);
    for (const t of rel) expect(t.computed_fields).toEqual([]);
  });

  test("budget 383 million đồng", () => {
    expect(one(targets, { plan_id: LK, indicator: "budget" })).toMatchObject({ kind: "budget", target_value: 383, unit: "vnd_million" });
    expect(one(statistics, { plan_id: LK, indicator: "budget" })).toMatchObject({ value: 383, unit: "vnd_million" });
  });

  test("a warning that the attached table is missing", () => {
    const q = one(quality, { plan_id: LK, code: "attachment_missing" });
    expect(q).toMatchObject({ severity: "warning", stated: null, computed: null, quote: "(Có bảng giao chỉ tiêu giảm hộ nghèo A và hộ cận nghèo năm 2024 đính kèm)" });
    expect(q.source_line).toBeGreaterThan(0);
  });
});

describe("Thanh Liêm 2021 (2016–2020 standard)", () => {
  test("poverty standard 2016-2020", () => {
    expect(one(plans, { id: TL }).poverty_standard).toBe("2016-2020");
  });

  test("end-2020 statistics: 700 poor (1.64%) and 1357 near-poor (3.18%) households", () => {
    const s = (indicator: string) => one(statistics, { plan_id: TL, indicator, date: "2020-12-31" });
    expect(s("poor_households")).toMatchObject({ value: 700, unit: "households" });
    expect(s("poverty_rate")).toMatchObject({ value: 1.64, decimals: 2 });
    expect(s("near_poor_households")).toMatchObject({ value: 1357, value_text: "1357" });
    expect(s("near_poverty_rate")).toMatchObject({ value: 3.18, decimals: 2 });
    expect(all(statistics, { plan_id: TL, indicator: "total_households" })).toEqual([]);
  });

  test("target 1.49% with a computed −0.15 pp change", () => {
    const t = one(targets, { plan_id: TL, indicator: "poverty_rate" });
    expect(t).toMatchObject({ baseline_value: 1.64, target_value: 1.49, change_pp: -0.15, target_date: "2021-12-31" });
    expect(t.computed_fields).toContain("change_pp");
  });

  test("implied totals 42554–42813 (poor) and 42606–42740 (near-poor)", () => {
    const rows = all(derived, { plan_id: TL, rule: "implied_total" });
    const byCount = Object.fromEntries(rows.map((r) => [statistics.find((s) => s.ref === r.inputs[0])!.indicator, [r.low, r.high]]));
    expect(byCount).toEqual({ poor_households: [42554, 42813], near_poor_households: [42606, 42740] });
  });
});

describe("public files against their schemas", () => {
  // The tables of figures are JSON per province (the national file of each is its CSV); the index tables national.
  const byProvince = (name: string) => (FIGURE_TABLES as readonly string[]).includes(name);
  test.each(Object.keys(PublicFiles) as (keyof typeof PublicFiles)[])("every row of %s validates (national JSON, or every province's)", (name) => {
    const rows = byProvince(name) ? nationalRows<unknown>(out, name) : readJson<unknown[]>(out, `${name}.json`);
    expect(rows.length).toBeGreaterThan(0);
    for (const [i, row] of rows.entries()) {
      const r = PublicFiles[name].safeParse(row);
      if (!r.success) throw new Error(`${name}.json row ${i}: ${r.error.message}`);
    }
  });

  test("every quote of targets.json is in the published source at its source_line..source_line_end", () => {
    const sourceOf = Object.fromEntries(plans.map((p) => [p.id, readFileSync(join(out, "sources", p.source_file), "utf8").split("\n")]));
    const span = (lines: string[], from: number, to: number) => foldSpace(lines.slice(from - 1, to).join(" "));
    expect(targets.length).toBeGreaterThan(50);
    for (const t of targets) {
      const lines = sourceOf[t.plan_id];
      const q = foldSpace(t.quote);
      const where = `${t.ref} (${t.plan_id}:${t.source_line}-${t.source_line_end})`;
      expect(span(lines, t.source_line, t.source_line_end), where).toContain(q);
      if (t.source_line_end > t.source_line) {
        // The quote really starts on source_line and ends on source_line_end.
        expect(span(lines, t.source_line + 1, t.source_line_end), where).not.toContain(q);
        expect(span(lines, t.source_line, t.source_line_end - 1), where).not.toContain(q);
      }
    }
  });

  test("published sources are byte copies of data/sources", () => {
    for (const p of plans) {
      expect(readFileSync(join(out, "sources", p.source_file)).equals(readFileSync(join(ROOT, "data", "sources", p.source_file)))).toBe(true);
    }
  });

  const csvFiles = ["targets", "statistics", "deprivations", "quality", "derived"] as const;

  const csv = (name: string) => fromCSV(stripBom(readFileSync(join(out, `${name}.csv`), "utf8")), { autoType: false });
  test.each(csvFiles)("%s.csv starts with a UTF-8 byte-order mark (Excel on Windows reads it as UTF-8)", (name) => {
    expect(readFileSync(join(out, `${name}.csv`)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  test.each(csvFiles)("%s.csv has a header row equal to the schema keys", (name) => {
    expect(csv(name).columnNames()).toEqual(Object.keys((PublicFiles[name] as z.ZodObject).shape));
  });

  test.each(csvFiles)("%s.csv has as many data rows as the JSON", (name) => {
    const json = nationalRows<unknown>(out, name);
    expect(json.length).toBeGreaterThan(0);
    expect(csv(name).numRows()).toBe(json.length);
  });

  test.each(csvFiles.filter((n) => n !== "derived"))("%s.csv quotes survive the CSV round trip (tabs, commas, line breaks)", (name) => {
    const json = nationalRows<{ quote: string }>(out, name);
    // A quote a spreadsheet would run as a formula (a table row starting with a tab) carries a leading apostrophe in CSV only.
    expect(csv(name).array("quote").slice(0, json.length)).toEqual(json.map((r) => (/^[=+\-@\t\r]/.test(r.quote) ? `'${r.quote}` : r.quote)));
  });

  test("a CSV cell a spreadsheet would run as a formula is text: Quảng Minh's totals row starts with a tab", () => {
    const quotes = csv("targets").array("quote") as string[];
    expect(quotes.some((q) => q.startsWith("'\tCộng\t2.991\t17\t"))).toBe(true);
    expect(quotes.filter((q) => /^[=+\-@\t\r]/.test(q))).toEqual([]);
    // Numbers stay numbers: the 17 poor households of the totals row are a number cell.
    const numbers = fromCSV(readFileSync(join(out, "statistics.csv"), "utf8")).objects() as Record<string, unknown>[];
    expect(numbers.some((r) => r.value === 17 && r.indicator === "poor_households" && r.locality_id === "bac-giang/viet-yen/quang-minh")).toBe(true);
  });

  test("deprivations.csv carries the employment row with 58.8 and 17.65", () => {
    const table = fromCSV(stripBom(readFileSync(join(out, "deprivations.csv"), "utf8")));
    const rows = table.objects() as Record<string, unknown>[];
    const row = rows.find((r) => r.plan_id === QM && r.group === "poor" && r.indicator === "employment")!;
    expect(row).toMatchObject({ households: 3, stated_pct: 58.8, computed_pct: 17.65, consistent: false });
  });

  test("schema.json has an entry per public file, describing its columns", () => {
    const schema = readJson(out, "schema.json");
    expect(Object.keys(schema.files).sort()).toEqual(Object.keys(PublicFiles).map((n) => `${n}.json`).sort());
    for (const [name, s] of Object.entries(PublicFiles)) {
      const entry = schema.files[`${name}.json`];
      expect(entry.type).toBe("array");
      expect(Object.keys(entry.items.properties)).toEqual(Object.keys((s as z.ZodObject).shape));
    }
  });

  test("two runs produce byte-identical files", () => {
    const a = snapshot(out);
    const b = snapshot(out2);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(15);
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  });
});
