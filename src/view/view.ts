/**
 * View rows: what charts and tables draw, computed from the public data files. Pure functions, no DOM, no Astro:
 * the same rows feed the build-time SVG, the data table under each chart and the per-chart CSV.
 */
import { localized, t, type Locale } from "../i18n/catalogue.ts";
import { siteIndex, type SiteData, type SiteIndex } from "../load/site-data.ts";
import type { DerivedRow, LocalityRow, PlanRow, TargetRow } from "../domain/schema.ts";

/** poverty (poor households) or near-poverty (near-poor households). */
export type Measure = "poor" | "near_poor";
export const RATE: Record<Measure, "poverty_rate" | "near_poverty_rate"> = { poor: "poverty_rate", near_poor: "near_poverty_rate" };
export const COUNT: Record<Measure, "poor_households" | "near_poor_households"> = { poor: "poor_households", near_poor: "near_poor_households" };

/** One locality's baseline → target rate (a dumbbell). */
export interface RateTargetRow {
  plan_id: string;
  locality_id: string;
  locality_name: string;
  standard: "2016-2020" | "2022-2025";
  measure: Measure;
  baseline: number;
  baseline_date: string;
  target: number;
  target_date: string;
  /** Signed percentage points. */
  change_pp: number;
  /** Signed households, when printed or computable exactly. */
  change_households: number | null;
  /** Range of the households change, when it rests on an implied total. */
  change_households_low: number | null;
  change_households_high: number | null;
  /** Whether change_pp was computed rather than printed. */
  change_pp_computed: boolean;
  /** Decimals printed for the baseline and the target (undefined: as computed), so "2,50%" stays "2,50%". */
  baseline_decimals?: number;
  target_decimals?: number;
  ref: string;
}

/** A target given only as a change (percentage points or relative), with no level to draw. */
export interface ChangeOnlyRow {
  plan_id: string;
  locality_id: string;
  locality_name: string;
  standard: "2016-2020" | "2022-2025";
  measure: Measure;
  kind: "change_pp" | "change_relative";
  /** Signed value: pp for change_pp, percent for change_relative. */
  value: number;
  change_households: number | null;
  group: string;
  ref: string;
}

/** Residential-group bars: one row per group and series. */
export interface GroupBarRow {
  locality_id: string;
  name: string;
  measure: Measure;
  series: "baseline" | "exit" | "target";
  households: number;
  /** Rate printed in the table for that cell (percent of all households), if any. */
  rate: number | null;
  date: string;
  ref: string;
}

/** One deprivation line: stated share, recomputed share, and whether they agree. */
export interface DeprivationViewRow {
  indicator: string;
  code: string;
  label: string;
  dimension: string;
  group: Measure;
  households: number;
  stated_pct: number;
  computed_pct: number | null;
  consistent: boolean | null;
  ref: string;
}

/** A dimension coverage target of one plan. */
export interface CoverageRow {
  plan_id: string;
  locality_id: string;
  locality_name: string;
  indicator: string;
  label: string;
  dimension: string;
  value: number;
  comparator: TargetRow["comparator"];
  ref: string;
}

/** The eight coverage indicators of the six dimensions, in the order of the standard. */
export const DIMENSION_COVERAGE = [
  "coverage_job_support", "coverage_health_insurance", "coverage_school_attendance", "coverage_vocational_training",
  "coverage_safe_housing", "coverage_clean_water", "coverage_hygienic_latrine", "coverage_telecom_internet",
] as const;

export const DEPRIVATION_ORDER = [
  "employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_school_attendance",
  "housing_quality", "housing_area", "water_source", "sanitation", "telecom_use", "information_access_means",
] as const;

/** Localities by id (built once per data set and shared: do not modify). */
export function localityIndex(data: SiteData): Map<string, LocalityRow> {
  return siteIndex(data).locality;
}

