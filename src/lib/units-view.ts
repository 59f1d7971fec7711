/**
 * The national frame as pages see it: every unit from 1 July 2025 with the old units it was formed from, and the
 * plans of the dataset that reach it. Pure functions over units.json and the plans' data, built once per build.
 *
 * How a plan reaches a new unit (the rule the method page states): a plan of an old commune reaches the new units that
 * commune went into ("for this area"); a plan of an old district or province reaches every new unit formed from one
 * of its communes ("for a wider area it was part of"). Coverage counts only the first kind, so "2 of 3,321" means
 * two new communes hold a former commune whose own plan is in the dataset.
 */
import { t, type Key, type Locale } from "../i18n/catalogue.ts";
import type { SiteData } from "./site-data.ts";
import type { LocalityRow, PlanRow, UnitRow } from "./schema.ts";
import { unitPaths } from "./unit-paths.ts";

export interface Frame {
  /** Units before 1 July 2025, by code; after, by code. */
  before: Map<string, UnitRow>;
  after: Map<string, UnitRow>;
  provinces: UnitRow[];
  /** New communes by province code, in the gazetteer's order (by code). */
  communesOf: Map<string, UnitRow[]>;
  /** Old districts by old province code. */
  districtsOf: Map<string, UnitRow[]>;
  /** Communes of each old district in the 01/03/2025 list, by district code. */
  snapshotCommunes: Map<string, number>;
  /** Page path of every new unit. */
  path: Map<string, string>;
  /** The curated locality (with a page of its own) of an old unit, by `level|code`. */
  locality: Map<string, LocalityRow>;
  /** Plans whose own locality is the old unit, by `level|code`. */
  plansOfOld: Map<string, PlanRow[]>;
  /** For each new unit (commune or province): the plans that reach it, direct and wider. */
  reach: Map<string, Reach>;
}

export interface Reach {
  /** Plans of old communes it was formed from (or, for a province, of any unit now in it). */
  direct: PlanRow[];
  /** Plans of the old districts and provinces those communes belonged to. */
  wider: PlanRow[];
}

const key = (level: string, code: string) => `${level}|${code}`;

const frames = new WeakMap<readonly UnitRow[], Frame>();

/** The frame for these units and this data (built once per units array). */
export function frame(units: readonly UnitRow[], data: SiteData): Frame {
  const cached = frames.get(units);
  if (cached) return cached;
  const before = new Map<string, UnitRow>();
  const after = new Map<string, UnitRow>();
  const communesOf = new Map<string, UnitRow[]>();
  const districtsOf = new Map<string, UnitRow[]>();
  const provinces: UnitRow[] = [];
  const snapshotCommunes = new Map<string, number>();
  for (const u of units) {
    if (u.period === "before") {
      if (u.level === "commune" && u.parent && u.in_snapshot) snapshotCommunes.set(u.parent, (snapshotCommunes.get(u.parent) ?? 0) + 1);
      before.set(key(u.level, u.code), u);
      if (u.level === "district") districtsOf.set(u.province, [...(districtsOf.get(u.province) ?? []), u]);
    } else {
      after.set(u.code, u);
      if (u.level === "province") provinces.push(u);
      else communesOf.set(u.province, [...(communesOf.get(u.province) ?? []), u]);
    }
  }
  const locality = new Map<string, LocalityRow>();
  for (const l of data.localities) if (l.code !== null && l.level !== "residential_group") locality.set(key(l.level, l.code), l);
  const localityById = new Map(data.localities.map((l) => [l.id, l]));
  const plansOfOld = new Map<string, PlanRow[]>();
  for (const p of data.plans) {
    const l = localityById.get(p.locality_id);
    if (!l || l.code === null || l.level === "residential_group") continue;
    const k = key(l.level, l.code);
    plansOfOld.set(k, [...(plansOfOld.get(k) ?? []), p]);
  }

  const reach = new Map<string, Reach>();
  const add = (code: string, kind: keyof Reach, plans: PlanRow[]) => {
    if (plans.length === 0) return;
    const r = reach.get(code) ?? { direct: [], wider: [] };
    for (const p of plans) if (!r[kind].includes(p)) r[kind].push(p);
    reach.set(code, r);
  };
  for (const c of after.values()) {
    if (c.level !== "commune") continue;
    for (const l of c.lineage) {
      const old = before.get(key("commune", l.code));
      if (!old) continue;
      add(c.code, "direct", plansOfOld.get(key("commune", old.code)) ?? []);
      if (old.parent) add(c.code, "wider", plansOfOld.get(key("district", old.parent)) ?? []);
      add(c.code, "wider", plansOfOld.get(key("province", old.province)) ?? []);
    }
    const r = reach.get(c.code);
    // Every plan of the unit reaches its province directly: the province page lists all plans now within it.
    if (r) add(c.province, "direct", [...r.direct, ...r.wider]);
  }
  for (const r of reach.values()) for (const list of [r.direct, r.wider]) list.sort((a, b) => a.year - b.year || (a.id < b.id ? -1 : 1));
  const f: Frame = { before, after, provinces, communesOf, districtsOf, snapshotCommunes, path: unitPaths(units), locality, plansOfOld, reach };
  frames.set(units, f);
  return f;
}

