/**
 * The province map as a chart of the overview page: its words, its data table (one row per province, with a link to
 * the province's page), the rows of its CSV download and how to draw it (src/charts/map.ts).
 */
import type { MapProvince } from "./drawing.ts";
import { mapKey } from "./map-key.ts";
import { planCitation } from "./cite.ts";
import type { ChartSpec } from "./chart-specs.ts";
import { formatNumber, formatPercent, type Locale } from "../i18n/format.ts";
import { formatDate, localePath, paths, standardName, t, tn } from "../i18n/paths.ts";
import { latestStandard, provinceMapRows, type ProvinceMapRow } from "./province-map-data.ts";
import { loadUnits, siteIndex, type SiteData } from "../load/site-data.ts";
import { localityName } from "./view.ts";

/** Anchor id of the map on the overview page. */
export const MAP_ID = "province-map";

/**
 * How many localities a province's label and table row name, and how many plans the map cites, before "and n more":
 * at national size a province holds hundreds of localities with plans and the map thousands of plans, which the
 * province pages list (the overview stays one row per province, well under 1 MB).
 */
const NAMES_SHOWN = 3;
const SOURCES_SHOWN = 10;

/** The localities of a province with a plan, in words: all of them, or the first few and how many more. */
function namesText(r: ProvinceMapRow, locale: Locale): string {
  const names = r.localities.map((l) => localityName(l, locale, true));
  if (names.length <= NAMES_SHOWN + 1) return names.join(", ");
  return t(locale, "map_names_more", { names: names.slice(0, NAMES_SHOWN).join(", "), n: formatNumber(names.length - NAMES_SHOWN, locale) });
}

/** A province's rate in words: "0,97% (31/12/2023)", or the median of several. */
function rateText(r: ProvinceMapRow, locale: Locale): string {
  if (r.rate === null) return "";
  if (r.rates.length === 1) return t(locale, "map_rate_at", { rate: formatPercent(r.rates[0].value, locale, r.rates[0].decimals), date: formatDate(r.rates[0].date, locale) });
  return t(locale, "map_rate_median", { rate: formatPercent(r.rate, locale, 2) });
}

/** The accessible name and tooltip of a province. */
export function provinceLabel(r: ProvinceMapRow, locale: Locale, standard: string): string {
  if (r.localities.length === 0) return t(locale, "map_province_none", { name: r.name });
  const head = tn(locale, "map_province_plans", r.localities.length, { name: r.name, names: namesText(r, locale) });
  if (r.rate === null) return `${head}${t(locale, "map_province_no_rate", { standard })}`;
  return r.rates.length === 1
    ? `${head}${t(locale, "map_province_rate", { rate: rateText(r, locale) })}`
    : `${head}${t(locale, "map_province_median", { n: r.rates.length, rate: rateText(r, locale) })}`;
}

/** The colour steps in words, for the method page: "dưới 1%, 1–3%, …". */
export function mapClassesText(locale: Locale, standard: string): string {
  return mapKey(locale, standard).items.slice(0, -2).map((i) => i.label).join(", ");
}

/** The map's chart spec (overview page). */
export function mapSpec(data: SiteData, locale: Locale): ChartSpec {
  const rows = provinceMapRows(data, loadUnits());
  const standard = standardName(latestStandard(data) as "2022-2025", locale);
  const planById = siteIndex(data).plan;
  const provinces: MapProvince[] = rows.map((r) => ({ code: r.code, label: provinceLabel(r, locale, standard), href: localePath(locale, r.path), planned: r.localities.length, rate: r.rate }));
  const covered = rows.filter((r) => r.localities.length > 0);
  const summary = t(locale, "map_summary", {
    covered: covered.length, plans: formatNumber(new Set(covered.flatMap((r) => r.plans)).size, locale), rated: rows.filter((r) => r.rate !== null).length, standard,
  });
  const colourPlans = [...new Set(rows.flatMap((r) => r.rates.map((x) => x.plan_id)))].sort();
  return {
    id: MAP_ID, page: paths.home,
    title: t(locale, "map_title"),
    sources: colourPlans.slice(0, SOURCES_SHOWN).map((id) => ({ text: planCitation(planById.get(id)!, locale), href: localePath(locale, paths.plan(id)), plan: planById.get(id)! })),
    // The rest, province by province, on the compare page's list (each province's page lists its plans).
    ...(colourPlans.length > SOURCES_SHOWN ? { moreSources: { n: colourPlans.length - SOURCES_SHOWN, href: paths.compare } } : {}),
    variants: [{
      default: true,
      summary,
      table: {
        columns: [{ label: t(locale, "map_col_province") }, { label: t(locale, "map_col_localities") }, { label: t(locale, "map_col_rate", { standard }), num: true }],
        rows: rows.map((r) => [
          { text: r.name, href: localePath(locale, r.path) },
          r.localities.length ? namesText(r, locale) : t(locale, "map_key_none"),
          rateText(r, locale),
        ]),
      },
      csv: rows.map((r) => ({
        // Counts, not lists of ids: at national size the lists would make the page megabytes; the province's own
        // page, localities.csv and each locality's CSV hold them, with the sentence of each rate.
        province_code: r.code, province: r.name, localities_with_plan: r.localities.length, plans: r.plans.length,
        latest_poverty_rate_pct: r.rate, rate_is_median_of: r.rates.length, standard: latestStandard(data),
      })),
      drawing: { chart: "map", provinces, standard, summary },
    }],
  };
}
