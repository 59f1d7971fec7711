/** Dimension coverage targets of all plans on one scale, one dot per plan, with one plan highlighted. */
import * as Plot from "@observablehq/plot";
import { t, type Locale } from "../i18n/catalogue.ts";
import { formatNumber } from "../i18n/format.ts";
import type { CoverageRow } from "../view/view.ts";
import { baseOptions, COLORS, comparatorPhrase, coverageShort, drawKey, finish, FONT_SIZE, keyHeight, marginFor, unique, WIDTH, withRefs } from "./common.ts";

/** Options of coverageChart. */
export interface CoverageOptions {
  document: Document;
  locale: Locale;
  /** plan_id drawn larger, in colour, with its values printed. */
  highlight?: string;
  width?: number;
  /** Id set on the SVG element. */
  id?: string;
}

/** Colour of the highlighted plan. */
const ACCENT = COLORS.poor;

/** Tooltip text: "Phổ Minh: Tỷ lệ trẻ em thuộc hộ nghèo, cận nghèo đi học đúng độ tuổi: 95%". */
export function coverageTitle(r: CoverageRow, locale: Locale): string {
  return `${r.locality_name}: ${r.label}: ${comparatorPhrase(r.value, r.comparator, locale)}`;
}

/** The x domain: 0–100, or 50–100 when every target is at least 50 (the axis label says so). */
export function coverageDomain(rows: CoverageRow[]): [number, number] {
  return rows.length && rows.every((r) => r.value >= 50) ? [50, 100] : [0, 100];
}

/** Indicators down, target percent across, a grey dot per plan; the highlighted plan larger, coloured and labelled. */
export function coverageChart(rows: CoverageRow[], { document, locale, highlight, width = WIDTH, id }: CoverageOptions): SVGSVGElement {
  const indicators = unique(rows.map((r) => r.indicator));
  const shortOf = new Map(rows.map((r) => [r.indicator, coverageShort(r, locale)]));
  const plans = unique(rows.map((r) => r.plan_id)).sort();
  // Plans often share a value (100%): give each plan its own lane inside the row so no dot hides another. Each dot
  // carries its plan's number and the key names the numbers, so every dot says which plan it is, in the download too.
  const lane = 18;
  const laneOf = new Map(plans.map((p, i) => [p, i]));
  const dyOf = (plan: string) => (laneOf.get(plan)! - (plans.length - 1) / 2) * lane;
  const numberOf = (plan: string) => String(laneOf.get(plan)! + 1);
  // Rows grouped by plan once: filtering all rows for each plan grows with plans² on a national compare page.
  const rowsOf = Map.groupBy(rows, (r) => r.plan_id);
  const step = Math.max(36, plans.length * lane + 14);
  const domain = coverageDomain(rows);
  const hl = (highlight !== undefined && rowsOf.get(highlight)) || [];
  const highlightName = hl[0]?.locality_name;

  const key = plans.map((p) => ({
    label: t(locale, "chart_plan_number", { n: numberOf(p), name: rowsOf.get(p)![0].locality_name }),
    color: p === highlight ? ACCENT : COLORS.baseline, swatch: "dot" as const,
  }));
  const marginLeft = marginFor([...shortOf.values()], 80, 140);
  const marginTop = keyHeight(key, width) + 14;
  const marginBottom = 44;
  const title = (r: CoverageRow) => coverageTitle(r, locale);

  const marks: Plot.Markish[] = [Plot.gridX({ stroke: COLORS.grid, strokeOpacity: 1, ticks: 5 })];
  for (const plan of plans) {
    const data = rowsOf.get(plan)!;
    const on = plan === highlight;
    marks.push(Plot.dot(data, {
      x: "value", y: "indicator", dy: dyOf(plan), r: on ? 6 : 4, fill: on ? ACCENT : COLORS.baseline, stroke: "#ffffff", strokeWidth: 1,
      title, className: on ? "ppt-highlight" : "ppt-plan", render: withRefs(data),
    }));
    marks.push(Plot.text(data, {
      x: "value", y: "indicator", dy: dyOf(plan), dx: on ? 10 : 8, textAnchor: "start", text: () => numberOf(plan),
      fill: on ? ACCENT : COLORS.ink, fontWeight: on ? "bold" : "normal", className: "ppt-plan-number",
    }));
  }
  if (hl.length) {
    marks.push(Plot.text(hl, {
      x: "value", y: "indicator", dy: dyOf(highlight!), dx: -12, textAnchor: "end", fontSize: FONT_SIZE, fill: ACCENT, fontWeight: "bold",
      text: (r: CoverageRow) => comparatorPhrase(r.value, r.comparator, locale), title, className: "ppt-highlight-label", render: withRefs(hl),
    }));
  }

  const zoomed = domain[0] > 0;
  const xLabel = `${t(locale, "chart_target_axis")}${zoomed ? t(locale, "chart_axis_from", { v: formatNumber(domain[0], locale) }) : ""}`;
  const svg = Plot.plot({
    ...baseOptions(document, width),
    height: marginTop + marginBottom + indicators.length * step,
    marginTop, marginBottom, marginLeft, marginRight: 34,
    x: { domain, label: xLabel, labelAnchor: "center", labelArrow: "none", ticks: 5, tickFormat: (d: number) => formatNumber(d, locale) },
    y: { domain: indicators, label: null, axis: null, padding: 0.5 },
    marks: [...marks, Plot.axisY({ tickSize: 0, lineWidth: (marginLeft - 16) / FONT_SIZE, textAnchor: "end", tickFormat: (d: string) => shortOf.get(d) ?? d })],
  }) as SVGSVGElement;
  drawKey(svg, document, key, width);

  const summary = t(locale, "chart_coverage", { plans: plans.length, n: indicators.length })
    + (hl.length ? ` ${highlightName}: ${hl.map((r) => `${coverageShort(r, locale)} ${comparatorPhrase(r.value, r.comparator, locale)}`).join("; ")}.` : "");
  return finish(svg, { summary, id });
}
