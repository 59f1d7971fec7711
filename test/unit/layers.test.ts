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
