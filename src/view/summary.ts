/** One-sentence summaries of charts, generated from their rows: shown under the title and used as accessible names. */
import { formatHouseholdsChange, formatNumber, formatPercent, formatPp, type Locale } from "../i18n/format.ts";
import { formatDate, t } from "../i18n/paths.ts";
import type { ChangeOnlyRow, CoverageRow, DeprivationViewRow, GroupBarRow, Measure, RateTargetRow } from "./view.ts";

const rateWord = (m: Measure, locale: Locale) => t(locale, m === "poor" ? "rate_word_poor" : "rate_word_near_poor");

/** Households change as words, with the range (whole households) when it rests on an implied total. */
export function householdsChange(r: Pick<RateTargetRow, "change_households" | "change_households_low" | "change_households_high">, locale: Locale): string | undefined {
  if (r.change_households !== null) return formatHouseholdsChange(r.change_households, locale);
  if (r.change_households_low !== null && r.change_households_high !== null) {
    const lo = Math.round(Math.min(r.change_households_low, r.change_households_high));
    const hi = Math.round(Math.max(r.change_households_low, r.change_households_high));
    const mid = Math.round((lo + hi) / 2);
    return t(locale, "about_households", { mid: formatNumber(mid, locale, 0), lo: formatNumber(lo, locale, 0), hi: formatNumber(hi, locale, 0) });
  }
  return undefined;
}

/** "Quảng Minh: 0,57% (31/12/2023) → 0,43% (31/12/2024), −0,14 điểm %, −4 hộ" */
export function rateTargetSentence(r: RateTargetRow, locale: Locale): string {
  const hh = householdsChange(r, locale);
  const base = `${formatPercent(r.baseline, locale, r.baseline_decimals)} (${formatDate(r.baseline_date, locale)}) → ${formatPercent(r.target, locale, r.target_decimals)} (${formatDate(r.target_date, locale)})`;
  return `${r.locality_name}: ${base}, ${formatPp(r.change_pp, locale)}${hh ? `, ${hh}` : ""}`;
}

/** Summary of a baseline → target chart. */
export function rateTargetsSummary(rows: RateTargetRow[], measure: Measure, locale: Locale): string {
  if (rows.length === 0) return t(locale, "sum_none");
  const biggest = [...rows].sort((a, b) => a.change_pp - b.change_pp)[0];
  if (rows.length === 1) {
    const r = rows[0];
    const hh = householdsChange(r, locale);
    const values = {
      rate: rateWord(measure, locale), name: r.locality_name,
      base: `${formatPercent(r.baseline, locale, r.baseline_decimals)} (${formatDate(r.baseline_date, locale)})`,
      target: `${formatPercent(r.target, locale, r.target_decimals)} (${formatDate(r.target_date, locale)})`,
      pp: formatPp(r.change_pp, locale), hh: hh ? `, ${hh}` : "",
    };
    return t(locale, r.change_pp < 0 ? "sum_one" : r.change_pp > 0 ? "sum_one_up" : "sum_one_flat", values);
  }
  return t(locale, "sum_many", { n: rows.length, rate: rateWord(measure, locale), name: biggest.locality_name, pp: formatPp(biggest.change_pp, locale) });
}

/** "Phổ Minh: −1,11 điểm % (16 hộ)" / relative: "Long Khánh: −35% số hộ" */
export function changeOnlySentence(r: ChangeOnlyRow, locale: Locale): string {
  if (r.kind === "change_pp") {
    const hh = r.change_households === null ? "" : ` (${formatHouseholdsChange(r.change_households, locale)})`;
    return `${r.locality_name}: ${formatPp(r.value, locale)}${hh}`;
  }
  return t(locale, "change_relative_sentence", { name: r.locality_name, value: formatPercent(r.value, locale) });
}

/** Summary of the residential-group chart. */
export function groupBarsSummary(rows: GroupBarRow[], measure: Measure, locale: Locale): string {
  const base = rows.filter((r) => r.series === "baseline");
  const target = rows.filter((r) => r.series === "target");
  const sum = (rs: GroupBarRow[]) => rs.reduce((s, r) => s + r.households, 0);
  const top = [...base].sort((a, b) => b.households - a.households)[0];
  return t(locale, "sum_groups", {
    n: base.length, total: formatNumber(sum(base), locale, 0), who: t(locale, measure === "poor" ? "measure_poor_words" : "measure_near_poor_words"),
    target: formatNumber(sum(target), locale, 0), top: top?.name ?? "", topn: formatNumber(top?.households ?? 0, locale, 0),
  });
}

/** Summary of the deprivation profile. */
export function deprivationSummary(rows: DeprivationViewRow[], locale: Locale): string {
  const poor = rows.filter((r) => r.group === "poor").sort((a, b) => b.stated_pct - a.stated_pct)[0];
  const bad = rows.filter((r) => r.consistent === false).length;
  return t(locale, "sum_deprivation", {
    label: poor?.label.toLowerCase() ?? "", households: formatNumber(poor?.households ?? 0, locale, 0), stated: formatPercent(poor?.stated_pct ?? 0, locale),
    bad, n: rows.length,
  });
}

/** Summary of the coverage-target chart. */
export function coverageSummary(rows: CoverageRow[], locale: Locale, highlightName?: string): string {
  const plans = new Set(rows.map((r) => r.plan_id)).size;
  const lowest = [...rows].sort((a, b) => a.value - b.value)[0];
  const head = t(locale, "sum_coverage", {
    plans, n: new Set(rows.map((r) => r.indicator)).size, label: lowest?.label.toLowerCase() ?? "", name: lowest?.locality_name ?? "",
    value: formatPercent(lowest?.value ?? 0, locale),
  });
  return highlightName ? `${head} ${t(locale, "sum_highlight", { name: highlightName })}` : head;
}
