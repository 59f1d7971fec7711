/**
 * The data the pages read: the public data files written by `npm run data`, parsed with the same zod schemas.
 * Pages read exactly what the site publishes, so a figure on a page and in /data/ cannot drift apart.
 *
 * A page reads only its own slice: `loadSlice(province)` is one province's rows (public/data/provinces/<province>/),
 * `loadDocument(plan)` one plan's document (public/data/plans/<plan>.json), `loadNational()` the small national
 * index (localities, plans, reference lists) that lists and routes need. `loadSiteData()` is the whole country, for
 * tests and tools; no page holds it.
 */
import { closeSync, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { FIGURE_TABLES, planDocumentPath, provinceDataPath, provinceOf, type FigureTable } from "../domain/public-paths.ts";
import { fileDigest, settled, stampOf, stampStore } from "./file-digest.ts";
import { keptSlot } from "./kept.ts";
import { provinceKey } from "./page-key.ts";
import { recentValues } from "./recent.ts";
import { groupRows } from "../domain/group-rows.ts";
import { join } from "node:path";
import { z } from "zod";
import {
  DeprivationRow, DerivedRow, DocumentRow, IndicatorRef, LocalityRow, PlanRow, ProjectRef, QualityRow, StandardRef, StatisticRow, TargetRow, UnitRow,
} from "../domain/schema.ts";

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
  reference: z.infer<typeof Reference>;
}

let cache: { dir: string; data: SiteData } | undefined;

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

export { groupRows };

