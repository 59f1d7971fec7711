/**
 * What every pattern family shares: the document (folded text, sentence segments, quote cutting), the plan's
 * context (year, dates), the candidate record each family returns, number patterns and the population groups.
 */
import { SourceText } from "../provenance.ts";
import { fold, placeQuote, toOriginal, type Folded } from "./text.ts";

/** Where a candidate goes in the plan file. */
export type Section = "statistics" | "targets" | "deprivations" | "past_changes" | "other_figures";

/** One figure the extractor proposes, with the evidence a reviewer needs. */
export interface Candidate {
  section: Section;
  /** The plan-file record without quote and occurrence (values as printed). */
  record: Record<string, string | undefined>;
  quote: string;
  occurrence: number;
  /** How many times the quote's words occur in the document. */
  count: number;
  /** First line of the quote in the source. */
  line: number;
  /** 0–1: how sure the pattern is (lower after OCR repairs or guessed context). */
  confidence: number;
  /** Pattern id, e.g. `rate_level`. */
  pattern: string;
  /** Why: the pattern in words and anything guessed. */
  reason: string;
  /** Folded offset of the match, for document order. */
  at: number;
}

/** Something that looked like a figure but was left out, so the reviewer can look at it. */
export interface Skipped {
  line: number;
  value: string;
  why: string;
}

/** Plan-wide facts the families need. */
export interface Context {
  year: number;
  /** Issue date when the header has one. */
  issued: string | null;
}

/** A number as printed: `1.011`, `0,57`, `03`, `1357` (folded text keeps digits, `.` and `,`). */
export const NUM = String.raw`(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d]|[.,]\d)`;
/** A percentage as printed: `0,57%`, `100 %`. */
export const PCT = String.raw`(?<![\d.,])\d+(?:,\d+)?(?![.,]\d) ?%`;

/** `YYYY-12-31`. */
export const yearEnd = (y: number | string) => `${y}-12-31`;

/** A sentence-like piece of text in folded coordinates: list markers skipped, terminator kept. */
export interface Segment {
  a: number;
  b: number;
}

