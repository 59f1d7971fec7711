/**
 * The extractor reads a plan through a folded copy of its text (no diacritics, lower case, whitespace runs as one
 * space, common OCR noise repaired) and cuts every quote from the original text. Each folded character remembers the
 * span of original text it came from, so a regex match on the folded text maps back to exact original characters,
 * whether the source is NFC, NFD or an OCR copy.
 */
import { foldSpace } from "../../../src/lib/fold.ts";
import { SourceText } from "../provenance.ts";

/** A folded view of a document with the mapping back to the original. */
export interface Folded {
  /** The original text, as read. */
  original: string;
  /** Folded text the patterns run on. */
  text: string;
  /** For each folded character, where its original text starts. */
  start: number[];
  /** For each folded character, where its original text ends (exclusive, combining marks included). */
  end: number[];
  /** Original spans an OCR repair rewrote (a match over one of them is less certain). */
  repaired: [number, number][];
}

const MARK = /^\p{M}$/u;
const WS = /^\s$/u;
const DASHES = /[–—‐‑]/;
const QUOTES: Record<string, string> = { "“": '"', "”": '"', "‘": "'", "’": "'" };

/** Fold one code point: diacritics dropped, đ → d, lower case, dashes and curly quotes made plain. */
function foldChar(ch: string): string {
  if (ch === "đ" || ch === "Đ") return "d";
  if (DASHES.test(ch)) return "-";
  if (QUOTES[ch]) return QUOTES[ch];
  return ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * OCR repairs, applied to the folded text. Each one is a misreading seen in scanned plans (the Phan Rang – Tháp Chàm
 * copy is the real example): `ty 1¢` for "tỷ lệ", `1a` for "là", `tir` for "từ", `xudng` for "xuống", `h¢` for "hộ".
 * They are narrow on purpose (word boundaries, the next word as context) so clean text is never changed by them.
 */
const OCR_REPAIRS: [RegExp, string][] = [
  [/\bngh[e¢]+o\b/g, "ngheo"],
  [/\bty (?:1[¢€&8el]|l[¢€&8]|i[e]|&)(?= )/g, "ty le"],
  [/\bti le\b/g, "ty le"],
  [/\b1a\b/g, "la"],
  [/\btir\b/g, "tu"],
  [/\bxudng\b/g, "xuong"],
  [/\bcudi\b/g, "cuoi"],
  [/\bgidi?m\b/g, "giam"],
  [/\bh[¢6de](?= (?:c[ai]n )?ngheo)/g, "ho"],
  [/\bc[i](?=n ngheo)/g, "ca"],
  [/\bthu(?:[dg][ce]|oc)\b/g, "thuoc"],
  [/\bdugc\b/g, "duoc"],
  [/\bngudi\b/g, "nguoi"],
  [/\bnudc\b/g, "nuoc"],
  [/\bs(?:ir|t|tir)(?= dung\b)/g, "su"],
  [/\bnha [&¢](?=[\s.,;:]|$)/g, "nha o"],
  [/\by te&/g, "y te"],
  [/\bphan d[4d]u\b/g, "phan dau"],
  [/\bkheng\b/g, "khong"],
  [/\bvei\b/g, "voi"],
  [/(?<![a-z0-9])[c¢][6e](?![a-z0-9])/g, "co"],
  [/\b(?:nim|ndm|niam)(?= \d{4})/g, "nam"],
  [/(?<![a-z0-9])s[6o](?=\s*:|\s+\d)/g, "so"],
  [/\bki nang\b/g, "ky nang"],
  [/\bboi dudng\b/g, "boi duong"],
];

/** Fold `original` for matching; `ocr: false` skips the OCR repairs (used to tell how a match was reached). */
export function fold(original: string, options: { ocr?: boolean } = {}): Folded {
  let text = "";
  const start: number[] = [], end: number[] = [];
  let i = 0;
  for (const ch of original) {
    const j = i;
    i += ch.length;
    if (WS.test(ch)) {
      if (text.length && text[text.length - 1] !== " ") {
        text += " ";
        start.push(j);
        end.push(i);
      }
      continue;
    }
    if (MARK.test(ch)) {
      // A decomposed (NFD) mark belongs to the letter before it.
      if (end.length) end[end.length - 1] = i;
      continue;
    }
    for (const c of foldChar(ch)) {
      text += c;
      start.push(j);
      end.push(i);
    }
  }
  let folded: Folded = { original, text, start, end, repaired: [] };
  if (options.ocr !== false) for (const [re, to] of OCR_REPAIRS) folded = replaceMapped(folded, re, to);
  return folded;
}

/** Replace matches of `re` in the folded text; the new characters map to the span of original text they replace. */
export function replaceMapped(f: Folded, re: RegExp, to: string): Folded {
  let text = "";
  const start: number[] = [], end: number[] = [];
  const repaired = [...f.repaired];
  let last = 0;
  for (const m of f.text.matchAll(re)) {
    if (m[0] === to) continue;
    const a = m.index, b = a + m[0].length;
    text += f.text.slice(last, a);
    start.push(...f.start.slice(last, a));
    end.push(...f.end.slice(last, a));
    const s = a < f.start.length ? f.start[a] : f.original.length;
    const e = b > a ? f.end[b - 1] : s;
    repaired.push([s, e]);
    for (const c of to) {
      text += c;
      start.push(s);
      end.push(e);
    }
    last = b;
  }
  text += f.text.slice(last);
  start.push(...f.start.slice(last));
  end.push(...f.end.slice(last));
  return { original: f.original, text, start, end, repaired };
}

/** Original-text span [start, end) of the folded span [a, b). */
export function toOriginal(f: Folded, a: number, b: number): [number, number] {
  if (b <= a) {
    const at = a < f.start.length ? f.start[a] : f.original.length;
    return [at, at];
  }
  return [f.start[a], f.end[b - 1]];
}

/** Original text of the folded span [a, b), NFC, whitespace runs folded to one space. */
export function cut(f: Folded, a: number, b: number): string {
  const [s, e] = toOriginal(f, a, b);
  return foldSpace(f.original.slice(s, e));
}

/** 1-based line of an original offset. */
export function lineAt(original: string, offset: number): number {
  let line = 1;
  for (let i = original.indexOf("\n"); i !== -1 && i < offset; i = original.indexOf("\n", i + 1)) line++;
  return line;
}

/** A quote ready for a plan file: its text, which occurrence it is, and its first line. */
export interface PlacedQuote {
  quote: string;
  occurrence: number;
  line: number;
}

/**
 * Cut the quote for the original span [s, e) and work out which occurrence of those words it is, the way
 * `SourceText.locate` counts them; returns undefined when the build could not find it again.
 */
export function placeQuote(source: SourceText, original: string, s: number, e: number): PlacedQuote | undefined {
  const quote = foldSpace(original.slice(s, e));
  if (quote.length < 8) return undefined;
  const line = lineAt(original, s + (original.slice(s).length - original.slice(s).trimStart().length));
  for (let k = 1; ; k++) {
    const at = source.locate(quote, k);
    if (!at) return undefined;
    if (at.line === line) return { quote, occurrence: k, line };
    if (at.line > line) return undefined;
  }
}
