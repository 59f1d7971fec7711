/** CSV as the site publishes it: chart downloads (written by arquero) and the data step's tables share these rules. */
import { from } from "arquero";
import type { CsvRow } from "./chart-specs.ts";

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first) gets a leading
 * apostrophe, which Excel, LibreOffice and Google Sheets show as text and do not print. Numbers are numbers, never
 * strings, so they are untouched: -0.35 stays a number.
 */
export function neutralise<T>(v: T): T | string {
  return typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** Rows → CSV text with a header row; an empty list gives an empty file. */
export function toCsv(rows: CsvRow[]): string {
  if (rows.length === 0) return "";
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return from(rows.map((r) => Object.fromEntries(columns.map((c) => [c, neutralise(r[c] ?? null)])))).toCSV({ columns });
}
