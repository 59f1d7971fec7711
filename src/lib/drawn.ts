/**
 * A chart variant's SVG, drawn once per build (only the states drawnAtBuild: the browser draws the others). The same
 * variant appears on its page, in its embed, on its meeting slide and (the default one) in the preview image: route
 * kinds that Astro builds one after another, so holding the SVG in memory until the next kind comes would hold a whole country's charts.
 * Drawing with Plot is the largest cost of a build, so the first route to draw a variant writes it to a folder of
 * this build process and the others read it back. Build time only (Node); the folder goes when the process ends.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { svgHtml } from "./chart-html.ts";
import { variantKey, type ChartSpec, type ChartVariant } from "./chart-specs.ts";
import type { Locale } from "./format.ts";
import { serverDocument } from "./server-dom.ts";
import type { SiteData } from "./site-data.ts";

const dir = join(tmpdir(), `ppt-drawn-${process.pid}-${Date.now()}`);
let made = false;
process.once("exit", () => {
  if (made) rmSync(dir, { recursive: true, force: true });
});

// The data are fixed for a build; a dev server that loads new data must not get the old drawings.
const versions = new WeakMap<SiteData, number>();
let nextVersion = 0;
const versionOf = (data: SiteData) => versions.get(data) ?? (versions.set(data, ++nextVersion), nextVersion);

/**
 * The variant's SVG markup: `page` as pages show it (marks with a title carry `data-tip`), `file` without what only
 * the page's script reads (preview images).
 */
export function drawnSvg(data: SiteData, locale: Locale, spec: Pick<ChartSpec, "page" | "id">, v: ChartVariant, flavour: "page" | "file" = "page"): string {
  const key = `${versionOf(data)}|${locale}|${spec.page}|${spec.id}|${variantKey(v)}`;
  const file = (f: string) => join(dir, `${createHash("sha1").update(key).digest("hex")}.${f}.svg`);
  if (made) {
    try {
      return readFileSync(file(flavour), "utf8");
    } catch {
      // not drawn yet
    }
  }
  const svg = svgHtml(v.draw(serverDocument()));
  if (!made) mkdirSync(dir, { recursive: true });
  made = true;
  writeFileSync(file("page"), svg.page);
  writeFileSync(file("file"), svg.file);
  return svg[flavour];
}
