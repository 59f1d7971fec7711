/**
 * The link-preview images, drawn in a process of their own beside `astro build` (scripts/build-site.ts starts both),
 * so a 2-core machine draws cards on one core while Astro renders pages on the other. Usage:
 * `node scripts/build-previews.ts <folder>`, run from the project (it reads public/data), writes `<folder>/og/…png` for every card of src/render/preview-cards.ts.
 *
 * Each PNG is kept in the build cache (.cache/og/) under the digest of its SVG, the fonts and resvg's version: a card
 * whose figures, words and drawing are unchanged is linked from the cache, not drawn again. A warm build does less
 * still: the cache's manifest (og-cards.json) names, per province, the digest of what its cards were made from (its
 * slice, the card code, fonts and resvg) and each card's PNG, so an unchanged province's cards are linked without its
 * slice being read or a card composed. An entry is used only if it is a whole PNG (signature and closing IEND
 * chunk); anything else is drawn again and replaced. `--force` (or PPT_FORCE=1) draws every card again.
 */
import { createHash } from "node:crypto";
import { closeSync, copyFileSync, existsSync, fstatSync, linkSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { FONTS, svgToPng } from "../src/render/png.ts";
import { PNG_SIGNATURE } from "../src/render/png-encode.ts";
import { z } from "zod";
import { provinceKey } from "../src/load/page-key.ts";
import { previewCards, type PreviewCard, type PreviewGroup, type ProvinceTally } from "../src/render/preview-cards.ts";
import { hashCode } from "./lib/import-graph.ts";
import { coveredBySubset, subsetFonts } from "./lib/card-fonts.ts";

const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Whether a file of `size` bytes that starts with `head` and ends with `tail` is a whole PNG (a cut-off write has no IEND). */
const hasPngEnds = (size: number, head: Buffer, tail: Buffer) => size > PNG_SIGNATURE.length + IEND.length && head.equals(PNG_SIGNATURE) && tail.equals(IEND);

/** Whether `bytes` are a whole PNG: its signature first, its IEND chunk last. */
export function wholePng(bytes: Buffer): boolean {
  return hasPngEnds(bytes.length, bytes.subarray(0, PNG_SIGNATURE.length), bytes.subarray(-IEND.length));
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
  /** Provinces whose cards were all linked from the cache without composing them (their slice was not read). */
  provincesKept: number;
}

/** Whether the file at `path` is a whole PNG, reading only its first and last bytes. */
function wholePngFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    if (size <= PNG_SIGNATURE.length + IEND.length) return false;
    const head = Buffer.alloc(PNG_SIGNATURE.length);
    const tail = Buffer.alloc(IEND.length);
    readSync(fd, head, 0, head.length, 0);
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return hasPngEnds(size, head, tail);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What the last run drew, province by province: the key of what the province's cards were made from, the site
 * card's tally, and each card's PNG (its cache key). A province whose key is unchanged has its cards linked from
 * the cache without its slice being read or a card composed.
 */
const Manifest = z.object({
  provinces: z.record(z.string(), z.object({ key: z.string(), figures: z.number().int().nonnegative(), count: z.number().int().nonnegative(), cards: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)) })),
});
type Manifest = z.infer<typeof Manifest>;

function readCardManifest(file: string): Manifest {
  try {
    return Manifest.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return { provinces: {} };
  }
}

/** Digest of the code and tools that make a card: the modules the card builder runs on, the lock file, resvg, the fonts. */
function cardCodeKey(resvg: string, fonts: string): string {
  const h = hashCode(createHash("sha256").update(`${resvg}|${fonts}|`), [fileURLToPath(import.meta.url)], resolve(dirname(fileURLToPath(import.meta.url)), ".."));
  const lock = join(process.cwd(), "package-lock.json");
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest("hex");
}