// A line starting with one of these starts a new segment (bullets, "a)", "1.", "2.1", "II.", headings, bold).
// ("2.1" is a marker; "2.907 hộ" at a line start, a wrapped sentence, is a grouped number.)
const MARKER = /^(?:\s*(?:[-+*~•]|\(?[a-zđ]\)|\d+(?:\.\d{1,2})*[.)]|\d+(?:\.\d{1,2})+|[IVXLivxl]+\.|#+|\*\*\d*\.?\*?\*?)(?=\s))+\s*/u;

// A heading line (all capitals, all bold, or a Markdown heading) ends its segment even without a full stop.
const HEADING = /^\s*(?:#.*|\*\*[^*]+\*\*\s*|[^\p{Ll}]*\p{Lu}{3,}[^\p{Ll}]*)$/u;

// A line that is only a date (and a time): a news item's publication line.
const DATE_LINE = /^[\s(]*(?:\p{L}+[\s:]*){0,3}\d{1,2}\/\d{1,2}\/\d{4}[\s|,:\d)-]*$/u;

/** The document as the families see it. */
export class Doc {
  readonly original: string;
  readonly f: Folded;
  readonly source: SourceText;
  readonly segments: Segment[];
  /** Folded number spans already taken by a family (start offsets), so two families never report one figure. */
  private readonly claimed = new Set<number>();

  constructor(original: string) {
    this.original = original;
    this.f = fold(original);
    this.source = new SourceText(original);
    this.segments = this.split();
  }

  get text(): string {
    return this.f.text;
  }

  /** Folded index of the first folded character at or after original offset `o`. */
  foldedAt(o: number): number {
    let lo = 0, hi = this.f.start.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.f.start[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // Segments are cut on the original text, where line starts and blank lines are still visible.
  private split(): Segment[] {
    const o = this.original;
    const out: Segment[] = [];
    const cuts: { stop: number; resume: number }[] = [];
    let pos = 0, prevEnd = "", prevLine = "";
    for (const raw of o.split("\n")) {
      const lineStart = pos;
      pos += raw.length + 1;
      const line = raw.replace(/\r$/, "");
      if (line.trim() === "") continue;
      const m = MARKER.exec(line);
      // The document's first line is its title when the next starts a sentence, and a line that is only a date and
      // time ends its segment too.
      const ends = /[.;:!?]$/.test(prevEnd) || /\t/.test(line) || /\t/.test(prevEnd) || HEADING.test(prevLine) || (out.length === 0 && cuts.length === 1 && (/^\s*\p{Lu}/u.test(line) || DATE_LINE.test(line))) || DATE_LINE.test(prevLine);
      if (m || ends || prevEnd === "") cuts.push({ stop: lineStart, resume: lineStart + (m ? m[0].length : 0) });
      prevEnd = line.replace(/[\s*_]+$/u, "");
      prevLine = line.trimEnd();
    }
    // Sentence ends inside lines: ";" and "." / "!" / "?" before whitespace (a decimal mark is followed by a digit).
    for (const m of o.matchAll(/(?<!\.)[;.!?](?=[\s*_)]*(?:\s|$))(?!\.)/g)) {
      // "31. 482 hộ" is a grouped number with a stray space, not a sentence end.
      if (m[0] === "." && /\d$/.test(o.slice(Math.max(0, m.index - 3), m.index)) && /^ \d{3}(?!\d)/.test(o.slice(m.index + 1, m.index + 5)) && /^\s*\d{3} (?:ho|nguoi|nhan khau)\b/.test(fold(o.slice(m.index + 1, m.index + 20), { ocr: false }).text)) continue;
      const stop = m.index + 1;
      let resume = stop;
      while (resume < o.length && /[\s*_)]/.test(o[resume])) resume++;
      const mk = MARKER.exec(o.slice(resume, resume + 40));
      cuts.push({ stop, resume: resume + (mk && !/\n/.test(mk[0]) ? mk[0].length : 0) });
    }
    cuts.sort((x, y) => x.stop - y.stop || x.resume - y.resume);
    let from = 0;
    const push = (s: number, e: number) => {
      const a = this.foldedAt(s), b = this.foldedAt(e);
      let x = a, y = b;
      while (x < y && this.f.text[x] === " ") x++;
      while (y > x && this.f.text[y - 1] === " ") y--;
      if (y > x) out.push({ a: x, b: y });
    };
    for (const c of cuts) {
      if (c.stop > from) push(from, c.stop);
      from = Math.max(from, c.resume);
    }
    push(from, o.length);
    return out;
  }

  /** The segment holding folded offset `k`. */
  segmentAt(k: number): Segment {
    let lo = 0, hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid].a <= k) lo = mid;
      else hi = mid - 1;
    }
    const s = this.segments[lo];
    return s && s.a <= k && k < s.b ? s : { a: k, b: k };
  }

  /** Segment text (folded). */
  seg(s: Segment): string {
    return this.f.text.slice(s.a, s.b);
  }

  /** The printed value of the folded span [a, b): original characters, NFC, trimmed. */
  value(a: number, b: number): string {
    const [s, e] = toOriginal(this.f, a, b);
    return this.original.slice(s, e).normalize("NFC").trim();
  }

  /** Whether an OCR repair touched the folded span [a, b). */
  repaired(a: number, b: number): boolean {
    const [s, e] = toOriginal(this.f, a, b);
    return this.f.repaired.some(([x, y]) => x < e && s < y);
  }

  /** 1-based line of folded offset `k`. */
  line(k: number): number {
    const [s] = toOriginal(this.f, k, k + 1);
    let n = 1;
    for (let i = this.original.indexOf("\n"); i !== -1 && i < s; i = this.original.indexOf("\n", i + 1)) n++;
    return n;
  }

  /** Cut a quote for the folded span [a, b), trimmed of connecting words and brackets at its start. */
  quote(a: number, b: number) {
    const t = this.f.text;
    for (;;) {
      const m = /^(?:[\s,;:()]+|va |and )/.exec(t.slice(a, b));
      if (!m || !m[0].length) break;
      a += m[0].length;
    }
    while (b > a && /[\s,(]/.test(t[b - 1])) b--;
    // Keep the opening bracket of a bracketed quote ("(Kèm theo … Quảng Minh)").
    const inner = t.slice(a, b);
    if (a > 0 && t[a - 1] === "(" && (inner.match(/\)/g) ?? []).length > (inner.match(/\(/g) ?? []).length) a--;
    const [s, e] = toOriginal(this.f, a, b);
    return placeQuote(this.source, this.original, s, e);
  }

  /** Folded ranges already taken as a whole (appendix tables). */
  private readonly blocked: [number, number][] = [];

  /** Take the number starting at folded offset `a`. */
  claim(a: number): void {
    this.claimed.add(a);
  }

  /** Take every number in the folded range [a, b). */
  claimRange(a: number, b: number): void {
    this.blocked.push([a, b]);
  }

  /** Whether a family already reported the number starting at `a`. */
  isClaimed(a: number): boolean {
    return this.claimed.has(a) || this.blocked.some(([x, y]) => x <= a && a < y);
  }
}

/**
 * Quote spans for several matches of one family that share a segment: each quote runs from the end of the previous
 * match (or the segment start) to the end of its own match, and the last one to the segment end.
 */
export function splitSpans(seg: Segment, matches: { a: number; b: number }[]): [number, number][] {
  const sorted = [...matches].sort((x, y) => x.a - y.a);
  return sorted.map((m, i) => [i === 0 ? seg.a : sorted[i - 1].b, i === sorted.length - 1 ? seg.b : m.b]);
}

