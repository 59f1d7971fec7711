/**
 * One shard of the data step: a run of plan files (in plan id order) read, checked and derived into pieces: each
 * plan's fragments of the public files, cut by province and by locality page (see Piece in plan-cache.ts). Every
 * derivation stays within one plan and a public file is its pieces joined in plan order (public-layout.ts), so the
 * output does not depend on how many workers ran or how the plans were cut. A piece is kept in the per-plan cache,
 * and the shard hands back only its description; the writer reads the bytes of the few it must write.
 */
import { linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { neutralise } from "../../src/view/csv.ts";
import { derive, type LocalityLink } from "../../src/domain/derive.ts";
import { DocumentRow, PublicFiles, type PlanRow, type QualityRow } from "../../src/domain/schema.ts";
import { FIGURE_TABLES, provinceOf } from "../../src/domain/public-paths.ts";
import { groupRows } from "../../src/domain/group-rows.ts";
import { DataError } from "./data-error.ts";
import { describePiece, inputText, lookup, type Hit, planFileNow, store, textDigest, type Piece, type PieceMeta, type PlanCacheRef } from "./plan-cache.ts";
import { LOCALITY_CSV_COLUMNS, LocalityCsvRow, localityCsvRows } from "./locality-csv.ts";
import { emptyRows, planIdOf, Problems, readPlans, type RawData } from "./read-data.ts";

/** What a shard needs besides its plan files: the same for every shard of a run. */
export interface ShardContext {
  root: string;
  /** Known locality ids; undefined when localities.yaml could not be read. */
  localityIds: Set<string> | undefined;
  /** The locality tree; a residential group's rows go into its commune's CSV (groups have no page of their own). */
  localities: (LocalityLink & { level: string })[];
  /** The output being built. */
  tmp: string;
  /** The output it will replace, if any: unchanged sources are linked from there. */
  previous: string;
  /** The per-plan cache; `read: false` (a forced build) rebuilds every plan and rewrites its entry. None: no cache. */
  cache?: PlanCacheRef & { read: boolean };
  /** Digests of the sources the previous output holds (plan-cache.ts readPublished), when known. */
  published?: Record<string, string>;
}

/** A ShardContext as a worker receives it (workerData is cloned: a Set travels as an array). */
export type ShardInit = Omit<ShardContext, "localityIds"> & { localityIds: string[] | null };

/** A DataError as plain fields, to cross a worker boundary. */
export type ErrorFields = { file: string; field: string; line: number | undefined; message: string };

/** One plan file's result: its piece's description, and its bytes when no cache entry holds them. */
export interface PlanOut {
  file: string;
  meta: PieceMeta;
  parts?: Record<string, Uint8Array>;
}

export interface ShardResult {
  index: number;
  errors: ErrorFields[];
  /** Rows per national file (none when the shard has errors). */
  counts: Record<string, number>;
  /** Checks run and passed, by code, in the order derive first ran them. */
  checks: [string, { run: number; passed: number }][];
  /** [locality id, plan id] pairs: a plan lists every locality it has a figure for. */
  planLocalities: [string, string][];
  /** The plans of the shard, in plan file order (none when the shard has errors). */
  plans: PlanOut[];
  /** Plans served from the cache. */
  hits: number;
  /** The sources this shard published, with their digests (what the next build may link without reading). */
  sources: [string, string][];
}

/** Public files made of rows, in the order they are written; each is national and per province, all but plans with a CSV twin. */
export const ROW_FILES = ["plans", "targets", "statistics", "deprivations", "quality", "derived"] as const;
export type RowFile = (typeof ROW_FILES)[number];
export const CSV_FILES: readonly RowFile[] = FIGURE_TABLES;

export { provinceOf };

/** Keys of a piece's parts (see Piece in plan-cache.ts). */
export const partKey = {
  json: (province: string, file: RowFile) => `json:${province}/${file}`,
  csv: (province: string, file: RowFile) => `csv:${province}/${file}`,
  locality: (id: string) => `loc:${id}`,
  document: (planId: string) => `doc:${planId}`,
};

/** Sort keys of each file: plan first (see the module comment), then locality, indicator, group, date, ref. */
const SORT_KEYS: Record<RowFile, string[]> = {
  plans: ["id"],
  targets: ["plan_id", "locality_id", "indicator", "group", "kind", "target_date", "ref"],
  statistics: ["plan_id", "locality_id", "indicator", "group", "date", "ref"],
  deprivations: ["plan_id", "locality_id", "group", "date", "ref"],
  quality: ["plan_id", "locality_id", "severity", "code", "source_line", "message_en"],
  derived: ["plan_id", "locality_id", "rule", "indicator", "group", "date", "formula"],
};

/** Stable order: rows compared by `keys` as text; sort keys are computed once per row. */
export function sortRows<T extends object>(rows: T[], keys: string[]): T[] {
  const keyed = rows.map((row, i) => ({ row, i, k: keys.map((k) => String((row as Record<string, unknown>)[k] ?? "")) }));
  keyed.sort((a, b) => {
    for (let j = 0; j < keys.length; j++) {
      const x = a.k[j], y = b.k[j];
      if (x !== y) return x < y ? -1 : 1;
    }
    return a.i - b.i;
  });
  return keyed.map((x) => x.row);
}

/** Check `rows` against an array schema, a slice at a time (zod returns a copy of what it checks); throws on the first bad slice. */
export function validate(schema: z.ZodType, rows: unknown[]) {
  for (let i = 0; i === 0 || i < rows.length; i += 10_000) schema.parse(rows.slice(i, i + 10_000));
}

/**
 * The rows of an array as `JSON.stringify(rows, null, 1)` prints them between its brackets, as UTF-8. Stringified a
 * slice at a time and encoded into one buffer, so that no string grows near the longest V8 can hold.
 */
export function jsonRows(rows: readonly unknown[]): Uint8Array {
  const SLICE = 2000;
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += SLICE) {
    const text = JSON.stringify(rows.slice(i, i + SLICE), null, 1);
    parts.push(`${i > 0 ? ",\n" : ""}${text.slice(2, -2)}`);
  }
  return utf8(parts);
}

