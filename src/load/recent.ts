/**
 * The last `kept` values made, by key, most recent last. Astro builds a route's pages in the order getStaticPaths
 * gives them, so pages reading the same data follow each other: a few values kept serve them all, without holding
 * every province's rows for the whole build. The same object is returned while it is kept, so indexes built on it
 * (WeakMaps keyed by it) are built once.
 */
export function recentValues<T>(kept: number): (key: string, make: () => T) => T {
  const items: { key: string; value: T }[] = [];
  return (key, make) => {
    const at = items.findIndex((s) => s.key === key);
    if (at >= 0) {
      const [hit] = items.splice(at, 1);
      items.push(hit);
      return hit.value;
    }
    const value = make();
    items.push({ key, value });
    if (items.length > kept) items.shift();
    return value;
  };
}
