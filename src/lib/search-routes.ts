/** Routes of the search index files, per language (built once per build and language). */
import type { Locale } from "../i18n/catalogue.ts";
import { searchShards } from "./search-index.ts";
import { loadSiteData, loadUnits } from "./site-data.ts";

export function searchShardRoutes(locale: Locale) {
  return [...searchShards(loadUnits(), loadSiteData(), locale)].map(([shard, entries]) => ({ params: { shard }, props: { entries } }));
}
