/**
 * The public data files built from the plans' pieces, laid out so that a page reads only its own slice and a rebuild
 * rewrites only what changed:
 *
 *   plans/<plan id>.json                  one plan's document (its lines, and where each quoted figure sits)
 *   provinces/<province>/<table>.json|csv  the rows of one province (a locality id's first segment): the tables below
 *   localities/<locality id>.csv          every row the charts of one locality's page draw (its groups' rows too)
 *   <table>.json|csv                      the national tables: the provinces' rows one province after another
 *
 * Each province's files (its folder and its localities' CSVs) and each plan's document have a key: the digest of
 * the parts they are made of (and of the province's localities). The keys of the live version are kept in the cache
 * (plan-cache.ts, published.json); a group whose key is unchanged is hard-linked from the live version instead of
 * written, as unchanged sources are. Everything goes into the new version's folder: the live one is never touched.
 */
import { closeSync, cpSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { BOM } from "../../src/domain/csv-bom.ts";
import { localityCsvPath, planDocumentPath, provinceDataPath } from "../../src/domain/public-paths.ts";
import type { LocalityRow } from "../../src/domain/schema.ts";
import { LOCALITY_CSV_COLUMNS } from "./locality-csv.ts";
import { digestOf, readParts, type PieceMeta, type PlanCacheRef } from "./plan-cache.ts";
import { CSV_FILES, csvCell, csvColumns, jsonRows, partKey, provinceOf, ROW_FILES, type PlanOut } from "./shard.ts";

/** Where each kind of file lives in the output folder (relative paths, `/`-separated). */
export const layout = {
  plan: (planId: string) => planDocumentPath(planId).replace(/^\/data\//, ""),
  province: (province: string) => provinceDataPath(province).replace(/^\/data\//, "").replace(/\/$/, ""),
  locality: (id: string) => localityCsvPath(id).replace(/^\/data\//, ""),
};

/** A JSON file as `JSON.stringify(value, null, 1)` writes it (arrays a slice at a time: see jsonRows in shard.ts). */
export function writeJson(file: string, value: unknown) {
  if (!Array.isArray(value) || value.length === 0) return writeFileSync(file, `${JSON.stringify(value, null, 1)}\n`);
  const fd = openSync(file, "w");
  try {
    writeSync(fd, "[\n");
    writeSync(fd, jsonRows(value));
    writeSync(fd, "\n]\n");
  } finally {
    closeSync(fd);
  }
}

const csvHeader = (columns: readonly string[]) => `${BOM}${columns.map(csvCell).join(",")}\n`;

/** A JSON array file from row fragments (each the rows between the brackets), as writeJson would write the rows. */
function writeJsonParts(file: string, parts: readonly Uint8Array[]) {
  const fd = openSync(file, "w");
  try {
    if (parts.length === 0) return void writeSync(fd, "[]\n");
    writeSync(fd, "[\n");
    parts.forEach((p, i) => {
      if (i > 0) writeSync(fd, ",\n");
      writeSync(fd, p);
    });
    writeSync(fd, "\n]\n");
  } finally {
    closeSync(fd);
  }
}

function writeCsvParts(file: string, columns: readonly string[], parts: readonly Uint8Array[]) {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, csvHeader(columns));
    for (const p of parts) writeSync(fd, p);
  } finally {
    closeSync(fd);
  }
}

/**
 * Hard-link `rel` (a file or a folder, recursively) from `from` into `to`. False, with nothing left behind, when
 * anything of it cannot be linked (gone, another file system): the caller writes it instead.
 */
export function linkTree(from: string, to: string, rel: string): boolean {
  // A folder's entries come with their types (no stat per file) and each folder is made once: a warm national
  // build links ~100,000 files, and the system calls per file are most of what it costs.
  const walk = (r: string) => {
    mkdirSync(join(to, r), { recursive: true });
    for (const e of readdirSync(join(from, r), { withFileTypes: true })) {
      const child = `${r}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) linkSync(join(from, child), join(to, child));
      else throw new Error(`${child} is not a file`);
    }
  };
  try {
    const st = lstatSync(join(from, rel));
    if (st.isDirectory()) walk(rel);
    else if (st.isFile()) {
      try {
        linkSync(join(from, rel), join(to, rel));
      } catch (e) {
        // Its folder is not made yet (most callers made it already: one call per file instead of three).
        if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
        mkdirSync(dirname(join(to, rel)), { recursive: true });
        linkSync(join(from, rel), join(to, rel));
      }
    } else throw new Error(`${rel} is not a file`);
    return true;
  } catch {
    rmSync(join(to, rel), { recursive: true, force: true });
    return false;
  }
}

/**
 * The public data files (`root`/public/data) into a built site `out` at /data/: hard links to the live data version
 * (its files are never rewritten, a new version is a new folder), copied only where links cannot be made (another
 * file system). Astro's public folder is public/site, so Vite does not copy gigabytes file by file on every build.
 */
export function addPublicData(root: string, out: string) {
  const data = join(root, "public", "data");
  if (!existsSync(data)) return;
  if (!linkTree(realpathSync(data), join(out, "data"), ".")) cpSync(data, join(out, "data"), { recursive: true, dereference: true });
}

/** One buffer to copy the provinces' files into the national ones (a gigabyte at national size) without allocating. */
const COPY = Buffer.allocUnsafe(4 << 20);

/** Append bytes [start, end) of file `from` to the open file `fd`. */
function copyRange(from: string, fd: number, start: number, end: number) {
  const src = openSync(from, "r");
  try {
    for (let pos = start, n; pos < end && (n = readSync(src, COPY, 0, Math.min(COPY.length, end - pos), pos)) > 0; pos += n) writeSync(fd, COPY, 0, n);
  } finally {
    closeSync(src);
  }
}

/** The province a part belongs to (a document belongs to none). */
function provinceOfPart(key: string): string | undefined {
  if (key.startsWith("loc:")) return provinceOf(key.slice(4));
  if (key.startsWith("json:") || key.startsWith("csv:")) return key.slice(key.indexOf(":") + 1, key.lastIndexOf("/"));
  return undefined;
}

export interface LayoutInput {
  /** The new version's folder, and the live output (the previous version) to link from. */
  tmp: string;
  previous: string;
  /** Every plan's result, in plan file order. */
  plans: PlanOut[];
  /** localities.json's rows (provinces and pages are taken from them). */
  localities: LocalityRow[];
  /** Where the pieces' bytes are kept. */
  cache: PlanCacheRef;
  /** Keys of the live version's groups (readPublished), when they can be trusted; none: everything is written. */
  published?: Record<string, string>;
  /** Build a plan again when its entry no longer holds the bytes it was looked up with. */
  rebuild: (planFile: string) => { meta: PieceMeta; parts: Record<string, Uint8Array> };
}

/** Write plans/, provinces/, localities/ and the national tables into `tmp`; the keys of what it holds, for the next build. */
export function writeLayout(o: LayoutInput): { outputs: Record<string, string>; linked: number; written: number } {
  const outputs: Record<string, string> = {};
  let linked = 0, written = 0;
  const provinces = [...new Set([...o.localities.filter((l) => l.level === "province").map((l) => l.id), ...o.plans.flatMap((p) => p.meta.parts.map(([k]) => provinceOfPart(k)).filter((x) => x !== undefined))])].sort();
  const localitiesOf = new Map<string, LocalityRow[]>(provinces.map((p) => [p, []]));
  for (const l of o.localities) localitiesOf.get(provinceOf(l.id))?.push(l);
  const plansOf = new Map<string, number[]>(provinces.map((p) => [p, []]));
  o.plans.forEach((p, i) => {
    for (const prov of new Set(p.meta.parts.map(([k]) => provinceOfPart(k)))) if (prov !== undefined) plansOf.get(prov)!.push(i);
  });

  // A plan's bytes: those the shard handed over, else its entry's (checked against the digest it was looked up with).
  const bytesOf = (i: number): Record<string, Uint8Array> => {
    const p = o.plans[i];
    if (p.parts) return p.parts;
    const parts = readParts(o.cache, p.file, p.meta.payload);
    if (parts) return parts;
    const again = o.rebuild(p.file);
    if (again.meta.payload !== p.meta.payload) throw new Error(`data/plans/${p.file} changed while the data step ran: run it again`);
    return again.parts;
  };
  const docWritten = new Set<number>();
  const writeDocs = (i: number, parts: Record<string, Uint8Array>) => {
    for (const [key, digest] of o.plans[i].meta.parts.filter(([k]) => k.startsWith("doc:")).map(([k, , d]) => [k, d])) {
      const id = key.slice(4);
      writeFileSync(join(o.tmp, layout.plan(id)), parts[key]);
      outputs[`doc:${id}`] = digest;
      written++;
    }
    docWritten.add(i);
  };
  mkdirSync(join(o.tmp, "plans"), { recursive: true });
  mkdirSync(join(o.tmp, "provinces"), { recursive: true });
  mkdirSync(join(o.tmp, "localities"), { recursive: true });

  for (const prov of provinces) {
    const locs = localitiesOf.get(prov)!;
    const pages = locs.filter((l) => l.level !== "residential_group").map((l) => l.id);
    const mine = plansOf.get(prov)!;
    const key = digestOf(o.cache.salt, JSON.stringify(locs), ...mine.flatMap((i) => [o.plans[i].file, ...o.plans[i].meta.parts.filter(([k]) => provinceOfPart(k) === prov).map(([k, , d]) => `${k}=${d}`)]));
    outputs[`province:${prov}`] = key;
    const groupPaths = [layout.province(prov), `localities/${prov}.csv`, `localities/${prov}`];
    if (o.published?.[`province:${prov}`] === key && existsSync(join(o.previous, layout.province(prov)))) {
      if (groupPaths.every((r) => !existsSync(join(o.previous, r)) || linkTree(o.previous, o.tmp, r))) {
        linked++;
        continue;
      }
      for (const r of groupPaths) rmSync(join(o.tmp, r), { recursive: true, force: true });
    }
    const bytes = mine.map((i) => {
      const parts = bytesOf(i);
      if (!docWritten.has(i)) writeDocs(i, parts);
      return parts;
    });
    const dir = join(o.tmp, layout.province(prov));
    mkdirSync(dir, { recursive: true });
    for (const name of ROW_FILES) {
      writeJsonParts(join(dir, `${name}.json`), bytes.map((b) => b[partKey.json(prov, name)]).filter((b) => b !== undefined));
      if (CSV_FILES.includes(name)) writeCsvParts(join(dir, `${name}.csv`), csvColumns(name), bytes.map((b) => b[partKey.csv(prov, name)]).filter((b) => b !== undefined));
    }
    writeJson(join(dir, "localities.json"), locs);
    for (const id of pages) {
      const file = join(o.tmp, layout.locality(id));
      mkdirSync(dirname(file), { recursive: true });
      writeCsvParts(file, LOCALITY_CSV_COLUMNS, bytes.map((b) => b[partKey.locality(id)]).filter((b) => b !== undefined));
    }
    written++;
  }

  // Documents of plans whose provinces were all linked: linked too when unchanged.
  o.plans.forEach((p, i) => {
    if (docWritten.has(i)) return;
    const docs = p.meta.parts.filter(([k]) => k.startsWith("doc:"));
    const same = docs.every(([k, , d]) => o.published?.[k] === d);
    if (same && docs.every(([k]) => linkTree(o.previous, o.tmp, layout.plan(k.slice(4))))) {
      for (const [k, , d] of docs) outputs[k] = d;
      linked += docs.length;
      return;
    }
    writeDocs(i, bytesOf(i));
  });

  // The national tables: each province's rows, one province after another (read back from the files just made).
  // The tables of figures as CSV (what a reader downloads), the others (plans.json, the national index the pages
  // read) as JSON. A national JSON of the figures would be ~770 MB a reader's browser cannot open, rewritten on every
  // run (half of a warm run's writing): JSON readers take a province's folder.
  for (const name of ROW_FILES) {
    const json = CSV_FILES.includes(name) ? undefined : openSync(join(o.tmp, `${name}.json`), "w");
    const csv = CSV_FILES.includes(name) ? openSync(join(o.tmp, `${name}.csv`), "w") : undefined;
    try {
      if (csv !== undefined) writeSync(csv, csvHeader(csvColumns(name)));
      let rows = 0;
      for (const prov of provinces) {
        const dir = join(o.tmp, layout.province(prov));
        if (json !== undefined) {
          const body = join(dir, `${name}.json`);
          const size = statSync(body).size;
          // "[\n" rows "\n]\n", or "[]\n" when the province has none.
          if (size > 3) {
            writeSync(json, rows++ > 0 ? ",\n" : "[\n");
            copyRange(body, json, 2, size - 3);
          }
        }
        if (csv !== undefined) {
          const text = join(dir, `${name}.csv`);
          // Every province's CSV starts with the same header (writeCsvParts): the national file has it once.
          copyRange(text, csv, Buffer.byteLength(csvHeader(csvColumns(name))), statSync(text).size);
        }
      }
      if (json !== undefined) writeSync(json, rows > 0 ? "\n]\n" : "[]\n");
    } finally {
      if (json !== undefined) closeSync(json);
      if (csv !== undefined) closeSync(csv);
    }
  }
  return { outputs, linked, written };
}
