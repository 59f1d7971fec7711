/**
 * SHA-256 of a data file's bytes, read once across builds: kept in the build cache (load/kept.ts) under the file's
 * stamp (device, inode, size, modification time). The data step never rewrites a file in place: it writes a new file
 * and renames it, or hard-links the previous version's unchanged file (the same inode and time), so a stamp names
 * exactly one content. A national build's page keys read 1.4 GB of public/data to digest it; a warm one now stats
 * the files and reads only those that are new. Build time only (Node).
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, type Stats } from "node:fs";
import { z } from "zod";
import { kept, type Kept } from "./kept.ts";

/** A file's SHA-256, as kept. */
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A store of values about files' bytes, kept under their settled stamps: made on first use, written once when the
 * build's process ends (what it holds is true of those files whatever the build's outcome), carrying the previous
 * build's entries whose files still have their stamp.
 */
export function stampStore(name: string): () => Kept<string> {
  let store: Kept<string> | undefined;
  return () => {
    if (!store) {
      const s = (store = kept(name, Sha256, undefined, stampHolds));
      process.once("exit", () => s.save());
    }
    return store;
  };
}

const digests = stampStore("file-digests");

/** The stamp a value about a file's bytes is kept under. */
export const stampOf = (path: string, st: Stats) => `${path}\0${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}`;

/** Whether the file a stamp names still has it (a kept value about it is still true). */
export function stampHolds(stamp: string): boolean {
  const path = stamp.slice(0, stamp.indexOf("\0"));
  try {
    return stampOf(path, statSync(path)) === stamp;
  } catch {
    return false;
  }
}

/**
 * Whether a file last changed long enough ago for its stamp to name its bytes: the file system's clock is coarse (a
 * few milliseconds), so a file replaced by another of the same size on a reused inode within that time would keep
 * the stamp. Only settled stamps are kept (as git's index and the data step's plan cache do); a later file with the
 * same stamp would have to have been written before the value was kept.
 */
export const settled = (st: Stats) => Date.now() > st.mtimeMs + SETTLE_MS;
const SETTLE_MS = 2000;

/** Hex SHA-256 of the file's bytes. `st`, `bytes`: its stat and bytes when the caller has read them. */
export function fileDigest(path: string, st: Stats = statSync(path), bytes?: Buffer): string {
  const make = () => createHash("sha256").update(bytes ?? readFileSync(path)).digest("hex");
  return settled(st) ? digests().get(stampOf(path, st), make) : make();
}
