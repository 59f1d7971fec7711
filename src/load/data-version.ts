/**
 * Which data a page shows, from the data alone (never the clock, so builds stay reproducible): a short content
 * hash of the public rows as the data version, and the latest date the data themselves carry (plans issued,
 * administrative changes) as when it last changed.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileDigest } from "./file-digest.ts";
import { siteIndex, sliceDigests, type SiteData } from "./site-data.ts";

const versions = new WeakMap<SiteData, string>();

/**
 * 10 hex digits of SHA-256 over the public rows: the same data, the same version. A slice's from the digests of its
 * files, taken once per build as they are read (site-data.ts), so that a slice read again costs no new digest; other
 * data from the rows themselves.
 */
export function dataVersion(data: SiteData): string {
  let v = versions.get(data);
  if (!v) {
    const h = createHash("sha256");
    const digests = sliceDigests(data);
    if (digests) for (const d of digests) h.update(d);
    else for (const rows of [data.plans, data.targets, data.statistics, data.deprivations, data.localities]) h.update(JSON.stringify(rows));
    versions.set(data, (v = h.digest("hex").slice(0, 10)));
  }
  return v;
}

let national: { dir: string; version: string } | undefined;

/**
 * The data version of the whole dataset, for pages that show no one slice (overview, lists, method): 10 hex digits
 * of SHA-256 over the digests of the national lists and of every province's tables (public/data), taken from the
 * bytes, never parsed (load/file-digest.ts), so a national build does not hold the country's rows to name its
 * version. Any changed figure changes it.
 */
export function nationalVersion(dir = join(process.cwd(), "public", "data")): string {
  if (national?.dir === dir) return national.version;
  const h = createHash("sha256");
  // The figures are published per province (the national files are CSVs): each province's in turn.
  const provinces = readdirSync(join(dir, "provinces")).sort();
  const files = ["plans.json", "localities.json", ...provinces.flatMap((p) => ["targets.json", "statistics.json", "deprivations.json"].map((f) => join("provinces", p, f)))];
  for (const name of files) h.update(name).update("\0").update(fileDigest(join(dir, name))).update("\0");
  national = { dir, version: h.digest("hex").slice(0, 10) };
  return national.version;
}

const changedAll = new WeakMap<SiteData, string | null>();

/** The latest ISO date in the data of some plans (all when omitted): issue dates and the localities' changes. */
export function dataChanged(data: SiteData, planIds?: readonly string[]): string | null {
  // All of a slice's plans: once per slice, not per page.
  if (!planIds) {
    if (!changedAll.has(data)) changedAll.set(data, latestDate(data));
    return changedAll.get(data)!;
  }
  return latestDate(data, planIds);
}

function latestDate(data: SiteData, planIds?: readonly string[]): string | null {
  const picked = planIds && new Set(planIds);
  const plans = picked ? [...picked].flatMap((id) => siteIndex(data).plan.get(id) ?? []) : data.plans;
  const ids = new Set(plans.map((p) => p.locality_id));
  const dates = [
    ...plans.map((p) => p.issued ?? `${p.year}-01-01`),
    ...(picked ? [...ids].flatMap((id) => siteIndex(data).locality.get(id) ?? []) : data.localities).flatMap((l) => l.succession.map((s) => s.date)),
  ];
  return dates.reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);
}
