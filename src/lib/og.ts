/** Paths of the link-preview images (drawn by src/pages/og). */
import type { Locale } from "./format.ts";

/** Preview image of a locality, or of the whole site when `id` is omitted. */
export function ogImagePath(locale: Locale, id?: string): string {
  return id ? `/og/${locale}/localities/${id}.png` : `/og/${locale}/site.png`;
}

/**
 * Whose preview image a locality's pages use: its own, except residential groups, which share their commune's.
 * A preview image costs about 40 ms to draw; a national site has some 50,000 residential groups, and a group's
 * page has one small chart that the commune's card already sums up.
 */
export function ogLocalityId(l: { id: string; level: string; parent: string | null }): string {
  return l.level === "residential_group" && l.parent ? l.parent : l.id;
}
