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
import { groupRows, siteIndex, type SiteData } from "../load/site-data.ts";
import { changeOnlyTargets, rateTargets, type Measure, type RateTargetRow } from "./view.ts";
import type { LocalityRow, PlanRow, UnitRow } from "../domain/schema.ts";
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

type UnitsPart = Pick<Frame, "before" | "after" | "provinces" | "communesOf" | "districtsOf" | "snapshotCommunes" | "path">;
/** What a frame is built from besides the units part: the gazetteer read backwards, from an old unit to the new communes. */
interface Successors {
  /** New communes formed (in part) from each old commune, by the old commune's code. */
  ofCommune: Map<string, UnitRow[]>;
  /** Old communes of each old district and of each old province, by `level|code`. */
  communesOf: Map<string, UnitRow[]>;
}
const successorsOf = new WeakMap<readonly UnitRow[], Successors>();
const unitParts = new WeakMap<readonly UnitRow[], UnitsPart>();
// A frame per units list and per localities and plans lists: a national page and a page of a few provinces' slices
// (a locality's, a unit's from 2025) each get the frame of their own data, the gazetteer's part built once.
const frames = new WeakMap<readonly UnitRow[], WeakMap<readonly LocalityRow[], WeakMap<readonly PlanRow[], Frame>>>();

function unitsPart(units: readonly UnitRow[]): UnitsPart {
  const cached = unitParts.get(units);
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
      if (u.level === "district") push(districtsOf, u.province, u);
    } else {
      after.set(u.code, u);
      if (u.level === "province") provinces.push(u);
      else push(communesOf, u.province, u);
    }
  }
  const part = { before, after, provinces, communesOf, districtsOf, snapshotCommunes, path: unitPaths(units) };
  unitParts.set(units, part);
  return part;
}

const push = <K, V>(map: Map<K, V[]>, k: K, v: V) => {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
};

function successors(units: readonly UnitRow[]): Successors {
  const cached = successorsOf.get(units);
  if (cached) return cached;
  const { before, after } = unitsPart(units);
  const ofCommune = new Map<string, UnitRow[]>();
  for (const c of after.values()) {
    if (c.level !== "commune") continue;
    for (const l of c.lineage) if (before.has(key("commune", l.code))) push(ofCommune, l.code, c);
  }
  const communesOf = new Map<string, UnitRow[]>();
  for (const o of before.values()) {
    if (o.level !== "commune") continue;
    if (o.parent) push(communesOf, key("district", o.parent), o);
    push(communesOf, key("province", o.province), o);
  }
  const value = { ofCommune, communesOf };
  successorsOf.set(units, value);
  return value;
}

/**
 * The frame for these units and the localities and plans of this data (built once per units, localities and plans).
 * Read from the plans' old units forwards (old unit → its old communes → the new communes they went into), so a
 * province's slice costs what its plans do, not a walk of the whole gazetteer: pages reload slices many times a build.
 */
export function frame(units: readonly UnitRow[], data: SiteData): Frame {
  let byLocalities = frames.get(units);
  if (!byLocalities) frames.set(units, (byLocalities = new WeakMap()));
  let byPlans = byLocalities.get(data.localities);
  if (!byPlans) byLocalities.set(data.localities, (byPlans = new WeakMap()));
  const cached = byPlans.get(data.plans);
  if (cached) return cached;
  const { before, after } = unitsPart(units);
  const next = successors(units);
  const locality = new Map<string, LocalityRow>();
  for (const l of data.localities) if (l.code !== null && l.level !== "residential_group") locality.set(key(l.level, l.code), l);
  const localityById = new Map(data.localities.map((l) => [l.id, l]));
  const plansOfOld = new Map<string, PlanRow[]>();
  for (const p of data.plans) {
    const l = localityById.get(p.locality_id);
    if (!l || l.code === null || l.level === "residential_group") continue;
    push(plansOfOld, key(l.level, l.code), p);
  }

  // A commune's plans reach the new communes it went into; a district's or province's, those its communes went into.
  const sets = new Map<string, { direct: Set<PlanRow>; wider: Set<PlanRow> }>();
  const add = (code: string, kind: keyof Reach, plans: Iterable<PlanRow>) => {
    let r = sets.get(code);
    if (!r) sets.set(code, (r = { direct: new Set(), wider: new Set() }));
    for (const p of plans) r[kind].add(p);
  };
  for (const [k, plans] of plansOfOld) {
    const u = before.get(k);
    if (!u) continue;
    const communes = u.level === "commune" ? [u] : (next.communesOf.get(k) ?? []);
    for (const o of communes) for (const c of next.ofCommune.get(o.code) ?? []) add(c.code, u.level === "commune" ? "direct" : "wider", plans);
  }
  // Every plan of a commune reaches its province directly: the province page lists all plans now within it.
  for (const [code, r] of [...sets]) {
    const c = after.get(code);
    if (c && c.level === "commune") add(c.province, "direct", [...r.direct, ...r.wider]);
  }
  const byYear = (a: PlanRow, b: PlanRow) => a.year - b.year || (a.id < b.id ? -1 : 1);
  const reach = new Map<string, Reach>([...sets].map(([code, r]) => [code, { direct: [...r.direct].sort(byYear), wider: [...r.wider].sort(byYear) }]));
  const f: Frame = { ...unitsPart(units), locality, plansOfOld, reach };
  byPlans.set(data.plans, f);
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

/** How many plans a province row links one by one; beyond that, it links the province's own list. */
export const ROW_PLAN_LINKS = 3;

/** Rates a province's plans state for one measure, by the rule the method page gives (#province-rows). */
export interface RateSpan {
  /** Plans behind the span (one per locality: its latest plan that states the rate). */
  plans: number;
  standard: "2016-2020" | "2022-2025";
  baseline: [min: number, max: number];
  target: [min: number, max: number];
  /** Decimals the plans print for those values ("2,50%" stays "2,50%"), where given. */
  baselineDecimals: [min?: number, max?: number];
  targetDecimals: [min?: number, max?: number];
  /** Target years, lowest and highest. */
  years: [min: number, max: number];
}

/** Targets stated only as a change, where no plan of the province states a level: per kind, the range of the change. */
export interface ChangeSpan {
  kind: "change_pp" | "change_relative";
  plans: number;
  value: [min: number, max: number];
}

/** One province on the national lists: a bounded row, whatever the number of plans in it. */
export interface ProvinceRow {
  code: string;
  unit: UnitRow;
  path: string;
  coverage: Coverage;
  /** The first ROW_PLAN_LINKS plans now within the province (latest first), each with whether it states a rate level. */
  planLinks: { plan: PlanRow; rated: boolean }[];
  rates: Record<Measure, { level?: RateSpan; changes: ChangeSpan[] }>;
}

const span = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];
const STANDARD_ORDER = ["2016-2020", "2022-2025"] as const;

