/**
 * Values a build works out from the data and keeps for the next one, each under a key naming exactly what it was
 * made from (the digests of the data files it read): a warm build takes the value of every unchanged key instead of
 * reading the data again. Kept in one file per kind in the build cache (`.cache/site/<name>.json`), filed under the
 * code's digest (load/code-version.ts), so other code starts empty. A file that is missing, of other code, or fails
 * its schema is ignored (everything is worked out again); it is written whole, by rename, and holds only the keys of
 * the last run. Build time only (Node).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { buildCacheDir, codeDigest } from "./code-version.ts";

export interface Kept<T> {
  /** The value under `key`, from the previous build or made now (and kept for the next). */
  get(key: string, make: () => T): T;
  /** Write what this run used. */
  save(): void;
  /** How many values came from the previous build (tests, logs). */
  readonly reused: number;
}

/**
 * `carry`: which of the previous build's keys this run did not use are still true and kept all the same (keys that
 * name a file's stamp, while the file has it); by default only the keys used are kept.
 */
export function kept<T>(name: string, value: z.ZodType<T>, root = process.cwd(), carry?: (key: string) => boolean): Kept<T> {
  const file = join(buildCacheDir(root), "site", `${name}.json`);
  const code = codeDigest(root);
  const Stored = z.object({ code: z.string(), values: z.record(z.string(), value) });
  let previous: Record<string, T> = {};
  try {
    const stored = Stored.parse(JSON.parse(readFileSync(file, "utf8")));
    if (stored.code === code) previous = stored.values;
  } catch {
    previous = {};
  }
  const values: Record<string, T> = {};
  let reused = 0;
  return {
    get(key, make) {
      if (Object.hasOwn(values, key)) return values[key];
      if (process.env.PPT_FORCE !== "1" && Object.hasOwn(previous, key)) {
        reused++;
        return (values[key] = previous[key]);
      }
      return (values[key] = make());
    },
    save() {
      mkdirSync(join(buildCacheDir(root), "site"), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const out = carry ? { ...Object.fromEntries(Object.entries(previous).filter(([k]) => !Object.hasOwn(values, k) && carry(k))), ...values } : values;
      writeFileSync(tmp, JSON.stringify({ code, values: out }));
      renameSync(tmp, file);
    },
    get reused() {
      return reused;
    },
  };
}

/**
 * One large value per slot (`.cache/site/<name>/<slot>.json`), for values too big to check against a schema on every
 * build (a national build's rows of one province): the file's first line names the code's digest, the key and the
 * SHA-256 of the rest, and the rest is served only when all three match, so a file of other code, of an older key,
 * damaged or cut short is made again (and the value was made from data checked against its schemas). Written whole,
 * by rename.
 */
export function keptSlot<T>(name: string, slot: string, key: string, make: () => T, root = process.cwd()): T {
  if (!/^[a-z0-9-]+$/.test(slot)) throw new Error(`"${slot}" is not a slot name`);
  const dir = join(buildCacheDir(root), "site", name);
  const file = join(dir, `${slot}.json`);
  const code = codeDigest(root);
  if (process.env.PPT_FORCE !== "1") {
    try {
      const bytes = readFileSync(file);
      const nl = bytes.indexOf(10);
      const head = JSON.parse(bytes.subarray(0, nl).toString("utf8")) as { code?: unknown; key?: unknown; sha?: unknown };
      const body = bytes.subarray(nl + 1);
      if (nl > 0 && head.code === code && head.key === key && head.sha === createHash("sha256").update(body).digest("hex")) return JSON.parse(body.toString("utf8")) as T;
    } catch {
      // missing or unreadable: made again below
    }
  }
  const value = make();
  const body = Buffer.from(JSON.stringify(value));
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify({ code, key, sha: createHash("sha256").update(body).digest("hex") })}\n`), body]));
  renameSync(tmp, file);
  return value;
}
