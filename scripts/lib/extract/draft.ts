/**
 * Run every pattern family over a source and assemble a draft plan file: the same format as data/plans/*.yaml,
 * valid against PlanFile, with each record's line, confidence and pattern in a YAML comment above it.
 */
import { Document, isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap } from "yaml";
import type { LocalityInput } from "../../../src/domain/schema.ts";
import { maybeViNumber } from "../../../src/domain/vi-number.ts";
import { extractBudget } from "./budget.ts";
import { extractLabelledCounts, extractOutputs } from "./counts.ts";
import { extractCoverage } from "./coverage.ts";
import { extractDeprivations } from "./deprivations.ts";
import { Doc, type Candidate, type Context, type Skipped } from "./doc.ts";
import { extractFlatTables } from "./flat-tables.ts";
import { extractHeader, type Header } from "./header.ts";
import { docTypeOf, numbersIn, timesIn, type DocType } from "./grammar.ts";
import { readDocument, readingCandidates, type ReadingContext } from "./reading.ts";
import { extractTables, type FoundTable } from "./tables.ts";
import { fold } from "./text.ts";

/** What the extractor produced for one source. */
export interface Draft {
  /** The plan file as an object (what the YAML holds). */
  plan: Record<string, unknown>;
  /** What the reading took the document for, and the years it read its figures in. */
  reading: ReadingContext;
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
  past_changes: ["locality_id", "sub_unit", "indicator", "group", "kind", "date", "change_pp", "change_households", "change_relative_pct", "direction", "per_year", "unit"],
  other_figures: ["kind", "sub_unit", "indicator", "group", "date", "value", "unit", "why"],
};
// Statistics and targets of a named sub-unit keep its name as printed until data/localities.yaml has it.
FIELD_ORDER.statistics.splice(1, 0, "sub_unit");
FIELD_ORDER.targets.splice(1, 0, "sub_unit");

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
  const reading = readingContext(doc, header);
  const resultsOnly = reading.docType !== "plan" && reading.docType !== "council_resolution";
  const tables = extractTables(doc, header.id.value, { localityId: header.locality_id.value, year: resultsOnly ? reading.resultYear + 1 : ctx.year, resultsOnly }, opts.localities);
  // Order matters: the most specific families claim their numbers first; the reading takes every headline figure
  // (rates, counts, changes) and the families after it the coverage, output and budget figures it leaves.
  const raw = [
    ...extractDeprivations(doc, ctx),
    ...extractLabelledCounts(doc, ctx),
    ...extractFlatTables(doc, reading, skipped),
    ...readingCandidates(doc, readDocument(doc, reading), skipped),
    // Outputs and coverage read as aims: in a review decision, report or news item they are results, left out.
    ...(resultsOnly ? [] : extractOutputs(doc, ctx)),
    ...(resultsOnly ? [] : extractCoverage(doc, ctx, skipped)),
    ...extractBudget(doc, ctx, skipped),
  ];
  listUnread(doc, skipped);
  const candidates = dedupe(raw);
  const record = (c: Candidate) => {
    const r: Record<string, unknown> = {};
    for (const k of FIELD_ORDER[c.section]) if (c.record[k] !== undefined) r[k] = c.record[k];
    r.quote = c.quote;
    // The build refuses a quote found more than once without its occurrence.
    if (c.occurrence > 1 || c.count > 1) r.occurrence = c.occurrence;
    return r;
  };
  const h = header;
  const plan: Record<string, unknown> = {
    id: h.id.value, ...(h.doc_type.value !== "plan" ? { doc_type: h.doc_type.value } : {}), locality_id: h.locality_id.value, year: h.year.value, number: h.number.value, number_quote: h.number_quote.value,
    issued: h.issued.value, issued_quote: h.issued_quote.value, issuer: h.issuer.value, issuer_en: h.issuer_en.value,
    title: h.title.value, title_en: h.title_en.value,
    // The portal has no 2011–2015 standard yet: say so in a placeholder rather than file the figures under another.
    poverty_standard: h.poverty_standard.value === "2011-2015" ? "TODO: 2011-2015 standard (Quyết định 09/2011/QĐ-TTg), which the portal does not hold yet" : h.poverty_standard.value, standard_note: h.standard_note.value,
    source_file: h.source_file.value, ...(h.ocr.value ? { ocr: true } : {}),
    ...(h.parent_plan ? { parent_plan: h.parent_plan.value } : {}),
    notes: h.notes.map((n) => ({ code: n.code, severity: n.severity, message_vi: n.message_vi, message_en: n.message_en, quote: n.quote, ...(n.occurrence > 1 ? { occurrence: n.occurrence } : {}) })),
    statistics: candidates.filter((c) => c.section === "statistics").map(record),
    targets: candidates.filter((c) => c.section === "targets").map(record),
    deprivations: candidates.filter((c) => c.section === "deprivations").map(record),
    tables: tables.map((t) => t.mapping),
    past_changes: candidates.filter((c) => c.section === "past_changes").map(record),
    other_figures: candidates.filter((c) => c.section === "other_figures").map(record),
  };
  return { plan, reading, candidates, skipped, tables, header, yaml: toYaml(plan, candidates, header, tables, skipped) };
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
  for (const section of ["statistics", "targets", "deprivations", "past_changes", "other_figures"] as const) {
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
    const sorted = [...skipped].sort((x, y) => x.line - y.line);
    doc.comment = [" Figures seen but left out (add them by hand if they belong in the plan):", ...sorted.map((s) => ` line ${s.line}: ${s.value} (${s.why})`)].join("\n");
  }
  return doc.toString({ lineWidth: 0, defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" });
}

/** The document's type and the years its aims and results are for, from its header and text. */
export function readingContext(doc: Doc, header: Header): ReadingContext {
  const t = doc.text;
  const lines = doc.original.split("\n").slice(0, 16).map((l) => fold(l).text);
  const docType: DocType = header.doc_type?.value ?? docTypeOf(lines);
  const title = fold(header.title.value).text;
  const titleYears = timesIn(title).filter((x) => !x.comparison && x.kind !== "period").map((x) => x.year);
  const issuedYear = header.issued.value ? Number(header.issued.value.slice(0, 4)) : undefined;
  const issuedMonth = header.issued.value ? Number(header.issued.value.slice(5, 7)) : undefined;
  // "rà soát hộ nghèo … năm 2023": the year a review describes, wherever the document names it first.
  const review = /\bra soat (?:[a-z,]+ ){0,8}?(?:cuoi )?nam (\d{4})\b/.exec(t);
  const reviewYear = review ? Number(review[1]) : undefined;
  const late = issuedMonth !== undefined && issuedMonth >= 10;
  const fromIssue = issuedYear !== undefined ? (late ? issuedYear : issuedYear - 1) : undefined;
  let resultYear: number, aimYear: number;
  if (docType === "plan" || docType === "council_resolution") {
    aimYear = header.year.value;
    resultYear = aimYear - 1;
  } else if (docType === "review_decision") {
    resultYear = reviewYear ?? titleYears[0] ?? fromIssue ?? header.year.value;
    aimYear = resultYear + 1;
  } else {
    resultYear = (docType === "report" ? titleYears[0] : undefined) ?? reviewYear ?? fromIssue ?? header.year.value;
    const ahead = /\b(?:phuong huong|nhiem vu|ke hoach|phan dau)(?: [a-z,]+){0,4} nam (\d{4})\b/.exec(t);
    aimYear = ahead && Number(ahead[1]) > resultYear ? Number(ahead[1]) : resultYear + 1;
  }
  const asOfM = /\b(?:so lieu (?:tinh den|tai thoi diem|den)|tai thoi diem|thoi diem|tinh den) (?:ngay )?(\d{1,2}) ?\/ ?(\d{1,2}) ?\/ ?(\d{4})\b/.exec(t);
  const asOf = asOfM ? `${asOfM[3]}-${asOfM[2].padStart(2, "0")}-${asOfM[1].padStart(2, "0")}` : undefined;
  const name = header.locality?.name ?? header.locality_name?.value;
  const period = /\bgiai doan (\d{4}) ?- ?(\d{4})\b/.exec(title);
  return { docType, aimYear, resultYear, asOf, periodEnd: period ? `${period[2]}-12-31` : undefined, localityKey: name ? fold(name).text.replace(/[^a-z]/g, "") : undefined };
}

/** Every number no family read goes to the left-out list, so nothing printed is dropped without a word. */
function listUnread(doc: Doc, skipped: Skipped[]) {
  const t = doc.text;
  const times = timesIn(t);
  const listed = new Set(skipped.map((s) => `${s.line}|${s.value}`));
  for (const n of numbersIn(t)) {
    if (n.partOfCode || doc.isClaimed(n.na) || times.some((x) => x.a <= n.na && n.nb <= x.b)) continue;
    // List and article numbers, and the page numbers of a copy, are structure, not figures.
    const lineStart = doc.original.lastIndexOf("\n", doc.f.start[n.na] - 1) + 1;
    const before = doc.original.slice(lineStart, doc.f.start[n.na]);
    if (/^[\s\-–(]*$/.test(before) && (n.unit === "bare" || /^[.)]/.test(t.slice(n.nb, n.nb + 1)))) continue;
    if (/\b(?:dieu|khoa|ky hop thu|muc|khoan|diem|du an|tieu du an|phu luc|bieu|bang|so)\s*$/.test(t.slice(Math.max(0, n.na - 14), n.na))) continue;
    const value = doc.value(n.na, n.b).trim();
    const line = doc.line(n.na);
    if (listed.has(`${line}|${value}`)) continue;
    skipped.push({ line, value, why: n.unit === "households" ? "household count of no population the reading knows (a programme output, a subset…)" : n.unit === "persons" ? "persons of no named group (population, workers…)" : n.unit === "percent" ? "percentage of no indicator the reading knows (other indicator, coverage of all residents…)" : n.unit === "money" ? "amount no budget pattern reads" : "no indicator recognised" });
  }
}
