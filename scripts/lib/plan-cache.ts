/**
 * The data step's per-plan cache: what one plan file contributes to the public files (its fragments of each row
 * file, its checks, the localities it covers), kept between builds so that a rebuild after editing one plan reads,
 * checks and derives only that plan. An entry is served only when everything that went into it is unchanged: the
 * plan's YAML, every file it read (its source, its tables), the locality tree, and the code of the data step (every
 * module it runs, and the versions of the libraries they import). Anything else (no entry, another key, a changed
 * input, a truncated or altered file) is a miss: the plan is built again and its entry rewritten. Entries live
 * outside the published output (by default `.cache/data/`), one file per plan file, written whole then renamed.
 */
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { moduleGraph } from "./import-graph.ts";
import { readUtf8 } from "./yaml-file.ts";

/** Bumped when the entry layout changes (the code digest covers everything else). */
const FORMAT = 1;

/** What one plan file contributes: the same shape as a shard's result, without errors (a plan with errors is never cached). */
export interface Piece {
  counts: Record<string, number>;
  json: Record<string, Uint8Array>;
  csv: Record<string, Uint8Array>;
  checks: [string, { run: number; passed: number }][];
  planLocalities: [string, string][];
}

/** The cache as a shard sees it (plain data: it crosses into worker threads). */
export interface PlanCacheRef {
  dir: string;
  /** Digest of everything every entry depends on: the code and the locality tree. */
  salt: string;
}

interface Header {
  format: number;
  key: string;
  /** Files under data/ the plan read, with their digests. */
  inputs: [string, string][];
  counts: Piece["counts"];
  checks: Piece["checks"];
  planLocalities: Piece["planLocalities"];
  parts: [kind: "json" | "csv", file: string, bytes: number][];
  payload: string;
}

