/**
 * `npm run extract:score [-- --seed N]`: run the extractor (in memory) on the source of every curated plan in
 * data/plans/, as published and in three variants (NFD, diacritics stripped, seeded OCR-like noise), and compare each
 * draft's figures with the curated ones. Prints recall and precision per plan and variant and overall, and writes them
 * into bench/RESULTS.md (section "extract").
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeSection } from "./lib/results-file.ts";
import { runReportingDataErrors } from "./lib/data-error.ts";
import { precision, recall, scorePlans, total, type Counts, type Form, type ScoreRow } from "./lib/extract/score.ts";
import { VARIANTS } from "./lib/extract/variants.ts";
import { caseDetails, casesDir, caseTables, scoreCases } from "./lib/extract/cases.ts";
import { LocalitiesFile } from "../src/domain/schema.ts";
import { loadYaml } from "./lib/yaml-file.ts";
import { join } from "node:path";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
let FORMS: Form[] = ["published", ...VARIANTS.map((v) => v.kind)];
const LABEL: Record<Form, string> = { published: "as published", pdf_text: "PDF (text)", pdf_scan: "PDF (scan, OCR)", ...Object.fromEntries(VARIANTS.map((v) => [v.kind, v.label])) } as Record<Form, string>;
const PDF_DESCRIBE: Partial<Record<Form, string>> = {
  pdf_text: "the source printed to PDF by Chromium (A4, 12 pt, lines wrapped by the page) and read back with pdftotext",
  pdf_scan: "that PDF rasterised at 200 dpi by pdftoppm, printed again as images only, and read back with tesseract -l vie",
};
/** The aim of issue 5, on headline figures. */
const AIM = { recall: 0.9, precision: 0.95 };
/** Further OCR draws, to show how much the OCR figure depends on the seed. */
const HELD_OUT = 20;
const HELD_OUT_FROM = 3000;
/** A glyph rate twice the real copy's (variants.ts calibrates 0.2 to it). */
const HEAVY = 0.4;

