/**
 * Read everything in data/: localities, reference lists, plan files, their sources and appendix tables. Validate
 * each file with its zod schema, check that every quote is in its source and every printed value is in its quote,
 * parse the Vietnamese numbers, and return plain rows. Every problem is a DataError naming file, field and line;
 * all problems of a run are collected before failing.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { foldSpace } from "../../src/domain/fold.ts";
import { signed } from "../../src/domain/gap.ts";
import {
  Indicator, IndicatorsFile, LocalitiesFile, PlanFile, ProjectsFile, StandardsFile,
  type DeprivationRow, type IndicatorRef, type LocalityInput, type PlanRow, type StandardRef, type StatisticRow, type TargetRow,
} from "../../src/domain/schema.ts";
import { parseViNumber, ViNumberError, type ViNumber } from "../../src/domain/vi-number.ts";
import { DataError, DataErrors, fieldPath } from "./data-error.ts";
import { SourceText } from "./provenance.ts";
import { implausible } from "./plausible.ts";
import { listDataDir } from "./safe-file.ts";
import { nameProblem, quoteProblem, sourceProblem } from "./text-checks.ts";
import { loadYaml, readUtf8, type LoadedYaml } from "./yaml-file.ts";
import type { z } from "zod";

/** A quoted figure on its way to the plan page: where its quote sits in the document. */
export interface Mark {
  plan_id: string;
  ref: string;
  line: number;
  line_end: number;
  quote: string;
}

/** What read() returns. */
export interface RawData {
  localities: LocalityInput[];
  indicators: IndicatorRef[];
  standards: StandardRef[];
  projects: z.infer<typeof ProjectsFile>;
  plans: PlanRow[];
  statistics: StatisticRow[];
  targets: TargetRow[];
  deprivations: DeprivationRow[];
  /** Plan notes, as quality findings. */
  notes: { plan_id: string; locality_id: string; code: string; severity: "error" | "warning" | "info"; message_vi: string; message_en: string; quote: string; source_line: number }[];
  /** Decimals printed for target/deprivation fields, keyed `plan|ref|field`. */
  printedDecimals: Map<string, number>;
  /** Source documents by plan id. */
  sources: Map<string, { file: string; text: string; lines: string[] }>;
  /** The files under data/ each plan read besides its own (its source, its tables) with the text read, by plan id: what the data step's cache checks. */
  inputs: Map<string, Map<string, string>>;
  marks: Mark[];
}

/** Collects errors so a run reports all of them. */
export class Problems {
  readonly list: DataError[] = [];
  add(e: DataError) {
    this.list.push(e);
  }
  /** Run `fn`, turning thrown DataErrors into collected problems; returns undefined on failure. */
  try<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (e instanceof DataErrors) this.list.push(...e.errors);
      else if (e instanceof DataError) this.list.push(e);
      else throw e;
      return undefined;
    }
  }
}

const slugOf = (s: string) => s.split("/").pop()!;

/** Fields copied from the source document: checked against it, so they may hold anything the document prints. */
const QUOTE_FIELDS = new Set(["quote", "number_quote", "issued_quote"]);

export { isPlaceholder } from "./text-checks.ts";

/**
 * Every text field of a data file must be plain text: names, titles and notes only what text-checks.ts allows,
 * quotes nothing that hides, reorders or opens markup.
 */
export function checkPlainText(loaded: LoadedYaml<unknown>, problems: Problems) {
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === "string") {
      const message = QUOTE_FIELDS.has(String(path[path.length - 1])) ? quoteProblem(value) : nameProblem(value);
      if (message) problems.add(new DataError(loaded.file, fieldPath(path), loaded.lineOf(path), message));
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(loaded.data, []);
}

