/**
 * Which data a page with charts reads, by its page key ("overview", "compare/<code>" or a locality id): a locality's
 * page and embed read only their province's slice, a province's compare page the slices of its old provinces, the
 * overview the province rows gathered slice by slice (site-data nationalRates).
 * And the matching cache key for Astro's incremental build (load/page-key.ts).
 */
import { nationalKey, provinceKey, provincesKey } from "./page-key.ts";
import { provinceOf } from "../domain/public-paths.ts";
import { loadSlice, nationalRates, type SiteData } from "./site-data.ts";
import { loadUnitData, unitSlices } from "./unit-data.ts";

export function pageData(page: string): SiteData {
  if (page === "overview") return nationalRates().data;
  if (page.startsWith("compare/")) return loadUnitData(page.slice("compare/".length));
  return loadSlice(provinceOf(page));
}

/** Which slices a page reads, as one string (the overview: none of its own), to list pages in that order (route-order.ts). */
export function pageSliceKey(page: string): string {
  if (page === "overview") return "";
  if (page.startsWith("compare/")) return unitSlices(page.slice("compare/".length)).join(",");
  return provinceOf(page);
}

export function pageCacheKey(page: string): string {
  if (page === "overview") return nationalKey();
  if (page.startsWith("compare/")) return provincesKey(unitSlices(page.slice("compare/".length)));
  return provinceKey(provinceOf(page));
}
