import { describe, expect, test } from "vitest";
import { derive } from "../../src/domain/derive.ts";
import type { DeprivationRow, StatisticRow, TargetRow } from "../../src/domain/schema.ts";

const P = "p-2024";
const L = "a/b";
const at = { quote: "q", source_line: 1, source_line_end: 1 };
const stat = (indicator: string, value: number, decimals = 0, extra: Partial<StatisticRow> = {}): StatisticRow => ({
  plan_id: P, locality_id: L, indicator: indicator as StatisticRow["indicator"], group: "poor", date: "2023-12-31", value, value_text: String(value),
  decimals, unit: decimals ? "percent" : "households", ref: `s-${indicator}`, ...at, ...extra,
});
const target = (t: Partial<TargetRow>): TargetRow => ({
  plan_id: P, locality_id: L, indicator: "poverty_rate", group: "poor", kind: "level", comparator: "eq", baseline_value: null, baseline_date: null,
  target_value: null, target_date: "2024-12-31", change_pp: null, change_households: null, change_relative_pct: null, computed_fields: [],
  unit: "percent", ref: "t-1", ...at, ...t,
});
const dep = (indicator: DeprivationRow["indicator"], households: number, stated_pct: number): DeprivationRow => ({
  plan_id: P, locality_id: L, date: "2023-12-31", group: "poor", indicator, households, stated_pct, computed_pct: null, group_households: null,
  implied_denominator: null, consistent: null, ref: `d-${indicator}`, ...at,
});

describe("derive on tiny inputs", () => {
  test("deprivation shares are checked against the group's household count", () => {
    const d = derive([stat("poor_households", 17)], [], [dep("employment", 3, 58.8), dep("dependants", 16, 94.12)], [], new Map([[`${P}|d-employment|stated_pct`, 1]]));
    expect(d.deprivations.map((r) => [r.indicator, r.computed_pct, r.consistent, r.implied_denominator])).toEqual([
      ["employment", 17.65, false, 5.1],
      ["dependants", 94.12, true, null],
    ]);
    expect(d.findings.map((f) => [f.code, f.stated, f.computed])).toEqual([["deprivation_share", 58.8, 17.65]]);
    expect(d.checks.deprivation_share).toEqual({ run: 2, passed: 1 });
  });

  test("a level target gets its baseline, change_pp and change_relative_pct from the latest statistic", () => {
    const d = derive([stat("poverty_rate", 0.57, 2)], [target({ target_value: 0.43 })], [], [], new Map([[`${P}|t-1|target_value`, 2]]));
    expect(d.targets[0]).toMatchObject({ baseline_value: 0.57, baseline_date: "2023-12-31", change_pp: -0.14, change_relative_pct: -24.56 });
    expect(d.targets[0].computed_fields).toEqual(["baseline_value", "baseline_date", "change_pp", "change_relative_pct"]);
  });

  test("a printed change that disagrees with baseline and target is a finding, not an overwrite", () => {
    const t = target({ baseline_value: 0.97, baseline_date: "2023-12-31", target_value: 0.72, change_pp: -0.3 });
    const d = derive([], [t], [], [], new Map());
    expect(d.targets[0].change_pp).toBe(-0.3);
    expect(d.findings.map((f) => [f.code, f.stated, f.computed])).toEqual([["baseline_change_target", -0.3, -0.25]]);
  });

  test("a rate printed without a total gives an implied total range", () => {
    const d = derive([stat("poor_households", 700), stat("poverty_rate", 1.64, 2)], [], [], [], new Map());
    expect(d.derived.filter((r) => r.rule === "implied_total").map((r) => [r.low, r.high])).toEqual([[42554, 42813]]);
  });

  test("a rate that disagrees with count and total is a rate_vs_counts finding", () => {
    const d = derive([stat("total_households", 2991), stat("poor_households", 17), stat("poverty_rate", 0.58, 2)], [], [], [], new Map());
    expect(d.checks.rate_vs_counts).toEqual({ run: 1, passed: 0 });
    expect(d.findings[0]).toMatchObject({ code: "rate_vs_counts", stated: 0.58, computed: 0.5684 });
  });
});
