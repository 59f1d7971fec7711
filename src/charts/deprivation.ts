/** Deprivation profile: share of each group's households lacking each of the 12 indicators, with the data-quality check drawn on it. */
import * as Plot from "@observablehq/plot";
import { t, type Locale } from "../i18n/catalogue.ts";
import { formatHouseholds, formatNumber, formatPercent } from "../i18n/format.ts";
import type { DeprivationViewRow, Measure } from "../view/view.ts";
import { baseOptions, COLORS, drawKey, finish, FONT_SIZE, keyHeight, measureColor, measureWords, unique, WIDTH, withRefs } from "./common.ts";

/** Options of deprivationChart. */
export interface DeprivationOptions {
  document: Document;
  locale: Locale;
  width?: number;
  /** Id set on the SVG element. */
  id?: string;
}

/** Tooltip text: "1.1 Việc làm, hộ nghèo: 3 hộ; ghi trong kế hoạch 58,8%; tính lại 17,65%". */
export function deprivationTitle(r: DeprivationViewRow, locale: Locale): string {
  const computed = r.computed_pct === null ? "" : `; ${t(locale, "chart_recomputed")} ${formatPercent(r.computed_pct, locale)}`;
  return `${r.code} ${r.label}, ${measureWords(r.group, locale)}: ${formatHouseholds(r.households, locale)}; `
    + `${t(locale, "chart_printed")} ${formatPercent(r.stated_pct, locale)}${computed}`;
}

/** 12 indicators down, share (0–100%) across; a filled dot per group at the printed share, a ring where recomputing disagrees. */
export function deprivationChart(rows: DeprivationViewRow[], { document, locale, width = WIDTH, id }: DeprivationOptions): SVGSVGElement {
  const indicators = unique(rows.map((r) => r.indicator));
  const labelOf = new Map(rows.map((r) => [r.indicator, `${r.code} ${r.label}`.trim()]));
  const groups = (["poor", "near_poor"] as const).filter((g) => rows.some((r) => r.group === g));
  // Both groups share an indicator's row: shift them apart so equal shares (often 0%) stay visible.
  const offset = (g: Measure) => (groups.length > 1 ? (g === groups[0] ? -6 : 6) : 0);
  const off = rows.filter((r) => r.consistent === false && r.computed_pct !== null);

  const key = [
    ...groups.map((g) => ({ label: measureWords(g, locale), color: measureColor(g), swatch: "dot" as const })),
    { label: t(locale, "chart_printed_share"), color: COLORS.ink, swatch: "dot" as const, line: true },
    { label: t(locale, "chart_recomputed_key"), color: COLORS.ink, swatch: "ring" as const },
  ];
  const marginLeft = 170;
  const marginTop = keyHeight(key, width) + 14;
  const marginBottom = 44;
  const step = 60;

  const marks: Plot.Markish[] = [Plot.gridX({ stroke: COLORS.grid, strokeOpacity: 1, ticks: 5 })];
  for (const g of groups) {
    const stated = rows.filter((r) => r.group === g);
    const rings = off.filter((r) => r.group === g);
    const dy = offset(g);
    const title = (r: DeprivationViewRow) => deprivationTitle(r, locale);
    marks.push(
      Plot.link(rings, { x1: "stated_pct", x2: "computed_pct", y1: "indicator", y2: "indicator", dy, stroke: measureColor(g), strokeWidth: 1.2, strokeDasharray: "4,3" }),
      Plot.dot(rings, { x: "computed_pct", y: "indicator", dy, r: 5, fill: "#ffffff", stroke: measureColor(g), strokeWidth: 1.5, title, className: "ppt-recomputed", render: withRefs(rings) }),
      Plot.dot(stated, { x: "stated_pct", y: "indicator", dy, r: 5, fill: measureColor(g), title, className: "ppt-stated", render: withRefs(stated) }),
    );
  }

  const svg = Plot.plot({
    ...baseOptions(document, width),
    height: marginTop + marginBottom + indicators.length * step,
    marginTop, marginBottom, marginLeft, marginRight: 24,
    x: { domain: [0, 100], label: t(locale, "chart_share_axis"), labelAnchor: "center", labelArrow: "none", ticks: 5, tickFormat: (d: number) => formatNumber(d, locale) },
    y: { domain: indicators, label: null, tickSize: 0, padding: 0.5 },
    marks: [
      ...marks,
      // Wrap long indicator names instead of widening the margin; Plot estimates text width from Helvetica, so leave slack for wider fonts.
      Plot.axisY({ tickSize: 0, tickFormat: (d: string) => labelOf.get(d) ?? d, lineWidth: ((marginLeft - 16) / FONT_SIZE) * 0.7, textAnchor: "end" }),
    ],
  }) as SVGSVGElement;
  drawKey(svg, document, key, width);

  const diffs = off.map((r) => `${r.code} ${r.label}, ${measureWords(r.group, locale)}: ${formatPercent(r.stated_pct, locale)} ${t(locale, "chart_against")} ${formatPercent(r.computed_pct!, locale)}`).join("; ");
  const summary = t(locale, "chart_deprivation", { n: indicators.length })
    + (off.length ? t(locale, "chart_deprivation_off", { n: off.length, diffs }) : t(locale, "chart_deprivation_ok"));
  return finish(svg, { summary, id });
}
