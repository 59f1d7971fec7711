/**
 * The routes of the 34 province and 3,321 commune pages, and of the 34 province compare pages
 * (`/provinces/<slug>/compare/`; no commune is named "compare", so the address cannot meet a commune's).
 * The same in every language.
 */
import { loadUnits } from "../load/site-data.ts";
import { unitPaths } from "./unit-paths.ts";

export type UnitRouteProps = { code: string; level: "province" | "commune"; view: "unit" | "compare" };

export function unitRoutes(): { params: { slug: string }; props: UnitRouteProps }[] {
  const units = loadUnits();
  const level = new Map(units.filter((u) => u.period === "after").map((u) => [u.code, u.level as "province" | "commune"]));
  const slug = (path: string) => path.replace(/^\/provinces\/|\/$/g, "");
  return [...unitPaths(units)].flatMap(([code, path]) => {
    const unit = { params: { slug: slug(path) }, props: { code, level: level.get(code)!, view: "unit" as const } };
    return level.get(code) === "province" ? [unit, { params: { slug: `${slug(path)}/compare` }, props: { code, level: "province" as const, view: "compare" as const } }] : [unit];
  });
}
