/**
 * The project's own modules a script runs on, found by following its relative imports. The data step's cache is
 * keyed by their contents (a change to any of them must rebuild every plan), and the layering test reads the same
 * graph to check that imports only go down (scripts never import bench/).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** `from "./x.ts"`, `import "./x.ts"`, `import("./x.ts")`, `new URL("./x.ts", import.meta.url)` (a worker's module). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** Relative specifiers a module names, resolved to absolute paths. */
export function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const out = new Set<string>();
  // Comments may show imports as examples (this file does).
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of code.matchAll(SPECIFIER)) if (/\.(ts|mjs|js|json)$/.test(m[1])) out.add(resolve(dirname(file), m[1]));
  return [...out];
}

/** Every module reachable from `entries` by relative imports (entries included), sorted. */
export function moduleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => resolve(e));
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    stack.push(...importsOf(f));
  }
  return [...seen].sort();
}
