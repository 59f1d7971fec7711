/**
 * Numbers and dates for readers, in one place: vi prints 2.991, 0,57% and 31/12/2023; en prints 2,991, 0.57% and
 * 31 Dec 2023. Each language's number locale, date style and unit words come from its catalogue (src/i18n).
 */
import { CATALOGUES, t, type Locale } from "./catalogue.ts";

export type { Locale };

const cache = new Map<string, Intl.NumberFormat>();

/** Format a number with exactly `decimals` decimals, or as printed precision when omitted (max 4). */
export function formatNumber(x: number, locale: Locale, decimals?: number): string {
  const key = `${locale}:${decimals ?? "auto"}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(CATALOGUES[locale].meta_intl, decimals === undefined
      ? { maximumFractionDigits: 4 }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(key, f);
  }
  // Intl renders negatives with U+2212 in some locales; keep one minus sign everywhere.
  return f.format(x).replace(/\u2212|-/g, "−");
}

/** 0.57 → "0,57%" (vi) / "0.57%" (en). */
export function formatPercent(x: number, locale: Locale, decimals?: number): string {
  return `${formatNumber(x, locale, decimals)}%`;
}

/** −0.25 → "−0,25 điểm %" (vi) / "−0.25 pp" (en); always signed. */
export function formatPp(x: number, locale: Locale, decimals = 2): string {
  const s = formatNumber(x, locale, decimals);
  return `${x > 0 ? "+" : ""}${s} ${t(locale, "unit_pp")}`;
}

/** Households with the unit word: "2.991 hộ" / "2,991 households". */
export function formatHouseholds(x: number, locale: Locale): string {
  return `${formatNumber(x, locale, 0)} ${t(locale, Math.abs(x) === 1 ? "unit_households_one" : "unit_households_other")}`;
}

/** A change in households, signed: "+3 hộ", "−4 hộ". */
export function formatHouseholdsChange(x: number, locale: Locale): string {
  return `${x > 0 ? "+" : ""}${formatHouseholds(x, locale)}`;
}

// One formatter per language for the whole build: toLocaleDateString builds a new one per call.
const dates = new Map<Locale, Intl.DateTimeFormat>();

// A site has few distinct dates and prints each many times (every citation of every chart): each once per language.
const formatted = new Map<string, string>();

/** "31/12/2023" (vi) or "31 Dec 2023" (en) from an ISO date; plans date targets at year end. */
export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return "";
  const key = `${locale}|${iso}`;
  let out = formatted.get(key);
  if (out === undefined) formatted.set(key, (out = formatDateOnce(iso, locale)));
  return out;
}

function formatDateOnce(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split("-").map(Number);
  let f = dates.get(locale);
  if (!f) {
    const month = CATALOGUES[locale].meta_date_month as "2-digit" | "short";
    f = new Intl.DateTimeFormat(CATALOGUES[locale].meta_intl, { day: month === "2-digit" ? "2-digit" : "numeric", month, year: "numeric", timeZone: "UTC" });
    dates.set(locale, f);
  }
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

/** A figure in its unit: "0,57%", "−1,11 điểm %", "383 triệu đồng", "2.991 hộ"; `decimals` keeps the printed precision. */
export function formatValue(v: number, unit: string, locale: Locale, decimals?: number): string {
  if (unit === "percent") return formatPercent(v, locale, decimals);
  if (unit === "pp") return formatPp(v, locale, decimals);
  if (unit === "vnd_million") return `${formatNumber(v, locale, decimals)} ${t(locale, "unit_vnd_million")}`;
  if (unit === "households") return formatHouseholds(v, locale);
  if (unit === "persons") return `${formatNumber(v, locale, 0)} ${t(locale, "unit_persons")}`;
  return formatNumber(v, locale, decimals);
}

/** A target as printed, with its comparator and unit: "trên 96%", "≥ 92%", "383 triệu đồng". */
export function formatTarget(v: number, comparator: string, unit: string, locale: Locale, decimals?: number): string {
  const cmp = ["gt", "ge", "lt", "le"].includes(comparator) ? t(locale, `cmp_${comparator}` as "cmp_gt") : "";
  return `${cmp}${formatValue(v, unit, locale, decimals)}`;
}
