/**
 * One shard of the data step: a run of plan files (in plan id order) read, checked and derived into fragments of the
 * public files (UTF-8 buffers, which a worker hands to the main thread without copying). Everything in a public file is sorted by plan first and every derivation stays within one
 * plan, so fragments of consecutive shards, joined in order, are the files a single pass would write: the output does
 * not depend on how many workers ran or how the plans were cut.
 */
import { linkSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { neutralise } from "../../src/lib/csv.ts";
import { derive, type LocalityLink } from "../../src/lib/derive.ts";
import { DocumentRow, PublicFiles, type QualityRow } from "../../src/lib/schema.ts";
import { groupRows } from "../../src/lib/site-data.ts";
import { DataError } from "./data-error.ts";
import { emptyRows, Problems, readPlans, type RawData } from "./read-data.ts";

/** What a shard needs besides its plan files: the same for every shard of a run. */
export interface ShardContext {
  root: string;
  /** Known locality ids; undefined when localities.yaml could not be read. */
  localityIds: Set<string> | undefined;
  localities: LocalityLink[];
  /** The output being built. */
  tmp: string;
  /** The output it will replace, if any: unchanged sources are linked from there. */
  previous: string;
}

/** A ShardContext as a worker receives it (workerData is cloned: a Set travels as an array). */
export type ShardInit = Omit<ShardContext, "localityIds"> & { localityIds: string[] | null };

/** A DataError as plain fields, to cross a worker boundary. */
export type ErrorFields = { file: string; field: string; line: number | undefined; message: string };

export interface ShardResult {
  index: number;
  errors: ErrorFields[];
  /** Rows per file (none when the shard has errors). */
  counts: Record<string, number>;
  /** Each file's rows as the JSON between the array's brackets, and as CSV without the header (UTF-8). */
  json: Partial<Record<RowFile, Uint8Array>>;
  csv: Partial<Record<RowFile, Uint8Array>>;
  /** Checks run and passed, by code, in the order derive first ran them. */
  checks: [string, { run: number; passed: number }][];
  /** [locality id, plan id] pairs: a plan lists every locality it has a figure for. */
  planLocalities: [string, string][];
}

/** Public files made of rows, in the order they are written; all but documents have a CSV twin unless noted. */
export const ROW_FILES = ["plans", "targets", "statistics", "deprivations", "quality", "derived", "documents"] as const;
export type RowFile = (typeof ROW_FILES)[number];
export const CSV_FILES: readonly RowFile[] = ["targets", "statistics", "deprivations", "quality", "derived"];

/** Sort keys of each file: plan first (see the module comment), then locality, indicator, group, date, ref. */
const SORT_KEYS: Record<Exclude<RowFile, "documents">, string[]> = {
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

/** Build shard `index` from the plan files `names`: read and check them, derive, validate and write the fragments. */
export function buildShard(index: number, names: readonly string[], ctx: ShardContext): ShardResult {
  const problems = new Problems();
  const data: RawData = emptyRows();
  readPlans(ctx.root, names, ctx.localityIds, data, problems);
  const result: ShardResult = { index, errors: problems.list.map(({ file, field, line, message }) => ({ file, field, line, message })), counts: {}, json: {}, csv: {}, checks: [], planLocalities: [] };
  if (problems.list.length) return result;

  const d = derive(data.statistics, data.targets, data.deprivations, ctx.localities, data.printedDecimals);
  result.checks = Object.entries(d.checks);
  const pairs = new Set<string>();
  for (const r of [...data.plans.map((p) => ({ locality_id: p.locality_id, plan_id: p.id })), ...data.statistics, ...data.targets, ...data.deprivations]) pairs.add(`${r.locality_id}\u0000${r.plan_id}`);
  result.planLocalities = [...pairs].map((p) => p.split("\u0000") as [string, string]);

  const quality: QualityRow[] = [...data.notes.map((n) => ({ ...n, stated: null, computed: null, refs: [] })), ...d.findings];
  const files: Record<Exclude<RowFile, "documents">, object[]> = {
    plans: data.plans, targets: d.targets, statistics: data.statistics, deprivations: d.deprivations, quality, derived: d.derived,
  };
  const marksByPlan = groupRows(data.marks, (m) => m.plan_id);
  const rows: Record<RowFile, object[]> = {
    ...(Object.fromEntries(Object.entries(files).map(([name, list]) => [name, sortRows(list, SORT_KEYS[name as keyof typeof SORT_KEYS])])) as Record<Exclude<RowFile, "documents">, object[]>),
    documents: sortRows(data.plans, ["id"]).map((p) => ({
      plan_id: p.id, source_file: p.source_file, lines: data.sources.get(p.id)!.lines,
      marks: sortRows(marksByPlan.get(p.id) ?? [], ["line", "ref"]).map(({ plan_id: _, ...m }) => m),
    })),
  };
  // The outputs are checked against their own schemas: a bug in a derivation must not publish a malformed file.
  for (const name of ROW_FILES) validate(z.array(name === "documents" ? DocumentRow : PublicFiles[name]), rows[name]);

  for (const name of ROW_FILES) {
    result.counts[name] = rows[name].length;
    result.json[name] = jsonRows(rows[name]);
    if (CSV_FILES.includes(name)) result.csv[name] = csvRows(rows[name] as Record<string, unknown>[], csvColumns(name));
  }
  mkdirSync(join(ctx.tmp, "sources"), { recursive: true });
  const published = new Set<string>();
  for (const p of data.plans) {
    // Two plans may share a source.
    if (published.has(p.source_file)) continue;
    published.add(p.source_file);
    publishSource(data.sources.get(p.id)!.text, join(ctx.tmp, "sources", p.source_file), join(ctx.previous, "sources", p.source_file));
  }
  return result;
}

/** Turn a shard's plain error fields back into DataErrors. */
export const toDataError = (e: ErrorFields) => new DataError(e.file, e.field, e.line, e.message);
