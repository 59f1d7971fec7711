/**
 * Broken data, fuzzed: a seeded generator makes 250 mutations of the real data files (plans, the appendix table,
 * localities, the reference lists, the source documents): wrong types, unparsable numbers, missing fields, duplicate
 * ids, unknown localities, quotes not in the source, sums that do not add up, huge values, HTML and script in names,
 * invalid UTF-8, empty files, broken YAML. For each, the build must either fail with errors that each name file,
 * field and line (and, where the mutation pins it, the exact one), with no stack trace, leaving the previous output
 * byte for byte; or, for data-quality issues, succeed and record a new finding in quality.json.
 * The build runs in-process (buildData); a few cases also run through the CLI to check what a user sees.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { DataErrors, fieldPath } from "../../scripts/lib/data-error.ts";
import { prng } from "../../scripts/lib/prng.ts";
import { foldSpace } from "../../src/domain/fold.ts";
import { nationalRows, ROOT, snapshot, tempDir } from "./helpers.ts";

const CASES = 250;
const SEED = 20241231;

// ---------------------------------------------------------------------------------------------------------------
// The real data files, read once
// ---------------------------------------------------------------------------------------------------------------

const files = new Map<string, Buffer>();
(function walk(dir: string) {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // data/drafts holds machine-extracted drafts, not read by the build.
    if (e.isDirectory() && e.name !== "drafts") walk(`${dir}/${e.name}`);
    else if (e.isFile()) files.set(`${dir}/${e.name}`, readFileSync(join(ROOT, dir, e.name)));
  }
})("data");
const text = (file: string) => files.get(file)!.toString("utf8");
const yamlFiles = [...files.keys()].filter((f) => f.endsWith(".yaml"));
const planFiles = yamlFiles.filter((f) => f.startsWith("data/plans/"));
const tableFiles = [...files.keys()].filter((f) => f.startsWith("data/tables/"));
const sourceFiles = [...files.keys()].filter((f) => f.startsWith("data/sources/"));

/** A scalar of a YAML file: where it is, what it holds, and the mapping it sits in. */
interface Leaf {
  file: string;
  path: (string | number)[];
  /** Offsets of the value's text (quotes included). */
  start: number;
  end: number;
  line: number;
  value: unknown;
  /** The pair and mapping holding it, when it is a mapping value. */
  pair?: Pair;
  map?: YAMLMap;
  mapLine?: number;
  /** Index of the pair in its mapping. */
  index?: number;
}

