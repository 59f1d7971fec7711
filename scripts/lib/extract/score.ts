/**
 * Score the extractor against the curated plans: each curated plan's source is drafted as published and in every
 * variant (variants.ts), and the draft's figures are compared with the curated file's. A variant is scored exactly
 * like the published text: only the text handed to the extractor differs, the curated figures are the answer for all.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalityInput } from "../../../src/domain/schema.ts";
import { LocalitiesFile, PlanFile } from "../../../src/domain/schema.ts";
import { loadYaml, readUtf8 } from "../yaml-file.ts";
import { extractDraft } from "./draft.ts";
import { readPdf } from "./pdf.ts";
import { printTextPdf, scanPdf } from "./print-pdf.ts";
import { figuresOf, matchCount, type Figure } from "./figures.ts";
import { ocrVariant, seedOf, variant, type OcrNoiseOptions, type VariantKind } from "./variants.ts";

/** `pdf_text` and `pdf_scan`: the source printed to a PDF (and that PDF scanned), then read back as `extract` reads PDFs. */
export type Form = "published" | VariantKind | "pdf_text" | "pdf_scan";

export type Counts = ReturnType<typeof matchCount>;

/** One plan drafted from one form of its source. */
export interface ScoreRow {
  plan: string;
  form: Form;
  all: Counts;
  headline: Counts;
  /** Figure keys the curated file has and the draft lacks. */
  missed: string[];
  /** Figure keys the draft has and the curated file lacks. */
  extra: string[];
}

/** Keys of `a` left over after taking out `b` (as multisets). */
export function leftover(a: Figure[], b: Figure[]): string[] {
  const count = new Map<string, number>();
  for (const f of b) count.set(f.key, (count.get(f.key) ?? 0) + 1);
  return a.filter((f) => {
    const k = count.get(f.key) ?? 0;
    if (k > 0) count.set(f.key, k - 1);
    return k === 0;
  }).map((f) => f.key);
}

/** The seed of a plan's OCR variant: its source file's name, mixed with `seed` so other draws can be asked for. */
export const ocrSeed = (sourceFile: string, seed = 0) => seedOf(`${sourceFile}#${seed}`);

/** Score the curated plans of `root`/data in each of `forms`; `noise` changes the OCR variant's rates. */
export function scorePlans(root: string, forms: Form[], seed = 0, noise?: OcrNoiseOptions): ScoreRow[] {
  const localities: LocalityInput[] = loadYaml(join(root, "data", "localities.yaml"), "data/localities.yaml", LocalitiesFile).data.localities;
  const plans = readdirSync(join(root, "data", "plans")).filter((f) => f.endsWith(".yaml")).sort();
  const rows: ScoreRow[] = [];
  for (const file of plans) {
    const curated = loadYaml(join(root, "data", "plans", file), `data/plans/${file}`, PlanFile).data;
    const published = readUtf8(join(root, "data", "sources", curated.source_file), `data/sources/${curated.source_file}`);
    const curatedTable = (f: string) => (existsSync(join(root, "data", "tables", f)) ? readFileSync(join(root, "data", "tables", f), "utf8") : undefined);
    const c = figuresOf(curated, curatedTable);
    for (const form of forms) {
      const text = form === "published" ? published : form === "pdf_text" || form === "pdf_scan" ? throughPdf(published, form) : form === "ocr" && noise ? ocrVariant(published, ocrSeed(curated.source_file, seed), noise) : variant(form, published, ocrSeed(curated.source_file, seed));
      const draft = extractDraft(text, { sourceFile: curated.source_file, localities });
      const d = figuresOf(draft.plan as never, (f) => draft.tables.find((t) => t.file === f)?.tsv);
      rows.push({ plan: curated.id, form, all: matchCount(c, d), headline: matchCount(c, d, (f) => f.headline), missed: leftover(c, d), extra: leftover(d, c) });
    }
  }
  return rows;
}

/** The text `extract` reads back from the source printed to a PDF, or from that PDF scanned. */
export function throughPdf(text: string, form: "pdf_text" | "pdf_scan"): string {
  const dir = mkdtempSync(join(tmpdir(), "ppt-score-pdf-"));
  try {
    printTextPdf(text, join(dir, "doc.pdf"));
    if (form === "pdf_text") return readPdf(join(dir, "doc.pdf")).text;
    scanPdf(join(dir, "doc.pdf"), join(dir, "scan.pdf"));
    return readPdf(join(dir, "scan.pdf")).text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sum of counts. */
export function total(rows: ScoreRow[], k: "all" | "headline"): Counts {
  return rows.reduce((s, r) => ({ curated: s.curated + r[k].curated, draft: s.draft + r[k].draft, matched: s.matched + r[k].matched }), { curated: 0, draft: 0, matched: 0 });
}

export const recall = (c: Counts) => (c.curated ? c.matched / c.curated : 1);
export const precision = (c: Counts) => (c.draft ? c.matched / c.draft : 1);
