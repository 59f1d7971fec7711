/**
 * Digest of the code that makes the site: every file under src/ (path and bytes) and the package list with its
 * versions. What the build keeps between runs (drawings, lists of pages) is filed under it, so changed code never
 * serves what older code made. Once per process (a build's code does not change while it runs).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const known = new Map<string, string>();

export function codeDigest(root = process.cwd()): string {
  const hit = known.get(root);
  if (hit) return hit;
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const f = join(dir, e.name);
      if (e.isDirectory()) walk(f);
      else h.update(relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
    }
  };
  walk(join(root, "src"));
  for (const f of ["package-lock.json", "package.json"]) {
    if (existsSync(join(root, f))) {
      h.update(f).update("\0").update(readFileSync(join(root, f)));
      break;
    }
  }
  const digest = h.digest("hex").slice(0, 16);
  known.set(root, digest);
  return digest;
}

/** The build cache's folder (PPT_CACHE_DIR, else .cache/ in the project). */
export function buildCacheDir(root = process.cwd()): string {
  return process.env.PPT_CACHE_DIR ?? join(root, ".cache");
}
