/**
 * The pages of the 34 provinces and 3,321 communes, and the 34 province compare pages
 * (`/provinces/<slug>/compare/`; no commune is named "compare", so the address cannot meet a commune's), by their
 * path without the locale prefix: the same in every language. view/slice-routes.ts orders them with the rest.
 */
import { loadUnits } from "../load/site-data.ts";
import { unitPaths } from "./unit-paths.ts";

export type UnitRouteProps = { code: string; level: "province" | "commune"; view: "unit" | "compare" };

export function unitRoutes(): { path: string; props: UnitRouteProps }[] {
  const units = loadUnits();
  const level = new Map(units.filter((u) => u.period === "after").map((u) => [u.code, u.level as "province" | "commune"]));
  return [...unitPaths(units)].flatMap(([code, path]) => {
    const unit = { path, props: { code, level: level.get(code)!, view: "unit" as const } };
    return level.get(code) === "province" ? [unit, { path: `${path}compare/`, props: { code, level: "province" as const, view: "compare" as const } }] : [unit];
  });
}