/** Build a candidate from a record and a folded quote span; undefined when the quote cannot be placed. */
export function candidate(
  doc: Doc, section: Section, record: Record<string, string | undefined>, span: [number, number], at: number,
  how: { pattern: string; reason: string; confidence: number; matchSpan?: [number, number] },
): Candidate | undefined {
  const q = doc.quote(span[0], span[1]);
  if (!q) return undefined;
  const values = Object.entries(record).filter(([k, v]) => v !== undefined && VALUE_FIELDS.has(k)).map(([, v]) => v!);
  // Never report a figure that is not in its own quote.
  const norm = (s: string) => s.replace(/\s+/g, " ");
  if (values.some((v) => !norm(q.quote).includes(norm(v)))) return undefined;
  let confidence = how.confidence, reason = how.reason;
  const [ma, mb] = how.matchSpan ?? span;
  if (doc.repaired(ma, mb)) {
    confidence -= 0.1;
    reason += " (after OCR repairs)";
  }
  return { section, record, quote: q.quote, occurrence: q.occurrence, count: q.count, line: q.line, confidence: Math.round(confidence * 100) / 100, pattern: how.pattern, reason, at };
}

/** Record fields that hold printed values (they must appear in the quote). */
export const VALUE_FIELDS = new Set(["value", "baseline_value", "target_value", "change_pp", "change_households", "change_relative_pct", "households", "stated_pct"]);

// ---------------------------------------------------------------------------------------------------------------
// Population groups
// ---------------------------------------------------------------------------------------------------------------

/** Which populations a (folded) phrase names. */
export interface GroupFlags {
  poor: boolean;
  nearPoor: boolean;
  exited: boolean;
  lowIncome: boolean;
  students: boolean;
  cadres: boolean;
  meritorious: boolean;
  poorA: boolean;
}

/** Read the populations named in a folded phrase ("hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo" → three flags). */
export function groupFlags(phrase: string): GroupFlags {
  const p = ` ${phrase} `;
  // "thoet" is "thoát" with its "a" read as "e" (READS in text.ts), kept here because OCR often glues the word to
  // the garbage before it ("mc’wilthoét"), where the word-level repair cannot see it.
  const exited = /tho[ae]t (?:can )?ngheo/.test(p) && !/kha nang thoat/.test(p);
  const nearPoor = /(?<!thoat )can ngheo/.test(p);
  // "nghèo" alone names the poor; in these phrases it names something else.
  const rest = p.replace(/(?:can|tho[ae]t|giam|tai|chuan|phat sinh) ngheo|ngheo da chieu|vi nguoi ngheo/g, " ");
  return {
    poor: /\bngheo\b/.test(rest) || /\bho ngheo\b/.test(rest),
    nearPoor,
    exited,
    lowIncome: /thu nhap thap/.test(p),
    students: /\bhoc sinh\b|\bsinh vien\b/.test(p),
    cadres: /^\s*(?:cac )?(?:can bo|cong chuc)\b/.test(phrase),
    meritorious: /cach mang|nguoi co cong/.test(p),
    poorA: /\bho ngheo a\b/.test(p),
  };
}

/** The schema group for a phrase, or undefined when it names no population the schema knows. */
export function groupOf(phrase: string): string | undefined {
  const g = groupFlags(phrase);
  if (g.cadres) return "cadres";
  if (g.meritorious) return "meritorious_families";
  if (g.poorA) return "poor_a";
  if (g.students && (g.poor || g.nearPoor)) return "poor_students";
  if (g.poor && g.nearPoor && g.exited && g.lowIncome) return "poor_near_poor_newly_exited_low_income";
  if (g.poor && g.nearPoor && g.exited) return "poor_near_poor_newly_exited";
  if (g.poor && g.nearPoor) return "poor_and_near_poor";
  if (g.exited && !g.poor && !g.nearPoor) return "newly_exited";
  if (g.poor && !g.nearPoor) return "poor";
  if (g.nearPoor && !g.poor) return "near_poor";
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------------

/** Years named as "(cuối|hết) năm YYYY" or "năm YYYY" in a folded phrase, in order. */
export function yearsIn(phrase: string): number[] {
  return [...phrase.matchAll(/\bnam (\d{4})\b/g)].map((m) => Number(m[1]));
}

/** Reference date of a statistic: the latest year before the plan year named in the phrase, else the year before. */
export function statisticDate(phrase: string, ctx: Context): string {
  const ys = yearsIn(phrase).filter((y) => y < ctx.year && y > ctx.year - 5);
  return yearEnd(ys.length ? ys[ys.length - 1] : ctx.year - 1);
}

/** Date a target is for: a plan-year-or-later year named in the phrase, else the plan year's end. */
export function targetDate(phrase: string, ctx: Context): string {
  const ys = yearsIn(phrase).filter((y) => y >= ctx.year && y < ctx.year + 5);
  return yearEnd(ys.length ? ys[0] : ctx.year);
}

/** Comparator from the words just before a value: "trên" gt, "ít nhất"/"tối thiểu" ge, "dưới" lt, "tối đa" le. */
export function comparatorBefore(before: string): string {
  const t = before.trimEnd();
  if (/\b(?:tren|hon)$/.test(t)) return "gt";
  if (/\b(?:it nhat|toi thieu)$/.test(t)) return "ge";
  if (/\bduoi$/.test(t)) return "lt";
  if (/\b(?:toi da|khong qua)$/.test(t)) return "le";
  return "eq";
}