function leaves(file: string): Leaf[] {
  const src = text(file);
  const lines = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lines });
  const out: Leaf[] = [];
  const line = (offset: number) => lines.linePos(offset).line;
  const walk = (node: unknown, path: (string | number)[], holder?: { pair: Pair; map: YAMLMap; index: number }) => {
    if (isScalar(node)) {
      const s = node as Scalar;
      out.push({ file, path, start: s.range![0], end: s.range![1], line: line(s.range![0]), value: s.value, ...(holder && { ...holder, mapLine: line((holder.map as Node).range![0]) }) });
    } else if (isMap(node)) {
      node.items.forEach((pair, index) => {
        if (isPair(pair) && isScalar(pair.key)) walk(pair.value, [...path, String((pair.key as Scalar).value)], { pair, map: node, index });
      });
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return out;
}
const allLeaves = new Map(yamlFiles.map((f) => [f, leaves(f)]));

// ---------------------------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------------------------

// Seeded: the same seed makes the same 250 cases.
const rand = prng(SEED);
/** Thrown when a generator finds nothing to mutate in the file it picked: it is then asked for another case. */
class NoCandidate extends Error {}
const pick = <T>(xs: readonly T[]): T => {
  if (xs.length === 0) throw new NoCandidate();
  return xs[Math.floor(rand() * xs.length)];
};

/** What a mutation writes, and what the build must then do. */
interface Case {
  name: string;
  /** Files to write (relative path → bytes); null deletes. */
  writes: Map<string, Buffer | null>;
  expect:
    | { kind: "error"; at?: { file: string; line: number; field: string } }
    | { kind: "finding" };
}

const splice = (s: string, start: number, end: number, insert: string) => s.slice(0, start) + insert + s.slice(end);
const lineOfOffset = (s: string, offset: number) => s.slice(0, offset).split("\n").length;
const errorAt = (file: string, line: number, path: (string | number)[]) => ({ kind: "error" as const, at: { file, line, field: fieldPath(path) } });
const write = (file: string, content: string | Buffer) => new Map([[file, typeof content === "string" ? Buffer.from(content) : content]]);

/** The source document of a plan file. */
const sourceOf = (plan: string) => text(`data/sources/${String(allLeaves.get(plan)!.find((x) => x.path.length === 1 && x.path[0] === "source_file")!.value)}`);
const isQuoteField = (l: Leaf) => ["quote", "number_quote", "issued_quote"].includes(String(l.path[l.path.length - 1]));
const PUBLISHED = new Set(["value", "target_value", "baseline_value", "change_pp", "change_households", "change_relative_pct", "households", "stated_pct"]);
const lastKey = (l: Leaf) => String(l.path[l.path.length - 1]);

/** Keys that a mapping of each kind cannot lack (from src/domain/schema.ts). */
const REQUIRED: Record<string, string[]> = {
  "plan:": ["id", "locality_id", "year", "number", "number_quote", "issued", "issued_quote", "issuer", "issuer_en", "title", "title_en", "poverty_standard", "standard_note", "source_file"],
  "plan:statistics[]": ["indicator", "group", "date", "value", "unit", "quote"],
  "plan:targets[]": ["indicator", "group", "kind", "target_date", "unit", "quote"],
  "plan:deprivations[]": ["date", "group", "indicator", "households", "stated_pct", "quote"],
  "plan:notes[]": ["code", "message_vi", "message_en", "quote"],
  "plan:tables[]": ["file", "title", "header_rows", "name_column"],
  "plan:tables[].columns[]": ["index", "indicator", "group", "record", "date", "unit", "header"],
  "plan:parent_plan": ["text", "quote"],
  "localities:localities[]": ["id", "name", "type_vi", "type_en", "level", "parent"],
  "localities:localities[].succession[]": ["date", "act", "note_vi", "note_en", "source"],
  "indicators:indicators[]": ["id", "name_vi", "name_en", "description_vi", "description_en"],
  "standards:standards[]": ["id", "act", "name_vi", "name_en", "years", "poor_rule_vi", "poor_rule_en", "source"],
  "standards:standards[].income_lines": ["rural", "urban"],
  "standards:standards[].dimensions[]": ["id", "name_vi", "name_en"],
  "standards:standards[].dimensions[].indicators[]": ["id", "code", "name_vi", "name_en"],
  "projects:projects[]": ["id", "name_vi", "name_en"],
  "projects:": ["programme_vi", "programme_en", "act"],
};
const kindOf = (file: string) => (file.startsWith("data/plans/") ? "plan" : file.split("/").pop()!.replace(".yaml", ""));
const contextOf = (l: Leaf) => `${kindOf(l.file)}:${l.path.slice(0, -1).map((k) => (typeof k === "number" ? "[]" : `.${k}`)).join("").replace(/^\./, "").replace(/\.\[\]/g, "[]")}`;

const generators: [weight: number, name: string, make: () => Case | undefined][] = [
  [30, "wrong type", () => {
    const l = pick(yamlFiles.flatMap((f) => allLeaves.get(f)!));
    const replacement = typeof l.value === "number" ? '"twenty"' : typeof l.value === "boolean" ? '"yes"' : pick(["[1, 2]", "{ a: 1 }"]);
    return { name: `${l.file}:${l.line} ${fieldPath(l.path)} ← ${replacement}`, writes: write(l.file, splice(text(l.file), l.start, l.end, replacement)), expect: errorAt(l.file, l.line, l.path) };
  }],
  [25, "unparsable number", () => {
    const l = pick(planFiles.flatMap((f) => allLeaves.get(f)!).filter((x) => PUBLISHED.has(lastKey(x))));
    const bad = pick(["0,4,3%", "1..2", "abc", "12e5", "１２", "", "--5", "5 5", "0x1F", "1.2.3,4,5", "½", "7%%", ",5", "1.01", "NaN", "∞"]);
    return { name: `${l.file}:${l.line} ${fieldPath(l.path)} ← ${JSON.stringify(bad)}`, writes: write(l.file, splice(text(l.file), l.start, l.end, JSON.stringify(bad))), expect: errorAt(l.file, l.line, l.path) };
  }],
  [30, "missing field", () => {
    const l = pick(yamlFiles.flatMap((f) => allLeaves.get(f)!).filter((x) => x.pair && REQUIRED[contextOf(x)]?.includes(lastKey(x))));
    const src = text(l.file);
    const key = l.pair!.key as Scalar;
    let cut: [number, number];
    if (l.map!.flow) {
      const after = /^\s*,\s*/.exec(src.slice(l.end));
      const before = /,\s*$/.exec(src.slice(0, key.range![0]));
      cut = after ? [key.range![0], l.end + after[0].length] : before ? [key.range![0] - before[0].length, l.end] : [key.range![0], l.end];
    } else {
      // A block pair on its own line (not the first of a list item, whose line also opens the item).
      const lineStart = src.lastIndexOf("\n", key.range![0] - 1) + 1;
      const lineEnd = src.indexOf("\n", l.end);
      if (/^\s*- /.test(src.slice(lineStart, key.range![0])) || src.slice(l.end, lineEnd).trim() !== "" && !src.slice(l.end, lineEnd).trim().startsWith("#")) return undefined;
      if (l.start === l.end || src.slice(lineStart, lineEnd).includes("\n")) return undefined;
      cut = [lineStart, lineEnd + 1];
    }
    return { name: `${l.file}: delete ${fieldPath(l.path)} (line ${l.line})`, writes: write(l.file, splice(src, cut[0], cut[1], "")), expect: errorAt(l.file, l.mapLine!, l.path) };
  }],
  [20, "duplicate id", () => {
    const kind = pick(["locality", "indicator", "project", "standard", "plan", "column", "yaml key"] as const);
    if (kind === "locality" || kind === "indicator" || kind === "project") {
      const file = { locality: "data/localities.yaml", indicator: "data/reference/indicators.yaml", project: "data/reference/projects.yaml" }[kind];
      const list = { locality: "localities", indicator: "indicators", project: "projects" }[kind];
      const ids = allLeaves.get(file)!.filter((x) => x.path.length === 3 && x.path[0] === list && x.path[2] === "id");
      const l = pick(ids);
      const src = text(file);
      // Copy the item's lines (from its "- id:" line to the next item or the end) to the end of the file.
      const from = src.lastIndexOf("\n", l.start) + 1;
      const next = ids.find((x) => x.start > l.start);
      const to = next ? src.lastIndexOf("\n", next.start) + 1 : src.length;
      const block = src.slice(from, to).replace(/\s+$/, "\n");
      const base = src.endsWith("\n") ? src : `${src}\n`;
      const line = base.split("\n").length;
      return { name: `${file}: ${kind} ${String(l.value)} twice`, writes: write(file, base + block), expect: errorAt(file, line, [list, ids.length, "id"]) };
    }
    if (kind === "standard") {
      const file = "data/reference/standards.yaml";
      const ids = allLeaves.get(file)!.filter((x) => x.path.length === 3 && x.path[0] === "standards" && x.path[2] === "id");
      return { name: `${file}: standard ${String(ids[0].value)} twice`, writes: write(file, splice(text(file), ids[1].start, ids[1].end, JSON.stringify(ids[0].value))), expect: errorAt(file, ids[1].line, ids[1].path) };
    }
    if (kind === "plan") {
      const file = pick(planFiles);
      const copy = "data/plans/zz-copy-2024.yaml";
      const id = allLeaves.get(file)!.find((x) => x.path.length === 1 && x.path[0] === "id")!;
      return { name: `${file} copied to ${copy}`, writes: write(copy, files.get(file)!), expect: errorAt(copy, id.line, ["id"]) };
    }
    if (kind === "column") {
      const cols = planFiles.flatMap((f) => allLeaves.get(f)!).filter((x) => x.path[0] === "tables" && x.path[2] === "columns" && x.path[4] === "index");
      if (cols.length < 2) return undefined;
      const a = pick(cols), b = pick(cols.filter((x) => x !== a && x.file === a.file && x.path[1] === a.path[1]));
      const later = (a.path[3] as number) > (b.path[3] as number) ? a : b;
      return { name: `${a.file}: column index ${String(b.value)} mapped twice`, writes: write(a.file, splice(text(a.file), a.start, a.end, String(b.value))), expect: errorAt(a.file, later.line, later.path) };
    }
    // A key written twice in one mapping (block style, root level).
    const file = pick(yamlFiles);
    const src = text(file);
    const l = pick(allLeaves.get(file)!.filter((x) => x.path.length === 1 && x.pair && !x.map!.flow && !src.slice(x.start, x.end).includes("\n") && src.indexOf("\n", x.end) !== -1));
    const lineEnd = src.indexOf("\n", l.end);
    const insert = `\n${String(l.path[0])}: ${JSON.stringify(typeof l.value === "string" ? `${l.value}x` : l.value)}`;
    return { name: `${file}: key ${String(l.path[0])} twice`, writes: write(file, splice(src, lineEnd, lineEnd, insert)), expect: errorAt(file, l.line + 1, [String(l.path[0])]) };
  }],
  [15, "unknown locality", () => {
    const kind = pick(["plan", "table row", "parent"] as const);
    if (kind === "parent") {
      const l = pick(allLeaves.get("data/localities.yaml")!.filter((x) => x.path[2] === "parent" && x.value !== null));
      return { name: `localities: parent of ${fieldPath(l.path)} unknown`, writes: write(l.file, splice(text(l.file), l.start, l.end, `${String(l.value)}-x`)), expect: errorAt(l.file, l.line, l.path) };
    }
    const l = pick(planFiles.flatMap((f) => allLeaves.get(f)!).filter((x) => (kind === "plan" ? x.path.length === 1 && x.path[0] === "locality_id" : x.path[0] === "tables" && x.path[2] === "rows")));
    return { name: `${l.file}: ${fieldPath(l.path)} → unknown locality`, writes: write(l.file, splice(text(l.file), l.start, l.end, `${String(l.value)}/nowhere`)), expect: errorAt(l.file, l.line, l.path) };
  }],
  [25, "quote not in the source", () => {
    const l = pick(planFiles.flatMap((f) => allLeaves.get(f)!).filter((x) => isQuoteField(x) && typeof x.value === "string"));
    const q = l.value as string;
    const at = 1 + Math.floor(rand() * (q.length - 2));
    const changed = pick([`${q.slice(0, at)}⟂${q.slice(at)}`, `${q.slice(0, at)}${q.slice(at + 1)}`, q.replace(/\d/, (d) => String((Number(d) + 1) % 10)), `${q} thêm`]);
    // The edit must really take the quote out of the document (a shorter quote can still be in it).
    if (changed.length < 8 || foldSpace(sourceOf(l.file)).includes(foldSpace(changed))) return undefined;
    return { name: `${l.file}:${l.line} ${fieldPath(l.path)} edited`, writes: write(l.file, splice(text(l.file), l.start, l.end, JSON.stringify(changed))), expect: errorAt(l.file, l.line, l.path) };
  }],
  [8, "occurrence too high", () => {
    const all = planFiles.flatMap((f) => allLeaves.get(f)!);
    const has = (x: Leaf, key: string) => all.some((y) => y.file === x.file && y.path.length === x.path.length && y.path[0] === x.path[0] && y.path[1] === x.path[1] && lastKey(y) === key);
    const l = pick(all.filter((x) => lastKey(x) === "quote" && x.pair && !x.map!.flow && ["statistics", "targets", "notes"].includes(String(x.path[0])) && !has(x, "occurrence")));
    const src = text(l.file);
    const lineEnd = src.indexOf("\n", l.end);
    const indent = /^\s*/.exec(src.slice(src.lastIndexOf("\n", l.start - 1) + 1))![0].replace("-", " ");
    return { name: `${l.file}:${l.line} ${fieldPath(l.path)} occurrence 9`, writes: write(l.file, splice(src, lineEnd, lineEnd, `\n${indent}occurrence: 9`)), expect: errorAt(l.file, l.line, l.path) };
  }],
  [25, "sum that does not add up", () => tableEdit((cell) => {
    const n = Number(cell.replace(/\./g, ""));
    const next = n + 1 + Math.floor(rand() * 40);
    return cell.length === 2 && next < 100 ? String(next).padStart(2, "0") : next >= 1000 ? next.toLocaleString("de-DE") : String(next);
  }, "finding")],
  [10, "huge value", () => (rand() < 0.5
    ? tableEdit(() => pick(["999.999.999", "1.000.000.000.000", "99.999.999.999.999.999"]), "finding")
    : textFigure("9".repeat(400)))],
  [25, "HTML or script in a name", () => {
    const l = pick(yamlFiles.flatMap((f) => allLeaves.get(f)!).filter((x) => typeof x.value === "string" && !isQuoteField(x)));
    const hostile = pick(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", `${String(l.value)} <b>bold</b>`, "</title><script>alert(document.domain)</script>", "<!-- hidden -->", "<svg onload=alert(1)>", "x\u202Eevil"]);
    return { name: `${l.file}:${l.line} ${fieldPath(l.path)} ← ${JSON.stringify(hostile)}`, writes: write(l.file, splice(text(l.file), l.start, l.end, JSON.stringify(hostile))), expect: errorAt(l.file, l.line, l.path) };
  }],
  [15, "invalid UTF-8", () => {
    const file = pick([...yamlFiles, ...tableFiles, ...sourceFiles]);
    const bytes = files.get(file)!;
    const starts = [0, ...[...bytes.entries()].filter(([, b]) => b === 0x0a).map(([i]) => i + 1)].filter((i) => i < bytes.length);
    const lineIndex = Math.floor(rand() * starts.length);
    const bad = Buffer.from(pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80]]));
    const out = Buffer.concat([bytes.subarray(0, starts[lineIndex]), bad, bytes.subarray(starts[lineIndex])]);
    return { name: `${file}: invalid UTF-8 on line ${lineIndex + 1}`, writes: write(file, out), expect: { kind: "error", at: { file, line: lineIndex + 1, field: "" } } };
  }],
  [12, "empty file", () => {
    const file = pick([...yamlFiles, ...tableFiles, ...sourceFiles]);
    const empty = pick(["", "\n\n", "   \n"]);
    if (file.endsWith(".yaml") && rand() < 0.3) return { name: `${file}: only a comment`, writes: write(file, "# nothing here\n"), expect: { kind: "error", at: { file, line: 1, field: "" } } };
    return { name: `${file}: emptied`, writes: write(file, empty), expect: { kind: "error", at: { file, line: 1, field: "" } } };
  }],
  [10, "broken YAML", () => {
    const file = pick(yamlFiles);
    const src = text(file);
    const lines = src.split("\n");
    const i = Math.floor(rand() * lines.length);
    const quoted = allLeaves.get(file)!.filter((x) => src[x.start] === '"' && x.end - x.start > 4);
    const broken = pick([
      // cut short inside a quoted string
      () => (quoted.length ? src.slice(0, pick(quoted).start + 3) : "key: \"unterminated\n"),
      () => [...lines.slice(0, i), "key: [unclosed", ...lines.slice(i)].join("\n"),
      () => [...lines.slice(0, i), "\t- tab: indented", ...lines.slice(i)].join("\n"),
      () => [...lines.slice(0, i), "- a\nb: c", ...lines.slice(i)].join("\n"),
      () => `${src}\n---\nsecond: document\n`,
      () => "just a string\n",
      () => "- a\n- list\n",
    ])();
    return { name: `${file}: broken YAML near line ${i + 1}`, writes: write(file, broken), expect: { kind: "error" } };
  }],
  [10, "edited source line", () => {
    const file = pick(planFiles);
    const sourceName = allLeaves.get(file)!.find((x) => x.path[0] === "source_file")!.value as string;
    const quoted = allLeaves.get(file)!.filter((x) => lastKey(x) === "quote" && typeof x.value === "string" && !(x.value as string).includes("\n"));
    const q = pick(quoted).value as string;
    const src = text(`data/sources/${sourceName}`);
    const at = src.indexOf(q);
    if (at === -1 || q.length < 12) return undefined;
    // Break the quoted words on that line (every character doubled with a mark between).
    const line = lineOfOffset(src, at);
    const lines = src.split("\n");
    lines[line - 1] = [...lines[line - 1]].join("⟂");
    return { name: `data/sources/${sourceName}: line ${line} edited`, writes: write(`data/sources/${sourceName}`, lines.join("\n")), expect: { kind: "error" } };
  }],
];

