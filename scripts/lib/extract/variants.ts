/**
 * Deterministic variants of a source text, to measure how the extractor copes with the forms a plan arrives in:
 * decomposed Unicode (NFD), diacritics stripped (what an OCR that lost the accents leaves, digits and punctuation
 * kept) and OCR-like letter noise. The noise is modelled on the one OCR copy we hold (Phan Rang – Tháp Chàm, 2024):
 * there the accents are mostly lost, some accented vowels come out as look-alike glyphs ("gidm" for giảm, "1¢" for
 * lệ, "c6" for có, "dugc" for được, "tir" for từ, "x4" for xã, "Pang" for Đảng) and a word-initial "l" is often read as
 * "1". Only letters are touched: digits, punctuation, spacing and line breaks stay, so every printed number survives
 * and the curated figures remain the right answer.
 */
import { prng } from "../prng.ts";

export type VariantKind = "nfd" | "stripped" | "ocr";

export const VARIANTS: { kind: VariantKind; label: string; describe: string }[] = [
  { kind: "nfd", label: "NFD", describe: "Unicode NFD (decomposed): every accent a separate combining mark" },
  { kind: "stripped", label: "no diacritics", describe: "diacritics stripped (đ → d), digits and punctuation kept, as in an OCR copy" },
  { kind: "ocr", label: "OCR noise", describe: "diacritics mostly lost plus seeded look-alike confusions on accented letters and word-initial l, never on digits" },
];

/** The text in NFD. */
export function nfdVariant(text: string): string {
  return text.normalize("NFD");
}

/** The text with every diacritic removed (đ → d, Đ → D); digits, punctuation and layout unchanged. */
export function strippedVariant(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

/** A 32-bit seed from a string (FNV-1a), so a variant can be keyed by its file name. */
export function seedOf(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

const HORN = "\u031b", CIRCUMFLEX = "\u0302", BREVE = "\u0306";

/**
 * What an accented vowel was read as in the real OCR copy, by its shape (base letter and hook, horn, breve or
 * circumflex). Multi-letter readings ("ir" for ừ, "ti" for ủ) are as printed there.
 */
const GLYPHS: Record<string, string[]> = {
  "o+horn": ["g", "d", "a", "é", "6", "&"],
  "u+horn": ["i", "ir", "ii", "w", "t", "y"],
  "o+circumflex": ["6", "d", "b", "é", "¢"],
  o: ["6", "d", "é", "¢"],
  "a+circumflex": ["4", "d", "é", "i"],
  "a+breve": ["i", "d", "4"],
  a: ["4", "d", "&", "é"],
  "e+circumflex": ["¢", "€", "c", "g"],
  e: ["¢", "€"],
  u: ["y", "t", "ti", "ii"],
  i: ["1", "j", "l"],
  y: ["y"],
};

export interface OcrNoiseOptions {
  /** Chance that an accented vowel is read as a look-alike glyph rather than losing its accent (default 0.2). */
  glyph?: number;
  /** Chance that a word-initial "l" is read as "1" (default 0.2; as "I" a further 0.06). */
  l1?: number;
}

const isLetter = (c: string | undefined) => !!c && /^\p{L}$/u.test(c);
const isDigitish = (c: string | undefined) => !!c && /[\d.,]/.test(c);

/**
 * OCR-like noise, seeded. Accented vowels lose their accents (an "e" often keeps an acute, as "é" does throughout
 * the real copy), and with probability `glyph` are read as a look-alike from GLYPHS; "đ" becomes "d" ("Đ" sometimes
 * "P"); a word-initial "l" may become "1" or "I". The defaults give about the share of unreadable words the real copy
 * has (one word in five, counted against the vocabulary of the typed plans). A reading containing a digit is only used inside a word and never beside
 * a digit, "." or ",", so no number is created, changed or joined.
 */
export function ocrVariant(text: string, seed: number, options: OcrNoiseOptions = {}): string {
  const pGlyph = options.glyph ?? 0.2, pL1 = options.l1 ?? 0.2;
  const random = prng(seed);
  const chars = [...text.normalize("NFC")];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i], prev = chars[i - 1], next = chars[i + 1];
    // One draw per character whatever happens, so a change in one place does not shift the noise everywhere else.
    const r = random(), pick = random();
    const upper = ch !== ch.toLowerCase();
    const lower = ch.toLowerCase();
    // A digit reading must stay glued to a letter: the one already written before it, or a plain letter after it
    // (an accented one may itself become "&" or "6", and "lộ" must not turn into the number "16"). Nor may any
    // reading that is not a letter touch a digit ("1én" must not become "1€n", which frees the "1").
    const last = out[out.length - 1];
    const fits = (g: string) =>
      (/^\p{L}+$/u.test(g) || (!isDigitish(last) && !isDigitish(next))) && (!/\d/.test(g) || isLetter(last) || /^[a-km-z]$/i.test(next ?? ""));
    const cased = (g: string) => (upper && g.length === 1 && /\p{Ll}/u.test(g) ? g.toUpperCase() : g);
    if (lower === "đ") {
      out += upper && r < 0.15 ? "P" : upper ? "D" : "d";
      continue;
    }
    if (lower === "l" && !isLetter(prev) && isLetter(next) && r < pL1 + 0.06) {
      out += r < pL1 && fits("1") ? "1" : "I";
      continue;
    }
    const parts = lower.normalize("NFD");
    const base = parts[0];
    if (!/[aeiouy]/.test(base) || parts.length === 1) {
      out += ch;
      continue;
    }
    const shape = parts.includes(HORN) ? "+horn" : parts.includes(CIRCUMFLEX) ? "+circumflex" : parts.includes(BREVE) ? "+breve" : "";
    const set = GLYPHS[base + shape] ?? GLYPHS[base] ?? [base];
    const glyph = set[Math.floor(pick * set.length)];
    if (r < pGlyph && fits(glyph)) out += cased(glyph);
    else if (base === "e" && r < pGlyph + (1 - pGlyph) / 2) out += upper ? "É" : "é";
    else out += upper ? base.toUpperCase() : base;
  }
  return out;
}

/** The variant of `text` of the given kind; the OCR noise is seeded by `seed`. */
export function variant(kind: VariantKind, text: string, seed: number): string {
  if (kind === "nfd") return nfdVariant(text);
  if (kind === "stripped") return strippedVariant(text);
  return ocrVariant(text, seed);
}
