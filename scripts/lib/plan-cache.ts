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
import { closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { hashCode } from "./import-graph.ts";
import { readDataFile } from "./safe-file.ts";
import { readUtf8 } from "./yaml-file.ts";

/** Bumped when the entry layout changes (the code digest covers everything else). */
const FORMAT = 4;

/**
 * What one plan file contributes (a plan with errors is never cached): its parts, each a fragment of one public file
 * named by a key (`json:<province>/<file>`, `csv:<province>/<file>`, `loc:<locality id>` for a locality's CSV, `doc`
 * for the plan's document), its row counts per national file, its checks and the localities it covers.
 */
export interface Piece {
  counts: Record<string, number>;
  parts: Record<string, Uint8Array>;
  checks: [string, { run: number; passed: number }][];
  planLocalities: [string, string][];
}

/** A piece without its bytes: each part's key, size and digest (what decides whether a published file is still right). */
export interface PieceMeta {
  counts: Piece["counts"];
  parts: [key: string, bytes: number, digest: string][];
  checks: Piece["checks"];
  planLocalities: Piece["planLocalities"];
  /** Digest of the whole payload, to check it when it is read again. */
  payload: string;
  /** The stamp of the entry file holding it (when it was stored or checked in this run), for the manifest. */
  entry?: Stamp;
  /** That entry's header line, for the manifest (the next run reads it there instead of opening the entry). */
  head?: string;
}

/** The cache as a shard sees it (plain data: it crosses into worker threads). */
export interface PlanCacheRef {
  dir: string;
  /** Digest of everything every entry depends on: the code and the locality tree. */
  salt: string;
  /** The manifest of the previous run (readManifest): entry files checked whole then, by their stamp. */
  stamps?: Record<string, Stamp>;
  /** And their header lines (main process only: not sent to the workers). */
  heads?: Record<string, string>;
}

interface Header {
  format: number;
  salt: string;
  /** When the entry was written (ms since the epoch). */
  written: number;
  /** The plan file (first) and the files under data/ it read: path, digest, stamp. */
  inputs: [string, string, Stamp][];
  counts: Piece["counts"];
  checks: Piece["checks"];
  planLocalities: Piece["planLocalities"];
  parts: PieceMeta["parts"];
  payload: string;
  /** Digest of the header without this field: a header altered in place is never trusted (see lookup). */
  self?: string;
}

const sha = (...parts: (string | Uint8Array)[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("hex");
};

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
let codeDigest: string | undefined;
/**
 * Digest of the data step's code: every project module it runs (followed from build-data.ts and the shard worker
 * through their relative imports) and the installed version of every package those modules import, plus Node's.
 */
export function codeVersion(): string {
  if (codeDigest) return codeDigest;
  const h = createHash("sha256").update(`format ${FORMAT}\nnode ${process.version}\n`);
  return (codeDigest = hashCode(h, [join(ROOT, "scripts", "build-data.ts"), join(ROOT, "scripts", "lib", "shard-worker.ts")], ROOT).digest("hex"));
}

/** The salt of a run: the code, and the locality tree every plan is checked against. */
export function cacheSalt(localities: readonly { id: string; parent: string | null; level?: string }[], known: boolean): string {
  return sha(codeVersion(), known ? JSON.stringify(localities.map((l) => [l.id, l.parent, l.level === "residential_group"])) : "no localities");
}

const entryPath = (cache: PlanCacheRef, planFile: string) => join(cache.dir, `${planFile}.entry`);

/**
 * What a file's metadata says about it: size, modification and change times, inode. When none of them moved, the
 * file is taken as unchanged without reading it (as git's index does), but only if the entry was written well after
 * the file last changed: a file changed within the clock's resolution of being read could keep its times.
 */
type Stamp = string;
const RACY_MS = 2000;
const stampOf = (st: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): Stamp => `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;

/**
 * Whether every folder between data/ and `rel` is a real folder. The build refuses a file reached through a linked
 * folder (safe-file.ts); the file's own metadata would not show the link, so it is never trusted here either.
 */
function underRealFolders(dataDir: string, rel: string): boolean {
  let at = dataDir;
  for (const part of rel.split("/").slice(0, -1)) {
    at = join(at, part);
    let real = realFolders.get(at);
    if (real === undefined) {
      try {
        real = lstatSync(at).isDirectory();
      } catch {
        real = false;
      }
      realFolders.set(at, real);
    }
    if (!real) return false;
  }
  return true;
}

/**
 * Folders found real (or not) in this run: a warm national run stamps ~100,000 inputs in a handful of folders, each
 * of which would otherwise be looked at again for every one of them. Forgotten at the start of every run (forgetFolders),
 * so that a folder replaced by a link between two builds in one process is seen. What a missed plan reads is checked
 * again by the safe reader, whatever this says.
 */
const realFolders = new Map<string, boolean>();
export function forgetFolders() {
  realFolders.clear();
}

/** The stamp of a regular file under data/ (in real folders), or undefined (missing, a link, a folder: never trusted). */
function stampAt(dataDir: string, rel: string): { stamp: Stamp; changed: number } | undefined {
  if (!underRealFolders(dataDir, rel)) return undefined;
  try {
    const st = lstatSync(join(dataDir, rel));
    return st.isFile() ? { stamp: stampOf(st), changed: Math.max(st.mtimeMs, st.ctimeMs) } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The plan file's bytes and stamp (taken before reading: a change after it moves the stamp), if it is a regular file
 * the build would read: read through the build's own guard, so that the build parses these very bytes (readPlans)
 * instead of reading the file a second time.
 */
export function planFileNow(dataDir: string, planFile: string): { bytes: Buffer; stamp: Stamp } | undefined {
  const at = stampAt(dataDir, join("plans", planFile));
  if (!at) return undefined;
  try {
    return { bytes: readDataFile(join(dataDir, "plans", planFile), `data/plans/${planFile}`, dataDir, "yaml"), stamp: at.stamp };
  } catch {
    // The build reads it again and reports what is wrong with it.
    return undefined;
  }
}

/** A source or table as the build reads it (same guards, same decoding), or undefined when the build would refuse it. */
export function inputText(dataDir: string, rel: string): string | undefined {
  try {
    return readUtf8(join(dataDir, rel), `data/${rel}`, { dataDir, kind: rel.startsWith("tables/") ? "table" : "source" });
  } catch {
    return undefined;
  }
}

/** A served entry: the plan's piece without its bytes, and each input's digest (and its text, when it had to be read to be checked). */
export interface Hit {
  piece: PieceMeta;
  inputs: Map<string, { digest: string; text?: string }>;
}

/** Header and payload of an entry file, when it is whole: the payload's size and digest are what the header says. */
function readEntry(cache: PlanCacheRef, planFile: string): { h: Header; payload: Buffer } | undefined {
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
    if (!headerIntact(h) || h.format !== FORMAT || h.salt !== cache.salt || h.inputs[0]?.[0] !== `plans/${planFile}`) return undefined;
    const payload = buf.subarray(nl + 1);
    if (payload.length !== h.parts.reduce((n, p) => n + p[1], 0) || sha(payload) !== h.payload) return undefined;
    return { h, payload };
  } catch {
    return undefined;
  }
}

/** The header line of an entry as written: its fields, then `self`, the digest of the fields before it. */
function headerLine(h: Omit<Header, "self">): string {
  const text = JSON.stringify(h);
  return `${text.slice(0, -1)},"self":${JSON.stringify(sha(text))}}`;
}

/** A parsed header whose `self` matches the rest of it (JSON.stringify gives back the bytes it was written as). */
function headerIntact(h: Header): boolean {
  const { self, ...rest } = h;
  return self !== undefined && sha(JSON.stringify(rest)) === self;
}

/** headerIntact on the line as read, without serialising the header again: the line is the fields, then `,"self":…}`. */
function lineIntact(line: Buffer, h: Header): boolean {
  const at = line.lastIndexOf(',"self":');
  return typeof h.self === "string" && at > 0 && createHash("sha256").update(line.subarray(0, at)).update("}\u0000").digest("hex") === h.self;
}

/**
 * The header of an entry file without hashing its payload, when the manifest of an earlier run says this very file
 * (same size, modification and change times, inode) was checked whole then, its header is intact (its own digest)
 * and the file is exactly header plus payload long. Any rewrite, truncation or replacement moves the stamp and sends
 * the entry to the full check. The payload's bytes are still checked against its digest whenever they are used
 * (readParts): what this trusts is the header, which says what the entry holds, never bytes that get published.
 */
function trustedHeader(cache: PlanCacheRef, planFile: string): { h: Header; stamp: Stamp; line: Buffer } | undefined {
  const known = cache.stamps?.[planFile];
  if (!known) return undefined;
  const check = (line: Buffer, size: number) => {
    const h = JSON.parse(line.toString("utf8")) as Header;
    if (!lineIntact(line, h) || h.format !== FORMAT || h.salt !== cache.salt || h.inputs[0]?.[0] !== `plans/${planFile}`) return undefined;
    if (size !== line.length + 1 + h.parts.reduce((n, p) => n + p[1], 0)) return undefined;
    return { h, stamp: known, line };
  };
  // The manifest's copy of the header, for the entry file as it was then: a warm national run opened 34,112 entry
  // files for their first line (seconds when a site build has just pushed them out of the page cache).
  const head = cache.heads?.[planFile];
  if (head !== undefined) {
    try {
      const st = lstatSync(entryPath(cache, planFile));
      if (st.isFile() && stampOf(st) === known) {
        const fast = check(Buffer.from(head, "utf8"), st.size);
        if (fast) return fast;
      }
    } catch {
      // Gone or unreadable: the entry file decides below.
    }
  }
  return readEntryFile(cache, planFile, (fd) => {
    const st = fstatSync(fd);
    if (stampOf(st) !== known) return undefined;
    const head: Buffer[] = [];
    let pos = 0, nl = -1;
    for (let n; nl < 0 && (n = readSync(fd, HEAD, 0, HEAD.length, pos)) > 0; pos += n) {
      const chunk = HEAD.subarray(0, n);
      nl = chunk.indexOf(0x0a);
      head.push(Buffer.from(nl < 0 ? chunk : chunk.subarray(0, nl)));
    }
    if (nl < 0) return undefined;
    return check(Buffer.concat(head), st.size);
  });
}

/**
 * What `read` makes of the open entry file of `planFile`, or undefined when the file cannot be opened or read or
 * `read` throws: a bad entry is never an error, the plan is built again.
 */
function readEntryFile<T>(cache: PlanCacheRef, planFile: string, read: (fd: number) => T | undefined): T | undefined {
  let fd: number;
  try {
    fd = openSync(entryPath(cache, planFile), "r");
  } catch {
    return undefined;
  }
  try {
    return read(fd);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** A header is a few kilobytes: read a little at a time, so that the payload is not read at all. */
const HEAD = Buffer.allocUnsafe(8 << 10);

/** One buffer for hashing entries a megabyte at a time: a warm national run checks ~1.5 GB of entries it never keeps. */
const CHUNK = Buffer.allocUnsafe(1 << 20);

/**
 * The header of an entry file, when the entry is whole (as readEntry checks it), read and hashed a chunk at a time
 * without keeping the payload: what a lookup needs, at a fraction of the allocation (and garbage collection).
 */
function checkEntry(cache: PlanCacheRef, planFile: string): { h: Header; stamp?: Stamp; line?: Buffer } | undefined {
  const fast = trustedHeader(cache, planFile);
  if (fast) return fast;
  return readEntryFile(cache, planFile, (fd) => {
    const head: Buffer[] = [];
    const hash = createHash("sha256");
    let pos = 0, inHeader = true, payloadBytes = 0;
    for (let n; (n = readSync(fd, CHUNK, 0, CHUNK.length, pos)) > 0; pos += n) {
      let chunk = CHUNK.subarray(0, n);
      if (inHeader) {
        const nl = chunk.indexOf(0x0a);
        head.push(Buffer.from(nl < 0 ? chunk : chunk.subarray(0, nl)));
        if (nl < 0) continue;
        inHeader = false;
        chunk = chunk.subarray(nl + 1);
      }
      hash.update(chunk);
      payloadBytes += chunk.length;
    }
    if (inHeader) return undefined;
    const line = Buffer.concat(head);
    const h = JSON.parse(line.toString("utf8")) as Header;
    if (!headerIntact(h) || h.format !== FORMAT || h.salt !== cache.salt || h.inputs[0]?.[0] !== `plans/${planFile}`) return undefined;
    if (payloadBytes !== h.parts.reduce((n, p) => n + p[1], 0) || hash.update("\u0000").digest("hex") !== h.payload) return undefined;
    // Checked whole: trusted by its stamp next time, unless it changed too recently for the stamp to tell (see RACY_MS).
    const st = fstatSync(fd);
    return { h, stamp: Date.now() > Math.max(st.mtimeMs, st.ctimeMs) + RACY_MS ? stampOf(st) : undefined, line };
  });
}

/**
 * The cached piece of plan file `planFile` (in `dataDir`/plans), or undefined when there is none that can be
 * trusted. The whole entry is read and checked, but only its description is kept: the bytes are read again
 * (readParts) only for the public files that must be rewritten. Never throws for a bad entry: whatever is wrong with
 * it, the plan is simply built again.
 */
export function lookup(cache: PlanCacheRef, dataDir: string, planFile: string): Hit | undefined {
  const checked = checkEntry(cache, planFile);
  if (!checked) return undefined;
  const h = checked.h;
  try {
    const inputs: Hit["inputs"] = new Map();
    for (const [rel, digest, stamp] of h.inputs) {
      const now = stampAt(dataDir, rel);
      if (!now) return undefined;
      if (now.stamp === stamp && h.written > now.changed + RACY_MS) {
        inputs.set(rel, { digest });
        continue;
      }
      // The metadata moved (or is too fresh to tell): the content decides.
      const text = rel.startsWith("plans/") ? planFileNow(dataDir, planFile)?.bytes : inputText(dataDir, rel);
      if (text === undefined || sha(text) !== digest) return undefined;
      inputs.set(rel, { digest, text: typeof text === "string" ? text : undefined });
    }
    return { piece: { counts: h.counts, parts: h.parts, checks: h.checks, planLocalities: h.planLocalities, payload: h.payload, entry: checked.stamp, head: checked.stamp && checked.line?.toString("utf8") }, inputs };
  } catch {
    return undefined;
  }
}

/**
 * The parts of an entry looked up earlier in this run, by key, if the entry still holds exactly the payload that was
 * checked then (`payload`, its digest); undefined otherwise (the caller builds the plan again).
 */
export function readParts(cache: PlanCacheRef, planFile: string, payload: string): Record<string, Uint8Array> | undefined {
  const entry = readEntry(cache, planFile);
  if (!entry || entry.h.payload !== payload) return undefined;
  const parts: Record<string, Uint8Array> = {};
  let at = 0;
  for (const [key, bytes] of entry.h.parts) {
    parts[key] = entry.payload.subarray(at, at + bytes);
    at += bytes;
  }
  return parts;
}

/** A piece's description, computed from its bytes (as an entry would record it). */
export function describePiece(piece: Piece): PieceMeta {
  const parts: PieceMeta["parts"] = Object.entries(piece.parts).map(([key, bytes]) => [key, bytes.byteLength, sha(bytes)]);
  return { counts: piece.counts, parts, checks: piece.checks, planLocalities: piece.planLocalities, payload: sha(Buffer.concat(Object.values(piece.parts))) };
}

/** Digest of a source's text, as entries and the published-sources list record it. */
export const textDigest = (text: string) => sha(text);

/** Digest of several parts, each delimited (the key of a group of published files). */
export const digestOf = (...parts: (string | Uint8Array)[]) => sha(...parts);

/**
 * Store the piece of plan file `planFile`. `yaml` is the plan file as read (and stamped) before the build: if it was
 * edited while the plan was built, the entry holds the old text's digest and will not be served for the new one.
 * `inputs` are the other files the build read, with the text it read.
 */
export function store(cache: PlanCacheRef, dataDir: string, planFile: string, yaml: { bytes: Uint8Array; stamp: Stamp }, piece: Piece, inputs: Map<string, string>): PieceMeta | undefined {
  const meta = describePiece(piece);
  const payload = Buffer.concat(Object.values(piece.parts));
  const stamped: Header["inputs"] = [[`plans/${planFile}`, sha(yaml.bytes), yaml.stamp]];
  for (const [rel, text] of inputs) {
    // Stamped after the build read it: a change in between is at most milliseconds old when the entry is written,
    // so the racy rule sends the next build to the content, which no longer matches.
    const at = stampAt(dataDir, rel);
    if (!at) return undefined;
    stamped.push([rel, sha(text), at.stamp]);
  }
  const header: Omit<Header, "self"> = {
    format: FORMAT, salt: cache.salt, written: Date.now(), inputs: stamped,
    counts: piece.counts, checks: piece.checks, planLocalities: piece.planLocalities, parts: meta.parts, payload: meta.payload,
  };
  const path = entryPath(cache, planFile);
  const tmp = `${path}.tmp-${process.pid}`;
  mkdirSync(cache.dir, { recursive: true });
  const line = headerLine(header);
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${line}\n`), payload]));
  renameSync(tmp, path);
  // The stamp of the file as written, after the rename (which moves its change time): what the manifest records.
  return { ...meta, entry: stampOf(lstatSync(path)), head: line };
}