/** Ids that must be unique within a list of a reference file. */
function checkUniqueIds(loaded: LoadedYaml<unknown> | undefined, list: string, ids: string[], what: string, problems: Problems) {
  if (!loaded) return;
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.add(new DataError(loaded.file, `${list}[${i}].id`, loaded.lineOf([list, i, "id"]), `duplicate ${what} "${id}"`));
    seen.add(id);
  });
}

const LEVELS = ["province", "district", "commune", "residential_group"] as const;

/** A path under data/ as errors name it. */
const rel = (...p: string[]) => ["data", ...p].join("/");

/** What every plan needs from the rest of data/: read once, then shared by all plans (and all shard workers). */
export interface BaseData {
  /** Known locality ids; undefined when localities.yaml could not be read (its errors are reported instead). */
  localityIds: Set<string> | undefined;
  /** Plan file names in data/plans, in plan id order. */
  planFiles: string[];
  /** localities.yaml as read (for checks that need the gazetteer, with its lines); undefined when it could not be read. */
  localitiesFile?: LoadedYaml<z.infer<typeof LocalitiesFile>>;
}

/**
 * Plan file names in plan id order (`a-b.yaml` sorts after `a.yaml`, as ids do), so outputs sorted by plan come out
 * in file order. Both `.yaml` and `.yml` are plan files. A plan file that is not a regular file (a link, a folder)
 * is refused by name; other files (a README) are left alone.
 */
export function planFileNames(dataDir: string, problems?: Problems): string[] {
  const entries = listDataDir(join(dataDir, "plans"), rel("plans"), dataDir) ?? [];
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const names: string[] = [];
  for (const e of entries) {
    if (!/\.ya?ml$/.test(e.name)) continue;
    if (e.isFile()) names.push(e.name);
    else problems?.add(new DataError(rel("plans", e.name), "", undefined, `is ${e.isSymbolicLink() ? "a symbolic link" : e.isDirectory() ? "a folder" : "not a regular file"}: plan files must be regular files inside data/plans`));
  }
  return names.sort((a, b) => byId(planIdOf(a), planIdOf(b)) || byId(a, b));
}

/** The plan id a plan file's name stands for (the build checks that the file's `id` matches it). */
export const planIdOf = (file: string) => file.replace(/\.ya?ml$/, "");

/** Read and validate all of data/ under `root`. Throws DataErrors listing every problem. */
export function readData(root: string): RawData {
  const { out, problems, base } = readBase(root);
  readPlans(root, base.planFiles, base.localityIds, out, problems);
  if (problems.list.length) throw new DataErrors(problems.list);
  return out;
}

/**
 * Read and validate everything but the plans: localities and reference lists. Problems are collected in the returned
 * list, not thrown, so that a run reports them together with the plans' problems.
 */
