/**
 * Values a build works out from the data and keeps for the next one, each under a key naming exactly what it was
 * made from (the digests of the data files it read): a warm build takes the value of every unchanged key instead of
 * reading the data again. Kept in one file per kind in the build cache (`.cache/site/<name>.json`), filed under the
 * code's digest (load/code-version.ts), so other code starts empty. A file that is missing, of other code, or fails
 * its schema is ignored (everything is worked out again); it is written whole, by rename, and holds only the keys of
 * the last run. Build time only (Node).
 */
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

export function kept<T>(name: string, value: z.ZodType<T>, root = process.cwd()): Kept<T> {
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
      writeFileSync(tmp, JSON.stringify({ code, values }));
      renameSync(tmp, file);
    },
    get reused() {
      return reused;
    },
  };
}
