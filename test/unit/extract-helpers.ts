/**
 * What the extractor's unit tests share: the repository's data (localities, sources, curated plans), the text
 * variants, and `extract`, which runs one pattern family and checks what every family promises (each quote is found
 * by the build's SourceText at the line it claims, and every value it reports is printed inside its quote).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { expect } from "vitest";
import { Doc, VALUE_FIELDS, type Candidate, type Context, type Skipped } from "../../scripts/lib/extract/doc.ts";
import { extractDraft } from "../../scripts/lib/extract/draft.ts";
import { figuresOf } from "../../scripts/lib/extract/figures.ts";
import { nfdVariant, ocrVariant, strippedVariant } from "../../scripts/lib/extract/variants.ts";
import { SourceText } from "../../scripts/lib/provenance.ts";
import { foldSpace } from "../../src/domain/fold.ts";
import { LocalitiesFile, PlanFile } from "../../src/domain/schema.ts";

/** The repository root, with a trailing slash. */
export const root = new URL("../../", import.meta.url).pathname;
export const localities = LocalitiesFile.parse(parse(readFileSync(`${root}data/localities.yaml`, "utf8"))).localities;
/** A source document as published. */
export const source = (file: string) => readFileSync(`${root}data/sources/${file}`, "utf8");
/** A curated plan file, parsed. */
export const curated = (id: string) => PlanFile.parse(parse(readFileSync(`${root}data/plans/${id}.yaml`, "utf8")));
/** The five development plans: source file → plan id. */
export const PLANS = {
  "2024-quang-minh-viet-yen-bac-giang.txt": "quang-minh-2024",
  "2024-pho-minh-duc-pho-quang-ngai.txt": "pho-minh-2024",
  "2024-long-khanh-dong-nai.txt": "long-khanh-2024",
  "2024-phan-rang-thap-cham-ninh-thuan.txt": "phan-rang-thap-cham-2024",
  "2021-thanh-liem-ha-nam.txt": "thanh-liem-2021",
} as const;

/** A 2024 plan with no issue date, the context most sentences are read in. */
export const ctx: Context = { year: 2024, issued: null };
export const nfd = nfdVariant;
export const stripped = strippedVariant;
export const ocr = ocrVariant;

/** Any pattern family (the ones that list skipped figures take a third argument). */
export type Family = (doc: Doc, ctx: Context, skipped: Skipped[]) => Candidate[];

/** Run `family` on `text` (or on a Doc already used by another family) and check every candidate's quote and values. */
export function extract(text: string | Doc, family: Family, c: Context = ctx): { cands: Candidate[]; skipped: Skipped[] } {
  const doc = typeof text === "string" ? new Doc(text) : text;
  const skipped: Skipped[] = [];
  const cands = family(doc, c, skipped);
  const src = new SourceText(doc.original);
  for (const k of cands) {
    expect(src.locate(k.quote, k.occurrence), k.quote).toMatchObject({ line: k.line });
    for (const [f, v] of Object.entries(k.record)) if (v !== undefined && VALUE_FIELDS.has(f)) expect(foldSpace(k.quote), f).toContain(foldSpace(v));
  }
  return { cands, skipped };
}

/** The records `family` finds in `text` (checked as `extract` does). */
export const records = (text: string, family: Family, c: Context = ctx) => extract(text, family, c).cands.map((k) => k.record);

/** Draft a whole source. */
export const draftOf = (text: string, file: string) => extractDraft(text, { sourceFile: file, localities });

/** A draft's figures as the score compares them, sorted. */
export const keys = (d: ReturnType<typeof draftOf>) => figuresOf(d.plan as never, (f) => d.tables.find((t) => t.file === f)?.tsv).map((f) => f.key).sort();