/** Strings as UTF-8 in one buffer of its own (not a slice of Node's shared pool: it is transferred between threads). */
function utf8(parts: readonly string[]): Uint8Array {
  const out = Buffer.allocUnsafeSlow(parts.reduce((n, p) => n + Buffer.byteLength(p), 0));
  let at = 0;
  for (const p of parts) at += out.write(p, at);
  return out;
}

/**
 * A CSV cell as arquero's toCSV writes it: null as empty; a comma, quote or line break quoted, quotes doubled. Arrays
 * become `;`-joined text. Text a spreadsheet would run as a formula is neutralised (csv.ts).
 */
export function csvCell(v: unknown): string {
  if (v == null) return "";
  const s = neutralise(Array.isArray(v) ? v.join(";") : v);
  if (typeof s !== "string") return String(s);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV rows without the header, as UTF-8, encoded a megabyte of text at a time. */
export function csvRows(rows: readonly Record<string, unknown>[], columns: readonly string[]): Uint8Array {
  const parts: string[] = [];
  let chunk = "";
  for (const r of rows) {
    chunk += `${columns.map((c) => csvCell(r[c])).join(",")}\n`;
    if (chunk.length > 1 << 20) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return utf8(parts);
}

/**
 * Put a plan's source into the output. A national dataset has tens of thousands of sources and most are the same
 * as in the previous output: those are hard-linked from it (linking, and later removing the old folder, cost a tenth
 * of copying). Anything else is written from the text read. Never linked to data/sources itself: an edit made there
 * in place must not reach the published copy before the build has checked it.
 */
function publishSource(text: string, to: string, previous: string) {
  try {
    if (statSync(previous).size === Buffer.byteLength(text) && readFileSync(previous).equals(Buffer.from(text))) return void linkSync(previous, to);
  } catch {
    // No previous copy, or one we cannot link: write it.
  }
  // The text the build read and checked, never the path again: what is published is what was checked.
  writeFileSync(to, text);
}

export const csvColumns = (name: RowFile) => Object.keys((PublicFiles[name as keyof typeof PublicFiles] as z.ZodObject).shape);

/** Plan files that share a plan id are built together (the duplicate is reported); every other file alone. */
function groupsOf(names: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const n of names) {
    const last = out[out.length - 1];
    if (last && planIdOf(last[0]) === planIdOf(n)) last.push(n);
    else out.push([n]);
  }
  return out;
}

/** The page a locality's rows are shown on: its own, or its commune's for a residential group (built once per tree). */
const pageIndexes = new WeakMap<object, Map<string, string>>();
function pageIndex(localities: ShardContext["localities"]): Map<string, string> {
  let index = pageIndexes.get(localities);
  if (!index) pageIndexes.set(localities, (index = new Map(localities.map((l) => [l.id, l.level === "residential_group" && l.parent ? l.parent : l.id]))));
  return index;
}

/** Read, check and derive the plan files `names` together: their piece of the public files, or their problems. */
function buildPlans(names: readonly string[], ctx: ShardContext, read?: ReadonlyMap<string, Buffer>): { errors: ErrorFields[]; piece?: Piece; data: RawData } {
  const problems = new Problems();
  const data: RawData = emptyRows();
  readPlans(ctx.root, names, ctx.localityIds, data, problems, read);
  const errors = problems.list.map(({ file, field, line, message }) => ({ file, field, line, message }));
  if (errors.length) return { errors, data };

  const d = derive(data.statistics, data.targets, data.deprivations, ctx.localities, data.printedDecimals);
  const pairs = new Set<string>();
  for (const r of [...data.plans.map((p) => ({ locality_id: p.locality_id, plan_id: p.id })), ...data.statistics, ...data.targets, ...data.deprivations]) pairs.add(`${r.locality_id}\u0000${r.plan_id}`);
  const piece: Piece = { counts: {}, parts: {}, checks: Object.entries(d.checks), planLocalities: [...pairs].map((p) => p.split("\u0000") as [string, string]) };

  const quality: QualityRow[] = [...data.notes.map((n) => ({ ...n, stated: null, computed: null, refs: [] })), ...d.findings];
  const files: Record<RowFile, object[]> = {
    plans: data.plans, targets: d.targets, statistics: data.statistics, deprivations: d.deprivations, quality, derived: d.derived,
  };
  const rows = Object.fromEntries(Object.entries(files).map(([name, list]) => [name, sortRows(list, SORT_KEYS[name as RowFile])])) as Record<RowFile, { locality_id: string }[]>;
  const marksByPlan = groupRows(data.marks, (m) => m.plan_id);
  const plans = sortRows(data.plans, ["id"]) as PlanRow[];
  const documents = plans.map((p) => ({
    plan_id: p.id, source_file: p.source_file, lines: data.sources.get(p.id)!.lines,
    marks: sortRows(marksByPlan.get(p.id) ?? [], ["line", "ref"]).map(({ plan_id: _, ...m }) => m),
  }));
  const pageOf = pageIndex(ctx.localities);
  const localityRows = plans.flatMap((p) => {
    const of = <T,>(list: readonly object[]) => (list as (T & { plan_id: string })[]).filter((r) => r.plan_id === p.id);
    return localityCsvRows(p, of(rows.statistics), of(rows.targets), of(rows.deprivations));
  });
  // The outputs are checked against their own schemas: a bug in a derivation must not publish a malformed file.
  for (const name of ROW_FILES) validate(z.array(PublicFiles[name]), rows[name]);
  validate(z.array(DocumentRow), documents);
  validate(z.array(LocalityCsvRow), localityRows);

  for (const name of ROW_FILES) {
    piece.counts[name] = rows[name].length;
    for (const [province, list] of groupRows(rows[name], (r) => provinceOf(r.locality_id))) {
      piece.parts[partKey.json(province, name)] = jsonRows(list);
      if (CSV_FILES.includes(name)) piece.parts[partKey.csv(province, name)] = csvRows(list as Record<string, unknown>[], csvColumns(name));
    }
  }
  for (const doc of documents) piece.parts[partKey.document(doc.plan_id)] = utf8([`${JSON.stringify(doc, null, 1)}\n`]);
  for (const [page, list] of groupRows(localityRows, (r) => pageOf.get(r.locality_id) ?? r.locality_id)) piece.parts[partKey.locality(page)] = csvRows(list, LOCALITY_CSV_COLUMNS);
  return { errors, piece, data };
}

/** Sums of the checks of several pieces, by code, in the order they first appear. */
function sumChecks(into: Map<string, { run: number; passed: number }>, checks: Piece["checks"]) {
  for (const [code, c] of checks) {
    const sum = into.get(code) ?? { run: 0, passed: 0 };
    into.set(code, { run: sum.run + c.run, passed: sum.passed + c.passed });
  }
}

/**
 * Build plan file `name` again, bypassing its cache entry, and rewrite the entry: for an entry that was whole when it
 * was looked up but is no longer when its bytes are needed. Its bytes, and its description.
 */
export function rebuildPlan(name: string, ctx: ShardContext): { meta: PieceMeta; parts: Record<string, Uint8Array> } {
  const dataDir = join(ctx.root, "data");
  const yaml = ctx.cache && planFileNow(dataDir, name);
  const built = buildPlans([name], ctx, yaml ? new Map([[name, yaml.bytes]]) : undefined);
  if (!built.piece) throw new Error(`data/plans/${name} changed while the data step ran: run it again`);
  const inputs = built.data.plans.length === 1 ? built.data.inputs.get(built.data.plans[0].id) : undefined;
  const meta = (ctx.cache && yaml && inputs && store(ctx.cache, dataDir, name, yaml, built.piece, inputs)) || describePiece(built.piece);
  return { meta, parts: built.piece.parts };
}

/**
 * Build shard `index` from the plan files `names`: each plan is taken from the cache when its entry can be trusted,
 * else read, checked and derived (and its entry written); then the pieces are joined in plan order and the sources
 * published. Problems of every plan are collected; a shard with any writes no fragments.
 */
export function buildShard(index: number, names: readonly string[], ctx: ShardContext, looked?: ReadonlyMap<string, Hit | undefined>): ShardResult {
  const result: ShardResult = { index, errors: [], counts: {}, checks: [], planLocalities: [], plans: [], hits: 0, sources: [] };
  const dataDir = join(ctx.root, "data");
  const checks = new Map<string, { run: number; passed: number }>();
  const add = (file: string, meta: PieceMeta, parts?: Record<string, Uint8Array>) => {
    result.plans.push(parts ? { file, meta, parts } : { file, meta });
    for (const [name, n] of Object.entries(meta.counts)) result.counts[name] = (result.counts[name] ?? 0) + n;
    sumChecks(checks, meta.checks);
    for (const pair of meta.planLocalities) result.planLocalities.push(pair);
  };
  // Each source once (two plans may share one): its digest, and its text unless the previous output is known to hold it.
  const sources = new Map<string, { digest: string; text?: string }>();
  for (const group of groupsOf(names)) {
    const cache = group.length === 1 ? ctx.cache : undefined;
    // `looked`: the entries the caller has looked up already (a miss there is not looked up again).
    const hit = !cache?.read ? undefined : looked?.has(group[0]) ? looked.get(group[0]) : lookup(cache, dataDir, group[0]);
    if (hit) {
      result.hits++;
      add(group[0], hit.piece);
      for (const [rel, input] of hit.inputs) if (rel.startsWith("sources/")) sources.set(rel.slice("sources/".length), input);
      continue;
    }
    // Stamped, then read once: the build parses these bytes, and the entry records their digest (see store()).
    const yaml = cache && planFileNow(dataDir, group[0]);
    const built = buildPlans(group, ctx, yaml ? new Map([[group[0], yaml.bytes]]) : undefined);
    result.errors.push(...built.errors);
    if (!built.piece) continue;
    for (const p of built.data.plans) {
      const text = built.data.sources.get(p.id)!.text;
      sources.set(p.source_file, { digest: textDigest(text), text });
    }
    const inputs = built.data.plans.length === 1 ? built.data.inputs.get(built.data.plans[0].id) : undefined;
    // Stored: the writer reads the bytes back from the entry when it needs them (the shard keeps none). Not stored
    // (no cache, an input it cannot stamp): the bytes travel with the result.
    const meta = cache && yaml && inputs ? store(cache, dataDir, group[0], yaml, built.piece, inputs) : undefined;
    if (meta) add(group[0], meta);
    else add(group[0], describePiece(built.piece), built.piece.parts);
  }
  if (result.errors.length) return { ...result, counts: {}, plans: [] };
  result.checks = [...checks];
  mkdirSync(join(ctx.tmp, "sources"), { recursive: true });
  for (const [file, s] of sources) {
    const to = join(ctx.tmp, "sources", file), previous = join(ctx.previous, "sources", file);
    result.sources.push([file, s.digest]);
    if (ctx.published?.[file] === s.digest) {
      try {
        linkSync(previous, to);
        continue;
      } catch {
        // Gone or not linkable: published from the text below.
      }
    }
    const text = s.text ?? inputText(dataDir, `sources/${file}`);
    // Checked by this entry's digest a moment ago; changed since, it is the build that must see it, not this shortcut.
    if (text === undefined || textDigest(text) !== s.digest) throw new Error(`data/sources/${file} changed while the data step ran: run it again`);
    publishSource(text, to, previous);
  }
  return result;
}

/** Turn a shard's plain error fields back into DataErrors. */
export const toDataError = (e: ErrorFields) => new DataError(e.file, e.field, e.line, e.message);
