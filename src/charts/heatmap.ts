/** Coverage targets as a table of cells: indicator across, plan's locality down, value printed in each cell. */
import * as Plot from "@observablehq/plot";
import { t, type Locale } from "../i18n/catalogue.ts";
import type { CoverageRow } from "../view/view.ts";
import { baseOptions, COLORS, comparatorShort, coverageShort, finish, FONT_SIZE, sequential, textOn, unique, WIDTH, withRefs } from "./common.ts";
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

/** Cells y = indicator (short label), x = locality; darker = higher target; a grey "—" cell where a plan set no target. */
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

  // Indicators down and plans across: a phone shows about 50 characters across, so the long indicator names wrap in
  // the left margin and each plan's column holds its value ("≥ 70") at full size.
  const marginLeft = 150;
  const colWidth = (width - marginLeft - 8) / Math.max(1, plans.length);
  const marginTop = 24 + 3 * Math.ceil(FONT_SIZE * 1.15);
  const rowHeight = 40;

  const svg = Plot.plot({
    ...baseOptions(document, width),
    height: marginTop + 8 + indicators.length * rowHeight,
    marginTop, marginBottom: 8, marginLeft, marginRight: 8,
    y: { domain: indicators, axis: null, padding: 0.06 },
    x: { domain: plans, axis: null, padding: 0.08 },
    marks: [
      Plot.axisY({ label: null, tickSize: 0, tickFormat: (i: string) => shortOf.get(i) ?? i, lineWidth: ((marginLeft - 12) / FONT_SIZE) * 0.8, textAnchor: "end" }),
      // Locality names wrap over the top of each column.
      Plot.axisX({ anchor: "top", label: null, tickSize: 0, tickFormat: (p: string) => nameOf.get(p) ?? p, lineWidth: (colWidth / FONT_SIZE) * 0.85, lineHeight: 1.15, textAnchor: "middle" }),
      Plot.cell(blank, { y: "indicator", x: "plan_id", fill: COLORS.missing, title: noTarget, className: "ppt-missing" }),
      Plot.text(blank, { y: "indicator", x: "plan_id", text: () => "—", fill: COLORS.muted, className: "ppt-missing-value" }),
      Plot.cell(filled, { y: "indicator", x: "plan_id", fill: (c: Cell & { row: CoverageRow }) => fillOf(c.row), title, className: "ppt-cell", render: withRefs(refRows) }),
      Plot.text(filled, {
        y: "indicator", x: "plan_id", text: (c: Cell & { row: CoverageRow }) => comparatorShort(c.row.value, c.row.comparator, locale),
        fill: (c: Cell & { row: CoverageRow }) => textOn(fillOf(c.row)), fontSize: FONT_SIZE, title, className: "ppt-cell-value", render: withRefs(refRows),
      }),
    ],
  }) as SVGSVGElement;

  const summary = t(locale, "chart_heatmap", { plans: plans.length, n: indicators.length, blank: blank.length });
  return finish(svg, { summary, id });
}
