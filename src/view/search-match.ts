/**
 * Locality search: the query's words in any order, with or without accents and the unit's type ("phuong quang
 * minh", "tp long khanh", "phan rang thap cham"), each the start of a word of the unit's full name.
 */
import { foldAccents } from "../domain/fold.ts";

// Abbreviations readers type for unit types.
const SHORT: Record<string, string[]> = { tp: ["thanh", "pho"], tx: ["thi", "xa"], tt: ["thi", "tran"], p: ["phuong"], q: ["quan"], h: ["huyen"] };

/** The words of a text as search compares them: folded, split on anything not a letter or digit. */
export function searchWords(s: string): string[] {
  return foldAccents(s).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Query words with readers' abbreviations spelt out ("tp" → "thanh", "pho"). */
export function expandWords(words: string[]): string[] {
  return words.flatMap((w) => SHORT[w] ?? [w]);
}

/** A unit as search sees it: its name, its type words and its parents' full names. */
export interface Searchable {
  name: string;
  type: string;
  parents: string;
}

/**
 * Whether every word of the query starts a word of the unit's name, type or parents' names, at least one starts a
 * word of its name, and parents count only once the whole name is given: "quang minh" finds Quảng Minh, not Phổ Minh
 * of Quảng Ngãi; "quang minh viet yen" still finds Quảng Minh.
 */
export function searchMatches(query: string, unit: Searchable): boolean {
  const words = expandWords(searchWords(query));
  const name = searchWords(unit.name);
  const own = [...name, ...searchWords(unit.type)];
  const parents = searchWords(unit.parents);
  const starts = (list: string[]) => (w: string) => list.some((k) => k.startsWith(w));
  if (words.length === 0 || !words.some(starts(name))) return false;
  const outside = words.filter((w) => !starts(own)(w));
  if (outside.length === 0) return true;
  const wholeName = name.every((n) => words.some((w) => n.startsWith(w)));
  return wholeName && outside.every(starts(parents));
}
