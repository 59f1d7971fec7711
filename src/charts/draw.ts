/**
 * A chart described as data: which chart function and the rows (and options) it draws. The build draws the default
 * state of every chart from such a description; the browser draws any other state from the same description, inlined
 * as JSON beside the chart, with the same function (src/client/view-draw.ts, the compare page). One description, so a
 * state drawn in the browser is the drawing the build would have made.
 */
import type { Locale } from "../i18n/catalogue.ts";
import type { CoverageRow, DeprivationViewRow, GroupBarRow, RateTargetRow } from "../lib/view.ts";
import { coverageChart } from "./coverage.ts";
import { deprivationChart } from "./deprivation.ts";
import { dumbbellChart } from "./dumbbell.ts";
import { groupBarsChart, type GroupSort } from "./group-bars.ts";
import { coverageHeatmap } from "./heatmap.ts";

/** Every chart kind of src/charts that draws from rows alone (the map draws from boundaries and has one state). */
export type Drawing =
  | { chart: "dumbbell"; rows: RateTargetRow[] }
  | { chart: "coverage"; rows: CoverageRow[]; highlight?: string }
  | { chart: "group-bars"; rows: GroupBarRow[]; sort?: GroupSort }
  | { chart: "deprivation"; rows: DeprivationViewRow[] }
  | { chart: "heatmap"; rows: CoverageRow[] };

/** Draw a described chart in `document` (linkedom at build time, the page's own in the browser). */
export function drawChart(d: Drawing, { document, locale }: { document: Document; locale: Locale }): SVGSVGElement {
  switch (d.chart) {
    case "dumbbell":
      return dumbbellChart(d.rows, { document, locale });
    case "coverage":
      return coverageChart(d.rows, { document, locale, highlight: d.highlight });
    case "group-bars":
      return groupBarsChart(d.rows, { document, locale, sort: d.sort });
    case "deprivation":
      return deprivationChart(d.rows, { document, locale });
    case "heatmap":
      return coverageHeatmap(d.rows, { document, locale });
  }
}
