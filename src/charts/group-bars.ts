/** Residential groups of a locality as grouped horizontal bars: households at baseline, able to exit, and the year-end target. */
import * as Plot from "@observablehq/plot";
import { nice, ticks } from "d3";
import { t, type Locale } from "../i18n/catalogue.ts";
import { formatHouseholds, formatNumber, formatPercent } from "../i18n/format.ts";
import type { GroupBarRow, Measure } from "../view/view.ts";
import { baseOptions, COLORS, drawKey, finish, FONT_SIZE, keyHeight, marginFor, measureColor, measureWords, unique, WIDTH, withRefs } from "./common.ts";

/** How the groups are ordered: as given, or by one series' households, largest first. */
export type { GroupSort } from "../view/drawing.ts";
import type { GroupSort } from "../view/drawing.ts";

/** Options of groupBarsChart. */
export interface GroupBarsOptions {
  document: Document;
  locale: Locale;
  sort?: GroupSort;
  width?: number;
  /** Id set on the SVG element. */
  id?: string;
}

const SERIES = ["baseline", "exit", "target"] as const;

/** Name of a series with its year: "Cuối năm 2023" / "End of 2023", "Có khả năng thoát nghèo năm 2024" / "Able to exit in 2024". */
export function seriesLabel(series: GroupBarRow["series"], measure: Measure, date: string, locale: Locale): string {
  const y = date.slice(0, 4);
  if (series === "exit") return t(locale, measure === "poor" ? "series_exit_poor" : "series_exit_near_poor", { y });
  return t(locale, series === "baseline" ? "series_baseline" : "series_target", { y });
}

/** Colour of a series: grey baseline, green exits, the measure's colour for the target. */
function seriesColor(series: GroupBarRow["series"], measure: Measure): string {
  return series === "baseline" ? COLORS.baseline : series === "exit" ? COLORS.exit : measureColor(measure);
}

/** Group names in the requested order; ties keep the input order (Array.prototype.sort is stable). */
export function groupOrder(rows: GroupBarRow[], sort: GroupSort = "name"): string[] {
  const names = unique(rows.map((r) => r.name));
  if (sort === "name") return names;
  const value = new Map(rows.filter((r) => r.series === sort).map((r) => [r.name, r.households]));
  return [...names].sort((a, b) => (value.get(b) ?? -Infinity) - (value.get(a) ?? -Infinity));
}

/** Grouped bars, one group per residential group, three series; key and value labels drawn inside the SVG. */
export function groupBarsChart(rows: GroupBarRow[], { document, locale, sort = "name", width = WIDTH, id }: GroupBarsOptions): SVGSVGElement {
  const names = groupOrder(rows, sort);
  const measure: Measure = rows[0]?.measure ?? "poor";
  const dateOf = (s: GroupBarRow["series"]) => rows.find((r) => r.series === s)?.date ?? "";
  const label = (r: GroupBarRow) => seriesLabel(r.series, r.measure, r.date, locale);
  const title = (r: GroupBarRow) =>
    `${r.name}, ${label(r).toLowerCase()}: ${formatHouseholds(r.households, locale)}`
    + (r.rate === null ? "" : ` (${formatPercent(r.rate, locale)} ${t(locale, "chart_of_all")})`);

  const present = SERIES.filter((s) => rows.some((r) => r.series === s));
  const key = present.map((s) => ({ label: seriesLabel(s, measure, dateOf(s), locale), color: seriesColor(s, measure), swatch: "square" as const }));
  const xMax = nice(0, Math.max(1, ...rows.map((r) => r.households)), 5)[1];
  const xTicks = ticks(0, xMax, 5).filter(Number.isInteger);
  const marginLeft = marginFor(names, 60, 150);
  const marginTop = keyHeight(key, width) + 12;
  const marginBottom = 44;
  const groupHeight = 3 * 16 + 18;

  const svg = Plot.plot({
    ...baseOptions(document, width),
    height: marginTop + marginBottom + names.length * groupHeight,
    marginTop, marginBottom, marginLeft, marginRight: 40,
    x: { domain: [0, xMax], label: t(locale, "chart_number_of", { who: measureWords(measure, locale) }), labelAnchor: "center", labelArrow: "none", ticks: xTicks, tickFormat: (d: number) => formatNumber(d, locale) },
    y: { domain: [...SERIES], axis: null, padding: 0.12 },
    fy: { domain: names, label: null, axis: "left", tickSize: 0, padding: 0.22 },
    marks: [
      Plot.gridX({ stroke: COLORS.grid, strokeOpacity: 1, ticks: xTicks }),
      Plot.barX(rows, { fy: "name", y: "series", x: "households", fill: (r: GroupBarRow) => seriesColor(r.series, r.measure), title, className: "ppt-bar", render: withRefs(rows) }),
      Plot.text(rows, {
        fy: "name", y: "series", x: "households", dx: 5, textAnchor: "start", fontSize: FONT_SIZE, text: (r: GroupBarRow) => formatNumber(r.households, locale),
        title, className: "ppt-value", render: withRefs(rows),
      }),
      Plot.ruleX([0], { stroke: COLORS.ink }),
    ],
  }) as SVGSVGElement;
  drawKey(svg, document, key, width);

  const total = (s: GroupBarRow["series"]) => rows.filter((r) => r.series === s).reduce((a, r) => a + r.households, 0);
  const totals = key.length ? ` ${key.map((k, i) => `${k.label}: ${formatHouseholds(total(present[i]), locale)}`).join("; ")}.` : "";
  const summary = `${t(locale, "chart_bars", { who: measureWords(measure, locale), n: names.length })}${totals}`;
  return finish(svg, { summary, id });
}
