/**
 * Astro renders a route's pages in the order its getStaticPaths lists them, and the loaders keep only the last few
 * slices they read (recent.ts): pages listed in the order of the slices they read read each slice about once, where
 * the order of the data files (localities.json lists provinces, then districts, then communes) would read a slice
 * again at almost every page, and a slice of a big province is tens of megabytes at national size.
 */

/** `items` ordered by the slice (or set of slices) each one's page reads, keeping their order within a slice. */
export function inSliceOrder<T>(items: readonly T[], sliceOf: (item: T) => string): T[] {
  const keyed = items.map((item, i) => ({ item, i, key: sliceOf(item) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  return keyed.map((k) => k.item);
}
