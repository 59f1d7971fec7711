/**
 * Where the public data files a page links to live, named once so the data step that writes them and the pages that
 * link them cannot drift apart. A national site has tens of thousands of localities: each has one CSV of every row
 * its page's charts draw, grouped under the folder of the province its id starts with.
 */

/** Public path of a locality's CSV: `/data/localities/<locality id>.csv` (the id starts with its province). */
export function localityCsvPath(localityId: string): string {
  return `/data/localities/${localityId}.csv`;
}