/** The index of `data` (built on first use, then cached). */
export function siteIndex(data: SiteData): SiteIndex {
  let index = indexes.get(data);
  if (!index) {
    index = {
      locality: new Map(data.localities.map((l) => [l.id, l])),
      plan: new Map(data.plans.map((p) => [p.id, p])),
      planOrder: new Map(data.plans.map((p, i) => [p.id, i])),
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

const DATA_DIR = () => join(process.cwd(), "public", "data");

/**
 * A public JSON file, validated, then used as parsed: the public rows have no defaults or transforms, so zod's copy
 * would equal the JSON's objects, and keeping one copy halves the memory of a national build. With the digest of
 * its bytes (the data version is made of those: data-version.ts).
 */
function readPublicFile<S extends z.ZodType>(dir: string, name: string, schema: S): { rows: z.infer<S>; digest: string } {
  const file = join(dir, name);
  let bytes: Buffer, st: Stats;
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new Error(`${file} is missing: run \`npm run data\` first`);
  }
  try {
    // The stamp of the very file read (a data step replaces files, it never rewrites them in place).
    st = fstatSync(fd);
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  const rows = JSON.parse(bytes.toString("utf8"));
  // Pages reload a province's slice when it is no longer kept (a few slices are kept, not the country's): its files
  // are checked against their schema and digested once, and again only when they are replaced. Kept between builds
  // under the file's stamp (load/file-digest.ts says why a stamp names its bytes) and the code's digest: a warm
  // build checks only the files the data step wrote anew. The digest is the one the page keys take of the same
  // file (load/file-digest.ts), taken once, from these bytes.
  const digest = fileDigest(file, st, bytes);
  const check = () => {
    const result = schema.safeParse(rows);
    if (!result.success) throw new Error(`${file} does not match its schema (run \`npm run data\` again):\n${z.prettifyError(result.error)}`);
    return digest;
  };
  const stamp = stampOf(file, st);
  if (settled(st)) checkedFiles().get(stamp, check);
  else if (!freshChecked.has(stamp)) {
    check();
    freshChecked.add(stamp);
  }
  return { rows: rows as z.infer<S>, digest };
}

/** Files too fresh for their stamp to be kept (file-digest.ts settled): checked once in this process. */
const freshChecked = new Set<string>();
/** Digests of the files that passed their schema check, under their stamps. */
const checkedFiles = stampStore("checked-files");

function readPublic<S extends z.ZodType>(dir: string, name: string, schema: S): z.infer<S> {
  return readPublicFile(dir, name, schema).rows;
}

/** Digests of the files a data set was read from (plans, targets, statistics, deprivations, localities), by data set. */
const fileDigests = new WeakMap<SiteData, string[]>();

/**
 * Digests of the files `data` was read from, for its data version (data-version.ts): a slice's five tables, a joined
 * set's slices' in turn; undefined for data not read whole from slices (the national lists, data made in tests).
 */
export function sliceDigests(data: SiteData): readonly string[] | undefined {
  return fileDigests.get(data);
}

/** The tables of a data set, read from `dir` (public/data, or a province's folder in it), with the reference lists. */
function readTables(dir: string, reference: z.infer<typeof Reference>, skip: readonly ("localities" | "plans")[] = []): SiteData {
  const none = { rows: [], digest: "" };
  const localities = skip.includes("localities") ? none : readPublicFile(dir, "localities.json", z.array(LocalityRow));
  const plans = skip.includes("plans") ? none : readPublicFile(dir, "plans.json", z.array(PlanRow));
  const targets = readPublicFile(dir, "targets.json", z.array(TargetRow));
  const statistics = readPublicFile(dir, "statistics.json", z.array(StatisticRow));
  const deprivations = readPublicFile(dir, "deprivations.json", z.array(DeprivationRow));
  const data: SiteData = {
    localities: localities.rows,
    plans: plans.rows,
    targets: targets.rows,
    statistics: statistics.rows,
    deprivations: deprivations.rows,
    quality: readPublic(dir, "quality.json", z.array(QualityRow)),
    derived: readPublic(dir, "derived.json", z.array(DerivedRow)),
    reference,
  };
  if (!skip.length) fileDigests.set(data, [plans, targets, statistics, deprivations, localities].map((f) => f.digest));
  return data;
}

/**
 * Data sets (slices) joined, slice after slice in the order given: the rows of each table in turn, the reference
 * lists of the first. Its digests are theirs in that order.
 */
export function joinSlices(parts: readonly SiteData[], reference: z.infer<typeof Reference>): SiteData {
  const data: SiteData = {
    localities: parts.flatMap((d) => d.localities),
    plans: parts.flatMap((d) => d.plans),
    targets: parts.flatMap((d) => d.targets),
    statistics: parts.flatMap((d) => d.statistics),
    deprivations: parts.flatMap((d) => d.deprivations),
    quality: parts.flatMap((d) => d.quality),
    derived: parts.flatMap((d) => d.derived),
    reference,
  };
  const digests = parts.map((d) => fileDigests.get(d));
  if (digests.every((d) => d !== undefined)) fileDigests.set(data, digests.flat());
  return data;
}

/** What every page may need whatever its slice: the localities and plans of the country, and the reference lists. */
export interface NationalIndex {
  localities: LocalityRow[];
  plans: PlanRow[];
  reference: z.infer<typeof Reference>;
}
let national: { dir: string; index: NationalIndex } | undefined;

/** The national index (localities.json, plans.json, reference.json), read once per build. */
export function loadNational(dir = DATA_DIR()): NationalIndex {
  if (national?.dir === dir) return national.index;
  const index = { localities: readPublic(dir, "localities.json", z.array(LocalityRow)), plans: readPublic(dir, "plans.json", z.array(PlanRow)), reference: readPublic(dir, "reference.json", Reference) };
  national = { dir, index };
  return index;
}

/**
 * Slices kept: pages of one province follow each other (see recent.ts), so two are enough to read each province
 * about once.
 */
const slices = recentValues<SiteData>(2);

/** A province's folder of public data (public/data/provinces/<province>/). */
function sliceDir(dir: string, province: string): string {
  if (!/^[a-z0-9-]+$/.test(province)) throw new Error(`"${province}" is not a province segment`);
  return join(dir, provinceDataPath(province).replace(/^\/data\//, ""));
}

/**
 * One province's data (public/data/provinces/<province>/): the same shape as loadSiteData(), holding exactly the rows
 * of the national files whose locality id starts with the province (the plans: whose locality does), in the order
 * of the national files. The same object is returned while it is kept, so siteIndex() is built once per slice.
 */
export function loadSlice(province: string, dir = DATA_DIR()): SiteData {
  return slices(`${dir}\u0000${province}`, () => readTables(sliceDir(dir, province), loadNational(dir).reference));
}

/** One plan's document (public/data/plans/<plan id>.json): its lines, and where each quoted figure sits. */
export function loadDocument(planId: string, dir = DATA_DIR()): z.infer<typeof DocumentRow> {
  return readPublic(dir, planDocumentPath(planId).replace(/^\/data\//, ""), DocumentRow);
}

/**
 * The whole country (the data step publishes the figures' tables as JSON per province only): every province's slice
 * in turn, as the national CSVs list them, with the national localities and plans. For tests and tools; no page
 * holds it. Throws a clear message if `npm run data` has not run.
 */
export function loadSiteData(dir = DATA_DIR()): SiteData {
  if (cache?.dir === dir) return cache.data;
  const n = loadNational(dir);
  const provinces = [...new Set(n.localities.map((l) => provinceOf(l.id)))].sort();
  const data = { ...joinSlices(provinces.map((p) => readTables(sliceDir(dir, p), n.reference, ["localities", "plans"])), n.reference), localities: n.localities, plans: n.plans };
  cache = { dir, data };
  return data;
}

/** Indicators whose targets the national lists read: the two rates and their household counts (levels and changes). */
const LIST_TARGETS = new Set(["poverty_rate", "near_poverty_rate", "poor_households", "near_poor_households"]);

/**
 * What the national pages read (overview, compare, the province rows, the map), gathered province slice by province
 * slice so that no process holds the country's rows: the national localities, plans and reference lists, the targets
 * of the two rates and their household counts, the poverty-rate statistics, and how many figures and warnings the
 * whole dataset holds. `data` has the shape of SiteData but only those rows (no deprivations, quality or derived
 * rows): give it only to code that reads no more (units-view provinceRows, province-map-data provinceMapRows,
 * rateTargets and changeOnlyTargets without their household ranges); test/site/lists.test.ts checks they agree with
 * the whole country's tables.
 */
export interface NationalRates {
  data: SiteData;
  /** Statistics, targets and deprivation lines of the whole dataset. */
  figures: number;
  /** Data-quality findings of severity "warning". */
  warnings: number;
  /** Rows of each table of figures of the whole dataset (the data page's counts). */
  rows: Record<FigureTable, number>;
  /** The first FIRST_FINDINGS data-quality findings, province by province (the data page's report). */
  firstFindings: QualityRow[];
}
/** Findings the data page lists; the rest are one click away in quality.csv. */
export const FIRST_FINDINGS = 200;
let rates: { dir: string; value: NationalRates } | undefined;

/** What one province's slice gives the national pages (see NationalRates). */
interface RatesShare {
  rows: Record<FigureTable, number>;
  warnings: number;
  firstFindings: QualityRow[];
  targets: TargetRow[];
  statistics: StatisticRow[];
}

function ratesShare(slice: SiteData): RatesShare {
  return {
    rows: Object.fromEntries(FIGURE_TABLES.map((name) => [name, slice[name].length])) as RatesShare["rows"],
    warnings: slice.quality.filter((q) => q.severity === "warning").length,
    firstFindings: slice.quality.slice(0, FIRST_FINDINGS),
    targets: slice.targets.filter((t) => LIST_TARGETS.has(t.indicator)),
    statistics: slice.statistics.filter((st) => st.indicator === "poverty_rate"),
  };
}

export function nationalRates(dir = DATA_DIR()): NationalRates {
  if (rates?.dir === dir) return rates.value;
  const n = loadNational(dir);
  const value: NationalRates = {
    data: { ...n, targets: [], statistics: [], deprivations: [], quality: [], derived: [] },
    figures: 0,
    warnings: 0,
    rows: Object.fromEntries(FIGURE_TABLES.map((name) => [name, 0])) as NationalRates["rows"],
    firstFindings: [],
  };
  // One pass over the slices serves every national page: reading the country twice (once more for the data page,
  // in each language) cost a national build about a minute. Each province's share is kept for the next build under
  // its folder's key (load/kept.ts keptSlot): a warm build reads only the slices that changed.
  for (const province of [...new Set(n.localities.map((l) => provinceOf(l.id)))]) {
    const share = keptSlot("national-rates", province, provinceKey(province, dir), () => ratesShare(readTables(sliceDir(dir, province), n.reference, ["localities", "plans"])));
    for (const name of FIGURE_TABLES) value.rows[name] += share.rows[name];
    for (const q of share.firstFindings) if (value.firstFindings.length < FIRST_FINDINGS) value.firstFindings.push(q);
    value.warnings += share.warnings;
    value.data.targets.push(...share.targets);
    value.data.statistics.push(...share.statistics);
  }
  // In the national files' order (plan by plan, as plans.json lists them), so lists come out as from those files.
  const order = new Map(n.plans.map((p, i) => [p.id, i]));
  const byPlan = (x: { plan_id: string }, y: { plan_id: string }) => (order.get(x.plan_id) ?? -1) - (order.get(y.plan_id) ?? -1);
  value.figures = value.rows.statistics + value.rows.targets + value.rows.deprivations;
  value.data.targets.sort(byPlan);
  value.data.statistics.sort(byPlan);
  rates = { dir, value };
  return value;
}

let lists: SiteData | undefined;
/**
 * The national localities and plans in the shape of SiteData, with no rows: for code that reads only those two lists
 * (the frame of the units from 2025, view/units-view.ts), so that it does not need the national rows.
 */
export function nationalLists(dir = DATA_DIR()): SiteData {
  const n = loadNational(dir);
  if (lists?.localities !== n.localities) lists = { ...n, targets: [], statistics: [], deprivations: [], quality: [], derived: [] };
  return lists;
}
