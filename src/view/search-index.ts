/**
 * The search index of every unit, old and new (14,161 names), cut into small files by the first two letters of each
 * word of a name, so a phone fetches only the few files its query's words start with, and only once a word has two
 * letters. Every query word that matches starts a name word (search-match.ts), so the file of that word's first two
 * letters holds every unit the query can find. Labels and context are composed here, in the reader's language.
 */
import { localized, t, type Locale } from "../i18n/catalogue.ts";
import { localePath, paths } from "../i18n/paths.ts";
import { hasOwnPage, localityPath } from "./locality-path.ts";
import { localityName } from "./view.ts";
import type { SiteData } from "../load/site-data.ts";
import type { UnitRow } from "../domain/schema.ts";
import { searchWords } from "./search-match.ts";
import { frame, localityOf, oldUnit, unitName, unitType, type Frame } from "./units-view.ts";

/** One entry: folded name, folded type words, folded parents' names, label, context line, link. */
export type SearchEntry = [name: string, type: string, parents: string, label: string, context: string, href: string];

/** The file a word's entries are in: its first two folded letters (one for a one-letter word). */
export const shardOf = (word: string) => word.slice(0, 2);

/**
 * Files of more entries than this ("th": Thanh, Thạnh, Thị… ~65 KB gzip) are also cut by three letters, so a word
 * of three letters or more fetches a tenth of it; the two-letter file stays for two-letter words.
 */
export const SPLIT_OVER = 800;

function entryOf(f: Frame, u: UnitRow, locale: Locale): SearchEntry | undefined {
  const fold = (s: string) => searchWords(s).join(" ");
  const typeWords = fold(`${u.type_vi} ${unitType(u, "en")}`);
  if (u.period === "after") {
    const province = f.after.get(u.province)!;
    const parents = u.level === "province" ? "" : fold(province.full_name);
    return [fold(u.name), typeWords, parents, unitName(u, locale), u.level === "province" ? "" : unitName(province, locale, false), localePath(locale, f.path.get(u.code)!)];
  }
  // An old unit: its page where the site has one, else where its story is told (the new unit's "formed from" row,
  // or, for a district, the province page's list of former districts).
  const page = localityOf(f, u);
  const successors = u.lineage.map((l) => f.after.get(l.code)).filter((x) => x !== undefined);
  if (!page && successors.length === 0) return undefined;
  const oldParents = [u.parent ? oldUnit(f, "district", u.parent) : undefined, u.level !== "province" ? oldUnit(f, "province", u.province) : undefined].filter((x) => x !== undefined);
  const first = successors[0];
  const story = !first ? "" : u.level === "commune" ? `${f.path.get(first.code)}#old-${u.code}` : u.level === "district" ? `${f.path.get(first.province)}#d-${u.code}` : f.path.get(first.code)!;
  const href = localePath(locale, page ? paths.locality(page.id) : story);
  const to = successors.slice(0, 3).map((s) => unitName(s, locale, false)).join(", ") + (successors.length > 3 ? ", …" : "");
  const context = [...oldParents.map((p) => unitName(p, locale, false)), to ? t(locale, "search_former", { to }) : ""].filter(Boolean).join(" · ");
  return [fold(u.name), typeWords, fold(oldParents.map((p) => p.full_name).join(" ")), unitName(u, locale), context, href];
}

/**
 * The residential groups of the dataset (not in the gazetteer): each lands on its commune's page at its section.
 * The overview lists them too while the dataset is small; a national overview cannot, and the index still can.
 */
function groupEntries(data: SiteData, locale: Locale): SearchEntry[] {
  const fold = (s: string) => searchWords(s).join(" ");
  return data.localities.filter((l) => !hasOwnPage(l)).map((g) => {
    const parents = localized(g, "full_name", locale).split(", ").slice(1).join(", ");
    return [fold(g.name), fold(`${g.type_vi} ${g.type_en}`), fold(`${g.full_name_vi.split(", ").slice(1).join(" ")} ${g.full_name_en.split(", ").slice(1).join(" ")}`), localityName(g, locale, true), parents, localePath(locale, localityPath(g))];
  });
}

/** Every unit's entry (and every residential group's), by file (first two letters of a name word). */
export function searchShards(units: readonly UnitRow[], data: SiteData, locale: Locale): Map<string, SearchEntry[]> {
  const f = frame(units, data);
  const out = new Map<string, SearchEntry[]>();
  const entries = [...units.map((u) => entryOf(f, u, locale)), ...groupEntries(data, locale)];
  for (const e of entries) {
    if (!e) continue;
    for (const shard of new Set(e[0].split(" ").filter(Boolean).map(shardOf))) out.get(shard)?.push(e) ?? out.set(shard, [e]);
  }
  for (const [shard, entries] of [...out]) {
    if (shard.length < 2 || entries.length <= SPLIT_OVER) continue;
    for (const e of entries) for (const w of new Set(e[0].split(" ").filter((x) => x.startsWith(shard) && x.length >= 3).map((x) => x.slice(0, 3)))) out.get(w)?.push(e) ?? out.set(w, [e]);
  }
  return out;
}

/** The two-letter files that are also cut by three letters (the page tells the search script). */
export function splitShards(shards: ReadonlyMap<string, SearchEntry[]>): string[] {
  return [...shards].filter(([k, v]) => k.length === 2 && v.length > SPLIT_OVER).map(([k]) => k).sort();
}
