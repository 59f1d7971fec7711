/**
 * The extractor reads a plan through a folded copy of its text (no diacritics, lower case, whitespace runs as one
 * space, common OCR noise repaired) and cuts every quote from the original text. Each folded character remembers the
 * span of original text it came from, so a regex match on the folded text maps back to exact original characters,
 * whether the source is NFC, NFD or an OCR copy.
 */
import { foldSpace } from "../../../src/domain/fold.ts";
import { SourceText } from "../provenance.ts";
import { PHRASES, WORDS } from "./lexicon.ts";

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
  // Tesseract often reads Đ as the look-alike Ð (eth): fold both to d.
  if (ch === "đ" || ch === "Đ" || ch === "Ð" || ch === "ð") return "d";
  if (DASHES.test(ch)) return "-";
  if (QUOTES[ch]) return QUOTES[ch];
  return ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * OCR repair by a confusion model rather than a list of misread words. In a scanned plan an accented vowel is often
 * read as a look-alike glyph: "d" or "6" or "b" for ô/ơ/ó ("cudi" cuối, "c6" có, "sbng" sống), "4" or "d" for á/ả/ấ
 * ("x4" xã, "gidm" giảm), "¢" or "€" for ệ/ộ ("1¢" lệ, "h¢" hộ), "g" for ợ ("dugc" được), "ir"/"ii"/"ti" for ừ/ữ/ủ
 * ("tir" từ, "viing" vững, "ctia" của), "y" or "t" for ụ/ú ("thyc" thực, "gitp" giúp), and "1" for a word-initial l
 * ("1a" là). READS says, for each glyph, which folded letters it may stand for.
 */
const READS: Record<string, string[]> = {
  d: ["a", "o"], b: ["o"], g: ["o", "e"], e: ["a", "o"], i: ["a", "u", "y", "l"], y: ["u", "i"], t: ["u"], w: ["u"],
  a: ["o", "u"], c: ["e"], j: ["i"], l: ["i"], p: ["d"],
  "6": ["o"], "3": ["o"], "4": ["a"], "1": ["l", "i"], "¢": ["o", "e", "c"], "€": ["e"], "&": ["o", "a", "e"], "¥": ["y"],
};
const READS2: Record<string, string[]> = { ir: ["u"], ii: ["u"], ti: ["u"], wr: ["u"], ee: ["e"] };

/**
 * How many glyph readings turn `token` into `word` (Infinity when READS cannot): each letter of the word is either
 * printed as itself or as one glyph (or glyph pair) that may stand for it.
 */
export function confusionCost(token: string, word: string): number {
  const n = token.length, m = word.length;
  if (Math.abs(n - m) > 2) return Infinity;
  // dp[i][j]: cost of reading token[0..i) as word[0..j).
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  dp[0][0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const c = dp[i][j];
      if (c === Infinity || j === m) continue;
      if (i < n && token[i] === word[j]) dp[i + 1][j + 1] = Math.min(dp[i + 1][j + 1], c);
      else if (i < n && READS[token[i]]?.includes(word[j])) dp[i + 1][j + 1] = Math.min(dp[i + 1][j + 1], c + 1);
      if (i + 1 < n && READS2[token.slice(i, i + 2)]?.includes(word[j])) dp[i + 2][j + 1] = Math.min(dp[i + 2][j + 1], c + 1);
    }
  }
  return dp[n][m];
}

// A folded Vietnamese syllable: onset (with the c/k/q, g/gh and ng/ngh spelling rules) and a rhyme that exists.
const RHYMES = "a ac ach ai am an ang anh ao ap at au ay e ec ech em en eng enh eo ep et eu i ia ich iec iem ien ieng iep iet ieu im in inh ip it iu o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong ooc oong op ot u ua uan uang uanh uat uay uc ue uech uen uenh uet ui um un ung uo uoc uoi uom uon uong uop uot uou up ut uu uy uya uych uyen uyet uynh uyt uyu y yem yen yet yeu";
const SYLLABLE = new RegExp(String.raw`^(?:ngh(?=[eiy])|ng(?![eiy])|gh(?=[ei])|gi|kh|ph|qu|th|tr|ch|nh|c(?![eiy])|k(?=[eiy])|g(?![ei])|[bdhlmnprstvx])?(?:${RHYMES.split(" ").sort((a, b) => b.length - a.length).join("|")})$`);

