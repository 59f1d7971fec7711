/**
 * Run every pattern family over a source and assemble a draft plan file: the same format as data/plans/*.yaml,
 * valid against PlanFile, with each record's line, confidence and pattern in a YAML comment above it.
 */
import { Document, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from "yaml";
import type { LocalityInput } from "../../../src/lib/schema.ts";
import { maybeViNumber } from "../../../src/lib/vi-number.ts";
import { extractBudget } from "./budget.ts";
import { extractCounts, extractOutputs } from "./counts.ts";
import { extractCoverage } from "./coverage.ts";
import { extractDeprivations } from "./deprivations.ts";
import { Doc, type Candidate, type Context, type Skipped } from "./doc.ts";
import { extractHeader, type Header } from "./header.ts";
import { extractRates, extractRelative } from "./rates.ts";
import { extractTables, type FoundTable } from "./tables.ts";

/** What the extractor produced for one source. */
export interface Draft {
  /** The plan file as an object (what the YAML holds). */
  plan: Record<string, unknown>;
  /** The figures, after removing repeats. */
  candidates: Candidate[];
  /** Figures seen and left out, for the reviewer. */
  skipped: Skipped[];
  tables: FoundTable[];
  header: Header;
  /** The draft file's text. */
  yaml: string;
}

const FIELD_ORDER: Record<string, string[]> = {
  statistics: ["locality_id", "indicator", "group", "date", "value", "unit"],
  targets: ["locality_id", "indicator", "group", "kind", "comparator", "baseline_value", "baseline_date", "target_value", "target_date", "change_pp", "change_households", "change_relative_pct", "direction", "unit"],
  deprivations: ["locality_id", "group", "date", "indicator", "households", "stated_pct"],
};

const num = (v: string | undefined) => (v === undefined ? "" : String(maybeViNumber(v)?.value ?? v));

/** Two candidates are the same figure when everything but the quote agrees (values compared as numbers). */
function figureKey(c: Candidate): string {
  const r = c.record;
  return [c.section, ...FIELD_ORDER[c.section].map((k) => (["value", "baseline_value", "target_value", "change_pp", "change_households", "change_relative_pct", "households", "stated_pct"].includes(k) ? num(r[k]) : r[k] ?? ""))].join("|");
}

/** Keep one candidate per figure: the most confident, then the first printed. */
function dedupe(cands: Candidate[]): Candidate[] {
  const byKey = new Map<string, Candidate[]>();
  for (const c of cands) byKey.set(figureKey(c), [...(byKey.get(figureKey(c)) ?? []), c]);
  const out: Candidate[] = [];
  for (const group of byKey.values()) {
    const best = [...group].sort((x, y) => y.confidence - x.confidence || x.at - y.at)[0];
    const others = group.filter((c) => c !== best).map((c) => c.line);
    out.push(others.length ? { ...best, reason: `${best.reason}; also printed on line ${[...new Set(others)].join(", ")}` } : best);
  }
  return out.sort((x, y) => x.at - y.at);
}

/** Extract a draft plan from a source text. `localities` is data/localities.yaml (to name the locality and rows). */
export function extractDraft(text: string, opts: { sourceFile: string; localities: LocalityInput[] }): Draft {
  const doc = new Doc(text);
  const header = extractHeader(doc, opts.sourceFile, opts.localities);
  const ctx: Context = { year: header.year.value, issued: header.issued.value };
  const skipped: Skipped[] = [];
  const tables = extractTables(doc, header.id.value, { localityId: header.locality_id.value, year: ctx.year }, opts.localities);
  // Order matters: the most specific families claim their numbers first.
  const raw = [
    ...extractDeprivations(doc, ctx),
    ...extractRates(doc, ctx),
    ...extractCounts(doc, ctx),
    ...extractRelative(doc, ctx),
    ...extractOutputs(doc, ctx),
    ...extractCoverage(doc, ctx, skipped),
    ...extractBudget(doc, ctx, skipped),
  ];
  const candidates = dedupe(raw);
  const record = (c: Candidate) => {
    const r: Record<string, unknown> = {};
    for (const k of FIELD_ORDER[c.section]) if (c.record[k] !== undefined) r[k] = c.record[k];
    r.quote = c.quote;
    if (c.occurrence > 1) r.occurrence = c.occurrence;
    return r;
  };
  const h = header;
  const plan: Record<string, unknown> = {
    id: h.id.value, locality_id: h.locality_id.value, year: h.year.value, number: h.number.value, number_quote: h.number_quote.value,
    issued: h.issued.value, issued_quote: h.issued_quote.value, issuer: h.issuer.value, issuer_en: h.issuer_en.value,
    title: h.title.value, title_en: h.title_en.value, poverty_standard: h.poverty_standard.value, standard_note: h.standard_note.value,
    source_file: h.source_file.value, ...(h.ocr.value ? { ocr: true } : {}),
    ...(h.parent_plan ? { parent_plan: h.parent_plan.value } : {}),
    notes: h.notes.map((n) => ({ code: n.code, severity: n.severity, message_vi: n.message_vi, message_en: n.message_en, quote: n.quote, ...(n.occurrence > 1 ? { occurrence: n.occurrence } : {}) })),
    statistics: candidates.filter((c) => c.section === "statistics").map(record),
    targets: candidates.filter((c) => c.section === "targets").map(record),
    deprivations: candidates.filter((c) => c.section === "deprivations").map(record),
    tables: tables.map((t) => t.mapping),
  };
  return { plan, candidates, skipped, tables, header, yaml: toYaml(plan, candidates, header, tables, skipped) };
}

function toYaml(plan: Record<string, unknown>, candidates: Candidate[], header: Header, tables: FoundTable[], skipped: Skipped[]): string {
  const doc = new Document(plan);
  doc.commentBefore = [
    ` Draft written by \`npm run extract\` from data/sources/${header.source_file.value}.`,
    " Review it before use (data/README.md, \"Draft a plan file automatically\"): every record says where it comes from,",
    " how sure the extractor is and which pattern matched; fields marked CHECK or TODO are guesses or blanks.",
    " When it is right, move it to data/plans/ (and any table file beside it to data/tables/), then run `npm run data`.",
  ].join("\n");
  const map = doc.contents as YAMLMap;
  const pairOf = (k: string) => map.items.find((p) => isScalar(p.key) && p.key.value === k) as Pair<Scalar, unknown> | undefined;
  for (const [k, f] of Object.entries(header)) {
    const comment = (f as { comment?: string } | undefined)?.comment;
    const pair = pairOf(k);
    if (comment && pair) pair.key.commentBefore = ` ${comment}`;
  }
  for (const section of ["statistics", "targets", "deprivations"] as const) {
    const seq = pairOf(section)?.value;
    if (!isSeq(seq)) continue;
    const list = candidates.filter((c) => c.section === section);
    seq.items.forEach((item, i) => {
      const c = list[i];
      if (isMap(item)) item.commentBefore = ` line ${c.line} · confidence ${c.confidence.toFixed(2)} · pattern ${c.pattern}: ${c.reason}`;
    });
  }
  const tseq = pairOf("tables")?.value;
  if (isSeq(tseq)) {
    tseq.items.forEach((item, i) => {
      const t = tables[i];
      if (isMap(item)) item.commentBefore = [` line ${t.line} · table copied to data/drafts/${t.file} (move it to data/tables/ with this file)`, ...t.comments.map((c) => ` ${c}`)].join("\n");
    });
  }
  if (skipped.length) {
    doc.comment = [" Figures seen but left out (add them by hand if they belong in the plan):", ...skipped.map((s) => ` line ${s.line}: ${s.value} (${s.why})`)].join("\n");
  }
  return doc.toString({ lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
}
