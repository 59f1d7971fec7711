/**
 * Cache keys for Astro's incremental build: a digest of the data files a page is made from, read as bytes (never
 * parsed), so a page is rendered again exactly when its data changed. Astro adds the page's code (its import graph,
 * the config, the lock file). A page that reads national files takes their digest; a locality's page only its
 * province's folder, the shared lists and the public address; a unit's page from 2025 the folders of the old provinces
 * it was formed from (load/unit-data.ts). So editing one plan renders again the pages of its province, old and new, and
 * the pages that list every province.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { planDocumentPath, provinceDataPath } from "../domain/public-paths.ts";
import { fileDigest } from "./file-digest.ts";

const DATA_DIR = () => join(process.cwd(), "public", "data");
const memo = new Map<string, string>();

/**
 * Digest of files (relative to `dir`, public/data), in the order given, once per process; a folder is its JSON files
 * in name order. Of each file's digest (load/file-digest.ts), so a warm build reads only the files that changed.
 */
function digestOf(dir: string, key: string, entries: string[]): string {
  const known = memo.get(`${dir}\0${key}`);
  if (known) return known;
  const h = createHash("sha256").update(process.env.SITE_URL ?? "");
  for (const e of entries) {
    const path = join(dir, e);
    const files = e.endsWith("/") ? readdirSync(path).filter((f) => f.endsWith(".json")).sort().map((f) => join(path, f)) : [path];
    for (const f of files) h.update(f.slice(dir.length)).update("\0").update(fileDigest(f)).update("\0");
  }
  const digest = h.digest("hex").slice(0, 32);
  memo.set(`${dir}\0${key}`, digest);
  return digest;
}

/** Files every page may read: the reference lists and the units of the gazetteer (names, successions, locators). */
const SHARED = ["reference.json", "units.json"];
const folder = (province: string) => `${provinceDataPath(province).replace(/^\/data\//, "").replace(/\/$/, "")}/`;

/** Key of a page that reads one province's slice (a locality's page or embed). */
export function provinceKey(province: string, dir = DATA_DIR()): string {
  return digestOf(dir, `province:${province}`, [...SHARED, folder(province)]);
}

/**
 * Key of a page that reads the slices of a few provinces, joined (a unit's page from 2025: load/unit-data.ts names
 * them), in any order; none is a page of the shared lists alone.
 */
export function provincesKey(provinces: readonly string[], dir = DATA_DIR()): string {
  // Of the provinces' own keys: each folder is read once, however many sets it is in. One province: its own key (a
  // unit formed from one old province is rendered again exactly when that province's pages are); none: the shared lists.
  const sorted = [...new Set(provinces)].sort();
  if (sorted.length === 0) return digestOf(dir, "shared", SHARED);
  if (sorted.length === 1) return provinceKey(sorted[0], dir);
  return createHash("sha256").update("provinces\0").update(sorted.map((p) => `${p}=${provinceKey(p, dir)}`).join("\0")).digest("hex").slice(0, 32);
}

/** Key of a plan's page: its province's slice and its own document. */
export function planKey(planId: string, province: string, dir = DATA_DIR()): string {
  // The province's digest once for all its plans, then each plan's own document: a province's folder is read once.
  const doc = planDocumentPath(planId).replace(/^\/data\//, "");
  return createHash("sha256").update(provinceKey(province, dir)).update("\0").update(doc).update("\0").update(fileDigest(join(dir, doc))).digest("hex").slice(0, 32);
}

/** Key of what reads only the national lists of localities and plans (the search index files). */
export function listsKey(dir = DATA_DIR()): string {
  return digestOf(dir, "lists", [...SHARED, "localities.json", "plans.json"]);
}

/** Key of a province's locator: the gazetteer and the province boundaries. */
export function boundariesKey(dir = DATA_DIR()): string {
  return digestOf(dir, "boundaries", [...SHARED, "provinces.topo.json"]);
}

/** Key of a page that reads the national tables (the lists of every province, the overview, the data page). */
export function nationalKey(dir = DATA_DIR()): string {
  // The figures are published per province only (the national CSVs join them): the national lists, and every
  // province's key, which the province's pages take anyway, so each folder is read once.
  const provinces = readdirSync(join(dir, "provinces")).sort();
  return createHash("sha256").update(digestOf(dir, "national", [...SHARED, "localities.json", "plans.json"])).update("\0").update(provinces.map((p) => `${p}=${provinceKey(p, dir)}`).join("\0")).digest("hex").slice(0, 32);
}