/** The old unit behind a lineage entry of a new commune (an old commune) or province (an old province). */
export function oldUnit(f: Frame, level: "commune" | "province" | "district", code: string): UnitRow | undefined {
  return f.before.get(key(level, code));
}

/** The curated locality of an old unit, if the site has a page for it. */
export function localityOf(f: Frame, u: UnitRow): LocalityRow | undefined {
  return f.locality.get(key(u.level, u.code));
}

/** Coverage counts: how much of the country the dataset reaches. */
export interface Coverage {
  /** New communes (3,321 nationally) and those a former commune's own plan reaches. */
  communes: number;
  communesWithPlan: number;
  /** New communes reached only by a plan of a wider former unit (a district or province). */
  communesWiderOnly: number;
  /** Plans in the dataset that reach the area, by year (ascending). */
  plansByYear: [year: number, plans: number][];
  plans: number;
}

/** Coverage nationally (province undefined) or within one new province. */
export function coverage(f: Frame, province?: string): Coverage {
  const communes = province ? (f.communesOf.get(province) ?? []) : [...f.communesOf.values()].flat();
  let withPlan = 0, widerOnly = 0;
  const plans = new Set<PlanRow>();
  for (const c of communes) {
    const r = f.reach.get(c.code);
    if (!r) continue;
    if (r.direct.length) withPlan++;
    else if (r.wider.length) widerOnly++;
    for (const p of [...r.direct, ...r.wider]) plans.add(p);
  }
  const years = new Map<number, number>();
  for (const p of plans) years.set(p.year, (years.get(p.year) ?? 0) + 1);
  return { communes: communes.length, communesWithPlan: withPlan, communesWiderOnly: widerOnly, plans: plans.size, plansByYear: [...years].sort((a, b) => a[0] - b[0]) };
}

const TYPE_KEY: Record<string, Key> = {
  "tỉnh": "unit_tinh", "thành phố": "unit_thanh_pho", "xã": "unit_xa", "phường": "unit_phuong", "thị trấn": "unit_thi_tran",
  "đặc khu": "unit_dac_khu", "huyện": "unit_huyen", "quận": "unit_quan", "thị xã": "unit_thi_xa",
};

/** The type word of a unit in the reader's language ("phường" / "ward"); the gazetteer's own word when unknown. */
export function unitType(u: Pick<UnitRow, "type_vi">, locale: Locale): string {
  const k = TYPE_KEY[u.type_vi];
  return k ? t(locale, k) : u.type_vi;
}

/** "Phường Vân Hà" / "Vân Hà ward"; `capital` capitalises the first letter (headings, starts of lines). */
export function unitName(u: Pick<UnitRow, "type_vi" | "name">, locale: Locale, capital = true): string {
  const s = t(locale, "unit_name", { type: unitType(u, locale), name: u.name });
  return capital ? s.charAt(0).toLocaleUpperCase(locale) + s.slice(1) : s;
}
