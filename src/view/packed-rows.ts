/**
 * Rows packed for a page's JSON islands: a chart's rows repeat the same keys, and its CSV rows the same plan number
 * and citation, in every row. Packed, each key is written once and a value every row shares (the plan's citation,
 * the measure) once: the groups chart's undrawn states shrink to about a third. Browser-safe (no Node imports).
 */
type Row = Record<string, unknown>;

export interface PackedRows {
  /** Every key, in the rows' own order (a CSV's column order). */
  keys: string[];
  /** Keys every row has with the same value, and that value. */
  same: Row;
  /** One array per row: the values of the keys not in `same`, in key order (null where a row lacks the key). */
  rows: unknown[][];
}

export function packRows(objects: readonly object[]): PackedRows {
  const rows = objects as readonly Row[];
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const same: Row = {};
  for (const k of keys) {
    const first = JSON.stringify(rows[0]?.[k]);
    if (rows.length > 1 && rows.every((r) => k in r && JSON.stringify(r[k]) === first)) same[k] = rows[0]![k];
  }
  const varying = keys.filter((k) => !(k in same));
  return { keys, same, rows: rows.map((r) => varying.map((k) => r[k] ?? null)) };
}

export function unpackRows<T = Row>(p: PackedRows): T[] {
  const varying = p.keys.filter((k) => !(k in p.same));
  return p.rows.map((values) => Object.fromEntries(p.keys.map((k) => [k, k in p.same ? p.same[k] : values[varying.indexOf(k)]])) as T);
}