/** Edit one number of a data row of the appendix table, in the table and in the source alike (so both still agree). */
function tableEdit(change: (cell: string) => string, kind: "finding" | "error"): Case | undefined {
  const file = pick(tableFiles);
  const plan = planFiles.find((f) => allLeaves.get(f)!.some((x) => x.path[0] === "tables" && x.path[2] === "file" && `data/tables/${String(x.value)}` === file))!;
  const leaves = allLeaves.get(plan)!;
  const headerRows = leaves.find((x) => x.path[0] === "tables" && x.path[2] === "header_rows")!.value as number;
  const countColumns = leaves.filter((x) => x.path[2] === "columns" && x.path[4] === "unit" && x.value === "households")
    .map((x) => leaves.find((y) => y.path[1] === x.path[1] && y.path[2] === "columns" && y.path[3] === x.path[3] && y.path[4] === "index")!.value as number);
  const lines = text(file).split("\n");
  const total = leaves.find((x) => x.path[2] === "total_label")?.value;
  const dataRows = lines.map((l, i) => i).filter((i) => i >= headerRows && lines[i].trim() && !lines[i].includes(`\t${String(total)}\t`));
  const row = pick(dataRows), col = pick(countColumns);
  const cells = lines[row].split("\t");
  const before = lines[row];
  cells[col] = change(cells[col]);
  const after = cells.join("\t");
  const sourceName = leaves.find((x) => x.path[0] === "source_file")!.value as string;
  const sourceFile = `data/sources/${sourceName}`;
  const src = text(sourceFile);
  if (src.split(before).length !== 2 || after === before) return undefined;
  lines[row] = after;
  return {
    name: `${file}:${row + 1} column ${col} ${before.split("\t")[col]} → ${cells[col]} (table and source)`,
    writes: new Map([[file, Buffer.from(lines.join("\n"))], [sourceFile, Buffer.from(src.replace(before, () => after))]]),
    expect: kind === "finding" ? { kind: "finding" } : { kind: "error" },
  };
}

