/** Routes of the search index files, per language (built once per build and language). */
import type { Locale } from "../i18n/catalogue.ts";
import { listsKey } from "../load/page-key.ts";
import { searchShards, splitShards } from "./search-index.ts";
import { loadUnits, nationalLists } from "../load/site-data.ts";

const cache = new Map<Locale, ReturnType<typeof searchShards>>();
const shardsOf = (locale: Locale) => cache.get(locale) ?? cache.set(locale, searchShards(loadUnits(), nationalLists(), locale)).get(locale)!;

export function searchShardRoutes(locale: Locale) {
  const cacheKey = listsKey();
  return [...shardsOf(locale)].map(([shard, entries]) => ({ params: { shard }, props: { entries }, cacheKey }));
}

/** Prefixes whose words of three letters or more have a file of their own (the same in every language). */
export const searchSplit = (locale: Locale) => splitShards(shardsOf(locale));