export function readBase(root: string, checked?: LocalityInput[]): { out: RawData; problems: Problems; base: BaseData } {
  const problems = new Problems();
  const dataDir = join(root, "data");
  const load = <S extends z.ZodType>(schema: S, ...path: string[]) => problems.try(() => loadYaml(join(dataDir, ...path), rel(...path), schema, dataDir));
  // `checked`: localities.yaml as an earlier run read and checked these very bytes (frame-cache.ts).
  const locFile = checked ? undefined : problems.try(() => loadYaml(join(dataDir, "localities.yaml"), rel("localities.yaml"), LocalitiesFile, dataDir, "localities"));
  const indFile = load(IndicatorsFile, "reference", "indicators.yaml");
  const stdFile = load(StandardsFile, "reference", "standards.yaml");
  const projFile = load(ProjectsFile, "reference", "projects.yaml");

  for (const f of [locFile, indFile, stdFile, projFile]) if (f) checkPlainText(f, problems);
  checkUniqueIds(stdFile, "standards", stdFile?.data.standards.map((s) => s.id) ?? [], "standard", problems);
  checkUniqueIds(projFile, "projects", projFile?.data.projects.map((p) => p.id) ?? [], "project", problems);

  const localityIds = new Set<string>();
  if (locFile) {
    locFile.data.localities.forEach((l, i) => {
      if (localityIds.has(l.id)) problems.add(new DataError(locFile.file, `localities[${i}].id`, locFile.lineOf(["localities", i, "id"]), `duplicate locality id "${l.id}"`));
      localityIds.add(l.id);
      if (l.name !== l.name.normalize("NFC")) problems.add(new DataError(locFile.file, `localities[${i}].name`, locFile.lineOf(["localities", i, "name"]), "name must be NFC"));
    });
    const levelOf = new Map(locFile.data.localities.map((l) => [l.id, l.level]));
    locFile.data.localities.forEach((l, i) => {
      // Provinces and only provinces are roots; every other unit sits in a unit of a higher level.
      const parentAt = () => locFile.lineOf(["localities", i, "parent"]);
      if ((l.level === "province") !== (l.parent === null)) {
        problems.add(new DataError(locFile.file, `localities[${i}].parent`, parentAt(), l.parent === null ? `a ${l.level} needs a parent` : "a province has no parent (parent: null)"));
      } else if (l.parent !== null && levelOf.has(l.parent) && LEVELS.indexOf(levelOf.get(l.parent)!) >= LEVELS.indexOf(l.level)) {
        problems.add(new DataError(locFile.file, `localities[${i}].parent`, parentAt(), `parent "${l.parent}" is a ${levelOf.get(l.parent)}, not a level above ${l.level}`));
      }
      if (l.parent !== null && !localityIds.has(l.parent)) problems.add(new DataError(locFile.file, `localities[${i}].parent`, locFile.lineOf(["localities", i, "parent"]), `unknown parent "${l.parent}"`));
      if (l.parent !== null && !l.id.startsWith(`${l.parent}/`)) problems.add(new DataError(locFile.file, `localities[${i}].id`, locFile.lineOf(["localities", i, "id"]), `id must start with its parent "${l.parent}/"`));
    });
  }
  if (indFile) {
    // Every indicator a figure may carry has its names and definition (the Method page and reference.json list them).
    const listed = new Set(indFile.data.indicators.map((i) => i.id));
    const missing = Indicator.options.filter((id) => !listed.has(id));
    if (missing.length) problems.add(new DataError(indFile.file, "indicators", indFile.lineOf(["indicators"]), `indicator(s) not listed: ${missing.join(", ")}`));
    const seen = new Set<string>();
    indFile.data.indicators.forEach((ind, i) => {
      if (seen.has(ind.id)) problems.add(new DataError(indFile.file, `indicators[${i}].id`, indFile.lineOf(["indicators", i, "id"]), `duplicate indicator "${ind.id}"`));
      seen.add(ind.id);
    });
  }

  if (checked) for (const l of checked) localityIds.add(l.id);
  const out = emptyRows();
  out.localities = checked ?? locFile?.data.localities ?? [];
  out.indicators = indFile?.data.indicators ?? [];
  out.standards = stdFile?.data.standards ?? [];
  if (projFile) out.projects = projFile.data;

  const planFiles = problems.try(() => planFileNames(dataDir, problems)) ?? [];
  if (planFiles.length === 0) problems.add(new DataError(rel("plans"), "", undefined, "no plan files"));
  return { out, problems, base: { localityIds: locFile || checked ? localityIds : undefined, planFiles, localitiesFile: locFile } };
}

/**
 * Read, validate and check the plan files `names` (in data/plans under `root`), adding their rows to `out`. `read`:
 * plan files whose bytes the caller has read already, through the same guard (the plan cache stamps what it read).
 */
export function readPlans(root: string, names: readonly string[], localityIds: Set<string> | undefined, out: RawData, problems: Problems, read?: ReadonlyMap<string, Buffer>) {
  const dataDir = join(root, "data");
  const planDir = join(dataDir, "plans");
  const planIds = new Set<string>();
  for (const name of names) {
    const loaded = problems.try(() => loadYaml(join(planDir, name), rel("plans", name), PlanFile, dataDir, "yaml", read?.get(name)));
    if (!loaded) continue;
    checkPlainText(loaded, problems);
    readPlan(loaded, name, problems, out, { root: dataDir, rel, localityIds, planIds });
  }
}

