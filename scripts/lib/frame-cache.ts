/**
 * The data step's cache of the locality tree: localities.yaml (12 MB, 64,000 units at national size) and the
 * gazetteer, as read and checked, with each curated locality's successors. Reading and checking them takes seconds
 * on every run although they rarely change; an entry keyed by the digest of their bytes and of the data step's code
 * gives the checked result back instead. The files are still read (through the safe reader) and hashed on every run;
 * a missing, damaged or other-keyed entry is a miss: they are read and checked again, and the entry rewritten.
 * Only a run without any problem writes an entry.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LocalityInput, UnitRow } from "../../src/domain/schema.ts";
import { gazetteerFiles } from "./gazetteer.ts";
import { codeVersion } from "./plan-cache.ts";
import { readDataFile } from "./safe-file.ts";

const FORMAT = 1;
const NAME = "base.entry";

/** What the entry holds: the tree as the checks passed it. */
export interface LocalityFrame {
  localities: LocalityInput[];
  units: UnitRow[] | undefined;
  successors: [string, UnitRow["lineage"]][];
}

const sha = (parts: readonly (string | Uint8Array)[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p).update("\u0000");
  return h.digest("hex");
};

/** The key of the tree in `dataDir` as it is now, or undefined when a file cannot be read (the full read reports why). */
export function frameKey(dataDir: string): string | undefined {
  try {
    const files = [{ abs: join(dataDir, "localities.yaml"), rel: "data/localities.yaml", kind: "localities" as const }, ...gazetteerFiles(dataDir).map((f) => ({ ...f, kind: "yaml" as const }))];
    return sha([`format ${FORMAT}`, codeVersion(), ...files.map((f) => readDataFile(f.abs, f.rel, dataDir, f.kind))]);
  } catch {
    return undefined;
  }
}

/** The entry for `key`, if there is one whose payload is whole. */
export function readFrame(cacheDir: string, key: string): LocalityFrame | undefined {
  try {
    const buf = readFileSync(join(cacheDir, NAME));
    const nl = buf.indexOf(0x0a);
    const h = JSON.parse(buf.subarray(0, nl).toString("utf8")) as { format: number; key: string; payload: string };
    const payload = buf.subarray(nl + 1);
    if (h.format !== FORMAT || h.key !== key || sha([payload]) !== h.payload) return undefined;
    const frame = JSON.parse(payload.toString("utf8")) as LocalityFrame;
    return Array.isArray(frame.localities) && Array.isArray(frame.successors) ? frame : undefined;
  } catch {
    return undefined;
  }
}

/** Store the tree read and checked without a problem, under `key` (written whole, then renamed). */
export function writeFrame(cacheDir: string, key: string, frame: LocalityFrame) {
  const payload = Buffer.from(JSON.stringify(frame));
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, NAME), tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify({ format: FORMAT, key, payload: sha([payload]) })}\n`), payload]));
  renameSync(tmp, path);
}