/**
 * What the live output holds, so that what is unchanged is linked from it rather than written again: its sources by
 * digest (a plan served from the cache has its source linked without reading either copy), and the key of each
 * group of files built from pieces (a province's folder, a plan's document: see public-layout.ts). Valid only for
 * the version it names (a build killed after publishing but before writing this leaves a list for an older version,
 * which is then ignored).
 */
const publishedPath = (cache: PlanCacheRef) => join(cache.dir, "published.json");

export interface Published {
  sources: Record<string, string>;
  outputs: Record<string, string>;
}

export function readPublished(cache: PlanCacheRef, liveVersion: string | undefined): Published | undefined {
  if (!liveVersion) return undefined;
  try {
    const p = JSON.parse(readFileSync(publishedPath(cache), "utf8")) as Published & { version: string; salt: string };
    return p.version === liveVersion && p.salt === cache.salt && p.sources && p.outputs ? { sources: p.sources, outputs: p.outputs } : undefined;
  } catch {
    return undefined;
  }
}

export function writePublished(cache: PlanCacheRef, version: string, published: Published) {
  mkdirSync(cache.dir, { recursive: true });
  const tmp = `${publishedPath(cache)}.tmp-${process.pid}`;
  writeFileSync(tmp, JSON.stringify({ version, salt: cache.salt, ...published }));
  renameSync(tmp, publishedPath(cache));
}

