/**
 * Which data a page with charts reads, by its page key ("overview", "compare/<code>" or a locality id): a locality's
 * page and embed read only their province's slice; the overview and the province compare pages the national data.
 * And the matching cache key for Astro's incremental build (lib/page-key.ts).
 */
import { nationalKey, provinceKey } from "./page-key.ts";
import { provinceOf } from "./public-paths.ts";
import { loadSiteData, loadSlice, type SiteData } from "./site-data.ts";

const isLocality = (page: string) => page !== "overview" && !page.startsWith("compare/");

export function pageData(page: string): SiteData {
  return isLocality(page) ? loadSlice(provinceOf(page)) : loadSiteData();
}

export function pageCacheKey(page: string): string {
  return isLocality(page) ? provinceKey(provinceOf(page)) : nationalKey();
}
