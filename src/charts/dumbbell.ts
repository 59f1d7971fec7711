/** Baseline → target rate of each locality as a dumbbell: grey dot at the baseline, coloured dot at the target. */
import * as Plot from "@observablehq/plot";
import { t, tn, type Locale } from "../i18n/catalogue.ts";
import { formatHouseholds, formatNumber, formatPercent, formatPp } from "../i18n/format.ts";
import { formatDate } from "../i18n/paths.ts";
import type { Measure, RateTargetRow } from "../view/view.ts";
import { baseOptions, COLORS, drawKey, finish, FONT_SIZE, keyHeight, marginFor, measureColor, measureWords, unique, WIDTH, withRefs } from "./common.ts";

/** Options of dumbbellChart. */
export interface DumbbellOptions {
  document: Document;
  locale: Locale;
  width?: number;
  /** Id set on the SVG element. */
  id?: string;
}

/** The households part of a change: "−4 hộ", or "≈ −64 hộ" when only a range is known; "" when unknown. */
export function householdsChange(r: RateTargetRow, locale: Locale, withRange = false): string {
  if (r.change_households !== null) return `${r.change_households > 0 ? "+" : ""}${formatHouseholds(r.change_households, locale)}`;
  if (r.change_households_low === null || r.change_households_high === null) return "";
  const mid = Math.round((r.change_households_low + r.change_households_high) / 2);
  const approx = `≈ ${mid > 0 ? "+" : ""}${formatHouseholds(mid, locale)}`;
  if (!withRange) return approx;
  // Households are whole: the range rests on an implied total, so its ends are rounded like its middle.
  const [a, b] = [formatNumber(Math.round(r.change_households_low), locale, 0), formatNumber(Math.round(r.change_households_high), locale, 0)];
  return `${approx} (${t(locale, "range", { a, b })})`;
}

/** Tooltip text with the exact figures: "Quảng Minh, hộ nghèo: 0,57% (31/12/2023) → 0,43% (31/12/2024), −0,14 điểm %, −4 hộ". */
export function dumbbellTitle(r: RateTargetRow, locale: Locale): string {
  const hh = householdsChange(r, locale, true);
  return `${r.locality_name}, ${measureWords(r.measure, locale)}: ${formatPercent(r.baseline, locale, r.baseline_decimals)} (${formatDate(r.baseline_date, locale)}) → `
    + `${formatPercent(r.target, locale, r.target_decimals)} (${formatDate(r.target_date, locale)}), ${formatPp(r.change_pp, locale)}${hh ? `, ${hh}` : ""}`;
}

/** One row per locality: baseline dot, target dot coloured by measure, the change in pp (and households) at the right. */
export function dumbbellChart(rows: RateTargetRow[], { document, locale, width = WIDTH, id }: DumbbellOptions): SVGSVGElement {
  const names = unique(rows.map((r) => r.locality_name));
  const measures = (["poor", "near_poor"] as const).filter((m) => rows.some((r) => r.measure === m));
  // When two measures share a locality's row, shift them apart so their dots and labels never overlap.
  // Rows grouped by name once: filtering all rows for each name grows with localities² on a national overview.
  const shared = [...Map.groupBy(rows, (r) => r.locality_name).values()].some((own) => new Set(own.map((r) => r.measure)).size > 1);
  // The change label takes two lines (points, then households): shared rows keep the two labels apart.
  const offset = (m: Measure) => (shared ? (m === measures[0] ? -20 : 20) : 0);
  const step = shared ? 84 : 48;
  // A loop, not Math.max(...spread): a national row count would overflow the call stack's argument limit.

  const key = [
    { label: t(locale, "chart_baseline"), color: COLORS.baseline, swatch: "dot" as const },
    ...measures.map((m) => ({
      label: t(locale, "chart_target_of", { who: measureWords(m, locale) }),
      color: measureColor(m), swatch: "dot" as const,
    })),
  ];
  const changeLabel = (r: RateTargetRow) => {
    const hh = householdsChange(r, locale);
    return `${formatPp(r.change_pp, locale)}${hh ? `\n${hh}` : ""}`;
  };
  // A phone shows about 50 characters across the chart: names wrap in the left margin, change labels take two lines.
  const marginLeft = marginFor(names, 60, 150);
  const marginRight = marginFor(rows.flatMap((r) => changeLabel(r).split("\n")), 60, 150);
  const marginTop = keyHeight(key, width, 0) + 16;
  // Room right of the largest value for its label ("1,47"), so it never runs into the change label.
  const xMax = (rows.reduce((m, r) => Math.max(m, r.baseline, r.target), 0) || 1) / (1 - 60 / Math.max(120, width - marginLeft - marginRight));
  const marginBottom = 44;

  const title = (r: RateTargetRow) => dumbbellTitle(r, locale);

  const marks: Plot.Markish[] = [Plot.gridX({ stroke: COLORS.grid, strokeOpacity: 1, ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 70)) })];
  for (const m of measures) {
    const data = rows.filter((r) => r.measure === m);
    const dy = offset(m);
    const lo = (r: RateTargetRow) => Math.min(r.baseline, r.target);
    const hi = (r: RateTargetRow) => Math.max(r.baseline, r.target);
    marks.push(
      Plot.link(data, { x1: "baseline", x2: "target", y1: "locality_name", y2: "locality_name", dy, stroke: measureColor(m), strokeWidth: 2.5, strokeOpacity: 0.6 }),
      Plot.dot(data, { x: "baseline", y: "locality_name", dy, r: 5, fill: COLORS.baseline, title, className: "ppt-baseline", render: withRefs(data) }),
      Plot.dot(data, { x: "target", y: "locality_name", dy, r: 6, fill: measureColor(m), title, className: "ppt-target", render: withRefs(data) }),
      // Values just outside each end of the dumbbell, so the chart reads without a pointer.
      Plot.text(data, { x: lo, y: "locality_name", dy, dx: -10, textAnchor: "end", text: (r) => formatNumber(lo(r), locale, r.baseline <= r.target ? r.baseline_decimals : r.target_decimals), fontSize: FONT_SIZE }),
      Plot.text(data, { x: hi, y: "locality_name", dy, dx: 10, textAnchor: "start", text: (r) => formatNumber(hi(r), locale, r.baseline > r.target ? r.baseline_decimals : r.target_decimals), fontSize: FONT_SIZE }),
      Plot.text(data, {
        x: () => xMax, y: "locality_name", dy, dx: 12, textAnchor: "start", text: changeLabel, fill: measureColor(m), title,
        className: "ppt-change", render: withRefs(data),
      }),
    );
  }

  const svg = Plot.plot({
    ...baseOptions(document, width),
    height: marginTop + marginBottom + names.length * step,
    marginTop, marginBottom, marginLeft, marginRight,
    x: { domain: [0, xMax], label: t(locale, "chart_rate_axis"), labelAnchor: "center", labelArrow: "none", tickFormat: (d: number) => formatNumber(d, locale), ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 70)) },
    y: { domain: names, label: null, axis: null, padding: 0.5 },
    marks: [...marks, Plot.axisY({ tickSize: 0, lineWidth: (marginLeft - 16) / FONT_SIZE, textAnchor: "end" })],
  }) as SVGSVGElement;
  drawKey(svg, document, key, width);

  const list = rows.length ? ` ${rows.map((r) => dumbbellTitle(r, locale)).join("; ")}.` : "";
  const summary = `${tn(locale, "chart_dumbbell", names.length)}${list}`;
  return finish(svg, { summary, id });
}
