/**
 * The link-preview images, drawn in a process of their own beside `astro build` (scripts/build-site.ts starts both),
 * so a 2-core machine draws cards on one core while Astro renders pages on the other. Usage:
 * `node scripts/build-previews.ts <folder>`, run from the project (it reads public/data), writes `<folder>/og/…png` for every card of src/render/preview-cards.ts.
 *
 * Each PNG is kept in the build cache (.cache/og/) under the digest of its SVG, the fonts and resvg's version: a card
 * whose figures, words and drawing are unchanged is linked from the cache, not drawn again. An entry is used only if
 * it is a whole PNG (signature and closing IEND chunk); anything else is drawn again and replaced. `--force` (or
 * PPT_FORCE=1) draws every card again.
 */
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FONTS, svgToPng } from "../src/render/png.ts";
import { previewCards } from "../src/render/preview-cards.ts";
import { coveredBySubset, subsetFonts } from "./lib/card-fonts.ts";

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Whether `bytes` are a whole PNG: its signature first, its IEND chunk last (a cut-off write has no IEND). */
export function wholePng(bytes: Buffer): boolean {
  return bytes.length > SIGNATURE.length + IEND.length && bytes.subarray(0, 8).equals(SIGNATURE) && bytes.subarray(-12).equals(IEND);
}

function place(from: string, to: string) {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export interface PreviewRun {
  cards: number;
  drawn: number;
  fromCache: number;
}

/** Draw (or take from `cacheDir`) every card of the data in `dataDir` into `outDir`. */
export async function buildPreviews(outDir: string, cacheDir: string, force = false, dataDir?: string): Promise<PreviewRun> {
  const require = createRequire(import.meta.url);
  const resvg = JSON.parse(readFileSync(require.resolve("@resvg/resvg-js/package.json"), "utf8")).version as string;
  const subset = await subsetFonts(join(cacheDir, "fonts"));
  const cards = previewCards(dataDir);
  const run: PreviewRun = { cards: cards.length, drawn: 0, fromCache: 0 };
  // Two cards in flight: resvg draws on libuv's threads, so the process keeps one core busy while it composes
  // the next card's SVG, and leaves the other to astro. A card's SVG is composed as soon as it is taken, in the
  // list's order (previewCards counts the site's totals from the cards before its own).
  let next = 0;
  const worker = async () => {
    while (next < cards.length) {
      const card = cards[next++];
      const svg = card.svg();
      const light = coveredBySubset(svg);
      const key = createHash("sha256").update(`${resvg}|${light ? subset.digest : "full"}|`).update(svg).digest("hex");
      const cached = join(cacheDir, "og", key.slice(0, 2), `${key}.png`);
      let ok = false;
      if (!force) {
        try {
          ok = wholePng(readFileSync(cached));
        } catch {
          ok = false;
        }
      }
      if (ok) run.fromCache++;
      else {
        const png = await svgToPng(svg, light ? subset.files : FONTS);
        mkdirSync(dirname(cached), { recursive: true });
        const tmp = `${cached}.tmp-${process.pid}`;
        writeFileSync(tmp, png);
        renameSync(tmp, cached);
        run.drawn++;
      }
      place(cached, join(outDir, card.path));
    }
  };
  rmSync(join(outDir, "og"), { recursive: true, force: true });
  await Promise.all([worker(), worker()]);
  return run;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!out) {
    console.error("usage: node scripts/build-previews.ts <output folder> [--force]");
    process.exit(2);
  }
  const force = process.argv.includes("--force") || process.env.PPT_FORCE === "1";
  const t0 = performance.now();
  const run = await buildPreviews(resolve(out), process.env.PPT_CACHE_DIR ? join(process.env.PPT_CACHE_DIR, "previews") : join(process.cwd(), ".cache"), force);
  console.log(`previews: ${run.cards} cards, ${run.drawn} drawn, ${run.fromCache} from the cache, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
