/**
 * Draws a described chart (view/drawing.ts) with the chart function it names. The build (render/drawn.ts) and the
 * browser (src/client/view-draw.ts, the compare page) call this one function, so a state drawn in the browser is the
 * drawing the build would have made.
 */
import type { Locale } from "../i18n/catalogue.ts";
import type { Drawing } from "../view/drawing.ts";
import { coverageChart } from "./coverage.ts";
import { deprivationChart } from "./deprivation.ts";
import { dumbbellChart } from "./dumbbell.ts";
import { groupBarsChart } from "./group-bars.ts";
import { coverageHeatmap } from "./heatmap.ts";

export type { Drawing } from "../view/drawing.ts";

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
