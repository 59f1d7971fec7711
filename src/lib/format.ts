/** Numbers for readers: vi prints 2.991 and 0,57; en prints 2,991 and 0.57. One formatter for pages and messages. */

/** Site locales. */
export type Locale = "vi" | "en";

const cache = new Map<string, Intl.NumberFormat>();

/** Format a number with exactly `decimals` decimals, or as printed precision when omitted (max 4). */
export function formatNumber(x: number, locale: Locale, decimals?: number): string {
  const key = `${locale}:${decimals ?? "auto"}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", decimals === undefined
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
  return `${x > 0 ? "+" : ""}${s} ${locale === "vi" ? "điểm %" : "pp"}`;
}

/** Households with the unit word: "2.991 hộ" / "2,991 households". */
export function formatHouseholds(x: number, locale: Locale): string {
  return `${formatNumber(x, locale, 0)} ${locale === "vi" ? "hộ" : Math.abs(x) === 1 ? "household" : "households"}`;
}