/** An empty RawData: readBase fills its lists, readPlans its rows. */
export function emptyRows(): RawData {
  return {
    localities: [], indicators: [], standards: [], projects: { programme_vi: "", programme_en: "", act: "", projects: [] },
    plans: [], statistics: [], targets: [], deprivations: [], notes: [], printedDecimals: new Map(), sources: new Map(), inputs: new Map(), marks: [],
  };
}

interface Ctx {
  root: string;
  rel: (...p: string[]) => string;
  /** Known locality ids; undefined when localities.yaml could not be read (its errors are reported instead). */
  localityIds: Set<string> | undefined;
  planIds: Set<string>;
}

function readPlan(loaded: LoadedYaml<z.infer<typeof PlanFile>>, name: string, problems: Problems, out: RawData, ctx: Ctx) {
  const p = loaded.data;
  const err = (path: (string | number)[], message: string) => problems.add(new DataError(loaded.file, fieldPath(path), loaded.lineOf(path), message));
  if (p.id !== planIdOf(name)) err(["id"], `plan id "${p.id}" must match the file name ${name}`);
  if (ctx.planIds.has(p.id)) err(["id"], `duplicate plan id "${p.id}"`);
  ctx.planIds.add(p.id);
  const checkLocality = (id: string, path: (string | number)[]) => {
    if (ctx.localityIds && !ctx.localityIds.has(id)) err(path, `unknown locality "${id}" (add it to data/localities.yaml)`);
  };
  checkLocality(p.locality_id, ["locality_id"]);

  const sourcePath = join(ctx.root, "sources", p.source_file);
  if (!existsSync(sourcePath)) {
    err(["source_file"], `source file data/sources/${p.source_file} does not exist`);
    return;
  }
  const text = problems.try(() => readUtf8(sourcePath, ctx.rel("sources", p.source_file), { dataDir: ctx.root, kind: "source" }));
  if (text === undefined) return;
  if (text.trim() === "") {
    problems.add(new DataError(ctx.rel("sources", p.source_file), "", 1, "file is empty"));
    return;
  }
  if (!checkLines(text, ctx.rel("sources", p.source_file), problems)) return;
  const source = new SourceText(text);
  out.sources.set(p.id, { file: p.source_file, text, lines: source.lines });
  out.inputs.set(p.id, new Map([[`sources/${p.source_file}`, text]]));

  const refs = new Set<string>();
  const makeRef = (prefix: string, loc: string, ...parts: string[]) => {
    const base = [prefix, slugOf(loc), ...parts].join("-").replace(/_/g, "-");
    let ref = base;
    for (let n = 2; refs.has(ref); n++) ref = `${base}-${n}`;
    refs.add(ref);
    return ref;
  };
  /** Locate a quote; on failure record an error at its field. */
  const locate = (quote: string, occurrence: number | undefined, path: (string | number)[]) => {
    const at = source.locate(quote, occurrence ?? 1);
    // A quote found more than once must say which occurrence it means: the figure's line, and its anchor, depend on it.
    if (at && occurrence === undefined && at.count > 1) {
      err(path, `quote occurs ${at.count} times in data/sources/${p.source_file}: add occurrence: 1 to ${at.count} to say which is meant, or quote more of the sentence`);
      return undefined;
    }
    if (!at) {
      const found = source.locate(quote, 1);
      err(path, found
        ? `quote occurs ${found.count} time(s) in data/sources/${p.source_file}, not ${occurrence ?? 1}`
        : `quote not found in data/sources/${p.source_file} (compared after NFC and whitespace folding): "${quote.slice(0, 80)}${quote.length > 80 ? "…" : ""}"`);
    }
    return at;
  };
  /** Parse a printed value that must appear in its quote. */
  const num = (value: string | undefined, quote: string, path: (string | number)[], unit: string, opts?: Parameters<typeof implausible>[2]): ViNumber | undefined => {
    if (value === undefined) return undefined;
    if (!foldSpace(quote).includes(foldSpace(value))) {
      err(path, `value "${value}" does not appear in its quote`);
      return undefined;
    }
    let v: ViNumber;
    try {
      v = parseViNumber(value);
    } catch (e) {
      if (e instanceof ViNumberError) err(path, e.message);
      else throw e;
      return undefined;
    }
    const impossible = implausible(v, unit, opts);
    if (impossible) return void err(path, impossible);
    return v;
  };

  const numberAt = locate(p.number_quote, 1, ["number_quote"]);
  const issuedAt = p.issued_quote ? locate(p.issued_quote, 1, ["issued_quote"]) : undefined;
  if (p.parent_plan) locate(p.parent_plan.quote, 1, ["parent_plan", "quote"]);
  out.plans.push({
    id: p.id, locality_id: p.locality_id, year: p.year, number: p.number, issued: p.issued, issuer: p.issuer, issuer_en: p.issuer_en,
    title: p.title, title_en: p.title_en, poverty_standard: p.poverty_standard, standard_note: p.standard_note, source_file: p.source_file,
    ocr: p.ocr, parent_plan: p.parent_plan?.text ?? null, number_line: numberAt?.line ?? 1, issued_line: issuedAt?.line ?? null,
  });

  p.notes.forEach((n, i) => {
    const at = locate(n.quote, n.occurrence, ["notes", i, "quote"]);
    if (!at) return;
    out.notes.push({ plan_id: p.id, locality_id: p.locality_id, code: n.code, severity: n.severity, message_vi: n.message_vi, message_en: n.message_en, quote: n.quote, source_line: at.line });
  });

  p.statistics.forEach((s, i) => {
    const loc = s.locality_id ?? p.locality_id;
    if (s.locality_id) checkLocality(s.locality_id, ["statistics", i, "locality_id"]);
    const at = locate(s.quote, s.occurrence, ["statistics", i, "quote"]);
    const v = num(s.value, s.quote, ["statistics", i, "value"], s.unit);
    if (!at || !v) return;
    const ref = makeRef("s", loc, s.indicator, s.group, s.date);
    out.statistics.push({ plan_id: p.id, locality_id: loc, indicator: s.indicator, group: s.group, date: s.date, value: v.value, value_text: s.value, decimals: v.decimals, unit: s.unit, ref, quote: s.quote, source_line: at.line, source_line_end: at.lineEnd });
    out.marks.push({ plan_id: p.id, ref, line: at.line, line_end: at.lineEnd, quote: s.quote });
  });

  p.targets.forEach((t, i) => {
    const loc = t.locality_id ?? p.locality_id;
    if (t.locality_id) checkLocality(t.locality_id, ["targets", i, "locality_id"]);
    const at = locate(t.quote, t.occurrence, ["targets", i, "quote"]);
    const fields = ["baseline_value", "target_value", "change_pp", "change_households", "change_relative_pct"] as const;
    // Each field's own unit: the printed level in the target's unit, a change in points, households or percent of a count.
    const unitOf = { baseline_value: t.unit, target_value: t.unit, change_pp: "pp", change_households: "households", change_relative_pct: "percent" };
    const parsed = Object.fromEntries(fields.map((f) => [f, num(t[f], t.quote, ["targets", i, f], unitOf[f], { magnitude: f.startsWith("change_"), decrease: t.direction === "decrease" })]));
    if (!at || fields.some((f) => t[f] !== undefined && !parsed[f])) return;
    const ref = makeRef("t", loc, t.indicator, t.group, t.kind, t.target_date);
    for (const f of fields) if (parsed[f]) out.printedDecimals.set(`${p.id}|${ref}|${f}`, parsed[f]!.decimals);
    out.targets.push({
      plan_id: p.id, locality_id: loc, indicator: t.indicator, group: t.group, kind: t.kind, comparator: t.comparator,
      baseline_value: parsed.baseline_value?.value ?? null, baseline_date: t.baseline_date ?? null,
      target_value: parsed.target_value?.value ?? null, target_date: t.target_date,
      change_pp: parsed.change_pp ? signed(parsed.change_pp.value, t.direction) : null,
      change_households: parsed.change_households ? signed(parsed.change_households.value, t.direction) : null,
      change_relative_pct: parsed.change_relative_pct ? signed(parsed.change_relative_pct.value, t.direction) : null,
      computed_fields: [], unit: t.unit, ref, quote: t.quote, source_line: at.line, source_line_end: at.lineEnd,
    });
    out.marks.push({ plan_id: p.id, ref, line: at.line, line_end: at.lineEnd, quote: t.quote });
  });

  p.deprivations.forEach((d, i) => {
    const loc = d.locality_id ?? p.locality_id;
    if (d.locality_id) checkLocality(d.locality_id, ["deprivations", i, "locality_id"]);
    const at = locate(d.quote, d.occurrence, ["deprivations", i, "quote"]);
    const h = num(d.households, d.quote, ["deprivations", i, "households"], "households");
    const pct = num(d.stated_pct, d.quote, ["deprivations", i, "stated_pct"], "percent");
    if (!at || !h || !pct) return;
    if (!Number.isInteger(h.value)) return err(["deprivations", i, "households"], "households must be a whole number");
    const ref = makeRef("d", loc, d.group, d.indicator, d.date);
    out.printedDecimals.set(`${p.id}|${ref}|stated_pct`, pct.decimals);
    out.deprivations.push({
      plan_id: p.id, locality_id: loc, date: d.date, group: d.group, indicator: d.indicator, households: h.value, stated_pct: pct.value,
      computed_pct: null, group_households: null, implied_denominator: null, consistent: null, ref, quote: d.quote, source_line: at.line, source_line_end: at.lineEnd,
    });
    out.marks.push({ plan_id: p.id, ref, line: at.line, line_end: at.lineEnd, quote: d.quote });
  });

  p.tables.forEach((tbl, ti) => readTable(tbl, ti, { p, loaded, err, source, ctx, out, makeRef, checkLocality, problems }));
}

