/**
 * The province map's classes and its key: the rate breaks, the fill of each class and the words for them. A view
 * decision, read by the map (src/charts/map.ts) and by the map's text alternative (map-spec.ts) alike.
 */
import { t, type Locale } from "../i18n/catalogue.ts";
import { formatNumber } from "../i18n/format.ts";

/** Upper bounds (%) of the rate classes; fixed, so a map means the same from one build to the next. */
export const RATE_BREAKS = [1, 3, 5, 10] as const;
/**
 * Fills: rate classes light to dark (the site's "poor" orange at the dark end), each step distinct in grey print;
 * a plan without a rate under the latest standard in blue-grey; no plan in the lightest grey.
 */
export const MAP_FILLS = {
  rates: ["#fbc08e", "#f1924f", "#d4661c", "#a3420a", "#5c2304"],
  noRate: "#9fb3c8",
  none: "#eef0f3",
} as const;

/** Words of the key, top to bottom, with their fills (the rate classes in the latest standard only). */
export function mapKey(locale: Locale, standard: string): { heading: string[]; items: { label: string; fill: string }[] } {
  const n = (x: number) => formatNumber(x, locale);
  const rates = MAP_FILLS.rates.map((fill, i) => ({
    fill,
    label: i === 0 ? t(locale, "map_key_below", { v: n(RATE_BREAKS[0]) })
      : i === RATE_BREAKS.length ? t(locale, "map_key_from", { v: n(RATE_BREAKS[i - 1]) })
      : t(locale, "map_key_range", { a: n(RATE_BREAKS[i - 1]), b: n(RATE_BREAKS[i]) }),
  }));
  return {
    heading: [t(locale, "map_key_title"), t(locale, "map_key_standard", { standard })],
    items: [...rates, { label: t(locale, "map_key_no_rate"), fill: MAP_FILLS.noRate }, { label: t(locale, "map_key_none"), fill: MAP_FILLS.none }],
  };
}
