/**
 * Where a locality is shown. Residential groups have no page of their own (a national site has some 50,000): each is
 * a section of its commune's page, at an anchor made from the last segment of its id, which is unique among its
 * siblings and as stable as the id itself.
 */
import { paths } from "../i18n/paths.ts";

type Placed = { id: string; level: string; parent: string | null };

/** Anchor id of a residential group's section on its commune's page: "…/quang-minh/dong-long" → "group-dong-long". */
export function groupAnchor(id: string): string {
  return `group-${id.slice(id.lastIndexOf("/") + 1)}`;
}

/** Whether a locality has a page of its own (every level but residential groups). */
export function hasOwnPage(l: Pick<Placed, "level">): boolean {
  return l.level !== "residential_group";
}

/** Path (without the locale prefix) of where a locality is shown: its page, or its commune's page at its anchor. */
export function localityPath(l: Placed): string {
  return !hasOwnPage(l) && l.parent ? `${paths.locality(l.parent)}#${groupAnchor(l.id)}` : paths.locality(l.id);
}
