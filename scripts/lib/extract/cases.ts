/**
 * Score the extractor on the synthetic extract cases (../shared/extract-cases: short documents of every type with
 * exact answer keys), as their README says to match: a drafted record matches a key record when record, indicator,
 * group, kind (targets), date, sub-unit and value agree. Drafted records come from the draft's statistics, targets
 * and mapped table cells; past changes and the figures kept apart (combined, urban/rural) are their own kinds and are
 * counted separately, never as statistics or targets.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { LocalityInput } from "../../../src/domain/schema.ts";
import { foldAccents } from "../../../src/domain/fold.ts";
import { extractDraft, type Draft } from "./draft.ts";
import { numbersIn } from "./grammar.ts";
import { fold } from "./text.ts";

/** One key record or drafted record, as the cases' README defines them. */
export interface CaseRecord {
  record: "statistic" | "target";
  indicator: string;
  group: string;
  kind?: string;
  value?: number;
  value_low?: number;
  value_high?: number;
  date: string;
  sub_unit: string | null;
  line?: number;
  also_lines?: number[];
}

export interface CaseKey {
  doc_type: string;
  locality: { name: string; level: string };
  number: string | null;
  issued: string | null;
  records: CaseRecord[];
  must_not_draft: { value: number; why: string; line: number }[];
  covers: string[];
  hazards: string[];
}

/** How one case came out. */
export interface CaseResult {
  name: string;
  key: CaseKey;
  drafted: CaseRecord[];
  matched: number;
  /** Key records not matched, and drafted records matching none. */
  missed: CaseRecord[];
  extra: (CaseRecord & { lookAlike?: string })[];
  /** Drafted records right in all but the date. */
  dateErrors: number;
  /** Targets drafted from a past result (must be 0). */
  pastAsTarget: number;
  /** must_not_draft entries that were drafted as a statistic or target. */
  lookAlikesDrafted: number;
  header: { field: string; ok: boolean; got: unknown; want: unknown }[];
  pastChanges: number;
  keptApart: number;
  leftOut: number;
}

const unitWord = /^(?:thon|xa|huyen|phuong|thi tran|thi xa|thanh pho|tp\.?|quan|tinh|ban|ap|to dan pho|khu pho|to|xom|buon)\s+/;
/** A sub-unit name compared as the README says: NFC, case folded, leading unit word dropped. */
function normSub(s: string | null | undefined): string | null {
  if (!s) return null;
  let k = s.normalize("NFC").toLowerCase().trim();
  const f = () => foldAccents(k);
  for (let i = 0; i < 2; i++) {
    const m = unitWord.exec(f());
    if (!m) break;
    // Drop as many original words as the folded unit word has.
    k = k.split(/\s+/).slice(m[0].trim().split(/\s+/).length).join(" ");
  }
  return k;
}

const num = (printed: string): number[] => {
  // "31. 482", "16, 85": a stray space inside a printed number.
  const toks = numbersIn(fold(String(printed)).text.replace(/(\d)([.,]) (\d)/g, "$1$2$3"));
  if (!toks.length) return [];
  const t = toks[0];
  return t.high ? [t.value, t.high.value] : [t.value];
};

/** The indicators the keys hold: the headline rates and counts (coverage, outputs and budgets are not in them). */
export const HEADLINE = new Set(["total_households", "poor_households", "near_poor_households", "poverty_rate", "near_poverty_rate", "poor_persons", "near_poor_persons"]);