/**
 * The manifest: the stamp of each entry file as this run wrote or checked it whole, and its header line, so that the
 * next run trusts an entry whose file has not moved since without reading its payload, or opening it (trustedHeader);
 * a header line is checked against its own digest wherever it is read from. Written after a successful run;
 * missing or unreadable, every entry is checked whole, as before there was one.
 */
const manifestPath = (cache: PlanCacheRef) => join(cache.dir, "manifest.json");

export function readManifest(cache: PlanCacheRef): { stamps: Record<string, Stamp>; heads?: Record<string, string> } | undefined {
  try {
    const m = JSON.parse(readFileSync(manifestPath(cache), "utf8")) as { format: number; salt: string; stamps: Record<string, Stamp>; heads?: Record<string, string> };
    if (m.format !== FORMAT || m.salt !== cache.salt || !m.stamps || typeof m.stamps !== "object") return undefined;
    return { stamps: m.stamps, heads: m.heads && typeof m.heads === "object" ? m.heads : undefined };
  } catch {
    return undefined;
  }
}

export function writeManifest(cache: PlanCacheRef, entries: Record<string, { entry: Stamp; head?: string }>) {
  mkdirSync(cache.dir, { recursive: true });
  const tmp = `${manifestPath(cache)}.tmp-${process.pid}`;
  const stamps = Object.fromEntries(Object.entries(entries).map(([f, e]) => [f, e.entry]));
  const heads = Object.fromEntries(Object.entries(entries).flatMap(([f, e]) => (e.head === undefined ? [] : [[f, e.head]])));
  writeFileSync(tmp, JSON.stringify({ format: FORMAT, salt: cache.salt, stamps, heads }));
  renameSync(tmp, manifestPath(cache));
}

/** After a successful run: remove the entries of plan files that are gone, and temporaries a killed run left. */
export function prune(cache: PlanCacheRef, planFiles: readonly string[]) {
  if (!existsSync(cache.dir)) return;
  const keep = new Set([...planFiles.map((f) => `${f}.entry`), "published.json", "manifest.json", "base.entry"]);
  for (const name of readdirSync(cache.dir)) if (!keep.has(name)) rmSync(join(cache.dir, name), { force: true });
}

/** Remove the whole cache (a forced build starts from nothing). */
export function clear(cache: PlanCacheRef) {
  rmSync(cache.dir, { recursive: true, force: true });
}
