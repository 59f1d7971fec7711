/**
 * CSV files open in Excel on Windows as UTF-8 only when they start with a byte-order mark; without it Vietnamese
 * text turns to mojibake. Every CSV the site publishes starts with one, and every reader here takes it off.
 */
export const BOM = "\ufeff";

/** CSV text as published: with the byte-order mark in front. */
export function withBom(csv: string): string {
  return csv.startsWith(BOM) ? csv : BOM + csv;
}

/** CSV text to parse: without a byte-order mark (a parser would read it into the first column's name). */
export function stripBom(csv: string): string {
  return csv.startsWith(BOM) ? csv.slice(1) : csv;
}