/** The draft's statistics, targets and mapped table cells as case records. */
export function draftedRecords(draft: Draft): CaseRecord[] {
  const plan = draft.plan as Record<string, unknown[]>;
  const out: CaseRecord[] = [];
  const loc = String(draft.plan.locality_id);
  for (const s of (plan.statistics ?? []) as Record<string, string>[]) {
    const [v] = num(s.value);
    if (v === undefined) continue;
    out.push({ record: "statistic", indicator: s.indicator, group: s.group, value: v, date: s.date, sub_unit: s.sub_unit ?? (s.locality_id && s.locality_id !== loc ? s.locality_id.split("/").pop()! : null) });
  }
  for (const t of (plan.targets ?? []) as Record<string, string>[]) {
    const sign = t.direction === "increase" ? 1 : -1;
    let kind = t.kind, vals: number[] = [];
    if (t.kind === "level") vals = num(t.target_value);
    else if (t.kind === "count") {
      if (t.target_value !== undefined) [kind, vals] = ["level", num(t.target_value)];
      else vals = num(t.change_households).map((x) => sign * x);
    } else if (t.kind === "change_pp") vals = num(t.change_pp).map((x) => sign * x);
    else if (t.kind === "change_relative") vals = num(t.change_relative_pct).map((x) => sign * x);
    else continue;
    if (!vals.length) continue;
    const r: CaseRecord = { record: "target", indicator: t.indicator, group: t.group, kind, date: t.target_date, sub_unit: t.sub_unit ?? null };
    if (vals.length === 2) [r.value_low, r.value_high] = [Math.min(...vals), Math.max(...vals)];
    else r.value = vals[0];
    out.push(r);
    // The households a change stands for ("tương đương 76 hộ") are a count target of their own in the keys.
    if (t.kind !== "count" && t.change_households !== undefined) {
      const [h] = num(t.change_households);
      if (h !== undefined) out.push({ record: "target", indicator: t.indicator.startsWith("near_") ? "near_poor_households" : "poor_households", group: t.group, kind: "count", value: sign * h, date: t.target_date, sub_unit: t.sub_unit ?? null });
    }
  }
  for (const tm of (plan.tables ?? []) as { file: string; header_rows: number; name_column: number; rows: Record<string, string>; columns: { index: number; indicator: string; group: string; record: "statistic" | "target"; kind?: string; date: string; decimal?: string; unit: string }[] }[]) {
    const tbl = draft.tables.find((x) => x.file === tm.file);
    if (!tbl) continue;
    for (const line of tbl.tsv.split("\n").slice(tm.header_rows)) {
      const cells = line.split("\t");
      const label = (cells[tm.name_column] ?? "").trim();
      const id = tm.rows[label];
      if (!id) continue;
      for (const c of tm.columns) {
        const cell = (cells[c.index] ?? "").trim();
        const v = c.decimal === "." ? Number(cell.replace(/,/g, "")) : num(cell)[0];
        if (v === undefined || Number.isNaN(v)) continue;
        const kind = c.record === "target" ? (c.kind === "count" ? "level" : c.kind) : undefined;
        out.push({ record: c.record, indicator: c.indicator, group: c.group, kind, value: v, date: c.date, sub_unit: id === loc ? null : label });
      }
    }
  }
  return out;
}

const close = (a: number | undefined, b: number | undefined, count: boolean) => a !== undefined && b !== undefined && (count ? a === b : Math.abs(a - b) < 0.005 + 1e-9);
const isCount = (r: CaseRecord) => /households|persons/.test(r.indicator) && r.kind !== "change_relative";

/** Whether a drafted record matches a key record (optionally ignoring the date). */
export function matches(k: CaseRecord, d: CaseRecord, ignoreDate = false): boolean {
  if (k.record !== d.record || k.indicator !== d.indicator || k.group !== d.group) return false;
  if (k.record === "target" && k.kind !== d.kind) return false;
  if (!ignoreDate && k.date !== d.date) return false;
  if (normSub(k.sub_unit) !== normSub(d.sub_unit)) return false;
  const c = isCount(k);
  if (k.value_low !== undefined) return close(k.value_low, d.value_low, c) && close(k.value_high, d.value_high, c);
  return close(k.value, d.value, c);
}

