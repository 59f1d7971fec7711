/**
 * Derived figures and consistency checks. Every figure computed here comes from published figures by a rule the
 * Method page explains; every disagreement becomes a finding (data, not a build failure: plans are published as
 * they are). Checks are rounding-aware: a rate printed with 2 decimals agrees when the recomputed one rounds to it.
 */
import { t as tr } from "../i18n/catalogue.ts";
import { formatNumber, type Locale } from "../i18n/format.ts";
import { changePp, changeRelativePct } from "./gap.ts";
import { impliedTotal, intersect, type ImpliedTotal } from "./implied-total.ts";
import { agreesWhenRounded, round } from "./round.ts";
import type { DeprivationRow, DerivedRow, QualityRow, StatisticRow, TargetRow } from "./schema.ts";
import { groupRows } from "./group-rows.ts";

/** Count indicator → the rate indicator that is that count over all households. */
export const RATE_OF: Record<string, string> = {
  poor_households: "poverty_rate",
  near_poor_households: "near_poverty_rate",
  poor_exit_capable_households: "poor_exit_capable_rate",
  near_poor_exit_capable_households: "near_poor_exit_capable_rate",
};
/** Rate indicator → count indicator. */
export const COUNT_OF: Record<string, string> = Object.fromEntries(Object.entries(RATE_OF).map(([c, r]) => [r, c]));

/** Indicators that are stocks at a date, so an earlier statistic is the baseline of a later target. */
const STOCKS = new Set(["total_households", "poor_households", "near_poor_households", "poverty_rate", "near_poverty_rate"]);

/** Check codes in the order derive() runs them: checks.json lists them so, however the plans were split into shards. */
export const CHECK_ORDER = ["rate_vs_counts", "implied_totals", "sum_of_sub_localities", "printed_twice", "baseline_change_target", "exit_arithmetic", "deprivation_share"] as const;

/** Minimal locality shape the checks need. */
export interface LocalityLink {
  id: string;
  parent: string | null;
}

/** Everything derive() produces. */
export interface Derivation {
  targets: TargetRow[];
  deprivations: DeprivationRow[];
  derived: DerivedRow[];
  findings: QualityRow[];
  /** How many checks ran and how many passed, by code. */
  checks: Record<string, { run: number; passed: number }>;
}

const vi = (x: number, d?: number) => formatNumber(x, "vi", d);
const en = (x: number, d?: number) => formatNumber(x, "en", d);
const fmt = (l: Locale) => (x: number, d?: number) => formatNumber(x, l, d);

type Figure = { plan_id: string; locality_id: string; indicator: string; group: string; date: string; value: number; decimals: number; ref: string; quote: string; source_line: number; unit: string };

function decimalsOf(x: number): number {
  const s = String(x);
  return s.includes(".") ? s.split(".")[1].length : 0;
}


/** The row with the latest date among those whose date passes `ok`; the first such row in input order on a tie. */
function latest<T extends { date: string }>(rows: readonly T[] | undefined, ok: (date: string) => boolean): T | undefined {
  let best: T | undefined;
  for (const r of rows ?? []) if (ok(r.date) && (best === undefined || r.date > best.date)) best = r;
  return best;
}

/** Figures (statistics and count/level targets) indexed by plan, locality, indicator, date. */
function figures(stats: StatisticRow[], targets: TargetRow[]): Figure[] {
  const out: Figure[] = stats.map((s) => ({ ...s }));
  for (const t of targets) {
    if (t.target_value === null || (t.kind !== "level" && t.kind !== "count") || t.comparator !== "eq") continue;
    out.push({
      plan_id: t.plan_id, locality_id: t.locality_id, indicator: t.indicator, group: t.group, date: t.target_date,
      value: t.target_value, decimals: decimalsOf(t.target_value), ref: t.ref, quote: t.quote, source_line: t.source_line, unit: t.unit,
    });
  }
  return out;
}

// The data step derives shard after shard against the same list of every locality in the country: indexing it
// once per list, not once per shard, keeps that step linear (shards × localities grows with the square of the data).
const parentIndexes = new WeakMap<readonly LocalityLink[], ReadonlyMap<string, string | null>>();
function parentIndex(localities: readonly LocalityLink[]): ReadonlyMap<string, string | null> {
  let index = parentIndexes.get(localities);
  if (!index) parentIndexes.set(localities, (index = new Map(localities.map((l) => [l.id, l.parent]))));
  return index;
}

