/**
 * Locality search: the query's words in any order, with or without accents and the unit's type ("phuong quang
 * minh", "tp long khanh", "phan rang thap cham"), each the start of a word of the unit's full name.
 */
import { foldAccents } from "./fold.ts";

// Abbreviations readers type for unit types.
const SHORT: Record<string, string[]> = { tp: ["thanh", "pho"], tx: ["thi", "xa"], tt: ["thi", "tran"], p: ["phuong"], q: ["quan"], h: ["huyen"] };

/** The words of a text as search compares them: folded, split on anything not a letter or digit. */
export function searchWords(s: string): string[] {
  return foldAccents(s).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether every word of `query` starts a word of `key` (key: the unit's folded full name, with types). */
export function searchMatches(query: string, key: string): boolean {
  const words = searchWords(query).flatMap((w) => SHORT[w] ?? [w]);
  const keyWords = searchWords(key);
  return words.every((w) => keyWords.some((k) => k.startsWith(w)));
}