const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)}%`);
const rp = (c: Counts) => `${pct(c.matched, c.curated)} / ${pct(c.matched, c.draft)}`;
const below = (c: Counts) => recall(c) < AIM.recall || precision(c) < AIM.precision;

function usage(message: string): never {
  console.error(`extract:score: ${message}\nusage: npm run extract:score [-- --seed N] [--pdf]`);
  process.exit(2);
}

function main(argv: string[]) {
  let seed = 0;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--seed" && /^\d+$/.test(argv[i + 1] ?? "")) seed = Number(argv[++i]);
    // Printing and OCR take minutes: the PDF columns are asked for.
    else if (argv[i] === "--pdf") FORMS = [...FORMS, "pdf_text", "pdf_scan"];
    else usage(`unknown argument ${argv[i]}`);
  }
  const rows = scorePlans(ROOT, FORMS, seed);
  const plans = [...new Set(rows.map((r) => r.plan))];
  const of = (plan: string, form: Form) => rows.find((r) => r.plan === plan && r.form === form)!;
  const formRows = (form: Form) => rows.filter((r) => r.form === form);

  // Counts per form, as the published table has always been printed.
  const countLine = (name: string, a: Counts, h: Counts) =>
    `| ${name} | ${a.curated} | ${a.draft} | ${a.matched} | ${pct(a.matched, a.curated)} | ${pct(a.matched, a.draft)} | ${h.curated} | ${h.draft} | ${h.matched} | ${pct(h.matched, h.curated)} | ${pct(h.matched, h.draft)} |`;
  const countTable = (form: Form) => [
    "| plan | curated | draft | matched | recall | precision | headline curated | headline draft | headline matched | headline recall | headline precision |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...formRows(form).map((r) => countLine(r.plan, r.all, r.headline)),
    countLine("**overall**", total(formRows(form), "all"), total(formRows(form), "headline")),
  ];
  // Plan × form: recall / precision.
  const matrix = (k: "all" | "headline") => [
    `| plan | ${FORMS.map((f) => LABEL[f]).join(" | ")} |`,
    `|---|${FORMS.map(() => "---:").join("|")}|`,
    ...plans.map((p) => `| ${p} | ${FORMS.map((f) => `${rp(of(p, f)[k])}${k === "headline" && below(of(p, f)[k]) ? " ✗" : ""}`).join(" | ")} |`),
    `| **overall** | ${FORMS.map((f) => `**${rp(total(formRows(f), k))}**${k === "headline" && below(total(formRows(f), k)) ? " ✗" : ""}`).join(" | ")} |`,
  ];
  const variantsOnly = rows.filter((r) => r.form !== "published");

  // One OCR draw proves little: score more. The repair was adjusted while looking at seeds 0–5, 1000–1009 and
  // 2000–2019, so report seeds it was never tuned on, and a noise twice as heavy as the real copy's to show where it
  // gives way. Whoever tunes the repair again on these seeds should move HELD_OUT_FROM on.
  const range = (xs: number[]) => `${(100 * Math.min(...xs)).toFixed(1)}–${(100 * Math.max(...xs)).toFixed(1)}%`;
  const draws = (label: string, seeds: number[], noise?: { glyph: number }) => {
    const rs = seeds.map((s) => scorePlans(ROOT, ["ocr"], s, noise));
    const h = rs.map((r) => total(r, "headline")), a = rs.map((r) => total(r, "all"));
    const sum = total(rs.flat(), "headline");
    return `| ${label} | ${seeds.length} | ${rp(sum)} | ${range(h.map(recall))} | ${range(h.map(precision))} | ${range(a.map(recall))} | ${range(a.map(precision))} |`;
  };
  const heldOut = Array.from({ length: HELD_OUT }, (_, k) => HELD_OUT_FROM + seed + k);
  const spread = [
    "| OCR noise | draws | headline recall / precision (pooled) | headline recall, range | headline precision, range | all recall, range | all precision, range |",
    "|---|---:|---:|---:|---:|---:|---:|",
    draws(`as the real copy, held-out seeds ${heldOut[0]}–${heldOut[heldOut.length - 1]}`, heldOut),
    draws(`twice as heavy (glyph rate ${HEAVY}), same seeds`, heldOut, { glyph: HEAVY }),
  ];

  for (const form of FORMS) {
    console.log(`\n${LABEL[form]}${form === "published" ? "" : ` (${VARIANTS.find((v) => v.kind === form)?.describe ?? PDF_DESCRIBE[form]})`}`);
    console.log(countTable(form).join("\n"));
  }
  console.log("\nheadline recall / precision, plan × form (✗ below the aim)");
  console.log(matrix("headline").join("\n"));
  console.log("\nall figures recall / precision, plan × form");
  console.log(matrix("all").join("\n"));
  console.log(`\n${spread.join("\n")}`);
  console.log(`all forms together: headline ${rp(total(rows, "headline"))}, all figures ${rp(total(rows, "all"))}; variants only: headline ${rp(total(variantsOnly, "headline"))}`);
  console.log("\nmissed and extra figures (locality|indicator|group|kind|value):");
  for (const r of rows) {
    for (const k of r.missed) console.log(`  ${r.plan} [${LABEL[r.form]}]: missed ${k}`);
    for (const k of r.extra) console.log(`  ${r.plan} [${LABEL[r.form]}]: extra  ${k}`);
  }

  // The synthetic cases (documents of every type with exact keys), when the shared folder is there.
  const dir = casesDir(ROOT);
  const localities = loadYaml(join(ROOT, "data", "localities.yaml"), "data/localities.yaml", LocalitiesFile).data.localities;
  const cases = dir ? scoreCases(dir, localities) : [];
  const casesTable = cases.length ? caseTables(cases) : [];
  if (cases.length) {
    console.log(`\nextract cases (${dir}): headline records by category`);
    console.log(casesTable.join("\n"));
    console.log("\ncases: missed and extra records");
    console.log(caseDetails(cases).join("\n"));
  } else console.log("\nextract cases: ../shared/extract-cases not found; cases not scored");

  const misses = (r: ScoreRow) => r.missed.length + r.extra.length;
  const worst = variantsOnly.filter((r) => below(r.headline)).sort((x, y) => misses(y) - misses(x));
  const date = new Date().toISOString().slice(0, 10);
  writeSection("extract", [
    "## Extraction from plan texts (`npm run extract:score`)",
    "",
    `Measured ${date} with Node ${process.version}, OCR seed ${seed}. The first tables are the five development plans: the`,
    "extractor was written and tested against them, so the published column shows only that it reproduces the curated",
    "files. The variants measure robustness to the *form* of the text (Unicode, lost accents, OCR noise). The 40 extract",
    "cases below add documents of other types; neither set says how the extractor does on a document it has not seen,",
    "so review every new draft.",
    "",
    "Each plan's source is drafted as published and in three deterministic variants (`scripts/lib/extract/variants.ts`):",
    ...VARIANTS.map((v) => `- ${v.label}: ${v.describe}.`),
    ...(FORMS.includes("pdf_text") ? (["pdf_text", "pdf_scan"] as const).map((f) => `- ${LABEL[f]}: ${PDF_DESCRIBE[f]} (\`--pdf\`).`) : []),
    "  The noise is modelled on the Phan Rang – Tháp Chàm OCR copy and set to about its share of unreadable words (one in",
    "  five); that copy is already OCR, so its own variants change little.",
    "",
    "NFD and no-diacritics are expected to match the published column: the extractor folds accents away before any pattern",
    "runs, so they test that folding and the quotes cut from the variant text, little more. The OCR column is the one that",
    "can fall, and the extractor's OCR repair was improved while looking at seeds 0–5, 1000–1009 and 2000–2019: treat the",
    "held-out draws below as the better figure. With 10–15 headline figures in four of the plans, one figure is 7–10 points.",
    "",
    "A variant's draft is scored exactly like the published one: its figures (statistics, targets, deprivation lines and",
    "mapped appendix-table cells) are compared with the curated file; a figure matches when locality, indicator, group, kind",
    "(`statistic` for statistics, `deprivation` for deprivation lines) and value (as a number) agree. Headline figures are",
    `rates, counts, changes and coverage targets (all but budgets and deprivation lines). Aim: headline recall ≥ ${AIM.recall * 100}% with`,
    `precision ≥ ${AIM.precision * 100}% (✗ marks a cell below it).`,
    "",
    "Headline recall / precision:",
    "",
    ...matrix("headline"),
    "",
    "All figures recall / precision:",
    "",
    ...matrix("all"),
    "",
    "The OCR column is one draw (seed " + seed + "). More draws, on seeds the repair was not tuned on (each draw scores all five",
    "plans). A single draw can fall below the aim: on the tuning seeds that was a garbled appendix row name, which costs all",
    "13 cells of its row, or a word glued to OCR garbage (\"mc’wiltho¢t\") that no repair can reach.",
    "",
    ...spread,
    "",
    "**Caveat on the OCR figures:** the noise generator and the extractor's OCR repair (`text.ts`, READS) are modelled on",
    "the same single OCR copy, so these figures say the repair handles *that kind* of noise; a scanner that garbles text",
    "differently (merged or split words, lost lines, other glyphs) is not measured here.",
    ...(FORMS.includes("pdf_text")
      ? ["", ...["The PDF columns lose one thing: the Quảng Minh appendix is a tab-separated table with stacked headers, and printed", "to a PDF and read back by pdftotext (or tesseract) it becomes space-aligned columns, which neither table reader", "maps (`tables.ts` needs tabs; `flat-tables.ts` needs one header line). Its 78 cells are the gap in both PDF columns;", "the prose figures of all five plans come through. A scanned copy also loses single figures where OCR misreads a", "digit or a word next to it (Phan Rang: two)."]]
      : []),
    ...(worst.length
      ? ["", "Below the aim:", "", ...worst.map((r) => `- ${r.plan}, ${LABEL[r.form]}: ${r.missed.length} missed, ${r.extra.length} extra (${[...r.missed.map((k) => `missed \`${k}\``), ...r.extra.map((k) => `extra \`${k}\``)].slice(0, 6).join("; ")}${misses(r) > 6 ? "; …" : ""})`)]
      : []),
    "",
    "Counts as published:",
    "",
    ...countTable("published"),
    ...(cases.length
      ? [
        "",
        "### The 40 extract cases (`../shared/extract-cases`)",
        "",
        "Short synthetic documents of every type (plans, review decisions, reports, council resolutions, news) with exact",
        "answer keys, matched as their README says: record, indicator, group, kind (targets), date, sub-unit and value agree",
        "(rates within 0.005, counts exact, ranges at both ends). Drafted records are the draft's statistics, targets and",
        "mapped table cells for the seven headline indicators; a change's households (\"tương đương 76 hộ\") count as the",
        "key's separate count target. Past changes and the figures kept apart (combined rate, urban/rural,",
        "ethnic-minority) are their own lists in the draft and are not counted as records. **These cases were used while",
        "building the reading**, so they measure it the way the five plans do, not on unseen documents: the test that",
        "counts is on real documents kept outside the project. Aim: recall ≥ 90%, precision ≥ 95%, no past result drafted",
        "as a target.",
        "",
        ...casesTable,
      ]
      : []),
  ].join("\n"));
  console.log(`\nwritten to bench/RESULTS.md (section "extract")`);
}

runReportingDataErrors(() => main(process.argv.slice(2)));
