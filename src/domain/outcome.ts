/**
 * Did a plan keep its promise? The rule the method page states (section "outcomes"):
 *
 * A target has an outcome when a later document (another plan of the dataset, issued in a later year) states the
 * same indicator, for the same group and the same locality, at the target's date. Then:
 * - the target level is the printed target, or, for a target given only as a change, the baseline plus that change
 *   (percentage points), or the baseline times (1 + change / 100) (relative);
 * - "met" when the stated figure is on the promised side of the level: at or below it for a count or rate meant to
 *   fall (poverty, near-poverty), at or above it for one meant to rise (coverage); a strict comparator ("trên 96%",
 *   "dưới 1%") must be passed strictly;
 * - "missed" otherwise, by the difference in points (rates) or in units (counts) and, for a rate, by the households
 *   that difference stands for when the later document states the total households at that date;
 * - "not yet known" when no later document states the figure at that date.
 * Both ends are kept (the target's quote and the later statement's) so each outcome can be checked against print.
 */
import type { PlanRow, StatisticRow, TargetRow } from "./schema.ts";

/** Indicators whose targets promise a fall; every other promises a rise. */
const FALLING = new Set(["poverty_rate", "near_poverty_rate", "poor_households", "near_poor_households", "poor_persons", "near_poor_persons"]);

export type OutcomeStatus = "met" | "missed" | "unknown";

export interface Outcome {
  target: TargetRow;
  /** The level the target promised (printed, or baseline + change); null when it cannot be known. */
  level: number | null;
  status: OutcomeStatus;
  /** The later statement at the target's date, when there is one. */
  actual: StatisticRow | null;
  /** stated − level, signed (points for a rate), when both are known. */
  difference: number | null;
  /** For a rate: households the difference stands for (difference × total households ÷ 100, rounded), when the later document states the total. */
  difference_households: number | null;
}

/** The level a target promises, or null when neither a level nor a baseline with a change is printed. */
export function promisedLevel(t: TargetRow): number | null {
  if (t.target_value !== null && (t.kind === "level" || t.kind === "count" || t.kind === "coverage")) return t.target_value;
  if (t.baseline_value === null) return null;
  if (t.kind === "change_pp" && t.change_pp !== null) return round(t.baseline_value + t.change_pp);
  if (t.kind === "change_relative" && t.change_relative_pct !== null) return round(t.baseline_value * (1 + t.change_relative_pct / 100));
  return null;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Whether `stated` keeps a promise of `level` for this target. */
export function kept(t: TargetRow, level: number, stated: number): boolean {
  const falling = t.comparator === "le" || t.comparator === "lt" || (t.comparator === "eq" && FALLING.has(t.indicator));
  const strict = t.comparator === "lt" || t.comparator === "gt";
  if (falling) return strict ? stated < level : stated <= level;
  return strict ? stated > level : stated >= level;
}

/**
 * The outcome of each target in `targets`, looking in `statistics` (of any plan) for the later statement. `plans`
 * gives each plan's year, so a plan's own baseline never counts as the outcome of its own target.
 */
export function outcomes(targets: readonly TargetRow[], statistics: readonly StatisticRow[], plans: ReadonlyMap<string, Pick<PlanRow, "year">>): Outcome[] {
  const stated = new Map<string, StatisticRow[]>();
  for (const s of statistics) {
    const k = `${s.locality_id}|${s.indicator}|${s.group}|${s.date}`;
    stated.set(k, [...(stated.get(k) ?? []), s]);
  }
  return targets.map((t) => {
    const level = promisedLevel(t);
    const year = plans.get(t.plan_id)?.year ?? Infinity;
    const later = (stated.get(`${t.locality_id}|${t.indicator}|${t.group}|${t.target_date}`) ?? [])
      .filter((s) => s.plan_id !== t.plan_id && (plans.get(s.plan_id)?.year ?? -Infinity) > year)
      .sort((a, b) => (plans.get(a.plan_id)!.year - plans.get(b.plan_id)!.year) || (a.plan_id < b.plan_id ? -1 : 1));
    const actual = later[0] ?? null;
    if (level === null || actual === null) return { target: t, level, status: "unknown", actual, difference: null, difference_households: null };
    const difference = round(actual.value - level);
    let households: number | null = null;
    if (actual.unit === "percent") {
      const total = statistics.find((s) => s.plan_id === actual.plan_id && s.locality_id === actual.locality_id && s.indicator === "total_households" && s.date === actual.date);
      if (total) households = Math.round((difference * total.value) / 100);
    }
    return { target: t, level, status: kept(t, level, actual.value) ? "met" : "missed", actual, difference, difference_households: households };
  });
}
