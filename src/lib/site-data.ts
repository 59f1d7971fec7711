/**
 * The data the pages read: the public data files written by `npm run data`, parsed with the same zod schemas.
 * Pages read exactly what the site publishes, so a figure on a page and in /data/ cannot drift apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  DeprivationRow, DerivedRow, DocumentRow, IndicatorRef, LocalityRow, PlanRow, ProjectRef, QualityRow, StandardRef, StatisticRow, TargetRow, UnitRow,
} from "./schema.ts";

/** What reference.json holds: indicators, the poverty standards and the programme's projects. */
export const Reference = z.object({
  indicators: z.array(IndicatorRef),
  standards: z.array(StandardRef),
  projects: z.object({ programme_vi: z.string(), programme_en: z.string(), act: z.string(), projects: z.array(ProjectRef) }),
});

/** Everything a page may show. */
export interface SiteData {
  localities: LocalityRow[];
  plans: PlanRow[];
  targets: TargetRow[];
  statistics: StatisticRow[];
  deprivations: DeprivationRow[];
  quality: QualityRow[];
  derived: DerivedRow[];
  documents: z.infer<typeof DocumentRow>[];
  reference: z.infer<typeof Reference>;
}

let cache: SiteData | undefined;

/**
 * Rows of the data files grouped by the ids pages look things up by, built once per data set. A national build has
 * tens of thousands of pages: a page that scans whole files costs pages × rows, an index lookup costs its own rows.
 * Lists keep the order of their file. The index is shared: never modify what it returns.
 */
export interface SiteIndex {
  locality: Map<string, LocalityRow>;
  plan: Map<string, PlanRow>;
  /** Position of each plan in plans.json (to keep the file's order when picking plans by id). */
  planOrder: Map<string, number>;
  document: Map<string, z.infer<typeof DocumentRow>>;
  indicator: Map<string, z.infer<typeof IndicatorRef>>;
  /** Child localities of a locality, in the order of localities.json. */
  children: Map<string, LocalityRow[]>;
  statisticsByLocality: Map<string, StatisticRow[]>;
  statisticsByPlan: Map<string, StatisticRow[]>;
  targetsByLocality: Map<string, TargetRow[]>;
  targetsByPlan: Map<string, TargetRow[]>;
  deprivationsByLocality: Map<string, DeprivationRow[]>;
  deprivationsByPlan: Map<string, DeprivationRow[]>;
  qualityByLocality: Map<string, QualityRow[]>;
  qualityByPlan: Map<string, QualityRow[]>;
  /** Derived rows by `plan|locality|date`. */
  derivedByPlanLocalityDate: Map<string, DerivedRow[]>;
}

const indexes = new WeakMap<SiteData, SiteIndex>();

/** Rows grouped by a key, each group in input order. */
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

/** The index of `data` (built on first use, then cached). */
export function siteIndex(data: SiteData): SiteIndex {
  let index = indexes.get(data);
  if (!index) {
    index = {
      locality: new Map(data.localities.map((l) => [l.id, l])),
      plan: new Map(data.plans.map((p) => [p.id, p])),
      planOrder: new Map(data.plans.map((p, i) => [p.id, i])),
      document: new Map(data.documents.map((d) => [d.plan_id, d])),
      indicator: new Map(data.reference.indicators.map((i) => [i.id, i])),
      children: groupRows(data.localities, (l) => l.parent),
      statisticsByLocality: groupRows(data.statistics, (r) => r.locality_id),
      statisticsByPlan: groupRows(data.statistics, (r) => r.plan_id),
      targetsByLocality: groupRows(data.targets, (r) => r.locality_id),
      targetsByPlan: groupRows(data.targets, (r) => r.plan_id),
      deprivationsByLocality: groupRows(data.deprivations, (r) => r.locality_id),
      deprivationsByPlan: groupRows(data.deprivations, (r) => r.plan_id),
      qualityByLocality: groupRows(data.quality, (r) => r.locality_id),
      qualityByPlan: groupRows(data.quality, (r) => r.plan_id),
      derivedByPlanLocalityDate: groupRows(data.derived, (r) => `${r.plan_id}|${r.locality_id}|${r.date}`),
    };
    indexes.set(data, index);
  }
  return index;
}

let units: UnitRow[] | undefined;
/** Every unit of the gazetteer (units.json): read only by the pages that need it, not with the plans' data. */
export function loadUnits(dir = join(process.cwd(), "public", "data")): UnitRow[] {
  if (units) return units;
  const rows = JSON.parse(readFileSync(join(dir, "units.json"), "utf8"));
  z.array(UnitRow).parse(rows);
  return (units = rows as UnitRow[]);
}

/** Load public/data (the build runs from the project root); throws a clear message if `npm run data` has not run. */
export function loadSiteData(dir = join(process.cwd(), "public", "data")): SiteData {
  if (cache) return cache;
  const read = <S extends z.ZodType>(name: string, schema: S): z.infer<S> => {
    let text: string;
    try {
      text = readFileSync(join(dir, name), "utf8");
    } catch {
      throw new Error(`${join(dir, name)} is missing: run \`npm run data\` first`);
    }
    // Validated, then used as parsed: the public rows have no defaults or transforms, so zod's copy would equal
    // the JSON's objects, and keeping one copy halves the memory of a national build.
    const rows = JSON.parse(text);
    schema.parse(rows);
    return rows as z.infer<S>;
  };
  cache = {
    localities: read("localities.json", z.array(LocalityRow)),
    plans: read("plans.json", z.array(PlanRow)),
    targets: read("targets.json", z.array(TargetRow)),
    statistics: read("statistics.json", z.array(StatisticRow)),
    deprivations: read("deprivations.json", z.array(DeprivationRow)),
    quality: read("quality.json", z.array(QualityRow)),
    derived: read("derived.json", z.array(DerivedRow)),
    documents: read("documents.json", z.array(DocumentRow)),
    reference: read("reference.json", Reference),
  };
  return cache;
}