/**
 * Derive figures and run the checks. `printedDecimals` maps `plan|ref|field` to the decimals the document printed
 * for target and deprivation fields (statistics carry theirs in `decimals`), since rounding-aware checks need them.
 */
export function derive(
  statistics: StatisticRow[],
  targetsIn: TargetRow[],
  deprivationsIn: DeprivationRow[],
  localities: readonly LocalityLink[],
  printedDecimals: Map<string, number>,
): Derivation {
  const derived: DerivedRow[] = [];
  const findings: QualityRow[] = [];
  const checks: Derivation["checks"] = {};
  const tally = (code: (typeof CHECK_ORDER)[number], ok: boolean) => {
    const c = (checks[code] ??= { run: 0, passed: 0 });
    c.run++;
    if (ok) c.passed++;
  };
  const figs = figures(statistics, targetsIn).map((f) => ({ ...f, decimals: printedDecimals.get(`${f.plan_id}|${f.ref}|target_value`) ?? f.decimals }));
  const key = (...p: string[]) => p.join("|");
  // Every lookup below goes through an index built once, so the cost stays linear in the number of figures.
  const byKey = groupRows(figs, (f) => key(f.plan_id, f.locality_id, f.indicator, f.date));
  const first = (plan: string, loc: string, ind: string, date: string) => byKey.get(key(plan, loc, ind, date))?.[0];
  const totalsByPlanLoc = groupRows(figs.filter((f) => f.indicator === "total_households"), (f) => key(f.plan_id, f.locality_id));
  // Total households of a locality at or before a date (plans apply the year-end total to next year's targets).
  const totalAt = (plan: string, loc: string, date: string) => latest(totalsByPlanLoc.get(key(plan, loc)), (d) => d <= date);
  // Published statistics by plan, locality and indicator (and group, and date): baselines and group sizes.
  const statsByInd = groupRows(statistics, (s) => key(s.plan_id, s.locality_id, s.indicator));
  const statsByIndGroup = groupRows(statistics, (s) => key(s.plan_id, s.locality_id, s.indicator, s.group));
  const statsByIndDate = groupRows(statistics, (s) => key(s.plan_id, s.locality_id, s.indicator, s.date));

  // 1. Rates from counts, and stated rates against them.
  for (const f of figs) {
    const rateInd = RATE_OF[f.indicator];
    if (!rateInd) continue;
    const total = totalAt(f.plan_id, f.locality_id, f.date);
    if (!total || total.value === 0) continue;
    const value = (f.value / total.value) * 100;
    // Possible as printed (a typo, a count of persons) but not as a fact: published as it is, with a finding.
    if (f.value > total.value) {
      findings.push({
        plan_id: f.plan_id, locality_id: f.locality_id, code: "count_exceeds_total", severity: "warning",
        message_vi: `Số hộ ghi ${vi(f.value)} lớn hơn tổng số hộ ${vi(total.value)}.`,
        message_en: `${en(f.value)} households printed, more than the ${en(total.value)} households in all.`,
        stated: f.value, computed: total.value, refs: [f.ref, total.ref], quote: f.quote, source_line: f.source_line,
      });
    }
    derived.push({
      plan_id: f.plan_id, locality_id: f.locality_id, rule: "rate_from_counts", indicator: rateInd, group: f.group as DerivedRow["group"],
      date: f.date, value: round(value, 4), low: null, high: null, unit: "percent", inputs: [f.ref, total.ref],
      formula: `${f.value} / ${total.value} × 100 = ${round(value, 4)}%`,
    });
    for (const stated of byKey.get(key(f.plan_id, f.locality_id, rateInd, f.date)) ?? []) {
      const ok = agreesWhenRounded(stated.value, stated.decimals, value);
      tally("rate_vs_counts", ok);
      if (!ok) {
        const c = round(value, stated.decimals);
        findings.push({
          plan_id: f.plan_id, locality_id: f.locality_id, code: "rate_vs_counts", severity: "warning",
          message_vi: `Tỷ lệ ghi ${vi(stated.value, stated.decimals)}% nhưng ${vi(f.value)}/${vi(total.value)} hộ = ${vi(c, stated.decimals)}%.`,
          message_en: `Rate printed as ${en(stated.value, stated.decimals)}% but ${en(f.value)}/${en(total.value)} households = ${en(c, stated.decimals)}%.`,
          stated: stated.value, computed: round(value, 4), refs: [stated.ref, f.ref, total.ref], quote: stated.quote, source_line: stated.source_line,
        });
      }
    }
  }

  // 2. Implied totals where a count and its rate are printed but the total is not.
  const implied: { plan: string; loc: string; t: ImpliedTotal; refs: string[]; label: (l: Locale) => string; quote: string; line: number }[] = [];
  for (const f of figs) {
    const rateInd = RATE_OF[f.indicator];
    if (!rateInd || totalAt(f.plan_id, f.locality_id, f.date)) continue;
    const rate = first(f.plan_id, f.locality_id, rateInd, f.date);
    if (!rate) continue;
    const t = impliedTotal(f.value, rate.value, rate.decimals);
    if (!t) continue;
    implied.push({ plan: f.plan_id, loc: f.locality_id, t, refs: [f.ref, rate.ref], label: (l) => `${fmt(l)(f.value)} / ${fmt(l)(rate.value)}%`, quote: rate.quote, line: rate.source_line });
    derived.push({
      plan_id: f.plan_id, locality_id: f.locality_id, rule: "implied_total", indicator: "total_households", group: "all", date: f.date,
      value: t.value, low: t.low, high: t.high, unit: "households", inputs: [f.ref, rate.ref],
      formula: `${f.value} households / ${rate.value}% (printed with ${rate.decimals} decimals) → ${t.low}–${t.high ?? "∞"} households`,
    });
  }
  for (const t of targetsIn) {
    if (t.change_households === null || t.change_pp === null || t.computed_fields.includes("change_households") || t.computed_fields.includes("change_pp")) continue;
    const d = printedDecimals.get(`${t.plan_id}|${t.ref}|change_pp`) ?? decimalsOf(t.change_pp);
    const it = impliedTotal(Math.abs(t.change_households), Math.abs(t.change_pp), d);
    if (!it) continue;
    const [hh, pp] = [Math.abs(t.change_households), Math.abs(t.change_pp)];
    implied.push({ plan: t.plan_id, loc: t.locality_id, t: it, refs: [t.ref], label: (l) => `${fmt(l)(hh)} / ${fmt(l)(pp, d)} ${tr(l, "unit_pp")}`, quote: t.quote, line: t.source_line });
    derived.push({
      plan_id: t.plan_id, locality_id: t.locality_id, rule: "implied_total_from_change", indicator: "total_households", group: "all",
      date: t.baseline_date ?? t.target_date, value: it.value, low: it.low, high: it.high, unit: "households", inputs: [t.ref],
      formula: `${Math.abs(t.change_households)} households / ${Math.abs(t.change_pp)} pp (printed with ${d} decimals) → ${it.low}–${it.high ?? "∞"} households`,
    });
  }
  // Two implied totals of one plan and locality must overlap.
  const byPlanLoc = groupRows(implied, (i) => key(i.plan, i.loc));
  for (const list of byPlanLoc.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const [x, y] = [list[a], list[b]];
        const both = intersect(x.t, y.t);
        tally("implied_totals", both !== undefined);
        const range = (t: ImpliedTotal, l: Locale) => `${fmt(l)(t.low)}–${t.high === null ? "∞" : fmt(l)(t.high)}`;
        if (!both) {
          findings.push({
            plan_id: x.plan, locality_id: x.loc, code: "implied_totals_disagree", severity: "warning",
            message_vi: `Hai cách suy ra tổng số hộ không khớp: ${x.label("vi")} cho ${range(x.t, "vi")} hộ, ${y.label("vi")} cho ${range(y.t, "vi")} hộ.`,
            message_en: `Two ways of inferring the total households disagree: ${x.label("en")} gives ${range(x.t, "en")}, ${y.label("en")} gives ${range(y.t, "en")}.`,
            stated: x.t.value, computed: y.t.value, refs: [...x.refs, ...y.refs], quote: y.quote, source_line: y.line,
          });
        } else if (Math.abs(x.t.value - y.t.value) / Math.min(x.t.value, y.t.value) > 0.05) {
          findings.push({
            plan_id: x.plan, locality_id: x.loc, code: "implied_totals_differ_within_rounding", severity: "info",
            message_vi: `Tổng số hộ suy ra: ${x.label("vi")} ≈ ${vi(round(x.t.value, 0))} hộ, ${y.label("vi")} ≈ ${vi(round(y.t.value, 0))} hộ. Chỉ khớp nhau nhờ làm tròn (khoảng chung ${vi(both.low)}–${both.high === null ? "∞" : vi(both.high)} hộ).`,
            message_en: `Implied total households: ${x.label("en")} ≈ ${en(round(x.t.value, 0))}, ${y.label("en")} ≈ ${en(round(y.t.value, 0))}. They agree only within rounding (common range ${en(both.low)}–${both.high === null ? "∞" : en(both.high)}).`,
            stated: x.t.value, computed: y.t.value, refs: [...x.refs, ...y.refs], quote: y.quote, source_line: y.line,
          });
        }
      }
    }
  }

  // 3. Sums of sub-localities against the parent's printed figure (counts only).
  const parentOf = parentIndex(localities);
  const sumRows = groupRows(figs, (f) => key(f.plan_id, f.indicator, f.group, f.date));
  const sumKeys = new Set(figs.filter((f) => f.unit === "households" || f.unit === "persons").map((f) => key(f.plan_id, f.indicator, f.group, f.date)));
  for (const k of [...sumKeys].sort()) {
    const [plan, ind, group, date] = k.split("|");
    const rows = sumRows.get(k)!;
    const kidsOf = groupRows(rows.filter((r) => parentOf.get(r.locality_id)), (r) => parentOf.get(r.locality_id)!);
    const byLoc = groupRows(rows, (r) => r.locality_id);
    for (const [parent, own] of byLoc) {
      const kids = kidsOf.get(parent) ?? [];
      if (kids.length < 2) continue;
      const seen = new Map<string, Figure>();
      for (const kid of kids) if (!seen.has(kid.locality_id)) seen.set(kid.locality_id, kid);
      const sum = [...seen.values()].reduce((s, r) => s + r.value, 0);
      derived.push({
        plan_id: plan, locality_id: parent, rule: "sum_of_sub_localities", indicator: ind, group: group as DerivedRow["group"], date,
        value: sum, low: null, high: null, unit: kids[0].unit, inputs: [...seen.values()].map((r) => r.ref),
        formula: `${[...seen.values()].map((r) => r.value).join(" + ")} = ${sum}`,
      });
      for (const stated of own) {
        const ok = stated.value === sum;
        tally("sum_of_sub_localities", ok);
        if (!ok) {
          findings.push({
            plan_id: plan, locality_id: parent, code: "sum_of_sub_localities", severity: "warning",
            message_vi: `Tổng ghi ${vi(stated.value)} nhưng cộng các đơn vị con được ${vi(sum)}.`,
            message_en: `Total printed as ${en(stated.value)} but the sub-localities add up to ${en(sum)}.`,
            stated: stated.value, computed: sum, refs: [stated.ref, ...[...seen.values()].map((r) => r.ref)], quote: stated.quote, source_line: stated.source_line,
          });
        }
      }
    }
  }

  // 4. Same figure printed twice (text and table) must agree.
  for (const list of byKey.values()) {
    for (const other of list.slice(1)) {
      const [coarse, fine] = other.decimals <= list[0].decimals ? [other, list[0]] : [list[0], other];
      const ok = agreesWhenRounded(coarse.value, coarse.decimals, fine.value);
      tally("printed_twice", ok);
      if (!ok) {
        findings.push({
          plan_id: other.plan_id, locality_id: other.locality_id, code: "printed_twice", severity: "warning",
          message_vi: `Cùng một số liệu được ghi hai lần với giá trị khác nhau: ${vi(list[0].value)} và ${vi(other.value)}.`,
          message_en: `The same figure is printed twice with different values: ${en(list[0].value)} and ${en(other.value)}.`,
          stated: list[0].value, computed: other.value, refs: [list[0].ref, other.ref], quote: other.quote, source_line: other.source_line,
        });
      }
    }
  }

  // 5. Targets: fill baselines and changes that follow from printed figures; check baseline + change = target.
  const targets = targetsIn.map((t) => ({
    ...t, computed_fields: [...t.computed_fields],
    baseline_decimals: t.baseline_value === null ? null : printedDecimals.get(`${t.plan_id}|${t.ref}|baseline_value`) ?? null,
    target_decimals: t.target_value === null ? null : printedDecimals.get(`${t.plan_id}|${t.ref}|target_value`) ?? null,
  }));
  for (const t of targets) {
    const dT = printedDecimals.get(`${t.plan_id}|${t.ref}|target_value`) ?? (t.target_value === null ? 0 : decimalsOf(t.target_value));
    if (t.baseline_value === null && t.target_value !== null && STOCKS.has(t.indicator)) {
      const base = latest(statsByIndGroup.get(key(t.plan_id, t.locality_id, t.indicator, t.group)), (d) => d < t.target_date);
      if (base) {
        t.baseline_value = base.value;
        t.baseline_date = base.date;
        t.computed_fields.push("baseline_value", "baseline_date");
      }
    }
    if (t.baseline_value !== null && t.target_value !== null) {
      const dB = printedDecimals.get(`${t.plan_id}|${t.ref}|baseline_value`) ?? decimalsOf(t.baseline_value);
      const d = Math.max(dT, dB);
      if (t.unit === "percent" && t.kind === "level") {
        const computed = changePp(t.baseline_value, t.target_value, d);
        if (t.change_pp === null) {
          t.change_pp = computed;
          t.computed_fields.push("change_pp");
        } else {
          const dC = printedDecimals.get(`${t.plan_id}|${t.ref}|change_pp`) ?? decimalsOf(t.change_pp);
          const ok = agreesWhenRounded(t.change_pp, Math.max(dC, d), computed);
          tally("baseline_change_target", ok);
          if (!ok) {
            findings.push({
              plan_id: t.plan_id, locality_id: t.locality_id, code: "baseline_change_target", severity: "warning",
              message_vi: `Mức giảm ghi ${vi(Math.abs(t.change_pp), dC)} điểm % nhưng ${vi(t.baseline_value, dB)}% → ${vi(t.target_value, dT)}% là ${vi(Math.abs(computed), d)} điểm %.`,
              message_en: `Change printed as ${en(Math.abs(t.change_pp), dC)} pp but ${en(t.baseline_value, dB)}% → ${en(t.target_value, dT)}% is ${en(Math.abs(computed), d)} pp.`,
              stated: t.change_pp, computed, refs: [t.ref], quote: t.quote, source_line: t.source_line,
            });
          }
        }
      }
      if (t.unit === "households" && t.change_households === null) {
        t.change_households = t.target_value - t.baseline_value;
        t.computed_fields.push("change_households");
      }
      if (t.change_relative_pct === null) {
        const rel = changeRelativePct(t.baseline_value, t.target_value);
        if (rel !== undefined) {
          t.change_relative_pct = rel;
          t.computed_fields.push("change_relative_pct");
        }
      }
    }
    // A rate target's change in households, from the count target and count baseline of the same plan.
    const countInd = COUNT_OF[t.indicator];
    if (t.kind === "level" && countInd && t.change_households === null) {
      const end = first(t.plan_id, t.locality_id, countInd, t.target_date);
      const start = t.baseline_date ? first(t.plan_id, t.locality_id, countInd, t.baseline_date) : undefined;
      if (end && start) {
        t.change_households = end.value - start.value;
        t.computed_fields.push("change_households");
      } else if (t.target_value !== null && t.baseline_value !== null) {
        // No printed counts: estimate households at target from the implied total (a range, kept in derived.json).
        const base = t.baseline_date === null ? undefined : statsByIndDate.get(key(t.plan_id, t.locality_id, countInd, t.baseline_date))?.[0];
        const tot = (byPlanLoc.get(key(t.plan_id, t.locality_id)) ?? []).map((i) => i.t);
        const range = tot.reduce<{ low: number; high: number | null } | undefined>((acc, x) => (acc ? intersect({ value: 0, ...acc }, x) : { low: x.low, high: x.high }), undefined);
        if (base && range && range.high !== null) {
          const at = (T: number) => (t.target_value! / 100) * T;
          const value = at((range.low + range.high) / 2) - base.value;
          derived.push({
            plan_id: t.plan_id, locality_id: t.locality_id, rule: "target_households_change", indicator: countInd, group: t.group, date: t.target_date,
            value: round(value, 1), low: round(at(range.low) - base.value, 1), high: round(at(range.high) - base.value, 1), unit: "households",
            inputs: [t.ref, base.ref],
            formula: `${t.target_value}% × implied total ${range.low}–${range.high} − ${base.value} households`,
          });
        }
      }
    }
  }

  // 6. Exit arithmetic: baseline count − households able to exit = end-of-year count (per locality).
  for (const t of targets.filter((x) => x.indicator === "poor_exit_capable_households" || x.indicator === "near_poor_exit_capable_households")) {
    const countInd = t.indicator === "poor_exit_capable_households" ? "poor_households" : "near_poor_households";
    const base = latest(statsByInd.get(key(t.plan_id, t.locality_id, countInd)), (d) => d < t.target_date);
    const end = first(t.plan_id, t.locality_id, countInd, t.target_date);
    if (!base || !end || t.target_value === null) continue;
    const computed = base.value - t.target_value;
    const ok = computed === end.value;
    tally("exit_arithmetic", ok);
    if (!ok) {
      findings.push({
        plan_id: t.plan_id, locality_id: t.locality_id, code: "exit_arithmetic", severity: "warning",
        message_vi: `${vi(base.value)} hộ − ${vi(t.target_value)} hộ thoát = ${vi(computed)} hộ, nhưng chỉ tiêu cuối năm ghi ${vi(end.value)} hộ.`,
        message_en: `${en(base.value)} households − ${en(t.target_value)} exiting = ${en(computed)}, but the year-end target says ${en(end.value)}.`,
        stated: end.value, computed, refs: [base.ref, t.ref, end.ref], quote: end.quote, source_line: end.source_line,
      });
    }
  }

  // 7. Deprivation shares against the group's household count.
  const deprivations = deprivationsIn.map((d) => {
    const countInd = d.group === "poor" ? "poor_households" : "near_poor_households";
    const group = statsByIndDate.get(key(d.plan_id, d.locality_id, countInd, d.date))?.[0];
    if (!group || group.value === 0) return d;
    const computedRaw = (d.households / group.value) * 100;
    const dec = printedDecimals.get(`${d.plan_id}|${d.ref}|stated_pct`) ?? 2;
    const ok = agreesWhenRounded(d.stated_pct, dec, computedRaw);
    tally("deprivation_share", ok);
    const implied = ok || d.stated_pct === 0 ? null : round(d.households / (d.stated_pct / 100), 2);
    if (!ok) {
      findings.push({
        plan_id: d.plan_id, locality_id: d.locality_id, code: "deprivation_share", severity: "warning",
        message_vi: `Tỷ lệ ghi ${vi(d.stated_pct, dec)}% nhưng ${vi(d.households)}/${vi(group.value)} hộ = ${vi(round(computedRaw, 2), 2)}%${implied !== null ? `; tỷ lệ ghi ứng với mẫu số ≈ ${vi(implied)} hộ` : ""}.`,
        message_en: `Share printed as ${en(d.stated_pct, dec)}% but ${en(d.households)}/${en(group.value)} households = ${en(round(computedRaw, 2), 2)}%${implied !== null ? `; the printed share implies a denominator of ≈ ${en(implied)} households` : ""}.`,
        stated: d.stated_pct, computed: round(computedRaw, 2), refs: [d.ref, group.ref], quote: d.quote, source_line: d.source_line,
      });
    }
    return { ...d, computed_pct: round(computedRaw, 2), group_households: group.value, implied_denominator: implied, consistent: ok };
  });

  return { targets, deprivations, derived, findings, checks };
}