/** Whether a folded word can be a Vietnamese syllable ("gi" alone, "gì", counts). */
export function isSyllable(word: string): boolean {
  return SYLLABLE.test(word) || word === "gi";
}

const LIMIT = (w: string) => Math.max(1, Math.floor(w.length / 2));
const PHRASE_LIMIT = (w: string) => (w.length <= 2 ? w.length : Math.ceil(w.length / 2));
const SPLIT_PHRASES = [...PHRASES].map((p) => p.split(" ")).filter((p) => p.length > 1).sort((a, b) => b.length - a.length);
const reachCache = new Map<string, Map<string, number>>();

/** The lexicon words a token can be read as through glyphs, with the number of readings (cached: tokens repeat). */
function reach(token: string): Map<string, number> {
  let r = reachCache.get(token);
  if (!r) {
    r = new Map();
    if (!/^\d+$/.test(token)) for (const w of WORDS) {
      const c = confusionCost(token, w);
      if (c > 0 && c <= PHRASE_LIMIT(w)) r.set(w, c);
    }
    if (reachCache.size > 50_000) reachCache.clear();
    reachCache.set(token, r);
  }
  return r;
}

/** The one lexicon word a noisy token reads as with the fewest glyph readings, if there is exactly one. */
function bestWord(token: string): string | undefined {
  let best: string | undefined, cost = Infinity, tie = false;
  for (const [w, c] of reach(token)) {
    if (c > LIMIT(w) || c > cost) continue;
    if (c < cost) [best, cost, tie] = [w, c, false];
    else tie = true;
  }
  return tie ? undefined : best;
}

/**
 * Edits that read OCR-garbled words back as lexicon words: a token that cannot be a Vietnamese word (a glyph, a digit
 * among letters, an impossible spelling) when exactly one lexicon word explains it; and any unknown token that makes
 * a lexicon phrase with the words around it ("he ngheo" → "ho ngheo", "nim 2024" → "nam 2024"). Clean text has no
 * such tokens, so it is never changed.
 */
function ocrEdits(f: Folded): { a: number; b: number; to: string }[] {
  const text = f.text;
  const toks = [...text.matchAll(/[a-z0-9¢€&¥]+/g)].map((m) => ({ a: m.index, b: m.index + m[0].length, s: m[0], to: undefined as string | undefined }));
  const num = (s: string) => /^\d+$/.test(s);
  // A word that could be Vietnamese as printed: only context can say it was misread.
  const plausible = (s: string) => /^[a-z]+$/.test(s) && isSyllable(s);
  for (const t of toks) {
    if (num(t.s) || WORDS.has(t.s) || plausible(t.s) || (t.s.match(/\d/g) ?? []).length > 1) continue;
    // A lone letter or a capitalised abbreviation ("TT", "LĐ", "b") is not a garbled word.
    const printed = f.original.slice(f.start[t.a], f.end[t.b - 1]);
    if (/^\p{L}$/u.test(printed) || /^\p{Lu}+$/u.test(printed)) continue;
    t.to = bestWord(t.s);
  }
  const word = (k: number) => toks[k].to ?? toks[k].s;
  for (let i = 0; i < toks.length; i++) {
    for (const p of SPLIT_PHRASES) {
      if (i + p.length > toks.length) continue;
      let anchors = 0, needed = 0, ok = true;
      const subs: number[] = [], known: number[] = [];
      for (let k = 0; k < p.length && ok; k++) {
        const t = toks[i + k], w = word(i + k), e = p[k];
        const exact = e === "#" ? num(w) : e === "####" ? /^\d{4}$/.test(w) : w === e;
        if (k > 0 && text.slice(toks[i + k - 1].b, t.a) !== " ") ok = false;
        // A number, or a long word, is better evidence than "so" or "la".
        else if (exact) anchors += e.startsWith("#") || e.length >= 4 ? 2 : 1;
        else if (!e.startsWith("#") && !num(w) && reach(t.s).has(e)) {
          (WORDS.has(w) ? known : subs).push(i + k);
          // Reading a plausible word as another needs twice the evidence of reading a garbled one.
          needed += plausible(w) ? 2 : 1;
        } else ok = false;
      }
      // A lexicon word is only read as another one inside a long phrase that is otherwise exact
      // ("diện tích nhà a bình quân" → "nhà ở"): "a" is also a word, and short phrases give too little evidence.
      if (known.length && !(known.length === 1 && !subs.length && anchors >= 4)) ok = false;
      subs.push(...known);
      if (!ok || !subs.length || anchors < needed) continue;
      for (const k of subs) toks[k].to = p[k - i];
    }
  }
  return toks.filter((t) => t.to !== undefined && t.to !== t.s).map((t) => ({ a: t.a, b: t.b, to: t.to! }));
}

