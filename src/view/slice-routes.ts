/**
 * The pages built from the slices of the data (a province's folder of public/data), in one list for one route file
 * (src/pages/[...path].astro): every locality's page and embed, every plan's page, every page of a unit from 2025
 * and its province's compare page, in both languages, slice after slice.
 *
 * Why one list: Astro renders a route file's pages in the order its getStaticPaths gives them, one route file after
 * another, and the loaders keep only the last few slices (load/recent.ts). With a route file per kind and language,
 * a national build read every slice eight times or more (a big province's slice is tens of megabytes of JSON, and
 * its parsing and collection were a fifth of the build); listed together, each slice is read about once, and a
 * locality's page takes the chart specs and drawings its embed has just made (chart-specs chartsOf, render/drawn.ts).
 */
import { LOCALES, localePath, paths } from "../i18n/paths.ts";
import type { Locale } from "../i18n/format.ts";
import { provinceOf } from "../domain/public-paths.ts";
import { loadNational, nationalLists } from "../load/site-data.ts";
import { planKey, provinceKey, provincesKey } from "../load/page-key.ts";
import { pageCacheKey, pageSliceKey } from "../load/page-data.ts";
import { unitSlices } from "../load/unit-data.ts";
import { inSliceOrder } from "../load/route-order.ts";
import { chartPagePaths } from "./chart-specs.ts";
import { hasOwnPage } from "./locality-path.ts";
import { unitRoutes, type UnitRouteProps } from "./unit-routes.ts";

export type SliceRouteProps =
  | { kind: "embed"; locale: Locale; page: string }
  | { kind: "locality"; locale: Locale; id: string }
  | { kind: "plan"; locale: Locale; id: string; province: string }
  | ({ kind: "unit"; locale: Locale } & UnitRouteProps);

export interface SliceRoute {
  params: { path: string };
  props: SliceRouteProps;
  cacheKey: string;
}

/** `/x/y/` in a locale → the route's `path` parameter (`x/y`, `en/x/y`). */
const param = (locale: Locale, path: string) => localePath(locale, path).replace(/^\/|\/$/g, "");

/** Every page of the list, in slice order. */
export function sliceRoutes(): SliceRoute[] {
  const { localities, plans } = loadNational();
  // A list item: the routes of one page in every language, under the slice (or set of slices) it reads.
  const items: { key: string; routes: () => SliceRoute[] }[] = [];
  const embed = (locale: Locale, page: string, path: string, cacheKey: string): SliceRoute => ({ params: { path: param(locale, path) }, props: { kind: "embed", locale, page }, cacheKey });
  const embeds = new Map(chartPagePaths(nationalLists()).map((c) => [c.page, c.path]));
  for (const [page, path] of embeds) {
    if (page !== "overview" && !page.startsWith("compare/")) continue;
    const cacheKey = pageCacheKey(page);
    items.push({ key: pageSliceKey(page), routes: () => LOCALES.map((locale) => embed(locale, page, path, cacheKey)) });
  }
  // A locality's embed, then its page, language by language: the page takes the chart specs (chart-specs chartsOf)
  // and drawings (render/drawn.ts) its embed has just made.
  for (const l of localities.filter(hasOwnPage)) {
    const province = provinceOf(l.id);
    const cacheKey = provinceKey(province);
    const embedPath = embeds.get(l.id);
    items.push({
      key: province,
      routes: () => LOCALES.flatMap((locale) => [
        ...(embedPath ? [embed(locale, l.id, embedPath, cacheKey)] : []),
        { params: { path: param(locale, paths.locality(l.id)) }, props: { kind: "locality", locale, id: l.id }, cacheKey } satisfies SliceRoute,
      ]),
    });
  }
  for (const p of plans) {
    const province = provinceOf(p.locality_id);
    const cacheKey = planKey(p.id, province);
    items.push({ key: province, routes: () => LOCALES.map((locale) => ({ params: { path: param(locale, paths.plan(p.id)) }, props: { kind: "plan", locale, id: p.id, province }, cacheKey })) });
  }
  for (const r of unitRoutes()) {
    const slices = unitSlices(r.props.code);
    const cacheKey = provincesKey(slices);
    items.push({ key: slices.join(","), routes: () => LOCALES.map((locale) => ({ params: { path: param(locale, r.path) }, props: { kind: "unit", locale, ...r.props }, cacheKey })) });
  }
  // Stable: within a slice, the overview's and compare embeds, then localities, plans and units, each in its list's order.
  return inSliceOrder(items, (i) => i.key).flatMap((i) => i.routes());
}
