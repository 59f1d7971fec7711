/** One-sentence summaries of charts, generated from their rows: shown under the title and used as accessible names. */
import { formatHouseholds, formatNumber, formatPercent, formatPp, type Locale } from "./format.ts";
import { formatDate } from "./i18n.ts";
import type { ChangeOnlyRow, CoverageRow, DeprivationViewRow, GroupBarRow, Measure, RateTargetRow } from "./view.ts";

const RATE_WORD: Record<Measure, Record<Locale, string>> = {
  poor: { vi: "tỷ lệ hộ nghèo", en: "the poor-household rate" },
  near_poor: { vi: "tỷ lệ hộ cận nghèo", en: "the near-poor-household rate" },
};

/** Households change as words, with the range when it rests on an implied total. */
export function householdsChange(r: Pick<RateTargetRow, "change_households" | "change_households_low" | "change_households_high">, locale: Locale): string | undefined {
  if (r.change_households !== null) return formatHouseholds(r.change_households, locale).replace(/^(\d)/, "+$1");
  if (r.change_households_low !== null && r.change_households_high !== null) {
    const lo = Math.round(Math.min(r.change_households_low, r.change_households_high));
    const hi = Math.round(Math.max(r.change_households_low, r.change_households_high));
    const mid = Math.round((lo + hi) / 2);
    return locale === "vi"
      ? `khoảng ${formatNumber(mid, "vi", 0)} hộ (${formatNumber(lo, "vi", 0)} đến ${formatNumber(hi, "vi", 0)}, ước tính)`
      : `about ${formatNumber(mid, "en", 0)} households (${formatNumber(lo, "en", 0)} to ${formatNumber(hi, "en", 0)}, estimated)`;
  }
  return undefined;
}

/** "Quảng Minh: 0,57% (31/12/2023) → 0,43% (31/12/2024), −0,14 điểm %, −4 hộ" */
export function rateTargetSentence(r: RateTargetRow, locale: Locale): string {
  const hh = householdsChange(r, locale);
  const base = `${formatPercent(r.baseline, locale)} (${formatDate(r.baseline_date, locale)}) → ${formatPercent(r.target, locale)} (${formatDate(r.target_date, locale)})`;
  return `${r.locality_name}: ${base}, ${formatPp(r.change_pp, locale)}${hh ? `, ${hh}` : ""}`;
}

/** Summary of a baseline → target chart. */
export function rateTargetsSummary(rows: RateTargetRow[], measure: Measure, locale: Locale): string {
  if (rows.length === 0) return locale === "vi" ? "Không có kế hoạch nào nêu cả mức đầu kỳ và chỉ tiêu." : "No plan states both a baseline and a target.";
  const biggest = [...rows].sort((a, b) => a.change_pp - b.change_pp)[0];
  if (rows.length === 1) {
    return locale === "vi"
      ? `Kế hoạch đặt mục tiêu đưa ${RATE_WORD[measure].vi} của ${rateTargetSentence(rows[0], "vi").replace(": ", " từ ").replace(" → ", " xuống ")}.`
      : `The plan aims to take ${RATE_WORD[measure].en} of ${rateTargetSentence(rows[0], "en").replace(": ", " from ").replace(" → ", " to ")}.`;
  }
  return locale === "vi"
    ? `${rows.length} kế hoạch nêu mức đầu kỳ và chỉ tiêu của ${RATE_WORD[measure].vi}; mức giảm lớn nhất là ${biggest.locality_name} (${formatPp(biggest.change_pp, "vi")}).`
    : `${rows.length} plans state a baseline and a target for ${RATE_WORD[measure].en}; the largest cut is ${biggest.locality_name} (${formatPp(biggest.change_pp, "en")}).`;
}