/** Score one case. */
export function scoreCase(name: string, text: string, key: CaseKey, localities: LocalityInput[]): CaseResult {
  const draft = extractDraft(text, { sourceFile: `${name}.txt`, localities });
  // The same record drafted twice (a sentence and its table's totals row) is one record, as a key's also_lines are.
  const seen = new Set<string>();
  const drafted = draftedRecords(draft).filter((r) => HEADLINE.has(r.indicator)).filter((r) => {
    const k = JSON.stringify({ ...r, sub_unit: normSub(r.sub_unit) });
    return !seen.has(k) && !!seen.add(k);
  });
  const left = [...key.records];
  const extra: CaseResult["extra"] = [];
  let matched = 0;
  for (const d of drafted) {
    const i = left.findIndex((k) => matches(k, d));
    if (i >= 0) {
      left.splice(i, 1);
      matched++;
    } else extra.push(d);
  }
  let dateErrors = 0;
  for (const e of extra) if (left.some((k) => matches(k, e, true))) dateErrors++;
  // A look-alike is found by value (unsigned, as written): the drafted record has no line, so use the candidates'.
  const cands = draft.candidates.filter((c) => (c.section === "statistics" || c.section === "targets") && HEADLINE.has(String(c.record.indicator)));
  let pastAsTarget = 0, lookAlikesDrafted = 0;
  for (const m of key.must_not_draft) {
    const hit = cands.find((c) => Object.entries(c.record).some(([f, v]) => /value|change_/.test(f) && v !== undefined && num(v).some((x) => Math.abs(x - m.value) < 0.005)) && Math.abs(c.line - m.line) <= 1
      && !key.records.some((k) => (k.line === m.line || (k.also_lines ?? []).includes(m.line)) && (close(Math.abs(k.value ?? NaN), m.value, false))));
    if (!hit) continue;
    lookAlikesDrafted++;
    if (/^past result/.test(m.why) && hit.section === "targets") pastAsTarget++;
  }
  for (const e of extra) {
    const m = key.must_not_draft.find((x) => close(Math.abs(e.value ?? e.value_low ?? NaN), x.value, false));
    if (m) e.lookAlike = m.why;
  }
  const h = draft.header;
  const fk = (s: unknown) => (typeof s === "string" ? foldAccents(s).replace(/[^a-z0-9]/g, "") : s);
  const header = [
    { field: "doc_type", got: h.doc_type.value, want: key.doc_type },
    { field: "locality.name", got: h.locality_name.value, want: key.locality.name },
    { field: "locality.level", got: h.locality_level.value, want: key.locality.level },
    { field: "number", got: h.number.value && /\d/.test(h.number.value) ? h.number.value.replace(/\s+/g, "") : null, want: key.number?.replace(/\s+/g, "") ?? null },
    { field: "issued", got: h.issued.value, want: key.issued },
  ].map((x) => ({ ...x, ok: x.field === "locality.name" ? fk(x.got) === fk(x.want) : x.field === "number" ? fk(x.got) === fk(x.want) : x.got === x.want }));
  const plan = draft.plan as Record<string, unknown[]>;
  return {
    name, key, drafted, matched, missed: left, extra, dateErrors, pastAsTarget, lookAlikesDrafted, header,
    pastChanges: (plan.past_changes ?? []).length, keptApart: (plan.other_figures ?? []).length, leftOut: draft.skipped.length,
  };
}

/** The cases folder, next to the project (../shared/extract-cases), if it is there. */
export function casesDir(root: string): string | undefined {
  for (const d of [join(root, "..", "shared", "extract-cases"), "/work/shared/extract-cases"]) if (existsSync(d)) return d;
  return undefined;
}

/** Score every case of `dir`. */
export function scoreCases(dir: string, localities: LocalityInput[]): CaseResult[] {
  return readdirSync(dir).filter((f) => /^\d+-.*\.txt$/.test(f)).sort().map((f) => {
    const name = f.replace(/\.txt$/, "");
    const key = JSON.parse(readFileSync(join(dir, `${name}.key.json`), "utf8")) as CaseKey;
    return scoreCase(name, readFileSync(join(dir, f), "utf8"), key, localities);
  });
}

