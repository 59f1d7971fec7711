/**
 * Imports only go down: bench/ may use scripts/ and src/, scripts/ may use src/, never the other way. Read from the
 * same import graph the data step's cache digests (scripts/lib/import-graph.ts).
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { importsOf } from "../../scripts/lib/import-graph.ts";

const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
const modules = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));

/** `from → to` for every import of a module under `dir` that lands under one of `forbidden`. */
function upward(dir: string, forbidden: string[]): string[] {
  return modules(dir).flatMap((m) => importsOf(m).map((to) => relative(ROOT, to)).filter((to) => forbidden.some((f) => to.startsWith(`${f}/`))).map((to) => `${relative(ROOT, m)} → ${to}`));
}

test("scripts/ imports nothing from bench/", () => {
  expect(upward("scripts", ["bench"])).toEqual([]);
});

test("src/ imports nothing from scripts/ or bench/", () => {
  expect(upward("src", ["scripts", "bench"])).toEqual([]);
});

/**
 * src/ by layer, lowest first (README, "How it fits together"): a module imports only from its own layer or a lower
 * one, so the folder names read as the flow: words and formats, domain, loading a page's data, what pages show,
 * charts, rendering, then the pages and the browser's scripts.
 */
const LAYERS = ["i18n", "domain", "load", "view", "charts", "render", ["components", "views", "layouts", "pages", "client", "styles"]] as const;

test("src/ imports only go down its layers", () => {
  const layerOf = (file: string) => {
    const top = relative(join(ROOT, "src"), file).split("/")[0];
    const at = LAYERS.findIndex((l) => (typeof l === "string" ? l === top : (l as readonly string[]).includes(top)));
    if (at < 0) throw new Error(`src/${top} is in no layer: add it to LAYERS and to the README`);
    return at;
  };
  const up = modules("src").flatMap((m) => importsOf(m).filter((to) => to.startsWith(`${ROOT}/src/`) && layerOf(to) > layerOf(m)).map((to) => `${relative(ROOT, m)} → ${relative(ROOT, to)}`));
  expect(up).toEqual([]);
  // Every layer holds modules (a renamed folder must be renamed here too).
  for (const l of LAYERS.slice(0, 6)) expect(modules(`src/${l}`).length).toBeGreaterThan(0);
});
