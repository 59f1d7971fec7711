/**
 * The data of a unit's page from 1 July 2025: the slices (public/data/provinces/<province>/) of the provinces before
 * 2025 whose units it was formed from, joined. Every plan that reaches a new unit is a plan of one of its former
 * communes, of their district or of their province (view/units-view.ts), and each of those lies in the slice of its
 * own province: so these slices hold all a unit's page shows, and editing a plan elsewhere leaves the page as it is
 * (its cacheKey, provincesKey in page-key.ts, covers exactly these slices).
 */
import { provinceOf } from "../domain/public-paths.ts";
import type { LocalityRow, UnitRow } from "../domain/schema.ts";
import { recentValues } from "./recent.ts";
import { joinSlices, loadNational, loadSlice, loadUnits, type SiteData } from "./site-data.ts";
import { join } from "node:path";

const DATA_DIR = () => join(process.cwd(), "public", "data");

const oldProvinceIndex = new WeakMap<readonly UnitRow[], Map<string, string>>();
/** The province (before 2025) of each unit of that period, by `level|code`. */
function provinceOfOld(units: readonly UnitRow[]): Map<string, string> {
  let index = oldProvinceIndex.get(units);
  if (!index) {
    index = new Map();
    for (const u of units) if (u.period === "before") index.set(`${u.level}|${u.code}`, u.province);
    oldProvinceIndex.set(units, index);
  }
  return index;
}

const oldProvinces = new WeakMap<readonly UnitRow[], Map<string, string[]>>();
/**
 * The provinces before 2025 (their codes) each unit from 1 July 2025 was formed from: a commune's, those of its
 * former communes; a province's, those of its own lineage and of every commune now in it (a former commune may have
 * gone across a provincial border). Built once per units list.
 */
function oldProvincesAll(units: readonly UnitRow[]): Map<string, string[]> {
  let all = oldProvinces.get(units);
  if (all) return all;
  const old = provinceOfOld(units);
  const ofProvince = new Map<string, Set<string>>();
  const communes = new Map<string, Set<string>>();
  for (const u of units) {
    if (u.period !== "after") continue;
    if (u.level === "province") {
      const set = ofProvince.get(u.code) ?? new Set();
      for (const l of u.lineage) if (old.has(`province|${l.code}`)) set.add(l.code);
      ofProvince.set(u.code, set);
    } else {
      const set = new Set<string>();
      for (const l of u.lineage) {
        const p = old.get(`commune|${l.code}`);
        if (p !== undefined) set.add(p);
      }
      communes.set(u.code, set);
      const prov = ofProvince.get(u.province) ?? new Set();
      for (const p of set) prov.add(p);
      ofProvince.set(u.province, prov);
    }
  }
  all = new Map([...ofProvince, ...communes].map(([code, set]) => [code, [...set].sort()]));
  oldProvinces.set(units, all);
  return all;
}

/** The provinces before 2025 (their codes) a unit from 1 July 2025 was formed from. */
export function oldProvincesOf(code: string, units: readonly UnitRow[] = loadUnits()): string[] {
  const list = oldProvincesAll(units).get(code);
  if (!list) throw new Error(`units.json: no unit from 1 July 2025 has the code "${code}"`);
  return list;
}

const slicesByOld = new WeakMap<readonly LocalityRow[], Map<string, Set<string>>>();
/**
 * The slices holding the localities of these provinces before 2025: each locality of the dataset with a code lies in
 * the slice of its id's first segment and in the old province of its unit. Read from the national localities once;
 * a page's key names the slices it reads, so a locality moving to another slice changes the key.
 */
export function slicesOfOld(oldProvinces: readonly string[], units: readonly UnitRow[] = loadUnits(), dir = DATA_DIR()): string[] {
  const { localities } = loadNational(dir);
  let index = slicesByOld.get(localities);
  if (!index) {
    index = new Map();
    const old = provinceOfOld(units);
    for (const l of localities) {
      if (l.code === null || l.level === "residential_group") continue;
      const p = old.get(`${l.level}|${l.code}`);
      if (p === undefined) continue;
      const set = index.get(p) ?? new Set();
      set.add(provinceOf(l.id));
      index.set(p, set);
    }
    slicesByOld.set(localities, index);
  }
  return [...new Set(oldProvinces.flatMap((p) => [...(index.get(p) ?? [])]))].sort();
}

/** The slices a unit's page from 1 July 2025 reads (province segments, sorted). */
export function unitSlices(code: string, dir = DATA_DIR()): string[] {
  const units = loadUnits(dir);
  return slicesOfOld(oldProvincesOf(code, units), units, dir);
}

/**
 * Joined slices kept: the pages reading one set of slices follow each other (view/slice-routes.ts lists them by
 * that set), and a joined set of a national build is hundreds of megabytes; eight kept held about 300 MB.
 */
const joined = recentValues<SiteData>(2);

/**
 * The rows of these slices in one data set, slice after slice in name order (the order of the national tables). One
 * slice is loadSlice's own object (its index is shared with the locality pages); none, no rows and the reference lists.
 */
export function loadSlices(provinces: readonly string[], dir = DATA_DIR()): SiteData {
  const sorted = [...new Set(provinces)].sort();
  if (sorted.length === 1) return loadSlice(sorted[0], dir);
  return joined(`${dir}\u0000${sorted.join(",")}`, () => joinSlices(sorted.map((p) => loadSlice(p, dir)), loadNational(dir).reference));
}

/** The data of a unit's page from 1 July 2025 (see the top of this file). */
export function loadUnitData(code: string, dir = DATA_DIR()): SiteData {
  return loadSlices(unitSlices(code, dir), dir);
}
