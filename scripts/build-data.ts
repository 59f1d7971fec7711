/**
 * `npm run data`: data/ → public/data/ (the public data files, also what the pages read at build time).
 * Reads and validates everything, derives and checks, then writes into a temporary folder and swaps it in at the
 * end, so a failed run leaves the previous output untouched. Errors are printed as `file:line: field: message`
 * without a stack trace, and the process exits non-zero.
 */
import { lstatSync, mkdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { COLUMNS } from "../src/view/columns.ts";
import { BOM } from "../src/domain/csv-bom.ts";
import { CHECK_ORDER, type LocalityLink } from "../src/domain/derive.ts";
import { foldAccents } from "../src/domain/fold.ts";
import { LocalityRow, PublicFiles, UnitRow, type LocalityInput } from "../src/domain/schema.ts";
import { DataErrors } from "./lib/data-error.ts";
import { localitySuccessors, readGazetteer } from "./lib/gazetteer.ts";
import { PROVINCE_MAP_FILE, provinceMapDigest, readProvinceMap, writeProvinceMap } from "./lib/province-map.ts";
import { BuildLocked, releaseOnSignals, withLock } from "./lib/build-lock.ts";
import { cleanStale, freshTemp, publishVersion } from "./lib/output-swap.ts";
import { frameKey, readFrame, writeFrame } from "./lib/frame-cache.ts";
import { cacheSalt, digestOf, forgetFolders, lookup, prune, readManifest, readPublished, writeManifest, writePublished } from "./lib/plan-cache.ts";
import { layout, linkTree, writeJson, writeLayout } from "./lib/public-layout.ts";
import { dataPackage, jsonSchemas, LAYOUT_SCHEMAS, tableSchema, type CsvFile } from "./lib/public-schemas.ts";
import { planIdOf, readBase, type RawData } from "./lib/read-data.ts";
import { buildShard, CSV_FILES, csvCell, csvRows, provinceOf, rebuildPlan, ROW_FILES, sortRows, toDataError, validate, type PlanOut, type ShardContext, type ShardInit, type ShardResult } from "./lib/shard.ts";

/** What a run produced, for the summary line and for tests. */
/** The files made from the gazetteer and the boundaries alone. */
const STATIC_FILES = ["units.json", "units.csv", PROVINCE_MAP_FILE];

export interface BuildSummary {
  outDir: string;
  counts: Record<string, number>;
  checks: Record<string, { run: number; passed: number }>;
  /** Plan files in the run, and how many of them were served from the per-plan cache. */
  cache: { plans: number; hits: number };
}

const LEVEL_WORD = { vi: (l: LocalityInput) => l.type_vi, en: (l: LocalityInput) => l.type_en };

function localityRows(data: RawData, planIdsByLocality: Map<string, Set<string>>, successors: Map<string, LocalityRow["successors"]>): LocalityRow[] {
  const byId = new Map(data.localities.map((l) => [l.id, l]));
  const chain = (l: LocalityInput): LocalityInput[] => (l.parent ? [l, ...chain(byId.get(l.parent)!)] : [l]);
  return data.localities.map((l) => ({
    id: l.id, name: l.name, type_vi: l.type_vi, type_en: l.type_en, level: l.level, parent: l.parent, code: l.code,
    full_name_vi: chain(l).map((x) => `${LEVEL_WORD.vi(x)} ${x.name}`).join(", "),
    full_name_en: chain(l).map((x) => `${x.name} ${LEVEL_WORD.en(x)}`).join(", "),
    search_key: foldAccents(chain(l).map((x) => x.name).join(" ")),
    plan_ids: [...(planIdsByLocality.get(l.id) ?? [])].sort(),
    succession: l.succession,
    successors: successors.get(l.id) ?? [],
  }));
}

/** Every column of schema.json carries its English description from columns.ts when the schema has none. */
function describeColumns(schema: object) {
  const props = (schema as { items?: { properties?: Record<string, { description?: string }> } }).items?.properties ?? {};
  for (const [k, v] of Object.entries(props)) v.description ??= COLUMNS[k]?.en;
  return schema;
}

/** units.json and units.csv (lineage as `code:type` joined by `;` in the CSV, which has no lists). */
function writeUnits(dir: string, units: UnitRow[]) {
  const rows = sortRows(units, ["period", "code"]);
  validate(z.array(UnitRow), rows);
  writeJson(join(dir, "units.json"), rows);
  const columns = Object.keys(UnitRow.shape);
  const flat = rows.map((r) => ({ ...r, lineage: r.lineage.map((l) => `${l.code}:${l.type}`).join(";") }));
  writeFileSync(join(dir, "units.csv"), Buffer.concat([Buffer.from(`${BOM}${columns.map(csvCell).join(",")}\n`), csvRows(flat, columns)]));
}

/**
 * Plans per shard. Small enough that a worker holds little at a time (memory stays flat as the dataset grows), large
 * enough that the per-shard overhead (a fragment per file, the locality index) stays small. The real dataset is one
 * shard, built in this process.
 */
const SHARD_PLANS = 500;

/** Cut plan files into runs of `size`, never between two files of the same plan id (a duplicate is reported within a shard). */
function shardsOf(files: string[], size: number): string[][] {
  const out: string[][] = [];
  for (const f of files) {
    const last = out[out.length - 1];
    if (last && (last.length < size || planIdOf(last[last.length - 1]) === planIdOf(f))) last.push(f);
    else out.push([f]);
  }
  return out;
}

/**
 * Run the shards on `threads` workers, each taking the next shard when it is done. `take` gets each result in shard
 * order as soon as it and all before it are in (the output is written while later shards are still being built).
 */
async function runShards(shards: string[][], threads: number, init: ShardInit, take: (r: ShardResult) => void) {
  const waiting = new Map<number, ShardResult>();
  let next = 0, taken = 0;
  // A young generation larger than the default cuts the scavenges of short-lived rows (national data step 46 s → 43 s).
  const options = { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 96 } };
  const workers: Worker[] = [];
  const run = () => new Promise<void>((done, fail) => {
    const worker = new Worker(new URL("./lib/shard-worker.ts", import.meta.url), options);
    workers.push(worker);
    const give = () => {
      if (next >= shards.length) return void worker.terminate().then(() => done(), fail);
      const index = next++;
      worker.postMessage({ index, names: shards[index] });
    };
    worker.on("message", (m: { ok: true; result: ShardResult } | { ok: false; index: number; message: string }) => {
      if (!m.ok) return fail(new Error(`shard ${m.index}: ${m.message}`));
      waiting.set(m.result.index, m.result);
      try {
        for (let r = waiting.get(taken); r; r = waiting.get(taken)) {
          waiting.delete(taken++);
          take(r);
        }
      } catch (e) {
        return fail(e);
      }
      give();
    });
    worker.on("error", fail);
    give();
  });
  try {
    await Promise.all(Array.from({ length: Math.min(threads, shards.length) }, run));
  } catch (e) {
    // One failed: stop the others before the caller removes the folder they write to.
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
}

/**
 * Where the versions behind `outDir` live: for the site's public/data, a folder at the project root (anything under
 * public/ is published); for any other output, a hidden folder beside it.
 */
function versionsDirOf(root: string, outDir: string): string {
  return resolve(outDir) === resolve(root, "public", "data") ? join(root, ".data-versions") : join(dirname(outDir), `.${basename(outDir)}.versions`);
}

/** The version folder the output link points at now (its name), if it is a link. */
function liveVersion(outDir: string): string | undefined {
  try {
    return lstatSync(outDir).isSymbolicLink() ? basename(realpathSync(outDir)) : undefined;
  } catch {
    return undefined;
  }
}

export interface BuildOptions {
  /** Folder holding the output's versions (default: see versionsDirOf). */
  versionsDir?: string;
  /** Plans per shard (default SHARD_PLANS). */
  shardPlans?: number;
  /** Worker threads when there is more than one shard (default: the machine's available parallelism). */
  workers?: number;
  /** The per-plan cache's folder (default: see buildPaths); false: no cache. */
  cacheDir?: string | false;
  /** Rebuild every plan, whatever the cache holds (the cache is rewritten). */
  force?: boolean;
  /** The lock file that keeps a second build of the same output out (default: see buildPaths). */
  lock?: string;
}

/**
 * Where a build's lock and cache live. For the site's public/data: `.build.lock` (shared with the site build, which
 * reads public/data) and `.cache/data/` at the project root; for any other output, hidden files beside it.
 */
function buildPaths(root: string, outDir: string) {
  const own = resolve(outDir) === resolve(root, "public", "data");
  return {
    lock: own ? join(root, ".build.lock") : join(dirname(outDir), `.${basename(outDir)}.lock`),
    cacheDir: own ? join(root, ".cache", "data") : join(dirname(outDir), `.${basename(outDir)}.cache`),
  };
}

/**
 * Build the public data files from `root`/data into `root`/public/data, holding the build lock (a second build of
 * the same output at the same time stops with BuildLocked, naming this one).
 */
export async function buildData(root: string, outDir = join(root, "public", "data"), options: BuildOptions = {}): Promise<BuildSummary> {
  const lock = options.lock ?? buildPaths(root, outDir).lock;
  return withLock(lock, "data", () => buildUnlocked(root, outDir, options));
}

/**
 * The data step itself. Localities and reference lists are read
 * here; the plans are read, derived and written in shards (on worker threads when there are several), and their
 * fragments joined. Nothing is written to `outDir` unless every file was read without a problem.
 */
async function buildUnlocked(root: string, outDir: string, options: BuildOptions): Promise<BuildSummary> {
  const versionsDir = options.versionsDir ?? versionsDirOf(root, outDir);
  forgetFolders();
  cleanStale(outDir, versionsDir);
  const cacheDir = options.cacheDir ?? buildPaths(root, outDir).cacheDir;
  // The locality tree and the gazetteer, from the cache when their bytes and the code are those of an earlier run.
  const treeKey = cacheDir === false ? undefined : frameKey(join(root, "data"));
  const tree = treeKey && cacheDir !== false && !options.force ? readFrame(cacheDir, treeKey) : undefined;
  const { out: data, problems, base } = readBase(root, tree?.localities);
  const units = tree ? tree.units : readGazetteer(join(root, "data"), problems);
  const successors = tree ? new Map(tree.successors) : localitySuccessors(base.localitiesFile, units, problems);
  const tmp = freshTemp(versionsDir);
  mkdirSync(join(tmp, "sources"), { recursive: true });
  try {
    const shards = shardsOf(base.planFiles, options.shardPlans ?? SHARD_PLANS);
    const links = data.localities.map((l) => ({ id: l.id, parent: l.parent, level: l.level }));
    // Without a cache the pieces are still kept on disk for the run (a spool beside the new version), not in memory.
    const salt = cacheSalt(links, base.localityIds !== undefined);
    const cache: ShardContext["cache"] & object = cacheDir === false ? { dir: `${tmp}-spool`, salt, read: false } : { dir: cacheDir, salt, read: !options.force };
    if (cache.read) {
      const manifest = readManifest(cache);
      cache.stamps = manifest?.stamps;
      cache.heads = manifest?.heads;
    }
    const published = cacheDir !== false && cache.read ? readPublished(cache, liveVersion(outDir)) : undefined;
    // units.json, units.csv and provinces.topo.json depend only on the gazetteer, the boundaries and the code: linked
    // from the live version when the digest of those is the one it was built from.
    const mapDigest = treeKey ? provinceMapDigest(join(root, "data")) : undefined;
    const staticKey = treeKey && mapDigest ? digestOf(treeKey, mapDigest) : undefined;
    const reused = staticKey !== undefined && published?.outputs.static === staticKey && STATIC_FILES.every((f) => linkTree(outDir, tmp, f));
    const provinceMap = reused ? undefined : readProvinceMap(join(root, "data"), problems, units);
    const publishing: Record<string, string> = {};
    let hits = 0;
    const results: ShardResult[] = [];
    const plans: PlanOut[] = [];
    const errors = [...problems.list];
    const ctx: ShardContext = { root, tmp, previous: outDir, localityIds: base.localityIds, localities: links, cache, published: published?.sources };
    // A shard's summary is kept, its plans' bytes stay in their cache entries.
    const take = (r: ShardResult) => {
      errors.push(...r.errors.map(toDataError));
      hits += r.hits;
      for (const [file, digest] of r.sources) publishing[file] = digest;
      plans.push(...r.plans);
      results.push({ ...r, plans: [] });
    };
    // A warm run (few plans changed) looks every plan up here and builds the few misses in this process too: worker
    // threads would cost more to start than they save. Many misses go to the workers, in shards.
    const looked = new Map(cache.read && shards.length > 1 ? base.planFiles.map((f) => [f, lookup(cache, join(root, "data"), f)] as const) : []);
    const misses = [...looked.values()].filter((h) => h === undefined).length;
    if (shards.length <= 1) shards.forEach((names, i) => take(buildShard(i, names, ctx)));
    else if (looked.size > 0 && misses <= (options.shardPlans ?? SHARD_PLANS)) take(buildShard(0, base.planFiles, ctx, looked));
    else await runShards(shards, options.workers ?? availableParallelism(), { ...ctx, cache: ctx.cache && { ...ctx.cache, heads: undefined }, localityIds: base.localityIds ? [...base.localityIds] : null }, take);
    if (errors.length) throw new DataErrors(errors);
   

    const planIdsByLocality = new Map<string, Set<string>>();
    for (const r of results) for (const [loc, plan] of r.planLocalities) planIdsByLocality.set(loc, (planIdsByLocality.get(loc) ?? new Set()).add(plan));
    const localities = localityRows(data, planIdsByLocality, successors);
    validate(z.array(LocalityRow), localities);
    writeJson(join(tmp, "localities.json"), localities);
    const { outputs } = writeLayout({ tmp, previous: outDir, plans, localities, cache, published: published?.outputs, rebuild: (file) => rebuildPlan(file, ctx) });
    // Checks summed over the shards, in the order derive runs them (those that never ran are left out, as before).
    const sums = new Map<string, { run: number; passed: number }>();
    for (const r of results) for (const [code, c] of r.checks) {
      const sum = sums.get(code) ?? { run: 0, passed: 0 };
      sums.set(code, { run: sum.run + c.run, passed: sum.passed + c.passed });
    }
    const checks: BuildSummary["checks"] = Object.fromEntries(CHECK_ORDER.filter((c) => sums.has(c)).map((c) => [c, sums.get(c)!]));
    const counts: Record<string, number> = { localities: localities.length, units: units?.length ?? 0 };
    for (const name of ROW_FILES) counts[name] = results.reduce((n, r) => n + (r.counts[name] ?? 0), 0);
   
    if (!reused && units) writeUnits(tmp, units);
    if (provinceMap) writeProvinceMap(tmp, provinceMap);
    if (staticKey && (reused || (units && provinceMap))) outputs.static = staticKey;
   
    writeJson(join(tmp, "reference.json"), { indicators: data.indicators, standards: data.standards, projects: data.projects });
    writeJson(join(tmp, "checks.json"), checks);
    writeJson(join(tmp, "schema.json"), {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "Poverty Plan Tracker public data files",
      files: Object.fromEntries(Object.entries(PublicFiles).map(([name, s]) => [`${name}.json`, describeColumns(z.toJSONSchema(z.array(s)))])),
      layout: LAYOUT_SCHEMAS,
    });

    // One JSON Schema per public JSON file (applied as it is by a standard validator) and a data package of the CSVs.
    for (const [file, schema] of Object.entries(jsonSchemas())) writeJson(join(tmp, file.replace(/\.json$/, ".schema.json")), schema);
    for (const table of [...CSV_FILES, "units", "locality"]) writeJson(join(tmp, `${table}.tableschema.json`), tableSchema(table));
    const provinces = [...new Set(localities.map((l) => provinceOf(l.id)))].sort();
    const csvs: CsvFile[] = [
      ...[...CSV_FILES, "units"].map((table) => ({ path: `${table}.csv`, table })),
      ...provinces.flatMap((p) => CSV_FILES.map((table) => ({ path: `${layout.province(p)}/${table}.csv`, table }))),
      ...localities.filter((l) => l.level !== "residential_group").map((l) => ({ path: layout.locality(l.id), table: "locality" })),
    ];
    writeJson(join(tmp, "datapackage.json"), dataPackage(csvs, "0.2.0"));

    // The new output replaces the old in one rename of a link; the old is removed once nobody can be shown it.
    publishVersion(tmp, outDir, versionsDir);
    if (cacheDir !== false) {
      writePublished(cache, liveVersion(outDir)!, { sources: publishing, outputs });
      if (treeKey && !tree) writeFrame(cacheDir, treeKey, { localities: data.localities, units, successors: [...successors] });
      prune(cache, base.planFiles);
      writeManifest(cache, Object.fromEntries(plans.flatMap((p) => (p.meta.entry ? [[p.file, { entry: p.meta.entry, head: p.meta.head }]] : []))));
    }
    return { outDir, counts, checks, cache: { plans: base.planFiles.length, hits } };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(`${tmp}-spool`, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  releaseOnSignals();
  // `--force` or PPT_FORCE=1: every plan rebuilt, whatever the cache holds.
  const force = process.argv.includes("--force") || process.env.PPT_FORCE === "1";
  try {
    const s = await buildData(process.env.PPT_ROOT ? resolve(process.env.PPT_ROOT) : root, undefined, { force });
    const checks = Object.values(s.checks).reduce((a, c) => ({ run: a.run + c.run, passed: a.passed + c.passed }), { run: 0, passed: 0 });
    console.log(`data: ${Object.entries(s.counts).map(([k, v]) => `${v} ${k}`).join(", ")}; checks ${checks.passed}/${checks.run} consistent; ${s.cache.hits} of ${s.cache.plans} plan files from the cache${force ? " (forced: none read)" : ""} → ${s.outDir}`);
  } catch (e) {
    if (e instanceof BuildLocked) {
      console.error(e.message);
      process.exit(75);
    }
    if (e instanceof DataErrors) {
      console.error(`data: ${e.errors.length} problem(s) in data/, nothing written:\n${e.errors.map((x) => `  ${x.format()}`).join("\n")}`);
      process.exit(1);
    }
    console.error(`data: internal error: ${(e as Error).message}`);
    process.exit(2);
  }
}
