/** How a plan is cited on the page: number, date and issuer, as a reader would write it. */
import { formatDate, t, type Locale } from "./i18n.ts";
import type { PlanRow } from "./schema.ts";

/** "Kế hoạch số 498/KH-UBND ngày 01/04/2024 của UBND thành phố Long Khánh" / "Plan 498/KH-UBND of 1 Apr 2024, People's Committee of ..." */
export function planCitation(p: PlanRow, locale: Locale): string {
  const date = p.issued ? formatDate(p.issued, locale) : `${t(locale, "no_date")}, ${p.year}`;
  const num = p.number === null ? "" : p.number.startsWith("/") ? `…${p.number}` : p.number;
  return locale === "vi"
    ? `Kế hoạch ${num ? `số ${num}` : "(không ghi số)"}${p.issued ? ` ngày ${date}` : ` (${date})`} của ${p.issuer}`
    : `Plan ${num ? `no. ${num}` : "(no number printed)"}${p.issued ? ` of ${date}` : ` (${date})`}, ${p.issuer_en}`;
}