/** Every line of a source text or table: no markup, no reordering marks. False when a line has a problem (reported). */
function checkLines(text: string, file: string, problems: Problems): boolean {
  let ok = true, line = 1;
  for (let start = 0; start <= text.length; line++) {
    const end = text.indexOf("\n", start);
    const message = sourceProblem(text.slice(start, end === -1 ? text.length : end));
    if (message) {
      problems.add(new DataError(file, "", line, message));
      ok = false;
    }
    if (end === -1) break;
    start = end + 1;
  }
  return ok;
}

interface TableCtx {
  p: z.infer<typeof PlanFile>;
  loaded: LoadedYaml<z.infer<typeof PlanFile>>;
  err: (path: (string | number)[], message: string) => void;
  source: SourceText;
  ctx: Ctx;
  out: RawData;
  makeRef: (prefix: string, loc: string, ...parts: string[]) => string;
  checkLocality: (id: string, path: (string | number)[]) => void;
  problems: Problems;
}

/** Parse an appendix table as published: every line must be in the source, every cell mapped by the plan file. */
function readTable(tbl: z.infer<typeof PlanFile>["tables"][number], ti: number, c: TableCtx) {
  const { p, err, source, ctx, out } = c;
  const file = ctx.rel("tables", tbl.file);
  const path = join(ctx.root, "tables", tbl.file);
  if (!existsSync(path)) return err(["tables", ti, "file"], `table file ${file} does not exist`);
  const text = c.problems.try(() => readUtf8(path, file, { dataDir: ctx.root, kind: "table" }));
  if (text === undefined || !checkLines(text, file, c.problems)) return;
  out.inputs.get(p.id)?.set(`tables/${tbl.file}`, text);
  const sep = tbl.file.endsWith(".csv") ? "," : "\t";
  const lines = text.split("\n");
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  const tableErr = (line: number, field: string, message: string) => c.problems.add(new DataError(file, field, line, message));
  lines.forEach((line, i) => {
    if (!source.locate(line)) tableErr(i + 1, "", `line is not in data/sources/${p.source_file}; tables must be copied as published`);
  });
  if (lines.length === 0) return void c.problems.add(new DataError(file, "", 1, "file is empty"));
  if (lines.length <= tbl.header_rows) tableErr(lines.length, "", `the table has ${lines.length} line(s), but tables[${ti}].header_rows in ${c.loaded.file} says ${tbl.header_rows} are headers: no data rows`);
  const indexes = new Set<number>();
  tbl.columns.forEach((col, ci) => {
    if (indexes.has(col.index)) err(["tables", ti, "columns", ci, "index"], `column ${col.index} is mapped twice`);
    indexes.add(col.index);
  });
  Object.entries(tbl.rows).forEach(([label, id]) => c.checkLocality(id, ["tables", ti, "rows", label]));
  for (let i = tbl.header_rows; i < lines.length; i++) {
    const cells = lines[i].split(sep);
    const label = (cells[tbl.name_column] ?? "").trim();
    const loc = tbl.rows[label];
    if (!loc) {
      tableErr(i + 1, `column ${tbl.name_column}`, `row "${label}" is not mapped to a locality in ${c.loaded.file} tables[${ti}].rows`);
      continue;
    }
    const at = source.locate(lines[i]);
    if (!at) continue;
    for (const col of tbl.columns) {
      const cell = (cells[col.index] ?? "").trim();
      const field = `column ${col.index} (${col.header})`;
      if (cell === "") {
        tableErr(i + 1, field, "empty cell");
        continue;
      }
      let v: ViNumber;
      try {
        v = parseViNumber(cell, col.decimal);
      } catch (e) {
        if (!(e instanceof ViNumberError)) throw e;
        tableErr(i + 1, field, e.message);
        continue;
      }
      const impossible = implausible(v, col.unit);
      if (impossible) {
        tableErr(i + 1, field, impossible);
        continue;
      }
      if (col.record === "statistic") {
        const ref = c.makeRef("s", loc, col.indicator, col.group, col.date);
        out.statistics.push({ plan_id: p.id, locality_id: loc, indicator: col.indicator, group: col.group, date: col.date, value: v.value, value_text: cell, decimals: v.decimals, unit: col.unit, ref, quote: lines[i], source_line: at.line, source_line_end: at.lineEnd });
        out.marks.push({ plan_id: p.id, ref, line: at.line, line_end: at.lineEnd, quote: lines[i] });
      } else {
        const kind = col.kind ?? (col.unit === "percent" ? "level" : "count");
        const ref = c.makeRef("t", loc, col.indicator, col.group, kind, col.date);
        out.printedDecimals.set(`${p.id}|${ref}|target_value`, v.decimals);
        out.targets.push({
          plan_id: p.id, locality_id: loc, indicator: col.indicator, group: col.group, kind, comparator: "eq", baseline_value: null, baseline_date: null,
          target_value: v.value, target_date: col.date, change_pp: null, change_households: null, change_relative_pct: null, computed_fields: [],
          unit: col.unit, ref, quote: lines[i], source_line: at.line, source_line_end: at.lineEnd,
        });
        out.marks.push({ plan_id: p.id, ref, line: at.line, line_end: at.lineEnd, quote: lines[i] });
      }
    }
  }
}
