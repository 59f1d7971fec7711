/**
 * `npm run extract:score`: run the extractor (in memory) on the source of every curated plan in data/plans/ and
 * compare its figures with the curated ones. Prints recall and precision per plan and overall, and for the headline
 * figures (rates, counts, changes, coverage), then writes the table into bench/RESULTS.md (section "extract").
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSection } from "../bench/results.ts";
import { LocalitiesFile, PlanFile } from "../src/lib/schema.ts";
import { DataErrors } from "./lib/data-error.ts";
import { extractDraft } from "./lib/extract/draft.ts";
import { figuresOf, matchCount, type Figure } from "./lib/extract/figures.ts";
import { loadYaml, readUtf8 } from "./lib/yaml-file.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

interface Row {
  plan: string;
  all: ReturnType<typeof matchCount>;
  headline: ReturnType<typeof matchCount>;
  missed: string[];
  extra: string[];
}

const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)}%`);

/** Keys of `a` left over after taking out `b` (as multisets). */
function leftover(a: Figure[], b: Figure[]): string[] {
  const count = new Map<string, number>();
  for (const f of b) count.set(f.key, (count.get(f.key) ?? 0) + 1);
  return a.filter((f) => {
    const k = count.get(f.key) ?? 0;
    if (k > 0) count.set(f.key, k - 1);
    return k === 0;
  }).map((f) => f.key);
}

function score(): Row[] {
  const localities = loadYaml(join(ROOT, "data", "localities.yaml"), "data/localities.yaml", LocalitiesFile).data.localities;
  const plans = readdirSync(join(ROOT, "data", "plans")).filter((f) => f.endsWith(".yaml")).sort();
  return plans.map((file) => {
    const curated = loadYaml(join(ROOT, "data", "plans", file), `data/plans/${file}`, PlanFile).data;
    const source = readUtf8(join(ROOT, "data", "sources", curated.source_file), `data/sources/${curated.source_file}`);
    const draft = extractDraft(source, { sourceFile: curated.source_file, localities });
    const curatedTable = (f: string) => (existsSync(join(ROOT, "data", "tables", f)) ? readFileSync(join(ROOT, "data", "tables", f), "utf8") : undefined);
    const draftTable = (f: string) => draft.tables.find((t) => t.file === f)?.tsv;
    const c = figuresOf(curated, curatedTable);
    const d = figuresOf(draft.plan as never, draftTable);
    return {
      plan: curated.id,
      all: matchCount(c, d),
      headline: matchCount(c, d, (f) => f.headline),
      missed: leftover(c, d),
      extra: leftover(d, c),
    };
  });
}

function main() {
  const rows = score();
  const total = (k: "all" | "headline") => rows.reduce((s, r) => ({ curated: s.curated + r[k].curated, draft: s.draft + r[k].draft, matched: s.matched + r[k].matched }), { curated: 0, draft: 0, matched: 0 });
  const line = (name: string, a: Row["all"], h: Row["headline"]) =>
    `| ${name} | ${a.curated} | ${a.draft} | ${a.matched} | ${pct(a.matched, a.curated)} | ${pct(a.matched, a.draft)} | ${h.curated} | ${h.matched} | ${pct(h.matched, h.curated)} | ${pct(h.matched, h.draft)} |`;
  const table = [
    "| plan | curated | draft | matched | recall | precision | headline curated | headline matched | headline recall | headline precision |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => line(r.plan, r.all, r.headline)),
    line("**overall**", total("all"), total("headline")),
  ];
  console.log(table.join("\n"));
  for (const r of rows) {
    for (const k of r.missed) console.log(`  ${r.plan}: missed ${k}`);
    for (const k of r.extra) console.log(`  ${r.plan}: extra  ${k}`);
  }
  const date = new Date().toISOString().slice(0, 10);
  writeSection("extract", [
    "## Extraction from plan texts (`npm run extract:score`)",
    "",
    `Measured ${date} with Node ${process.version}: the extractor run on the source of each curated plan in \`data/plans/\`, its`,
    "figures compared with the curated ones (statistics, targets, deprivation lines and mapped appendix-table cells). A figure",
    "matches when locality, indicator, group, kind (`statistic` for statistics, `deprivation` for deprivation lines) and value",
    "(as a number) agree. Headline figures are rates, counts, changes and coverage targets (all but budgets and deprivation",
    "lines). Aim: headline recall ≥ 90% with precision ≥ 95%. These five plans are the ones the patterns were written and",
    "tested against, so the figures show the extractor reproduces the curated files, not how it does on a plan it has not",
    "seen: review every new draft.",
    "",
    ...table,
  ].join("\n"));
  console.log(`\nwritten to bench/RESULTS.md (section "extract")`);
}

try {
  main();
} catch (e) {
  if (e instanceof DataErrors) {
    for (const err of e.errors) console.error(err.format());
    process.exit(1);
  }
  throw e;
}
