/**
 * Where the public data files live, named once so the data step that writes them and the pages that read or link
 * them cannot drift apart. A national site has tens of thousands of localities and plans: each plan has its own
 * document file, each province a folder of its rows, each locality page one CSV of every row its charts draw.
 */

/** The province a locality id belongs to: its first segment (`bac-giang` in bac-giang/viet-yen/quang-minh). */
export function provinceOf(localityId: string): string {
  const slash = localityId.indexOf("/");
  return slash < 0 ? localityId : localityId.slice(0, slash);
}

/**
 * The tables of figures: published nationally as CSV only, and as JSON (and CSV) in each province's folder. The
 * other tables (localities, units, plans) are the national index, published as national JSON.
 */
export const FIGURE_TABLES = ["targets", "statistics", "deprivations", "quality", "derived"] as const;
export type FigureTable = (typeof FIGURE_TABLES)[number];

/** Public path of a locality's CSV: `/data/localities/<locality id>.csv` (the id starts with its province). */
export function localityCsvPath(localityId: string): string {
  return `/data/localities/${localityId}.csv`;
}

/** Public path of a plan's document (its lines and where each quoted figure sits): `/data/plans/<plan id>.json`. */
export function planDocumentPath(planId: string): string {
  return `/data/plans/${planId}.json`;
}

/** Public folder of a province's rows: `/data/provinces/<province>/` (the tables of /data/, cut to the province). */
export function provinceDataPath(province: string): string {
  return `/data/provinces/${province}/`;
}
