/** The routes of the 34 province and 3,321 commune pages (the same in every language). */
import { loadUnits } from "./site-data.ts";
import { unitPaths } from "./unit-paths.ts";

export function unitRoutes() {
  const units = loadUnits();
  const level = new Map(units.filter((u) => u.period === "after").map((u) => [u.code, u.level]));
  return [...unitPaths(units)].map(([code, path]) => ({
    params: { slug: path.replace(/^\/provinces\/|\/$/g, "") },
    props: { code, level: level.get(code)! },
  }));
}