/** Print a figure of the text as `printed` in its value, its quote (everywhere it is written) and the source. */
function textFigure(printed: string): Case | undefined {
  const file = pick(planFiles);
  const leaves = allLeaves.get(file)!;
  const src = text(file);
  const sourceFile = `data/sources/${leaves.find((x) => x.path[0] === "source_file")!.value as string}`;
  const source = text(sourceFile);
  const values = leaves.filter((x) => x.path[0] === "statistics" && lastKey(x) === "value" && typeof x.value === "string" && /^\d+$/.test(x.value as string));
  if (!values.length) return undefined;
  const v = pick(values);
  const quote = leaves.find((x) => x.path[0] === "statistics" && x.path[1] === v.path[1] && lastKey(x) === "quote")!;
  const q = quote.value as string, raw = src.slice(quote.start, quote.end);
  const printedValue = v.value as string;
  if (raw !== JSON.stringify(q) || q.split(printedValue).length !== 2 || source.split(q).length !== 2) return undefined;
  const q2 = q.replace(printedValue, printedValue.replace(/\d+/, printed));
  const yaml = splice(src, v.start, v.end, JSON.stringify(printedValue.replace(/\d+/, printed))).split(raw).join(JSON.stringify(q2));
  return {
    name: `${file}:${v.line} ${fieldPath(v.path)} printed as ${printed.length} digits (value, quote and source)`,
    writes: new Map([[file, Buffer.from(yaml)], [sourceFile, Buffer.from(source.replace(q, () => q2))]]),
    expect: errorAt(file, v.line, v.path),
  };
}

