/** Coverage targets as a table of cells: indicator across, plan's locality down, value printed in each cell. */
import * as Plot from "@observablehq/plot";
import { t, type Locale } from "../i18n/catalogue.ts";
import type { CoverageRow } from "../lib/view.ts";
import { baseOptions, COLORS, comparatorShort, coverageShort, finish, FONT_SIZE, marginFor, sequential, textOn, unique, WIDTH, withRefs } from "./common.ts";
import { coverageDomain, coverageTitle } from "./coverage.ts";

/** Options of coverageHeatmap. */
export interface HeatmapOptions {
  document: Document;
  locale: Locale;
  width?: number;
  /** Id set on the SVG element. */
  id?: string;
}

interface Cell {
  plan_id: string;
  indicator: string;
  row: CoverageRow | null;
}

/** Cells x = indicator (short label), y = locality; darker = higher target; a grey "—" cell where a plan set no target. */
export function coverageHeatmap(rows: CoverageRow[], { document, locale, width = WIDTH, id }: HeatmapOptions): SVGSVGElement {
  const indicators = unique(rows.map((r) => r.indicator));
  const shortOf = new Map(rows.map((r) => [r.indicator, coverageShort(r, locale)]));
  const plans = unique(rows.map((r) => r.plan_id)).sort();
  const nameOf = new Map(rows.map((r) => [r.plan_id, r.locality_name]));
  const [lo, hi] = coverageDomain(rows);
  const at = new Map(rows.map((r) => [`${r.plan_id}|${r.indicator}`, r]));
  const cells: Cell[] = plans.flatMap((p) => indicators.map((i) => ({ plan_id: p, indicator: i, row: at.get(`${p}|${i}`) ?? null })));
  const filled = cells.filter((c): c is Cell & { row: CoverageRow } => c.row !== null);
  const blank = cells.filter((c) => c.row === null);
  // Fill colours are computed here rather than by a Plot colour scale, so each cell's text can take the contrasting ink.
  const fillOf = (r: CoverageRow) => sequential((r.value - lo) / (hi - lo));
  const refRows = filled.map((c) => c.row);
  const title = (c: Cell & { row: CoverageRow }) => coverageTitle(c.row, locale);
  const noTarget = (c: Cell) => `${nameOf.get(c.plan_id)}: ${shortOf.get(c.indicator)}: ${t(locale, "chart_no_target")}`;

  const marginLeft = marginFor([...nameOf.values()], 80, 200);
  const marginTop = 76;
  const rowHeight = 36;

  const svg = Plot.plot({
    ...baseOptions(document, width),
    height: marginTop + 8 + plans.length * rowHeight,
    marginTop, marginBottom: 8, marginLeft, marginRight: 8,
    x: { domain: indicators, axis: null, padding: 0.06 },
    y: { domain: plans, label: null, tickSize: 0, padding: 0.08, tickFormat: (p: string) => nameOf.get(p) ?? p },
    marks: [
      // Short labels wrap over the top of each column (eight columns leave about one word per line).
      Plot.axisX({ anchor: "top", label: null, tickSize: 0, tickFormat: (i: string) => shortOf.get(i) ?? i, lineWidth: 4.2, lineHeight: 1.15, fontSize: 12, textAnchor: "middle" }),
      Plot.cell(blank, { x: "indicator", y: "plan_id", fill: COLORS.missing, title: noTarget, className: "ppt-missing" }),
      Plot.text(blank, { x: "indicator", y: "plan_id", text: () => "—", fill: COLORS.muted, className: "ppt-missing-value" }),
      Plot.cell(filled, { x: "indicator", y: "plan_id", fill: (c: Cell & { row: CoverageRow }) => fillOf(c.row), title, className: "ppt-cell", render: withRefs(refRows) }),
      Plot.text(filled, {
        x: "indicator", y: "plan_id", text: (c: Cell & { row: CoverageRow }) => comparatorShort(c.row.value, c.row.comparator, locale),
        fill: (c: Cell & { row: CoverageRow }) => textOn(fillOf(c.row)), fontSize: FONT_SIZE, title, className: "ppt-cell-value", render: withRefs(refRows),
      }),
    ],
  }) as SVGSVGElement;

  const summary = t(locale, "chart_heatmap", { plans: plans.length, n: indicators.length, blank: blank.length });
  return finish(svg, { summary, id });
}
