/** Paths of the link-preview images (drawn by src/pages/og). */
import type { Locale } from "../i18n/format.ts";
import { hasOwnPage } from "./locality-path.ts";

/** Preview image of a locality, or of the whole site when `id` is omitted. */
export function ogImagePath(locale: Locale, id?: string): string {
  return id ? `/og/${locale}/localities/${id}.png` : `/og/${locale}/site.png`;
}

/**
 * Whose preview image a locality has: its own, except residential groups, which have no page (each is a section of
 * its commune's page, src/view/locality-path.ts), so a link to one previews as its commune. A preview image costs
 * about 40 ms to draw, and a national site has some 50,000 residential groups.
 */
export function ogLocalityId(l: { id: string; level: string; parent: string | null }): string {
  return !hasOwnPage(l) && l.parent ? l.parent : l.id;
}
