/** How a plan is cited on the page: number, date and issuer, as a reader would write it. */
import { formatDate, localized, t, type Locale } from "../i18n/paths.ts";
import type { PlanRow } from "../domain/schema.ts";

/** The plan's number for data files: null when the plan printed only the suffix ("/KH-UBND", the number left blank). */
export function planNumber(p: Pick<PlanRow, "number">): string | null {
  return p.number !== null && /^\d/.test(p.number) ? p.number : null;
}

/** "Kế hoạch số 498/KH-UBND ngày 01/04/2024 của UBND thành phố Long Khánh" / "Plan no. 498/KH-UBND of 1 Apr 2024, People's Committee of ..." */
export function planCitation(p: PlanRow, locale: Locale): string {
  // Each chart cites its plans in its source line, sources and citation: once per plan and language.
  let byLocale = citations.get(p);
  if (!byLocale) citations.set(p, (byLocale = new Map()));
  let text = byLocale.get(locale);
  if (text === undefined) byLocale.set(locale, (text = citationOf(p, locale)));
  return text;
}
const citations = new WeakMap<PlanRow, Map<Locale, string>>();

function citationOf(p: PlanRow, locale: Locale): string {
  const date = p.issued ? formatDate(p.issued, locale) : `${t(locale, "no_date")}, ${p.year}`;
  const num = p.number === null ? "" : p.number.startsWith("/") ? `…${p.number}` : p.number;
  return t(locale, "cite_plan", {
    number: num ? t(locale, "cite_number", { n: num }) : t(locale, "cite_no_number"),
    date: t(locale, p.issued ? "cite_date" : "cite_no_date", { date }),
    issuer: localized({ issuer_vi: p.issuer, issuer_en: p.issuer_en }, "issuer", locale),
  });
}
