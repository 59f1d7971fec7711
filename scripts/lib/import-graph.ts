/**
 * The project's own modules a script runs on, found by following its relative imports. The data step's cache and
 * the preview cards' are keyed by their contents and the versions of the packages they import (codeDigestOf: a
 * change to any of them must make everything again), and the layering test reads the same graph to check that
 * imports only go down (scripts never import bench/).
 */
import type { Hash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

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

/** A package a module imports: `from "zod"`, `import("js-yaml")`, also with a comment before the name. */
const BARE = /(?:\bfrom\s*|\bimport\s*\(\s*(?:\/\*.*?\*\/\s*)?)["']([^."'][^"']*)["']/g;

/**
 * Feed `h` the module graph of `entries` (each module's path relative to `root`, and its bytes) and the installed
 * version of every package those modules import (from `root`/node_modules; "absent" for an optional one not installed).
 */
export function hashCode(h: Hash, entries: readonly string[], root: string): Hash {
  const packages = new Set<string>();
  for (const m of moduleGraph(entries)) {
    const text = readFileSync(m);
    h.update(`${relative(root, m)}\n`).update(text).update("\n");
    for (const [, spec] of text.toString("utf8").matchAll(BARE)) {
      if (spec.startsWith("node:")) continue;
      packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  }
  for (const p of [...packages].sort()) {
    let version = "absent";
    try {
      version = JSON.parse(readFileSync(join(root, "node_modules", p, "package.json"), "utf8")).version;
    } catch {
      // Not installed (an optional module such as js-yaml): its absence is part of the version.
    }
    h.update(`package ${p}@${version}\n`);
  }
  return h;
}