/** "Phổ Minh: −1,11 điểm % (16 hộ)" / relative: "Long Khánh: −35% số hộ" */
export function changeOnlySentence(r: ChangeOnlyRow, locale: Locale): string {
  if (r.kind === "change_pp") {
    const hh = r.change_households === null ? "" : ` (${formatHouseholds(r.change_households, locale)})`;
    return `${r.locality_name}: ${formatPp(r.value, locale)}${hh}`;
  }
  return locale === "vi"
    ? `${r.locality_name}: ${formatPercent(r.value, "vi")} số hộ so với đầu kỳ (giảm tương đối, không phải điểm %)`
    : `${r.locality_name}: ${formatPercent(r.value, "en")} of households against the baseline (a relative cut, not percentage points)`;
}

/** Summary of the residential-group chart. */
export function groupBarsSummary(rows: GroupBarRow[], measure: Measure, locale: Locale): string {
  const base = rows.filter((r) => r.series === "baseline");
  const target = rows.filter((r) => r.series === "target");
  const sum = (rs: GroupBarRow[]) => rs.reduce((s, r) => s + r.households, 0);
  const top = [...base].sort((a, b) => b.households - a.households)[0];
  const who = measure === "poor" ? { vi: "hộ nghèo", en: "poor households" } : { vi: "hộ cận nghèo", en: "near-poor households" };
  return locale === "vi"
    ? `${base.length} tổ dân phố có ${formatNumber(sum(base), "vi", 0)} ${who.vi} cuối năm 2023; chỉ tiêu cuối năm 2024 còn ${formatNumber(sum(target), "vi", 0)}. Nhiều nhất: ${top?.name} (${formatNumber(top?.households ?? 0, "vi", 0)}).`
    : `${base.length} residential groups had ${formatNumber(sum(base), "en", 0)} ${who.en} at the end of 2023; the end-2024 target is ${formatNumber(sum(target), "en", 0)}. Most: ${top?.name} (${formatNumber(top?.households ?? 0, "en", 0)}).`;
}

/** Summary of the deprivation profile. */
export function deprivationSummary(rows: DeprivationViewRow[], locale: Locale): string {
  const poor = rows.filter((r) => r.group === "poor").sort((a, b) => b.stated_pct - a.stated_pct)[0];
  const bad = rows.filter((r) => r.consistent === false).length;
  return locale === "vi"
    ? `Thiếu hụt phổ biến nhất ở hộ nghèo: ${poor?.label.toLowerCase()} (${formatNumber(poor?.households ?? 0, "vi", 0)} hộ, ghi ${formatPercent(poor?.stated_pct ?? 0, "vi")}). ${bad} trong ${rows.length} tỷ lệ ghi trong kế hoạch không khớp với số hộ chia cho số hộ của nhóm.`
    : `Most common deprivation among poor households: ${poor?.label.toLowerCase()} (${formatNumber(poor?.households ?? 0, "en", 0)} households, printed as ${formatPercent(poor?.stated_pct ?? 0, "en")}). ${bad} of ${rows.length} printed shares do not match households divided by the group's households.`;
}

/** Summary of the coverage-target chart. */
export function coverageSummary(rows: CoverageRow[], locale: Locale, highlightName?: string): string {
  const plans = new Set(rows.map((r) => r.plan_id)).size;
  const lowest = [...rows].sort((a, b) => a.value - b.value)[0];
  const head = locale === "vi"
    ? `${plans} kế hoạch đặt chỉ tiêu cho ${new Set(rows.map((r) => r.indicator)).size} chỉ số của sáu chiều thiếu hụt; chỉ tiêu thấp nhất là ${lowest?.label.toLowerCase()} của ${lowest?.locality_name} (${formatPercent(lowest?.value ?? 0, "vi")}).`
    : `${plans} plans set targets for ${new Set(rows.map((r) => r.indicator)).size} indicators of the six dimensions; the lowest is ${lowest?.label.toLowerCase()} in ${lowest?.locality_name} (${formatPercent(lowest?.value ?? 0, "en")}).`;
  return highlightName ? `${head} ${locale === "vi" ? `Tô màu: ${highlightName}.` : `Highlighted: ${highlightName}.`}` : head;
}