/**
 * One row per province (the 34 from 1 July 2025). The rates rule: among the plans now within the province, each
 * locality's latest plan that states a baseline and a target level counts once; only the latest poverty standard
 * among them is kept (rates under different standards are not comparable); the row gives the range (lowest–highest)
 * of those baselines and of those targets, with the number of plans. Never an average. Where no plan states a level,
 * targets given only as a change are shown the same way, per kind.
 */
export function provinceRows(f: Frame, data: SiteData): ProvinceRow[] {
  const measures: Measure[] = ["poor", "near_poor"];
  // Each plan's own-locality rows, read once for all provinces.
  const levelOf = new Map(measures.map((m) => [m, groupRows(rateTargets(data, m), (r) => r.plan_id)]));
  const plans = siteIndex(data).plan;
  const changeOf = new Map(measures.map((m) => [m, groupRows(changeOnlyTargets(data, m).filter((r) => plans.get(r.plan_id)?.locality_id === r.locality_id), (r) => r.plan_id)]));
  return f.provinces.map((unit) => {
    const within = f.reach.get(unit.code)?.direct ?? [];
    const latestFirst = [...within].sort((a, b) => b.year - a.year || (a.id < b.id ? -1 : 1));
    const rates = Object.fromEntries(measures.map((m) => {
      const latestOfLocality = new Map<string, RateTargetRow>();
      for (const p of latestFirst) {
        const r = levelOf.get(m)!.get(p.id)?.[0];
        if (r && !latestOfLocality.has(r.locality_id)) latestOfLocality.set(r.locality_id, r);
      }
      const rows = [...latestOfLocality.values()];
      const standard = STANDARD_ORDER.filter((s) => rows.some((r) => r.standard === s)).at(-1);
      const kept = rows.filter((r) => r.standard === standard);
      const level: RateSpan | undefined = standard && kept.length ? {
        plans: kept.length, standard, baseline: span(kept.map((r) => r.baseline)), target: span(kept.map((r) => r.target)),
        baselineDecimals: decimalsAt(kept, span(kept.map((r) => r.baseline)), (r) => [r.baseline, r.baseline_decimals]),
        targetDecimals: decimalsAt(kept, span(kept.map((r) => r.target)), (r) => [r.target, r.target_decimals]),
        years: span(kept.map((r) => Number(r.target_date.slice(0, 4)))),
      } : undefined;
      const changes: ChangeSpan[] = [];
      if (!level) {
        const all = within.flatMap((p) => changeOf.get(m)!.get(p.id) ?? []);
        for (const kind of ["change_pp", "change_relative"] as const) {
          const rs = all.filter((r) => r.kind === kind);
          if (rs.length) changes.push({ kind, plans: new Set(rs.map((r) => r.plan_id)).size, value: span(rs.map((r) => r.value)) });
        }
      }
      return [m, { level, changes }];
    })) as ProvinceRow["rates"];
    return {
      code: unit.code, unit, path: f.path.get(unit.code)!, coverage: coverage(f, unit.code),
      planLinks: latestFirst.slice(0, ROW_PLAN_LINKS).map((plan) => ({ plan, rated: measures.some((m) => levelOf.get(m)!.has(plan.id)) })),
      rates,
    };
  });
}

/** The printed decimals of the rows at the low and the high end of a span. */
function decimalsAt(rows: RateTargetRow[], [lo, hi]: [number, number], get: (r: RateTargetRow) => [number, number | undefined]): [number?, number?] {
  return [get(rows.find((r) => get(r)[0] === lo)!)[1], get(rows.find((r) => get(r)[0] === hi)!)[1]];
}


/** Path of a province's compare page (its plans side by side), from its page path. */
export const comparePath = (provincePath: string) => `${provincePath}compare/`;
