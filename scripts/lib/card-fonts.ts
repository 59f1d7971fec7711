/**
 * Lighter fonts for the preview cards. resvg reads and indexes every font file on each image it draws; the full Noto
 * Sans faces (630 KB each, plus 1 MB of Noto Sans Math) made that most of a card's cost. Cut to the scripts a card
 * can hold (Latin with every Vietnamese letter, punctuation, arrows and maths signs) they weigh about 95 KB, 95 KB and
 * 8 KB. The subsets are made once with harfbuzz (subset-font) and kept in the build cache under the digest of the
 * full files and the ranges, so a new font version or range makes new ones. A card holding a character outside
 * the ranges is drawn with the full files, so nothing is ever drawn as a missing glyph.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";
import { FONTS } from "../../src/render/png.ts";

/** Code points the subsets keep: Latin (with Vietnamese's own block and combining marks), punctuation, signs. */
const RANGES: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x36f], [0x1e00, 0x1eff], [0x2000, 0x206f], [0x20a0, 0x20cf], [0x2100, 0x214f], [0x2190, 0x21ff], [0x2200, 0x22ff],
];
const COVERED = new RegExp(`^[\\n\\r\\t${RANGES.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join("")}]*$`, "u");

/** Whether every character of `text` is one the subsets keep. */
export function coveredBySubset(text: string): boolean {
  return COVERED.test(text);
}

const chars = () => RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))).join("");

/** The subset files (made on first use into `cacheDir`), in FONTS's order, and a digest naming them. */
export async function subsetFonts(cacheDir: string): Promise<{ files: string[]; digest: string }> {
  const h = createHash("sha256").update(JSON.stringify(RANGES));
  const full = FONTS.map((f) => readFileSync(f));
  for (const b of full) h.update(b);
  const digest = h.digest("hex").slice(0, 16);
  const dir = join(cacheDir, digest);
  const files = FONTS.map((_, i) => join(dir, `${i}.ttf`));
  if (files.every(existsSync)) return { files, digest };
  mkdirSync(dir, { recursive: true });
  const text = chars();
  for (const [i, b] of full.entries()) {
    const out = await subsetFont(b, text, { targetFormat: "truetype" });
    // Written whole or not at all: a killed build must not leave half a font for the next one to trust.
    const tmp = `${files[i]}.tmp-${process.pid}`;
    writeFileSync(tmp, out);
    renameSync(tmp, files[i]);
  }
  return { files, digest };
}
