/**
 * `npm run data`: data/ → public/data/ (the public data files, also what the pages read at build time).
 * Reads and validates everything, derives and checks, then writes into a temporary folder and swaps it in at the
 * end, so a failed run leaves the previous output untouched. Errors are printed as `file:line: field: message`
 * without a stack trace, and the process exits non-zero.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { COLUMNS } from "../src/lib/columns.ts";
import { derive } from "../src/lib/derive.ts";
import { foldAccents } from "../src/lib/fold.ts";
import {
  DeprivationRow, DerivedRow, DocumentRow, LocalityRow, PlanRow, PublicFiles, QualityRow, StatisticRow, TargetRow,
  type LocalityInput,
} from "../src/lib/schema.ts";
import { DataErrors } from "./lib/data-error.ts";
import { readData, type RawData } from "./lib/read-data.ts";

/** What a run produced, for the summary line and for tests. */
export interface BuildSummary {
  outDir: string;
  counts: Record<string, number>;
  checks: Record<string, { run: number; passed: number }>;
}

const LEVEL_WORD = { vi: (l: LocalityInput) => l.type_vi, en: (l: LocalityInput) => l.type_en };

function localityRows(data: RawData, planIdsByLocality: Map<string, Set<string>>): LocalityRow[] {
  const byId = new Map(data.localities.map((l) => [l.id, l]));
  const chain = (l: LocalityInput): LocalityInput[] => (l.parent ? [l, ...chain(byId.get(l.parent)!)] : [l]);
  return data.localities.map((l) => ({
    id: l.id, name: l.name, type_vi: l.type_vi, type_en: l.type_en, level: l.level, parent: l.parent, code: l.code,
    full_name_vi: chain(l).map((x) => `${LEVEL_WORD.vi(x)} ${x.name}`).join(", "),
    full_name_en: chain(l).map((x) => `${x.name} ${LEVEL_WORD.en(x)}`).join(", "),
    search_key: foldAccents(chain(l).map((x) => x.name).join(" ")),
    plan_ids: [...(planIdsByLocality.get(l.id) ?? [])].sort(),
    succession: l.succession,
  }));
}

/** Every column of schema.json carries its English description from columns.ts when the schema has none. */
function describeColumns(schema: object) {
  const props = (schema as { items?: { properties?: Record<string, { description?: string }> } }).items?.properties ?? {};
  for (const [k, v] of Object.entries(props)) v.description ??= COLUMNS[k]?.en;
  return schema;
}

