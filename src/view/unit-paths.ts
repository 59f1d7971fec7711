/**
 * Addresses of the pages of the units from 1 July 2025 (34 provinces, 3,321 communes): readable and stable.
 * A province is /provinces/<name>/, a commune /provinces/<province>/<name>/. Folded names can meet within a province
 * ("Văn Lang" and "Văn Lăng" both fold to van-lang): every unit of such a pair carries its GSO code in its address,
 * so no address depends on which of the two was read first.
 */
import { foldAccents } from "../domain/fold.ts";
import type { UnitRow } from "../domain/schema.ts";

/** "Phan Rang – Tháp Chàm" → "phan-rang-thap-cham". */
export function slugify(name: string): string {
  return foldAccents(name).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Path (from the site root, ending in "/") of every unit from 1 July 2025, by GSO code. */
export function unitPaths(units: readonly UnitRow[]): Map<string, string> {
  const after = units.filter((u) => u.period === "after");
  const out = new Map<string, string>();
  const provinceSlug = new Map<string, string>();
  for (const p of after) if (p.level === "province") provinceSlug.set(p.code, slugify(p.name));
  for (const [code, slug] of provinceSlug) out.set(code, `/provinces/${slug}/`);
  const byKey = new Map<string, UnitRow[]>();
  for (const c of after) {
    if (c.level !== "commune") continue;
    const key = `${c.province}|${slugify(c.name)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  for (const [key, list] of byKey) {
    const slug = key.slice(key.indexOf("|") + 1);
    for (const c of list) out.set(c.code, `/provinces/${provinceSlug.get(c.province)}/${list.length > 1 ? `${slug}-${c.code}` : slug}/`);
  }
  return out;
}
