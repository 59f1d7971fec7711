/**
 * A locality's headline figures, for the print brief and the first meeting slide: its key statistics and every
 * target its plans set (levels, changes in points or percent, coverage, budget), each once, in words and numbers.
 */
import { formatDate, formatPercent, formatPp, formatTarget, formatValue, type Locale } from "../i18n/format.ts";
import { t } from "../i18n/paths.ts";
import { siteIndex, type SiteData } from "../load/site-data.ts";
import { indicatorLabel } from "./view.ts";

/** One headline figure: the value as printed and what it is. */
export interface Headline {
  value: string;
  label: string;
  ref: string;
  plan_id: string;
  /** The indicator it is a figure of; `kind` says whether a statistic or a target. */
  indicator: string;
  kind: "statistic" | "target";
}

const KEY = ["total_households", "poor_households", "poverty_rate", "near_poor_households", "near_poverty_rate"];

/** Key statistics first (one per indicator, as first stated), then every distinct target. */
export function headlines(data: SiteData, id: string, locale: Locale): Headline[] {
  const index = siteIndex(data);
  const out: Headline[] = [];
  const seen = new Set<string>();
  for (const s of (index.statisticsByLocality.get(id) ?? []).filter((s) => KEY.includes(s.indicator)).sort((a, b) => KEY.indexOf(a.indicator) - KEY.indexOf(b.indicator))) {
    if (seen.has(s.indicator)) continue;
    seen.add(s.indicator);
    out.push({ value: formatValue(s.value, s.unit, locale, s.decimals), label: `${indicatorLabel(data, s.indicator, locale)}, ${formatDate(s.date, locale)}`, ref: s.ref, plan_id: s.plan_id, indicator: s.indicator, kind: "statistic" });
  }
  for (const x of index.targetsByLocality.get(id) ?? []) {
    const key = `${x.indicator}|${x.group}|${x.kind}|${x.target_date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = `${t(locale, "target")}: ${indicatorLabel(data, x.indicator, locale)} (${t(locale, `group_${x.group}`).toLowerCase()}), ${formatDate(x.target_date, locale)}`;
    let value = "";
    if (x.kind === "change_pp" && x.change_pp !== null) value = formatPp(x.change_pp, locale);
    else if (x.kind === "change_relative" && x.change_relative_pct !== null) value = formatPercent(x.change_relative_pct, locale);
    else if (x.target_value !== null) {
      const base = x.baseline_value === null ? "" : `${formatValue(x.baseline_value, x.unit === "pp" ? "percent" : x.unit, locale, x.baseline_decimals ?? undefined)} → `;
      value = `${base}${formatTarget(x.target_value, x.comparator, x.unit, locale, x.target_decimals ?? undefined)}`;
    }
    if (value) out.push({ value, label, ref: x.ref, plan_id: x.plan_id, indicator: x.indicator, kind: "target" });
  }
  return out;
}