/** Fold `original` for matching; `ocr: false` skips the OCR repairs (used to tell how a match was reached). */
export function fold(original: string, options: { ocr?: boolean } = {}): Folded {
  let text = "";
  const start: number[] = [], end: number[] = [];
  let i = 0;
  // The last character written, kept aside: reading text[text.length - 1] flattens the string being built, every
  // time, which made folding grow with the square of the document's length.
  let lastChar = "";
  for (const ch of original) {
    const j = i;
    i += ch.length;
    if (WS.test(ch)) {
      if (lastChar !== "" && lastChar !== " ") {
        text += " ";
        lastChar = " ";
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
      lastChar = c;
      start.push(j);
      end.push(i);
    }
  }
  const folded: Folded = { original, text, start, end, repaired: [] };
  return options.ocr === false ? folded : applyEdits(folded, ocrEdits(folded));
}

/** Append from[a, b) to `to` one by one: push(...slice) overflows the call stack on a long document (~120,000 characters). */
function appendRange(to: number[], from: readonly number[], a: number, b = from.length) {
  for (let k = a; k < b; k++) to.push(from[k]);
}

/** Apply folded-text edits (sorted, not overlapping); the new characters map to the original text they replace. */
export function applyEdits(f: Folded, edits: { a: number; b: number; to: string }[]): Folded {
  let text = "";
  const start: number[] = [], end: number[] = [];
  const repaired = [...f.repaired];
  let last = 0;
  for (const { a, b, to } of edits) {
    text += f.text.slice(last, a);
    appendRange(start, f.start, last, a);
    appendRange(end, f.end, last, a);
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
  appendRange(start, f.start, last);
  appendRange(end, f.end, last);
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
  /** How many times the words occur in the document: a plan file must name the occurrence when it is more than one. */
  count: number;
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
    if (at.line === line) return { quote, occurrence: k, count: at.count, line };
    if (at.line > line) return undefined;
  }
}

/** A name reduced for comparison: no diacritics, lower case, letters, digits and OCR glyphs only. */
export function nameKey(s: string): string {
  return [...s].map(foldChar).join("").replace(/[^a-z0-9¢€&¥]/g, "");
}

/**
 * The one of `names` that `printed` spells, exactly or through OCR glyphs (at most one reading per `per` letters), or
 * undefined when none or several fit equally: a place name is not in the lexicon, so it is compared as a whole. A
 * short list (the sub-localities of one plan) can afford a looser `per` than all the localities of the country.
 */
export function matchName<T>(printed: string, names: [string, T][], per = 4): T | undefined {
  const k = nameKey(printed);
  if (!k) return undefined;
  let best: T | undefined, cost = Infinity, tie = false;
  for (const [name, value] of names) {
    const n = nameKey(name);
    const c = n === k ? 0 : confusionCost(k, n);
    if (c > Math.max(1, Math.floor(n.length / per)) || c > cost) continue;
    if (c < cost) [best, cost, tie] = [value, c, false];
    else if (value !== best) tie = true;
  }
  return tie ? undefined : best;
}