const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)}%`);

/** Matched / key / drafted over a set of cases, restricted to records `only` keeps. */
function tally(rs: CaseResult[], only: (r: CaseRecord) => boolean = () => true) {
  let key = 0, drafted = 0, matched = 0;
  for (const r of rs) {
    const k = r.key.records.filter(only).length, d = r.drafted.filter(only).length;
    const missed = r.missed.filter(only).length, extra = r.extra.filter(only).length;
    key += k;
    drafted += d;
    matched += Math.min(k - missed, d - extra);
  }
  return { key, drafted, matched };
}

/** The per-category tables `npm run extract:score` prints and writes to bench/RESULTS.md. */
export function caseTables(rs: CaseResult[]): string[] {
  const row = (name: string, c: { key: number; drafted: number; matched: number }, extra = "") => `| ${name} | ${c.key} | ${c.drafted} | ${c.matched} | ${pct(c.matched, c.key)} | ${pct(c.matched, c.drafted)} |${extra}`;
  const head = ["| set | key records | drafted | matched | recall | precision |", "|---|---:|---:|---:|---:|---:|"];
  const withCover = (c: string) => rs.filter((r) => r.key.covers.includes(c));
  const hazards = [...new Set(rs.flatMap((r) => r.key.hazards))].sort();
  const types = [...new Set(rs.map((r) => r.key.doc_type))];
  const lookAlikes = rs.reduce((s, r) => s + r.key.must_not_draft.length, 0);
  const drafted = rs.reduce((s, r) => s + r.lookAlikesDrafted, 0);
  const past = rs.reduce((s, r) => s + r.key.must_not_draft.filter((m) => /^past result/.test(m.why)).length, 0);
  const pastAsTarget = rs.reduce((s, r) => s + r.pastAsTarget, 0);
  const dateErrors = rs.reduce((s, r) => s + r.dateErrors, 0);
  const fields = ["doc_type", "locality.name", "locality.level", "number", "issued"];
  const headerOk = (f: string) => rs.filter((r) => r.header.find((h) => h.field === f)!.ok).length;
  return [
    ...head,
    row("**all 40 cases**", tally(rs)),
    row("baselines (statistic records)", tally(rs, (r) => r.record === "statistic")),
    row("targets (target records)", tally(rs, (r) => r.record === "target")),
    row("sub-unit records", tally(rs, (r) => r.sub_unit !== null)),
    ...["baseline", "target", "past_result", "date", "look_alike", "header"].map((c) => row(`cases covering ${c.replace("_", " ")} (${withCover(c).length})`, tally(withCover(c)))),
    row(`cases with a text hazard (${rs.filter((r) => r.key.hazards.length).length})`, tally(rs.filter((r) => r.key.hazards.length))),
    ...hazards.map((h) => row(`· hazard ${h} (${rs.filter((r) => r.key.hazards.includes(h)).length})`, tally(rs.filter((r) => r.key.hazards.includes(h))))),
    ...types.map((t) => row(`doc type ${t} (${rs.filter((r) => r.key.doc_type === t).length})`, tally(rs.filter((r) => r.key.doc_type === t)))),
    "",
    "| check | result |",
    "|---|---:|",
    `| past results drafted as targets (aim 0) | ${pastAsTarget} of ${past} past-result look-alikes |`,
    `| look-alikes drafted as a statistic or target (must_not_draft, by value and line) | ${drafted} of ${lookAlikes} |`,
    `| drafts right but for the date | ${dateErrors} |`,
    `| past changes drafted (their own list, never targets) | ${rs.reduce((s, r) => s + r.pastChanges, 0)} |`,
    `| figures kept apart (combined, urban/rural, sub-population) | ${rs.reduce((s, r) => s + r.keptApart, 0)} |`,
    `| numbers in the left-out list, with a reason | ${rs.reduce((s, r) => s + r.leftOut, 0)} |`,
    ...fields.map((f) => `| header ${f} right | ${headerOk(f)} of ${rs.length} |`),
  ];
}

/** One line per missed or extra record, for the console. */
export function caseDetails(rs: CaseResult[]): string[] {
  const fmt = (x: CaseRecord) => `${x.record} ${x.indicator} ${x.group}${x.kind ? ` ${x.kind}` : ""} ${x.value ?? `${x.value_low}…${x.value_high}`} @${x.date}${x.sub_unit ? ` [${x.sub_unit}]` : ""}`;
  return rs.flatMap((r) => [
    ...r.missed.map((x) => `  ${r.name}: missed ${fmt(x)} (line ${x.line})`),
    ...r.extra.map((x) => `  ${r.name}: extra  ${fmt(x)}${x.lookAlike ? ` — look-alike: ${x.lookAlike}` : ""}`),
    ...r.header.filter((h) => !h.ok).map((h) => `  ${r.name}: header ${h.field} ${JSON.stringify(h.got)}, key ${JSON.stringify(h.want)}`),
  ]);
}
