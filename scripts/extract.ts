/**
 * `npm run extract -- data/sources/<file>.txt|<file>.pdf [--out data/drafts] [--ocr]`: read a document's text and
 * write a draft plan file (same format as data/plans/, valid against the schema) for a data officer to review. A PDF
 * is read with pdftotext, or with tesseract when it is a scan (or with --ocr), and the text read is written beside
 * the draft as its source. Never overwrites anything: not a curated plan or table, not an earlier draft. Prints what
 * it found, what to check and what it left out.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { LocalitiesFile, PlanFile } from "../src/domain/schema.ts";
import { runReportingDataErrors } from "./lib/data-error.ts";
import { extractDraft } from "./lib/extract/draft.ts";
import { readPdf } from "./lib/extract/pdf.ts";
import { SourceText } from "./lib/provenance.ts";
import { isPlaceholder } from "./lib/read-data.ts";
import { loadYaml, readUtf8 } from "./lib/yaml-file.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

function usage(message?: string): never {
  if (message) console.error(`extract: ${message}`);
  console.error("usage: npm run extract -- data/sources/<file>.txt|<file>.pdf [--out data/drafts] [--ocr]");
  process.exit(2);
}

function main(argv: string[]) {
  let source: string | undefined, out = join(ROOT, "data", "drafts"), forceOcr = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") out = resolve(argv[++i] ?? usage("--out needs a folder"));
    else if (argv[i] === "--ocr") forceOcr = true;
    else if (argv[i].startsWith("-")) usage(`unknown option ${argv[i]}`);
    else if (!source) source = resolve(argv[i]);
    else usage("one source file at a time");
  }
  if (!source) usage();
  if (!existsSync(source)) usage(`${source} does not exist`);
  const pdf = source.toLowerCase().endsWith(".pdf");
  const name = basename(source).replace(/\.pdf$/i, ".txt");
  if (!/^[a-z0-9-]+\.txt$/.test(name)) usage(`${basename(source)}: name sources <year>-<locality>-<province>.txt or .pdf (ASCII, lower case, hyphens)`);
  let text: string;
  const written: string[] = [];
  if (pdf) {
    let read;
    try {
      read = readPdf(source, { forceOcr });
    } catch (e) {
      usage((e as Error).message);
    }
    text = read.text;
    // The text read is the source the quotes are checked against: keep it, never over another file.
    mkdirSync(out, { recursive: true });
    const txt = join(out, name);
    if (existsSync(txt) && readFileSync(txt, "utf8") !== text) usage(`${relative(process.cwd(), txt)} already exists with other text; move it away first (a source is never overwritten)`);
    if (!existsSync(txt)) writeFileSync(txt, text, { flag: "wx" });
    written.push(txt);
    console.log(`extract: read ${basename(source)} with ${read.method} (${read.pages} page(s)) → ${relative(process.cwd(), txt)}${read.method === "tesseract" ? " (OCR: check every figure against the scan)" : ""}`);
    console.warn(`extract: note: move ${name} to data/sources/ with the draft; the build checks quotes against it`);
  } else {
    if (resolve(source) !== join(ROOT, "data", "sources", name)) console.warn(`extract: note: the build reads sources from data/sources/; copy ${name} there before moving the draft`);
    text = readUtf8(source, relative(ROOT, source));
  }
  const localities = loadYaml(join(ROOT, "data", "localities.yaml"), "data/localities.yaml", LocalitiesFile).data.localities;
  const draft = extractDraft(text, { sourceFile: name, localities });

  // A draft must never replace curated work (refuse to write over data/plans/ or data/tables/), nor an earlier draft:
  // a draft of the same source is refused with its name; a draft of another source whose id is taken (two documents
  // of an unknown locality in one year) gets the next free name, and says so.
  const curated = [join(ROOT, "data", "plans"), join(ROOT, "data", "tables")];
  const isCurated = (p: string) => curated.some((d) => resolve(p).startsWith(`${d}/`));
  const sourceOf = (p: string) => /^source_file: "?([^"\n]+)"?$/m.exec(readFileSync(p, "utf8"))?.[1];
  let id = String(draft.plan.id), suffix = "";
  for (let k = 2; existsSync(join(out, `${id}${suffix}.yaml`)); k++) {
    const p = join(out, `${id}${suffix}.yaml`);
    if (isCurated(p)) usage(`${relative(ROOT, p)} is a curated file; write drafts elsewhere (default data/drafts/)`);
    if (sourceOf(p) === name) usage(`${relative(process.cwd(), p)} is already a draft of ${name}; a draft is never overwritten: review it and move it, or delete it, then run again`);
    suffix = `-${k}`;
  }
  if (suffix) {
    console.warn(`extract: ${id}.yaml is taken by a draft of another document: writing ${id}${suffix}.yaml (CHECK the locality and id)`);
    id = `${id}${suffix}`;
  }
  const planPath = join(out, `${id}.yaml`);
  const yaml = suffix ? draft.yaml.replace(/^id: .*$/m, `id: ${id}`) : draft.yaml;
  const tableFiles = draft.tables.map((t) => ({ ...t, file: suffix ? t.file.replace(String(draft.plan.id), id) : t.file }));
  for (const t of tableFiles) {
    const p = join(out, t.file);
    if (isCurated(p) && existsSync(p)) usage(`${relative(ROOT, p)} is a curated file; write drafts elsewhere (default data/drafts/)`);
    if (existsSync(p)) usage(`${relative(process.cwd(), p)} already exists; a table is never overwritten: move it away first`);
  }

  // The draft must pass the schema and every quote must be found, as `npm run data` will check.
  const problems: string[] = [];
  const parsed = PlanFile.safeParse(parse(yaml));
  const plain = parse(yaml) as Record<string, unknown>;
  // A placeholder ("TODO: …") is listed below as still to write; it is not a problem of the draft.
  if (!parsed.success) for (const i of parsed.error.issues) if (!(i.path.length === 1 && isPlaceholder(plain[String(i.path[0])]))) problems.push(`schema: ${i.path.join(".")}: ${i.message}`);
  const src = new SourceText(text);
  for (const c of draft.candidates) if (!src.locate(c.quote, c.occurrence)) problems.push(`line ${c.line}: quote not found: ${c.quote.slice(0, 60)}`);

  mkdirSync(out, { recursive: true });
  // "wx": fail rather than replace a file another run wrote in the meantime.
  writeFileSync(planPath, yaml, { flag: "wx" });
  for (const t of tableFiles) writeFileSync(join(out, t.file), t.tsv, { flag: "wx" });

  const count = (s: string) => draft.candidates.filter((c) => c.section === s).length;
  const rel = (p: string) => relative(process.cwd(), p) || p;
  console.log(`extract: ${rel(source)} → ${rel(planPath)}`);
  console.log(`  ${draft.header.doc_type.value.replace("_", " ")} ${id} · locality ${draft.header.locality_id.value}${draft.header.locality_name.value ? ` (${draft.header.locality_name.value})` : ""} · year ${draft.header.year.value}${draft.header.ocr.value ? " · OCR copy" : ""}`);
  console.log(`  ${count("statistics")} statistics, ${count("targets")} targets, ${count("past_changes")} past changes, ${count("other_figures")} figures kept apart, ${count("deprivations")} deprivation lines, ${draft.tables.length} table(s)${tableFiles.map((t) => ` → ${rel(join(out, t.file))}`).join("")}`);
  const low = draft.candidates.filter((c) => c.confidence < 0.8);
  if (low.length) {
    console.log(`  check first (confidence below 0.8):`);
    for (const c of low) console.log(`    line ${c.line}: ${c.record.indicator} ${c.record.group} (${c.pattern}, ${c.confidence.toFixed(2)})`);
  }
  const checks = Object.entries(draft.header).filter(([, f]) => /CHECK|TODO/.test(String((f as { comment?: string })?.comment ?? "")) || isPlaceholder((f as { value?: unknown })?.value));
  if (checks.length) console.log(`  header fields to check: ${checks.map(([k]) => k).join(", ")}`);
  // `npm run data` refuses a "TODO: …" left in a value; listing them here saves a round trip.
  const todo = Object.entries(draft.plan).filter(([, v]) => isPlaceholder(v));
  if (todo.length) console.log(`  still TODO (write them before moving the draft; \`npm run data\` refuses placeholders): ${todo.map(([k]) => k).join(", ")}`);
  for (const t of tableFiles) for (const c of t.comments) console.log(`  table ${t.file}: ${c}`);
  if (draft.skipped.length) console.log(`  ${draft.skipped.length} figure(s) left out, listed at the end of the draft`);
  if (problems.length) {
    console.error(`extract: the draft has ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log("  the draft passes the schema and every quote is in the source; review it, then move it to data/plans/");
}

runReportingDataErrors(() => main(process.argv.slice(2)));
