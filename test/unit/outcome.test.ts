/**
 * Outcomes of targets: the rule in src/domain/outcome.ts, on the real targets of the seed plans and on later
 * statements made up here. The fixtures live only in this test: the real site has no later document, so every seed
 * target is "not yet known" there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { outcomes, promisedLevel } from "../../src/domain/outcome.ts";
import type { PlanRow, StatisticRow, TargetRow } from "../../src/domain/schema.ts";
import { nationalRows, ROOT, tempDir } from "../data/helpers.ts";

let targets: TargetRow[];
let statistics: StatisticRow[];
let plans: Map<string, PlanRow>;
beforeAll(async () => {
  const dir = join(tempDir("outcome"), "data");
  await buildData(ROOT, dir);
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8"));
  targets = nationalRows(dir, "targets");
  statistics = nationalRows(dir, "statistics");
  plans = new Map((read("plans.json") as PlanRow[]).map((p) => [p.id, p]));
});

const target = (plan: string, locality: string, indicator: string) => targets.find((t) => t.plan_id === plan && t.locality_id === locality && t.indicator === indicator)!;
/** A statement of a made-up 2025 plan at the target's date. */
const later = (t: TargetRow, value: number, extra: Partial<StatisticRow> = {}): StatisticRow => ({
  plan_id: "fixture-2025", locality_id: t.locality_id, indicator: t.indicator, group: t.group, date: t.target_date, value, value_text: String(value).replace(".", ","),
  decimals: 2, unit: "percent", ref: `s-fixture-${value}`, quote: `fixture ${value}`, source_line: 10, source_line_end: 10, ...extra,
});
const withFixture = () => new Map([...plans, ["fixture-2025", { ...plans.get("quang-minh-2024")!, id: "fixture-2025", year: 2025 }]]);

describe("outcomes of the real seed targets", () => {
  test("with no later document every rate target is not yet known", () => {
    const rates = targets.filter((t) => t.indicator === "poverty_rate" || t.indicator === "near_poverty_rate");
    const o = outcomes(rates, statistics, plans);
    expect(o.length).toBe(19);
    expect(new Set(o.map((x) => x.status))).toEqual(new Set(["unknown"]));
  });

  test("a plan's own baseline at the target's date never counts as its outcome", () => {
    const t = target("quang-minh-2024", "bac-giang/viet-yen/quang-minh", "poverty_rate");
    const own = later(t, 0.4, { plan_id: "quang-minh-2024" });
    expect(outcomes([t], [own], plans)[0].status).toBe("unknown");
  });
});

describe("the rule, on Quảng Minh's 0,57% → 0,43% by 31/12/2024 (2,991 households)", () => {
  test("met when a later plan states 0,40% at 31/12/2024", () => {
    const t = target("quang-minh-2024", "bac-giang/viet-yen/quang-minh", "poverty_rate");
    expect([t.baseline_value, t.target_value, t.target_date]).toEqual([0.57, 0.43, "2024-12-31"]);
    const [o] = outcomes([t], [later(t, 0.4)], withFixture());
    expect(o).toMatchObject({ status: "met", level: 0.43, difference: -0.03 });
  });

  test("met exactly at the level", () => {
    const t = target("quang-minh-2024", "bac-giang/viet-yen/quang-minh", "poverty_rate");
    expect(outcomes([t], [later(t, 0.43)], withFixture())[0].status).toBe("met");
  });

  test("missed by 0,17 points and 5 households when the later plan states 0,60% of 2,991 households", () => {
    const t = target("quang-minh-2024", "bac-giang/viet-yen/quang-minh", "poverty_rate");
    const total = later(t, 2991, { indicator: "total_households", group: "all", unit: "households", decimals: 0, ref: "s-fixture-total" });
    const [o] = outcomes([t], [later(t, 0.6), total], withFixture());
    // 0,17 × 2 991 / 100 = 5,08 → 5 households.
    expect(o).toMatchObject({ status: "missed", difference: 0.17, difference_households: 5 });
    expect(o.actual?.quote).toBe("fixture 0.6");
  });

  test("a statement at another date is no outcome", () => {
    const t = target("quang-minh-2024", "bac-giang/viet-yen/quang-minh", "poverty_rate");
    expect(outcomes([t], [later(t, 0.3, { date: "2024-06-30" })], withFixture())[0].status).toBe("unknown");
  });
});

describe("targets given only as a change", () => {
  test("Phổ Minh's −1,11 points has no level without a baseline: not yet known even with a later figure", () => {
    const t = target("pho-minh-2024", "quang-ngai/duc-pho/pho-minh", "poverty_rate");
    expect([t.kind, t.change_pp, t.baseline_value]).toEqual(["change_pp", -1.11, null]);
    expect(promisedLevel(t)).toBeNull();
    expect(outcomes([t], [later(t, 1)], withFixture())[0].status).toBe("unknown");
  });

  test("with a baseline, the level is baseline + change: 3,00% − 1,11 points = 1,89%", () => {
    const t = { ...target("pho-minh-2024", "quang-ngai/duc-pho/pho-minh", "poverty_rate"), baseline_value: 3 };
    expect(promisedLevel(t)).toBe(1.89);
    expect(outcomes([t], [later(t, 1.9)], withFixture())[0]).toMatchObject({ status: "missed", difference: 0.01 });
    expect(outcomes([t], [later(t, 1.89)], withFixture())[0].status).toBe("met");
  });

  test("a relative change: Long Khánh's −35% of a 2,00% baseline promises 1,30%", () => {
    const t = targets.find((x) => x.plan_id === "long-khanh-2024" && x.kind === "change_relative")!;
    expect(t.change_relative_pct).toBe(-35);
    expect(promisedLevel({ ...t, baseline_value: 2 })).toBe(1.3);
  });
});

describe("direction", () => {
  test("a coverage target (≥) is met at or above its level, missed below", () => {
    const t = targets.find((x) => x.kind === "coverage" && x.comparator === "ge" && x.target_value !== null)!;
    expect(outcomes([t], [later(t, t.target_value!)], withFixture())[0].status).toBe("met");
    expect(outcomes([t], [later(t, t.target_value! - 1)], withFixture())[0].status).toBe("missed");
  });

  test("a strict target (trên 96%) is missed at exactly 96%", () => {
    const t = targets.find((x) => x.comparator === "gt" && x.target_value !== null)!;
    expect(outcomes([t], [later(t, t.target_value!)], withFixture())[0].status).toBe("missed");
  });
});