/** Display name: "Quảng Minh" with its type in the reader's language ("phường Quảng Minh" / "Quảng Minh ward"). */
export function localityName(l: Pick<LocalityRow, "name" | "type_vi" | "type_en">, locale: Locale, withType = false): string {
  if (!withType) return l.name;
  // Sentence case: the type comes first in Vietnamese ("Phường Quảng Minh"), last in English.
  return capitalise(t(locale, "locality_with_type", { name: l.name, type: localized(l, "type", locale) }));
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Indicator label in the reader's language. */
export function indicatorLabel(data: SiteData, id: string, locale: Locale): string {
  const r = siteIndex(data).indicator.get(id);
  return r ? localized(r, "name", locale) : id;
}

const firsts = new WeakMap<TargetRow[], TargetRow[]>();

/**
 * The first (text) statement of a target: tables repeat the totals row, and the text is what readers quote. Once per
 * list of rows: the national pages ask it of the country's 190,000 list targets for every chart and table they make.
 */
function firstTargets(targets: TargetRow[]): TargetRow[] {
  const known = firsts.get(targets);
  if (known) return known;
  const seen = new Set<string>();
  const first = targets.filter((t) => {
    const k = [t.plan_id, t.locality_id, t.indicator, t.group, t.kind, t.target_date].join("|");
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  firsts.set(targets, first);
  return first;
}

function householdsRange(index: SiteIndex, t: TargetRow) {
  const candidates: DerivedRow[] = index.derivedByPlanLocalityDate.get(`${t.plan_id}|${t.locality_id}|${t.target_date}`) ?? [];
  const d = candidates.find((x) => x.rule === "target_households_change" && x.inputs.includes(t.ref));
  return d ? { low: d.low, high: d.high, value: d.value } : undefined;
}

/** Baseline → target rates of each plan's own locality (levels only). */
export function rateTargets(data: SiteData, measure: Measure, localityId?: string): RateTargetRow[] {
  const index = siteIndex(data);
  const { plan: plans, locality: locs } = index;
  // One locality's targets come from the index (the first statement of each target is first among them too).
  return firstTargets(localityId === undefined ? data.targets : index.targetsByLocality.get(localityId) ?? [])
    .filter((t) => t.indicator === RATE[measure] && t.kind === "level" && t.baseline_value !== null && t.target_value !== null)
    .filter((t) => (localityId ? t.locality_id === localityId : t.locality_id === plans.get(t.plan_id)?.locality_id))
    .map((t) => {
      const range = t.change_households === null ? householdsRange(index, t) : undefined;
      return {
        plan_id: t.plan_id, locality_id: t.locality_id, locality_name: locs.get(t.locality_id)?.name ?? t.locality_id,
        standard: plans.get(t.plan_id)!.poverty_standard, measure, baseline: t.baseline_value!, baseline_date: t.baseline_date!,
        target: t.target_value!, target_date: t.target_date, change_pp: t.change_pp!, change_households: t.change_households,
        change_households_low: range?.low ?? null, change_households_high: range?.high ?? null,
        change_pp_computed: t.computed_fields.includes("change_pp"), ref: t.ref,
        baseline_decimals: t.baseline_decimals ?? undefined, target_decimals: t.target_decimals ?? undefined,
      };
    });
}

/** Targets given only as changes, for plans with no level to draw. */
export function changeOnlyTargets(data: SiteData, measure: Measure, localityId?: string): ChangeOnlyRow[] {
  const index = siteIndex(data);
  const { plan: plans, locality: locs } = index;
  return firstTargets(localityId === undefined ? data.targets : index.targetsByLocality.get(localityId) ?? [])
    .filter((t) => (t.kind === "change_pp" && t.indicator === RATE[measure]) || (t.kind === "change_relative" && t.indicator === COUNT[measure]))
    .filter((t) => (localityId ? t.locality_id === localityId : true))
    .map((t) => ({
      plan_id: t.plan_id, locality_id: t.locality_id, locality_name: locs.get(t.locality_id)?.name ?? t.locality_id,
      standard: plans.get(t.plan_id)!.poverty_standard, measure, kind: t.kind as "change_pp" | "change_relative",
      value: (t.kind === "change_pp" ? t.change_pp : t.change_relative_pct)!, change_households: t.change_households, group: t.group, ref: t.ref,
    }));
}

/** Residential groups of a locality from its plan's appendix: baseline, able to exit, end-of-year target. */
export function groupBars(data: SiteData, parentId: string, measure: Measure): GroupBarRow[] {
  const index = siteIndex(data);
  const locs = index.locality;
  const kids = (index.children.get(parentId) ?? []).map((l) => l.id);
  const exitInd = measure === "poor" ? "poor_exit_capable_households" : "near_poor_exit_capable_households";
  const exitRate = measure === "poor" ? "poor_exit_capable_rate" : "near_poor_exit_capable_rate";
  const rows: GroupBarRow[] = [];
  for (const id of kids) {
    const name = locs.get(id)!.name;
    const statistics = index.statisticsByLocality.get(id) ?? [], targets = index.targetsByLocality.get(id) ?? [];
    const base = statistics.find((s) => s.indicator === COUNT[measure]);
    const baseRate = statistics.find((s) => s.indicator === RATE[measure]);
    const exit = targets.find((t) => t.indicator === exitInd);
    const exitR = targets.find((t) => t.indicator === exitRate);
    const end = targets.find((t) => t.indicator === COUNT[measure] && t.kind === "count");
    const endR = targets.find((t) => t.indicator === RATE[measure] && t.kind === "level");
    if (!base || !exit || !end) continue;
    rows.push({ locality_id: id, name, measure, series: "baseline", households: base.value, rate: baseRate?.value ?? null, date: base.date, ref: base.ref });
    rows.push({ locality_id: id, name, measure, series: "exit", households: exit.target_value!, rate: exitR?.target_value ?? null, date: exit.target_date, ref: exit.ref });
    rows.push({ locality_id: id, name, measure, series: "target", households: end.target_value!, rate: endR?.target_value ?? null, date: end.target_date, ref: end.ref });
  }
  return rows;
}

/** Deprivation profile of a locality (both groups), in the standard's order. */
export function deprivationProfile(data: SiteData, localityId: string, locale: Locale): DeprivationViewRow[] {
  const std = data.reference.standards.find((s) => s.id === "2022-2025");
  const meta = new Map(std?.dimensions.flatMap((d) => d.indicators.map((i) => [i.id, { code: i.code, dim: localized(d, "name", locale) }])) ?? []);
  return [...(siteIndex(data).deprivationsByLocality.get(localityId) ?? [])]
    .sort((a, b) => DEPRIVATION_ORDER.indexOf(a.indicator) - DEPRIVATION_ORDER.indexOf(b.indicator) || a.group.localeCompare(b.group))
    .map((d) => ({
      indicator: d.indicator, code: meta.get(d.indicator)?.code ?? "", label: indicatorLabel(data, d.indicator, locale), dimension: meta.get(d.indicator)?.dim ?? "",
      group: d.group, households: d.households, stated_pct: d.stated_pct, computed_pct: d.computed_pct, consistent: d.consistent, ref: d.ref,
    }));
}

const coverageCache = new WeakMap<SiteData, Map<Locale, CoverageRow[]>>();

/**
 * Dimension coverage targets of every plan (first statement per plan and indicator, group of poor/near-poor).
 * Computed once per data set and locale; the array is shared: do not modify it.
 */
export function coverageTargets(data: SiteData, locale: Locale): CoverageRow[] {
  let byLocale = coverageCache.get(data);
  if (!byLocale) coverageCache.set(data, (byLocale = new Map()));
  let rows = byLocale.get(locale);
  if (!rows) byLocale.set(locale, (rows = computeCoverageTargets(data, locale)));
  return rows;
}

/** Coverage rows by plan, per data set and locale (shared: do not modify). */
const coverageByPlanCache = new WeakMap<SiteData, Map<Locale, Map<string, CoverageRow[]>>>();
export function coverageByPlan(data: SiteData, locale: Locale): Map<string, CoverageRow[]> {
  let byLocale = coverageByPlanCache.get(data);
  if (!byLocale) coverageByPlanCache.set(data, (byLocale = new Map()));
  let byPlan = byLocale.get(locale);
  if (!byPlan) {
    byPlan = new Map();
    for (const r of coverageTargets(data, locale)) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
    byLocale.set(locale, byPlan);
  }
  return byPlan;
}

/**
 * Coverage targets of one plan and of the plans it is compared with on its locality's page. With at most `limit`
 * plans that set coverage targets, that is every plan (coverageTargets). Beyond that (a national site) it is the
 * plans of the same year nearest to it: those of the localities that share its parent (the other communes of its
 * district), widening to the grandparent and up to the province until there are `limit / 2`, and at most `limit`
 * plans in all, its own first. Each page then costs the same whatever the size of the country.
 */
export function coverageTargetsAround(data: SiteData, locale: Locale, planId: string, limit = 24): CoverageRow[] {
  const byPlan = coverageByPlan(data, locale);
  const index = siteIndex(data);
  const plan = index.plan.get(planId);
  if (!plan || byPlan.size <= limit) return coverageTargets(data, locale);
  const chosen = new Set([planId]);
  const add = (localityId: string) => {
    for (const pid of index.locality.get(localityId)?.plan_ids ?? []) {
      const p = index.plan.get(pid);
      if (chosen.size < limit && p && p.year === plan.year && p.locality_id === localityId && byPlan.has(pid)) chosen.add(pid);
    }
  };
  for (let scope = index.locality.get(plan.locality_id)?.parent ?? null; scope !== null && chosen.size < limit / 2; scope = index.locality.get(scope)?.parent ?? null) {
    // Breadth first from the scope: nearer units (siblings) before farther ones (cousins).
    const queue = [scope];
    for (let i = 0; i < queue.length && chosen.size < limit; i++) {
      add(queue[i]);
      for (const c of index.children.get(queue[i]) ?? []) queue.push(c.id);
    }
  }
  return [...chosen].flatMap((pid) => byPlan.get(pid) ?? []).sort(coverageOrder);
}

/** Coverage rows in the order of the standard's dimensions, then by plan. */
const coverageOrder = (a: CoverageRow, b: CoverageRow) =>
  DIMENSION_COVERAGE.indexOf(a.indicator as never) - DIMENSION_COVERAGE.indexOf(b.indicator as never) || a.plan_id.localeCompare(b.plan_id);

function computeCoverageTargets(data: SiteData, locale: Locale): CoverageRow[] {
  const index = siteIndex(data);
  const locs = index.locality;
  const seen = new Set<string>();
  return data.targets
    .filter((t) => t.kind === "coverage" && (DIMENSION_COVERAGE as readonly string[]).includes(t.indicator) && t.target_value !== null)
    .filter((t) => {
      const k = `${t.plan_id}|${t.indicator}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((t) => {
      const ref = index.indicator.get(t.indicator);
      return {
        plan_id: t.plan_id, locality_id: t.locality_id, locality_name: locs.get(t.locality_id)?.name ?? t.locality_id, indicator: t.indicator,
        label: indicatorLabel(data, t.indicator, locale), dimension: ref?.dimension ?? "", value: t.target_value!, comparator: t.comparator, ref: t.ref,
      };
    })
    .sort(coverageOrder);
}

/** The plan that covers a locality directly, or the plan whose figures include it (residential groups). */
export function plansFor(data: SiteData, localityId: string): PlanRow[] {
  const index = siteIndex(data);
  const ids = index.locality.get(localityId)?.plan_ids ?? [];
  // In the order of plans.json, as filtering that file would give.
  return ids.filter((id) => index.plan.has(id)).sort((a, b) => index.planOrder.get(a)! - index.planOrder.get(b)!).map((id) => index.plan.get(id)!);
}
