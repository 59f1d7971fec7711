/** Rows grouped by a key (a row whose key is null is left out), each group in input order: data step and pages alike. */
export function groupRows<T>(rows: readonly T[], keyOf: (r: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