function makeCases(): Case[] {
  const total = generators.reduce((a, [w]) => a + w, 0);
  const cases: Case[] = [];
  const names = new Set<string>();
  for (let tries = 0; cases.length < CASES && tries < CASES * 50; tries++) {
    let r = rand() * total;
    const [, kind, make] = generators.find(([w]) => (r -= w) < 0) ?? generators[0];
    let c: Case | undefined;
    try {
      c = make();
    } catch (e) {
      if (!(e instanceof NoCandidate)) throw e;
    }
    if (!c || names.has(`${kind}: ${c.name}`)) continue;
    names.add(`${kind}: ${c.name}`);
    cases.push({ ...c, name: `${kind}: ${c.name}` });
  }
  return cases;
}
const cases = makeCases();

// ---------------------------------------------------------------------------------------------------------------
// Running them
// ---------------------------------------------------------------------------------------------------------------

let root: string;
let out: string;
let baseline: Map<string, Buffer>;
let baselineFindings: Set<string>;

beforeAll(async () => {
  root = tempDir("fuzz");
  cpSync(join(ROOT, "data"), join(root, "data"), { recursive: true, filter: (src) => !src.includes("/drafts") });
  out = join(root, "public", "data");
  await buildData(root, out);
  baseline = snapshot(out);
  baselineFindings = new Set(nationalRows(out, "quality").map((q: unknown) => JSON.stringify(q)));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function apply(c: Case) {
  for (const [file, bytes] of c.writes) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    if (bytes === null) unlinkSync(join(root, file));
    else writeFileSync(join(root, file), bytes);
  }
}

function restore(c: Case) {
  for (const file of c.writes.keys()) {
    const original = files.get(file);
    if (original) writeFileSync(join(root, file), original);
    else rmSync(join(root, file), { force: true });
  }
}

/** The previous output is byte for byte what it was, and no temporary folder is left behind. */
function expectOutputUntouched() {
  const now = snapshot(out);
  expect([...now.keys()]).toEqual([...baseline.keys()]);
  for (const [file, bytes] of baseline) expect(now.get(file)!.equals(bytes), `${file} changed`).toBe(true);
  expect(readdirSync(dirname(out)).filter((n) => /\.(tmp|old)-/.test(n))).toEqual([]);
}

/** Put the baseline output back after a run that (rightly) replaced it. */
function restoreOutput() {
  rmSync(out, { recursive: true, force: true });
  for (const [file, bytes] of baseline) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), bytes);
  }
}

