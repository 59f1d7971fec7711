/**
 * A chart state's SVG, drawn once: the same drawing appears on its page, in its embed and (the default one) in the
 * preview card, and a locality's chart is often drawn again unchanged by the next build. Drawing with Plot is the
 * largest cost of a build, so a drawing is kept in `.cache/drawn/` (PPT_CACHE_DIR/drawn) under the digest of its
 * description (view/drawing.ts) and locale: any route, in this build or a later one, in the astro process or the
 * preview process, that shows the same description reads it back instead of drawing it.
 *
 * An entry is served only when it is whole and current: its folder is named by the digest of the code that draws
 * (every file of src/, the package list), so a changed chart function draws everything again; each entry carries the
 * digest of its own bytes, so a truncated or altered file is drawn again; entries are written whole, by rename.
 * PPT_FORCE=1 draws every state again (and rewrites the entries). Build time only (Node).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Topology } from "topojson-specification";
import { buildCacheDir, codeDigest } from "../load/code-version.ts";
import { drawChart } from "../charts/draw.ts";
import { provinceMap } from "../charts/map.ts";
import { svgHtml } from "./chart-html.ts";
import type { ChartDrawing } from "../view/drawing.ts";
import type { Locale } from "../i18n/format.ts";
import { loadProvinceTopology } from "../view/province-map-data.ts";
import { serverDocument } from "./server-dom.ts";

/** Draw a described state in the server DOM (the map from the province boundaries of public/data). */
export function drawSvg(d: ChartDrawing, locale: Locale): SVGSVGElement {
  const document = serverDocument();
  if (d.chart === "map") {
    return provinceMap(d.provinces, loadProvinceTopology() as unknown as Topology, { document, locale, standard: d.standard, summary: d.summary });
  }
  return drawChart(d, { document, locale });
}

let dir: string | undefined;

/** This code's folder of drawings; folders of other code versions are removed (one build at a time holds the lock). */
function cacheDir(): string {
  if (dir) return dir;
  const root = process.cwd();
  const base = join(buildCacheDir(root), "drawn");
  const version = codeDigest(root);
  mkdirSync(base, { recursive: true });
  for (const old of readdirSync(base)) if (old !== version) rmSync(join(base, old), { recursive: true, force: true });
  dir = join(base, version);
  return dir;
}

type Drawn = { page: string; file: string };

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const SEP = "\n\u0000\n";

/** The entry at `file` if it is whole: `<sha1 of the rest>\n<page svg>SEP<file svg>`. */
function readEntry(file: string): Drawn | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const nl = text.indexOf("\n");
  const body = text.slice(nl + 1);
  if (nl !== 40 || text.slice(0, 40) !== sha1(body)) return undefined;
  const cut = body.indexOf(SEP);
  return cut < 0 ? undefined : { page: body.slice(0, cut), file: body.slice(cut + SEP.length) };
}

let written = 0;

/**
 * The last drawings served, by entry, with the stamp of the entry's file then: a locality's page follows its embed
 * (view/slice-routes.ts) and shows the same drawings, taken from memory rather than read and checked again while
 * the file is the one they were checked against (a stat, not a read). A handful of pages' worth.
 */
const recent = new Map<string, { stamp: string; svg: Drawn }>();
const KEPT = 32;

/**
 * Forget the drawings kept in memory, as a new process starts (tests: a file damaged in place within the file
 * system's clock tick keeps its stamp, so only a reader that does not hold the drawing reads the file again; what
 * is kept was whole when it was read or drawn, so a damaged file is never served either way).
 */
export function forgetKeptDrawings(): void {
  recent.clear();
}

function stampOf(file: string): string | undefined {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}

function remember(file: string, svg: Drawn): Drawn {
  const stamp = stampOf(file);
  recent.delete(file);
  if (stamp) recent.set(file, { stamp, svg });
  if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
  return svg;
}

/** The entry's drawing: from memory, from its file when whole, else drawn now and written. */
function drawn(locale: Locale, d: ChartDrawing): Drawn {
  const file = drawnEntry(locale, d);
  const force = process.env.PPT_FORCE === "1";
  if (!force) {
    const kept = recent.get(file);
    if (kept && kept.stamp === stampOf(file)) return kept.svg;
    const hit = readEntry(file);
    if (hit) return remember(file, hit);
  }
  const svg = svgHtml(drawSvg(d, locale));
  const body = `${svg.page}${SEP}${svg.file}`;
  const tmp = `${file}.${process.pid}.${++written}.tmp`;
  const entry = `${sha1(body)}\n${body}`;
  // The entry's folder is made when a write finds it missing, not checked before every write: a national build
  // writes ~100,000 entries into 256 folders.
  try {
    writeFileSync(tmp, entry);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, entry);
  }
  renameSync(tmp, file);
  return force ? svg : remember(file, svg);
}

/**
 * The state's SVG markup: `page` as pages show it (marks with a title carry `data-tip`), `file` without what only
 * the page's script reads (preview images).
 */
export function drawnSvg(locale: Locale, d: ChartDrawing, flavour: "page" | "file" = "page"): string {
  return drawn(locale, d)[flavour];
}

/**
 * Make sure the state has an entry, drawing it only if there is none (the preview process, drawing ahead of astro:
 * a present entry is checked by whoever reads it, so it is not read here).
 */
export function drawIfMissing(locale: Locale, d: ChartDrawing): void {
  if (process.env.PPT_FORCE === "1" || !existsSync(drawnEntry(locale, d))) drawn(locale, d);
}

const entries = new WeakMap<ChartDrawing, Partial<Record<Locale, string>>>();

/**
 * Where the drawing of a description is kept (tests damage entries to see them drawn again). Once per description
 * object: a locality's page and its embed share their chart specs (chart-specs chartsOf).
 */
export function drawnEntry(locale: Locale, d: ChartDrawing): string {
  let known = entries.get(d);
  if (!known) entries.set(d, (known = {}));
  if (known[locale]) return known[locale];
  const key = sha1(`${locale}\0${JSON.stringify(d)}`);
  return (known[locale] = join(cacheDir(), key.slice(0, 2), `${key}.svg`));
}