/** Stable order for every output: plan, locality, indicator, group, date, ref. Sort keys are computed once per row. */
function sortRows<T extends object>(rows: T[], keys: string[]): T[] {
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

/**
 * Write `value` as `JSON.stringify(value, null, 1)` would, a slice of rows at a time for arrays, so that outputs
 * larger than the longest string V8 can hold (about 512 MB: a national dataset) are still written, in bounded memory.
 * A slice stringified as an array has the same indentation as inside the whole array; only its brackets go.
 */
function writeJson(file: string, value: unknown) {
  if (!Array.isArray(value) || value.length === 0) return writeFileSync(file, `${JSON.stringify(value, null, 1)}\n`);
  const fd = openSync(file, "w");
  try {
    const SLICE = 2000;
    writeSync(fd, "[\n");
    for (let i = 0; i < value.length; i += SLICE) {
      const text = JSON.stringify(value.slice(i, i + SLICE), null, 1);
      writeSync(fd, `${i > 0 ? ",\n" : ""}${text.slice(2, -2)}`);
    }
    writeSync(fd, "\n]\n");
  } finally {
    closeSync(fd);
  }
}

/**
 * CSV as arquero's toCSV writes it (a header row; null as empty; a value holding a comma, quote or line break quoted,
 * its quotes doubled), written a slice of rows at a time. Arrays become `;`-joined text.
 */
function writeCsv(file: string, rows: Record<string, unknown>[], columns: string[]) {
  const cell = (v: unknown) => {
    if (v == null) return "";
    const s = Array.isArray(v) ? v.join(";") : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const fd = openSync(file, "w");
  try {
    let chunk = `${columns.map(cell).join(",")}\n`;
    for (const r of rows) {
      chunk += `${columns.map((c) => cell(r[c])).join(",")}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** Check `rows` against an array schema, a slice at a time; throws zod's error for the first bad slice. */
function validate(schema: z.ZodType, rows: unknown[]) {
  for (let i = 0; i === 0 || i < rows.length; i += 10_000) schema.parse(rows.slice(i, i + 10_000));
}

/** Build the public data files from `root`/data into `root`/public/data. */
export function buildData(root: string, outDir = join(root, "public", "data")): BuildSummary {
  const data = readData(root);
  const d = derive(data.statistics, data.targets, data.deprivations, data.localities, data.printedDecimals);

  const planIdsByLocality = new Map<string, Set<string>>();
  const addPlan = (loc: string, plan: string) => planIdsByLocality.set(loc, (planIdsByLocality.get(loc) ?? new Set()).add(plan));
  for (const r of [...data.plans.map((p) => ({ locality_id: p.locality_id, plan_id: p.id })), ...data.statistics, ...data.targets, ...data.deprivations]) addPlan(r.locality_id, r.plan_id);

  const quality: QualityRow[] = [
    ...data.notes.map((n) => ({ ...n, stated: null, computed: null, refs: [] })),
    ...d.findings,
  ];
  const files = {
    localities: localityRows(data, planIdsByLocality),
    plans: sortRows(data.plans, ["id"]),
    targets: sortRows(d.targets, ["plan_id", "locality_id", "indicator", "group", "kind", "target_date", "ref"]),
    statistics: sortRows(data.statistics, ["plan_id", "locality_id", "indicator", "group", "date", "ref"]),
    deprivations: sortRows(d.deprivations, ["plan_id", "locality_id", "group", "date", "ref"]),
    quality: sortRows(quality, ["plan_id", "locality_id", "severity", "code", "source_line", "message_en"]),
    derived: sortRows(d.derived, ["plan_id", "locality_id", "rule", "indicator", "group", "date", "formula"]),
  };
  // The outputs are checked against their own schemas: a bug in a derivation must not publish a malformed file.
  // (A slice at a time: zod returns a copy of what it checks, and a national dataset has millions of rows.)
  for (const [name, rows] of Object.entries(files)) validate(z.array(PublicFiles[name as keyof typeof PublicFiles]), rows);

  const marksByPlan = new Map<string, RawData["marks"]>();
  for (const m of data.marks) {
    const list = marksByPlan.get(m.plan_id);
    if (list) list.push(m);
    else marksByPlan.set(m.plan_id, [m]);
  }
  const documents: z.infer<typeof DocumentRow>[] = data.plans.map((p) => ({
    plan_id: p.id, source_file: p.source_file, lines: data.sources.get(p.id)!.lines,
    marks: sortRows(marksByPlan.get(p.id) ?? [], ["line", "ref"]).map(({ plan_id: _, ...m }) => m),
  }));
  validate(z.array(DocumentRow), documents);

  const reference = { indicators: data.indicators, standards: data.standards, projects: data.projects };

  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, "sources"), { recursive: true });
  const json = (name: string, value: unknown) => writeJson(join(tmp, name), value);
  for (const [name, rows] of Object.entries(files)) {
    json(`${name}.json`, rows);
    if (name !== "localities" && name !== "plans") {
      const shape = (PublicFiles[name as keyof typeof PublicFiles] as z.ZodObject).shape;
      writeCsv(join(tmp, `${name}.csv`), rows as Record<string, unknown>[], Object.keys(shape));
    }
  }
  json("documents.json", documents);
  json("reference.json", reference);
  json("checks.json", d.checks);
  json("schema.json", {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Poverty Plan Tracker public data files",
    files: Object.fromEntries(Object.entries(PublicFiles).map(([name, s]) => [`${name}.json`, describeColumns(z.toJSONSchema(z.array(s)))])),
  });
  for (const p of data.plans) copyFileSync(join(root, "data", "sources", p.source_file), join(tmp, "sources", p.source_file));

  // Swap in the new output; the old one is removed only after the new one is in place.
  const old = `${outDir}.old-${process.pid}`;
  mkdirSync(dirname(outDir), { recursive: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });

  return { outDir, counts: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.length])), checks: d.checks };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  try {
    const s = buildData(process.env.PPT_ROOT ? resolve(process.env.PPT_ROOT) : root);
    const checks = Object.values(s.checks).reduce((a, c) => ({ run: a.run + c.run, passed: a.passed + c.passed }), { run: 0, passed: 0 });
    console.log(`data: ${Object.entries(s.counts).map(([k, v]) => `${v} ${k}`).join(", ")}; checks ${checks.passed}/${checks.run} consistent → ${s.outDir}`);
  } catch (e) {
    if (e instanceof DataErrors) {
      console.error(`data: ${e.errors.length} problem(s) in data/, nothing written:\n${e.errors.map((x) => `  ${x.format()}`).join("\n")}`);
      process.exit(1);
    }
    console.error(`data: internal error: ${(e as Error).message}`);
    process.exit(2);
  }
}