describe(`${CASES} seeded mutations of the real data files`, () => {
  test("the generator made enough distinct cases of every kind", () => {
    expect(cases.length).toBe(CASES);
    const kinds = new Set(cases.map((c) => c.name.split(":")[0]));
    expect([...kinds].sort()).toEqual(generators.map(([, k]) => k).sort());
  });

  test.each(cases.map((c, i) => [i + 1, c.name, c] as const))("%i %s", async (_i, _name, c) => {
    apply(c);
    let caught: unknown;
    try {
      await buildData(root, out);
    } catch (e) {
      caught = e;
    } finally {
      restore(c);
    }
    if (c.expect.kind === "finding" && caught === undefined) {
      const findings: unknown[] = nationalRows(out, "quality");
      const fresh = findings.filter((q) => !baselineFindings.has(JSON.stringify(q)));
      restoreOutput();
      expect(fresh.length, "a data-quality issue must be recorded as a finding").toBeGreaterThan(0);
      return;
    }
    if (caught === undefined) restoreOutput();
    expect(caught, "the build must fail on this input").toBeInstanceOf(DataErrors);
    const errors = (caught as DataErrors).errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      // Every error names a data file and a line, reads as one line, and carries no stack trace.
      expect(e.file, e.format()).toMatch(/^data\/[\w./-]+$/);
      expect(Number.isInteger(e.line) && e.line! >= 1, `no line in: ${e.format()}`).toBe(true);
      expect(e.message).not.toMatch(/\n|^\s+at /);
      expect(e.format()).toBe(`${e.file}:${e.line}: ${e.field ? `${e.field}: ` : ""}${e.message}`);
    }
    if (c.expect.kind === "error" && c.expect.at) {
      const { file, line, field } = c.expect.at;
      const hit = errors.find((e) => e.file === file && e.line === line && e.field === field);
      expect(hit, `expected an error at ${file}:${line} ${field}; got:\n${errors.map((e) => e.format()).join("\n")}`).toBeDefined();
    }
    expectOutputUntouched();
  });
});

describe("what a user sees from the CLI", () => {
  // One case of each kind that must fail: the CLI exits 1, prints one line per problem and no stack trace.
  const cli = [...new Map(cases.filter((c) => c.expect.kind === "error").map((c) => [c.name.split(":")[0], c])).values()].slice(0, 6);

  test.each(cli.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    apply(c);
    let run;
    try {
      run = spawnSync(join(ROOT, "node_modules", ".bin", "node"), ["scripts/build-data.ts"], { cwd: ROOT, env: { ...process.env, PPT_ROOT: root }, encoding: "utf8", timeout: 30_000 });
    } finally {
      restore(c);
    }
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toBe("");
    const [head, ...problems] = run.stderr.trimEnd().split("\n");
    expect(head).toMatch(/^data: \d+ problem\(s\) in data\/, nothing written:$/);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatch(/^ {2}data\/[\w./-]+:\d+: /);
    expect(run.stderr).not.toMatch(/^\s+at |Error:|node:internal/m);
    expectOutputUntouched();
  });
});
