/** Shared helpers for the data tests: temp folders, file snapshots, row lookups. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/** The project root (where data/ and scripts/ live). */
export const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

/** A fresh folder under the OS temp dir. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ppt-${prefix}-`));
}

/** Every file under `dir` (recursively), relative path → bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** Read a JSON file from an output folder. */
export function readJson<T = any>(dir: string, name: string): T {
  return JSON.parse(readFileSync(join(dir, name), "utf8")) as T;
}

/** The one row matching `where`; fails loudly when there are none or several. */
export function one<T extends Record<string, unknown>>(rows: T[], where: Partial<Record<keyof T, unknown>>): T {
  const hits = rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  if (hits.length !== 1) throw new Error(`expected exactly one row matching ${JSON.stringify(where)}, found ${hits.length}`);
  return hits[0];
}

/** All rows matching `where`. */
export function all<T extends Record<string, unknown>>(rows: T[], where: Partial<Record<keyof T, unknown>>): T[] {
  return rows.filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
}

/**
 * A table of figures for the whole country. The data step publishes it as a national CSV and as JSON per province
 * (provinces/<province>/<table>.json): joined here province after province, the order of the national CSV.
 */
export function nationalRows<T = any>(dir: string, table: string): T[] {
  return readdirSync(join(dir, "provinces")).sort().flatMap((p) => readJson<T[]>(join(dir, "provinces", p), `${table}.json`));
}
