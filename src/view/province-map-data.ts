/**
 * What the province map shows, province by province (the 34 from 1 July 2025): which localities with a plan of their
 * own lie in it (an old unit's new province through units.json's lineage), and the latest poverty rate they state
 * under the latest poverty standard. Rates under different standards are never put on one scale, so rates under an
 * earlier standard leave a province "plan collected, no rate under the latest standard". Also the topology the map
 * is drawn from (provinces.topo.json) and the coarser one of the locators.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ProvincesTopology, type LocalityRow, type UnitRow } from "../domain/schema.ts";
import { simplifyKeepingRings, type AnyTopology } from "./simplify-map.ts";
import { siteIndex, type SiteData } from "../load/site-data.ts";
import { unitPaths } from "./unit-paths.ts";

/** One province of the map. */
export interface ProvinceMapRow {
  /** GSO code (from 1 July 2025). */
  code: string;
  /** Name as the gazetteer prints it ("Khánh Hoà"). */
  name: string;
  /** Page path without the locale prefix (unit-paths.ts). */
  path: string;
  /** Localities with a plan of their own in the dataset that lie (wholly or partly) in this province. */
  localities: LocalityRow[];
  /** Plans of those localities. */
  plans: string[];
  /** The median of those localities' latest stated poverty rates under the latest standard; null when none states one. */
  rate: number | null;
  /** Localities whose rate went into `rate`, with the figure and its date. */
  rates: { locality: LocalityRow; value: number; decimals: number; date: string; plan_id: string; ref: string }[];
}

/** The latest poverty standard of the reference data ("2022-2025"): the only one the map's colours use. */
export function latestStandard(data: SiteData): string {
  return data.reference.standards.map((s) => s.id).sort().at(-1)!;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const pathsOf = new WeakMap<readonly UnitRow[], Map<string, string>>();
/** unitPaths of a units list, computed once per list (pages ask for it one by one). */
export const cachedPaths = (units: readonly UnitRow[]) => pathsOf.get(units) ?? (pathsOf.set(units, unitPaths(units)), pathsOf.get(units)!);

const indexes = new WeakMap<readonly UnitRow[], { before: Map<string, UnitRow>; after: Map<string, UnitRow> }>();
/** Units by code, per period, built once per units list (a national build asks for thousands of localities). */
export function unitIndex(units: readonly UnitRow[]) {
  let index = indexes.get(units);
  if (!index) {
    index = { before: new Map(), after: new Map() };
    for (const u of units) index[u.period].set(u.code, u);
    indexes.set(units, index);
  }
  return index;
}

/**
 * The new provinces an old locality lies in: its own unit's (or, for a residential group, its nearest coded
 * ancestor's) successors' provinces. An old province went whole into one new province; a district or commune may
 * have gone into units of more than one.
 */
export function newProvincesOf(l: LocalityRow, data: SiteData, units: readonly UnitRow[]): string[] {
  const index = siteIndex(data);
  let at: LocalityRow | undefined = l;
  while (at && !at.code) at = at.parent ? index.locality.get(at.parent) : undefined;
  if (!at?.code) return [];
  const { before: oldUnits, after } = unitIndex(units);
  const before = oldUnits.get(at.code);
  if (!before) return [];
  return [...new Set(before.lineage.map((x) => after.get(x.code)?.province).filter((p): p is string => !!p))].sort();
}

/** The 34 provinces, in code order, with what the map shows of each. */
export function provinceMapRows(data: SiteData, units: readonly UnitRow[]): ProvinceMapRow[] {
  const index = siteIndex(data);
  const paths = cachedPaths(units);
  const standard = latestStandard(data);
  const rows = new Map<string, ProvinceMapRow>();
  for (const u of units) {
    if (u.period === "after" && u.level === "province") rows.set(u.code, { code: u.code, name: u.name, path: paths.get(u.code)!, localities: [], plans: [], rate: null, rates: [] });
  }
  const own = new Map<string, string[]>();
  for (const p of data.plans) own.set(p.locality_id, [...(own.get(p.locality_id) ?? []), p.id]);
  for (const [id, plans] of own) {
    const l = index.locality.get(id)!;
    // The latest rate this locality states of itself, in a plan under the latest standard.
    const stated = (index.statisticsByLocality.get(id) ?? [])
      .filter((s) => s.indicator === "poverty_rate" && index.plan.get(s.plan_id)?.poverty_standard === standard)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
    for (const code of newProvincesOf(l, data, units)) {
      const row = rows.get(code);
      if (!row) continue;
      row.localities.push(l);
      row.plans.push(...plans);
      if (stated) row.rates.push({ locality: l, value: stated.value, decimals: stated.decimals, date: stated.date, plan_id: stated.plan_id, ref: stated.ref });
    }
  }
  for (const row of rows.values()) {
    row.plans.sort();
    if (row.rates.length) row.rate = median(row.rates.map((r) => r.value));
  }
  return [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}

let topology: ProvincesTopology | undefined;
/** provinces.topo.json as the data step wrote it (validated). */
export function loadProvinceTopology(dir = join(process.cwd(), "public", "data")): ProvincesTopology {
  if (topology) return topology;
  let text: string;
  try {
    text = readFileSync(join(dir, "provinces.topo.json"), "utf8");
  } catch {
    throw new Error(`${join(dir, "provinces.topo.json")} is missing: run \`npm run data\` first`);
  }
  return (topology = ProvincesTopology.parse(JSON.parse(text)));
}

/**
 * Locators are drawn about 200 px wide: points under about a fifth of a square pixel at that size go (islands stay,
 * see simplify-map.ts).
 */
export const LOCATOR_MIN_AREA = 1.5e-3;

let locator: AnyTopology | undefined;
/** The national topology simplified again for the locators. */
export function locatorTopology(national: ProvincesTopology = loadProvinceTopology()): AnyTopology {
  return (locator ??= simplifyKeepingRings(national as unknown as AnyTopology, LOCATOR_MIN_AREA, 1e4));
}
