/** Dimension coverage targets of all plans on one scale, one dot per plan, with one plan highlighted. */
import * as Plot from "@observablehq/plot";
import { t, type Locale } from "../i18n/catalogue.ts";
import { formatNumber } from "../lib/format.ts";
import type { CoverageRow } from "../lib/view.ts";
import { baseOptions, COLORS, comparatorPhrase, coverageShort, drawKey, finish, keyHeight, marginFor, unique, WIDTH, withRefs } from "./common.ts";

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
  // Plans often share a value (100%): give each plan its own lane inside the row so no dot hides another.
  const lane = 10;
  const laneOf = new Map(plans.map((p, i) => [p, i]));
  const dyOf = (plan: string) => (laneOf.get(plan)! - (plans.length - 1) / 2) * lane;
  // Rows grouped by plan once: filtering all rows for each plan grows with plans² on a national compare page.
  const rowsOf = Map.groupBy(rows, (r) => r.plan_id);
  const step = Math.max(36, plans.length * lane + 18);
  const domain = coverageDomain(rows);
  const hl = (highlight !== undefined && rowsOf.get(highlight)) || [];
  const highlightName = hl[0]?.locality_name;

  const key = highlightName
    ? [
      { label: highlightName, color: ACCENT, swatch: "dot" as const },
      { label: t(locale, "chart_other_plans"), color: COLORS.baseline, swatch: "dot" as const },
    ]
    : [{ label: t(locale, "chart_one_dot"), color: COLORS.baseline, swatch: "dot" as const }];
  const marginLeft = marginFor([...shortOf.values()], 80, 220);
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
  }
  if (hl.length) {
    marks.push(Plot.text(hl, {
      x: "value", y: "indicator", dy: dyOf(highlight!), dx: -12, textAnchor: "end", fontSize: 12, fill: ACCENT, fontWeight: "bold",
      text: (r: CoverageRow) => comparatorPhrase(r.value, r.comparator, locale), title, className: "ppt-highlight-label", render: withRefs(hl),
    }));
  }

  const zoomed = domain[0] > 0;
  const xLabel = `${t(locale, "chart_target_axis")}${zoomed ? t(locale, "chart_axis_from", { v: formatNumber(domain[0], locale) }) : ""}`;
  const svg = Plot.plot({
    ...baseOptions(document, width),
    height: marginTop + marginBottom + indicators.length * step,
    marginTop, marginBottom, marginLeft, marginRight: 24,
    x: { domain, label: xLabel, labelAnchor: "center", labelArrow: "none", ticks: 5, tickFormat: (d: number) => formatNumber(d, locale) },
    y: { domain: indicators, label: null, tickSize: 0, padding: 0.5, tickFormat: (d: string) => shortOf.get(d) ?? d },
    marks,
  }) as SVGSVGElement;
  drawKey(svg, document, key, width);

  const summary = t(locale, "chart_coverage", { plans: plans.length, n: indicators.length })
    + (hl.length ? ` ${highlightName}: ${hl.map((r) => `${coverageShort(r, locale)} ${comparatorPhrase(r.value, r.comparator, locale)}`).join("; ")}.` : "");
  return finish(svg, { summary, id });
}
