/** CSV for chart downloads, written by arquero (quoting and escaping), columns in the rows' own order. */
import { from } from "arquero";
import type { CsvRow } from "./chart-specs.ts";

/** Rows → CSV text with a header row; an empty list gives an empty file. */
export function toCsv(rows: CsvRow[]): string {
  if (rows.length === 0) return "";
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return from(rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])))).toCSV({ columns });
}
