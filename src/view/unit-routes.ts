/**
 * The routes of the 34 province and 3,321 commune pages, and of the 34 province compare pages
 * (`/provinces/<slug>/compare/`; no commune is named "compare", so the address cannot meet a commune's).
 * The same in every language.
 */
import { loadUnits } from "../load/site-data.ts";
import { unitPaths } from "./unit-paths.ts";
import { inSliceOrder } from "../load/route-order.ts";
import { unitSlices } from "../load/unit-data.ts";

export type UnitRouteProps = { code: string; level: "province" | "commune"; view: "unit" | "compare" };

export function unitRoutes(): { params: { slug: string }; props: UnitRouteProps }[] {
  const units = loadUnits();
  const level = new Map(units.filter((u) => u.period === "after").map((u) => [u.code, u.level as "province" | "commune"]));
  const slug = (path: string) => path.replace(/^\/provinces\/|\/$/g, "");
  // In the order of the old provinces' slices each page reads (route-order.ts).
  return inSliceOrder([...unitPaths(units)], ([code]) => unitSlices(code).join(",")).flatMap(([code, path]) => {
    const unit = { params: { slug: slug(path) }, props: { code, level: level.get(code)!, view: "unit" as const } };
    return level.get(code) === "province" ? [unit, { params: { slug: `${slug(path)}/compare` }, props: { code, level: "province" as const, view: "compare" as const } }] : [unit];
  });
}
