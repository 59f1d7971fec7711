/**
 * `npm run extract -- data/sources/<file>.txt [--out data/drafts]`: read a plan's text and write a draft plan file
 * (same format as data/plans/, valid against the schema) for a data officer to review. Never overwrites a curated
 * plan or table. Prints what it found, what to check and what it left out.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { LocalitiesFile, PlanFile } from "../src/lib/schema.ts";
import { runReportingDataErrors } from "./lib/data-error.ts";
import { extractDraft } from "./lib/extract/draft.ts";
import { SourceText } from "./lib/provenance.ts";
import { isPlaceholder } from "./lib/read-data.ts";
import { loadYaml, readUtf8 } from "./lib/yaml-file.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

function usage(message?: string): never {
  if (message) console.error(`extract: ${message}`);
  console.error("usage: npm run extract -- data/sources/<file>.txt [--out data/drafts]");
  process.exit(2);
}

function main(argv: string[]) {
  let source: string | undefined, out = join(ROOT, "data", "drafts");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out") out = resolve(argv[++i] ?? usage("--out needs a folder"));
    else if (argv[i].startsWith("-")) usage(`unknown option ${argv[i]}`);
    else if (!source) source = resolve(argv[i]);
    else usage("one source file at a time");
  }
  if (!source) usage();
  if (!existsSync(source)) usage(`${source} does not exist`);
  const name = basename(source);
  if (!/^[a-z0-9-]+\.txt$/.test(name)) usage(`${name}: name sources <year>-<locality>-<province>.txt (ASCII, lower case, hyphens)`);
  if (resolve(source) !== join(ROOT, "data", "sources", name)) console.warn(`extract: note: the build reads sources from data/sources/; copy ${name} there before moving the draft`);

  const text = readUtf8(source, relative(ROOT, source));
  const localities = loadYaml(join(ROOT, "data", "localities.yaml"), "data/localities.yaml", LocalitiesFile).data.localities;
  const draft = extractDraft(text, { sourceFile: name, localities });
  const id = String(draft.plan.id);

  // A draft must never replace curated work: refuse to write over data/plans/ or data/tables/.
  const planPath = join(out, `${id}.yaml`);
  const curated = [join(ROOT, "data", "plans"), join(ROOT, "data", "tables")];
  const targets = [planPath, ...draft.tables.map((t) => join(out, t.file))];
  for (const p of targets) if (curated.some((d) => resolve(p).startsWith(`${d}/`)) && existsSync(p)) usage(`${relative(ROOT, p)} is a curated file; write drafts elsewhere (default data/drafts/)`);

  // The draft must pass the schema and every quote must be found, as `npm run data` will check.
  const problems: string[] = [];
  const parsed = PlanFile.safeParse(parse(draft.yaml));
  if (!parsed.success) for (const i of parsed.error.issues) problems.push(`schema: ${i.path.join(".")}: ${i.message}`);
  const src = new SourceText(text);
  for (const c of draft.candidates) if (!src.locate(c.quote, c.occurrence)) problems.push(`line ${c.line}: quote not found: ${c.quote.slice(0, 60)}`);

  mkdirSync(out, { recursive: true });
  writeFileSync(planPath, draft.yaml);
  for (const t of draft.tables) writeFileSync(join(out, t.file), t.tsv);

  const count = (s: string) => draft.candidates.filter((c) => c.section === s).length;
  const rel = (p: string) => relative(process.cwd(), p) || p;
  console.log(`extract: ${rel(source)} → ${rel(planPath)}`);
  console.log(`  plan ${id} · locality ${draft.header.locality_id.value} · year ${draft.header.year.value}${draft.header.ocr.value ? " · OCR copy" : ""}`);
  console.log(`  ${count("statistics")} statistics, ${count("targets")} targets, ${count("deprivations")} deprivation lines, ${draft.tables.length} table(s)${draft.tables.map((t) => ` → ${rel(join(out, t.file))}`).join("")}`);
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
  for (const t of draft.tables) for (const c of t.comments) console.log(`  table ${t.file}: ${c}`);
  if (draft.skipped.length) console.log(`  ${draft.skipped.length} figure(s) left out, listed at the end of the draft`);
  if (problems.length) {
    console.error(`extract: the draft has ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ${p}`);
    process.exit(1);
  }
  console.log("  the draft passes the schema and every quote is in the source; review it, then move it to data/plans/");
}

runReportingDataErrors(() => main(process.argv.slice(2)));
