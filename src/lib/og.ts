/** Paths of the link-preview images (drawn by src/pages/og). */
import type { Locale } from "./format.ts";

/** Preview image of a locality, or of the whole site when `id` is omitted. */
export function ogImagePath(locale: Locale, id?: string): string {
  return id ? `/og/${locale}/localities/${id}.png` : `/og/${locale}/site.png`;
}