/** Draw (or take from `cacheDir`) every card of the data in `dataDir` into `outDir`. */
export async function buildPreviews(outDir: string, cacheDir: string, force = false, dataDir?: string): Promise<PreviewRun> {
  const require = createRequire(import.meta.url);
  const resvg = JSON.parse(readFileSync(require.resolve("@resvg/resvg-js/package.json"), "utf8")).version as string;
  const subset = await subsetFonts(join(cacheDir, "fonts"));
  const manifestFile = join(cacheDir, "og-cards.json");
  const before = force ? { provinces: {} } : readCardManifest(manifestFile);
  const code = cardCodeKey(resvg, subset.digest);
  const dir = dataDir ?? join(process.cwd(), "public", "data");
  // A province's cards are made from its slice (with the shared lists) and the list of its cards.
  const keyOf = (province: string, paths: string[]) => createHash("sha256").update(code).update("\0").update(provinceKey(province, dir)).update("\0").update(paths.join("\0")).digest("hex");
  // The site's cards count from `known` the provinces whose cards are kept (filled below, before any card is composed).
  const known = new Map<string, ProvinceTally>();
  const groups = previewCards(dataDir, known);
  const after: Manifest = { provinces: {} };
  const keep = new Set<PreviewGroup>();
  for (const g of groups) {
    if (!g.province) continue;
    const key = keyOf(g.province, g.cards.map((c) => c.path));
    const was = before.provinces[g.province];
    if (was?.key === key && g.cards.every((c) => was.cards[c.path] && wholePngFile(cachedPng(cacheDir, was.cards[c.path])))) {
      known.set(g.province, { figures: was.figures, count: was.count });
      after.provinces[g.province] = was;
      keep.add(g);
    } else after.provinces[g.province] = { key, figures: 0, count: 0, cards: {} };
  }
  const run: PreviewRun = { cards: groups.reduce((n, g) => n + g.cards.length, 0), drawn: 0, fromCache: 0, provincesKept: keep.size };
  rmSync(join(outDir, "og"), { recursive: true, force: true });
  const todo: { card: PreviewCard; province?: string }[] = [];
  for (const g of groups) {
    if (g.province && keep.has(g)) {
      for (const c of g.cards) place(cachedPng(cacheDir, after.provinces[g.province].cards[c.path]), join(outDir, c.path));
      run.fromCache += g.cards.length;
    } else {
      todo.push(...g.cards.map((card) => ({ card, province: g.province })));
    }
  }
  // Two cards in flight: resvg draws on libuv's threads, so the process keeps one core busy while it composes
  // the next card's SVG, and leaves the other to astro. A card's SVG is composed as soon as it is taken, in the
  // list's order.
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const { card, province } = todo[next++];
      const svg = card.svg();
      const light = coveredBySubset(svg);
      const key = createHash("sha256").update(`${resvg}|${light ? subset.digest : "full"}|`).update(svg).digest("hex");
      const cached = cachedPng(cacheDir, key);
      if (!force && wholePngFile(cached)) run.fromCache++;
      else {
        const png = await svgToPng(svg, light ? subset.files : FONTS);
        mkdirSync(dirname(cached), { recursive: true });
        const tmp = `${cached}.tmp-${process.pid}`;
        writeFileSync(tmp, png);
        renameSync(tmp, cached);
        // Each drawn image holds its pixels in native memory that V8 does not count, so a small JS heap is seldom
        // collected while the images pile up (~520 MB after 800 cards, ~300 MB with this). build-site.ts runs this
        // process with --expose-gc; without it, nothing changes but the memory.
        if (++run.drawn % 16 === 0) collect?.();
      }
      if (province) after.provinces[province].cards[card.path] = key;
      place(cached, join(outDir, card.path));
    }
  };
  await Promise.all([worker(), worker()]);
  // Counted when each province's first card was composed (its slice at hand).
  for (const g of groups) if (g.province && !keep.has(g)) Object.assign(after.provinces[g.province], g.tally!());
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${manifestFile}.${process.pid}.tmp`, JSON.stringify(after));
  renameSync(`${manifestFile}.${process.pid}.tmp`, manifestFile);
  return run;
}

const collect = (globalThis as { gc?: () => void }).gc;

const cachedPng = (cacheDir: string, key: string) => join(cacheDir, "og", key.slice(0, 2), `${key}.png`);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!out) {
    console.error("usage: node scripts/build-previews.ts <output folder> [--force]");
    process.exit(2);
  }
  const force = process.argv.includes("--force") || process.env.PPT_FORCE === "1";
  const t0 = performance.now();
  const run = await buildPreviews(resolve(out), process.env.PPT_CACHE_DIR ? join(process.env.PPT_CACHE_DIR, "previews") : join(process.cwd(), ".cache"), force);
  console.log(`previews: ${run.cards} cards, ${run.drawn} drawn, ${run.fromCache} from the cache (${run.provincesKept} provinces unchanged), ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
