/**
 * The only way the data step opens what is under data/. Git stores symbolic links, so a contributed change can carry
 * one to /etc/passwd or /proc/self/environ, and whatever the build reads it publishes. So: only regular files and
 * folders, no link anywhere on the way, the real path inside data/, and a size cap read from the open file, so
 * a FIFO, a device or /dev/zero is refused at once instead of hanging the build or filling memory.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, type Dirent } from "node:fs";
import { relative, sep } from "node:path";
import { DataError, DataErrors } from "./data-error.ts";

/** Largest file of each kind the data step reads. A typed 300-page plan is about 1 MB; a plan file a few hundred KB. */
export const MAX_BYTES = {
  yaml: 4 << 20,
  // Every unit of the country, with its residential groups (~64,000 at national size), is about 12 MB.
  localities: 32 << 20,
  source: 16 << 20,
  table: 4 << 20,
  /** A province's boundary (the largest, Khánh Hòa with the Trường Sa islands, is 0.8 MB). */
  geojson: 8 << 20,
} as const;
export type FileKind = keyof typeof MAX_BYTES;

const fail = (rel: string, message: string): never => {
  throw new DataErrors([new DataError(rel, "", undefined, message)]);
};

const mb = (n: number) => `${(n / (1 << 20)).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;

/** What an lstat says a path is, in words a data officer knows. */
function kindOf(st: { isSymbolicLink(): boolean; isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (st.isSymbolicLink()) return "a symbolic link";
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Check that no part of `abs` below `dataDir` is a link and that its real path is inside `dataDir`. `dataDir` itself
 * is the project's folder and is taken as it is.
 */
function checkPath(abs: string, rel: string, dataDir: string, what: "file" | "folder") {
  const below = relative(dataDir, abs);
  if (below.startsWith("..") || below === "" && what === "file") fail(rel, `is outside data/`);
  let at = dataDir;
  for (const part of below ? below.split(sep) : []) {
    at = `${at}${sep}${part}`;
    let st;
    try {
      st = lstatSync(at);
    } catch (e) {
      return fail(rel, `cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
    }
    if (st.isSymbolicLink()) fail(rel, `${at === abs ? "is" : `lies under ${relative(dataDir, at)}, which is`} a symbolic link: data/ may hold only regular files and folders (copy the file in instead)`);
  }
  const real = realpathSync(abs), root = realpathSync(dataDir);
  if (real !== root && !real.startsWith(root + sep)) fail(rel, "is outside data/");
}

/** Bytes of a regular file under `dataDir`, at most MAX_BYTES[kind]; anything else is a DataError naming the file. */
export function readDataFile(abs: string, rel: string, dataDir: string, kind: FileKind): Buffer {
  checkPath(abs, rel, dataDir, "file");
  let fd: number;
  try {
    // O_NOFOLLOW: a link put in place after the check is still refused; O_NONBLOCK: opening a FIFO does not wait for a writer.
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(rel, code === "ELOOP" ? "is a symbolic link: data/ may hold only regular files and folders" : `cannot read file (${code ?? "error"})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) fail(rel, `is ${kindOf(st)}, not a regular file: the data step reads only regular files`);
    const max = MAX_BYTES[kind];
    if (st.size > max) fail(rel, `is ${mb(st.size)}; a ${({ yaml: "YAML data file", source: "source text", table: "table", geojson: "boundary file", localities: "localities file" } satisfies Record<FileKind, string>)[kind]} may be at most ${mb(max)} (is it the right file?)`);
    // Read at most one byte past the cap, so a file that grows while it is read cannot take the memory with it.
    const buf = Buffer.allocUnsafe(st.size + 1);
    let got = 0;
    for (let n; got < buf.length && (n = readSync(fd, buf, got, buf.length - got, got)) > 0;) got += n;
    if (got > max) fail(rel, `is over ${mb(max)}; a file of this kind may be at most ${mb(max)}`);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Entries of a folder under `dataDir` (which must be a real folder, not a link or a file), or undefined when it does
 * not exist. Entries keep their own types: callers refuse the ones that are not regular files.
 */
export function listDataDir(abs: string, rel: string, dataDir: string): Dirent[] | undefined {
  let st;
  try {
    st = lstatSync(abs);
  } catch {
    return undefined;
  }
  if (!st.isDirectory()) fail(rel, `is ${kindOf(st)}, not a folder`);
  checkPath(abs, rel, dataDir, "folder");
  return readdirSync(abs, { withFileTypes: true });
}

/** A digest of several files' bytes (and any strings they are read with), each part delimited: equal digests, equal inputs. */
export function contentDigest(parts: readonly (Buffer | string)[]): string {
  const hash = createHash("sha256");
  for (const p of parts) hash.update(p).update("\0");
  return hash.digest("hex");
}