const sha = (...parts: (string | Uint8Array)[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("hex");
};

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
let codeDigest: string | undefined;
/** A package a module imports: `from "zod"`, `import("js-yaml")`, also with a comment before the name. */
const BARE = /(?:\bfrom\s*|\bimport\s*\(\s*(?:\/\*.*?\*\/\s*)?)["']([^."'][^"']*)["']/g;

/**
 * Digest of the data step's code: every project module it runs (followed from build-data.ts and the shard worker
 * through their relative imports) and the installed version of every package those modules import, plus Node's.
 */
export function codeVersion(): string {
  if (codeDigest) return codeDigest;
  const modules = moduleGraph([join(ROOT, "scripts", "build-data.ts"), join(ROOT, "scripts", "lib", "shard-worker.ts")]);
  const h = createHash("sha256").update(`format ${FORMAT}\nnode ${process.version}\n`);
  const packages = new Set<string>();
  for (const m of modules) {
    const text = readFileSync(m);
    h.update(`${relative(ROOT, m)}\n`).update(text).update("\n");
    for (const [, spec] of text.toString("utf8").matchAll(BARE)) {
      if (spec.startsWith("node:")) continue;
      packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  }
  for (const p of [...packages].sort()) {
    let version = "absent";
    try {
      version = JSON.parse(readFileSync(join(ROOT, "node_modules", p, "package.json"), "utf8")).version;
    } catch {
      // Not installed (an optional module such as js-yaml): its absence is part of the version.
    }
    h.update(`package ${p}@${version}\n`);
  }
  return (codeDigest = h.digest("hex"));
}

/** The salt of a run: the code, and the locality tree every plan is checked against. */
export function cacheSalt(localities: readonly { id: string; parent: string | null }[], known: boolean): string {
  return sha(codeVersion(), known ? JSON.stringify(localities.map((l) => [l.id, l.parent])) : "no localities");
}

const entryPath = (cache: PlanCacheRef, planFile: string) => join(cache.dir, `${planFile}.entry`);
const keyOf = (cache: PlanCacheRef, planFile: string, yaml: Uint8Array) => sha(cache.salt, planFile, yaml);

/** The plan file's bytes if it is a regular file, else undefined (a link or folder is never trusted). */
function planBytes(dataDir: string, planFile: string): Buffer | undefined {
  const path = join(dataDir, "plans", planFile);
  try {
    return lstatSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/** A source or table as the build reads it (same guards, same decoding), or undefined when the build would refuse it. */
function inputText(dataDir: string, rel: string): string | undefined {
  try {
    return readUtf8(join(dataDir, rel), `data/${rel}`, { dataDir, kind: rel.startsWith("tables/") ? "table" : "source" });
  } catch {
    return undefined;
  }
}

export { planBytes };

/** A served entry: the plan's piece and the inputs it read (so the caller can publish the source without reading it again). */
export interface Hit {
  piece: Piece;
  inputs: Map<string, string>;
}

/**
 * The cached piece of plan file `planFile` (in `dataDir`/plans), or undefined when there is none that can be
 * trusted. Never throws for a bad entry: whatever is wrong with it, the plan is simply built again.
 */
export function lookup(cache: PlanCacheRef, dataDir: string, planFile: string, yaml: Uint8Array): Hit | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(entryPath(cache, planFile));
  } catch {
    return undefined;
  }
  try {
    const nl = buf.indexOf(0x0a);
    if (nl < 0) return undefined;
    const h = JSON.parse(buf.subarray(0, nl).toString("utf8")) as Header;
    if (h.format !== FORMAT || h.key !== keyOf(cache, planFile, yaml)) return undefined;
    const inputs = new Map<string, string>();
    for (const [rel, digest] of h.inputs) {
      const text = inputText(dataDir, rel);
      if (text === undefined || sha(text) !== digest) return undefined;
      inputs.set(rel, text);
    }
    const payload = buf.subarray(nl + 1);
    if (payload.length !== h.parts.reduce((n, p) => n + p[2], 0) || sha(payload) !== h.payload) return undefined;
    const piece: Piece = { counts: h.counts, json: {}, csv: {}, checks: h.checks, planLocalities: h.planLocalities };
    let at = 0;
    for (const [kind, file, bytes] of h.parts) {
      piece[kind][file] = payload.subarray(at, at + bytes);
      at += bytes;
    }
    return { piece, inputs };
  } catch {
    return undefined;
  }
}

/**
 * Store the piece of plan file `planFile`. `yaml` is the plan file as read before the build (if it was edited while the
 * plan was built, the entry's key is the old text's and will not be served for the new one); `inputs` are the files the
 * build read, with the text it read.
 */
export function store(cache: PlanCacheRef, planFile: string, yaml: Uint8Array, piece: Piece, inputs: Map<string, string>) {
  const parts: Header["parts"] = [];
  const chunks: Uint8Array[] = [];
  for (const kind of ["json", "csv"] as const) {
    for (const [file, bytes] of Object.entries(piece[kind])) {
      parts.push([kind, file, bytes.byteLength]);
      chunks.push(bytes);
    }
  }
  const payload = Buffer.concat(chunks);
  const header: Header = {
    format: FORMAT, key: keyOf(cache, planFile, yaml), inputs: [...inputs].map(([rel, text]) => [rel, sha(text)]),
    counts: piece.counts, checks: piece.checks, planLocalities: piece.planLocalities, parts, payload: sha(payload),
  };
  const path = entryPath(cache, planFile);
  const tmp = `${path}.tmp-${process.pid}`;
  mkdirSync(cache.dir, { recursive: true });
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
  renameSync(tmp, path);
}

/** After a successful run: remove the entries of plan files that are gone, and temporaries a killed run left. */
export function prune(cache: PlanCacheRef, planFiles: readonly string[]) {
  if (!existsSync(cache.dir)) return;
  const keep = new Set(planFiles.map((f) => `${f}.entry`));
  for (const name of readdirSync(cache.dir)) if (!keep.has(name)) rmSync(join(cache.dir, name), { force: true });
}

/** Remove the whole cache (a forced build starts from nothing). */
export function clear(cache: PlanCacheRef) {
  rmSync(cache.dir, { recursive: true, force: true });
}
