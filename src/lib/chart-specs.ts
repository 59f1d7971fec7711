/**
 * Every chart of the site, described once: title, sources, and per state (variant) its summary, data table, the
 * rows it draws (for the CSV download) and how to draw it. Pages, embeds, downloads and preview images all read
 * these specs, so a downloaded file or an embed shows exactly what the page shows.
 */
import { coverageChart, coverageHeatmap, deprivationChart, dumbbellChart, groupBarsChart } from "../charts/index.ts";
import { planCitation, planNumber } from "./cite.ts";
import { mapSpec } from "./map-spec.ts";
import { formatNumber, formatPercent, formatPp, formatTarget, type Locale } from "./format.ts";
import { formatDate, localePath, paths, standardName, t } from "./i18n.ts";
import { hasOwnPage, localityPath } from "./locality-path.ts";
import type { PlanRow } from "./schema.ts";
import { siteIndex, type SiteData } from "./site-data.ts";
import { coverageSummary, deprivationSummary, groupBarsSummary, householdsChange, rateTargetsSummary } from "./summary.ts";
import { LocalityState, OverviewState } from "./url-state.ts";
import {
  coverageTargets, coverageTargetsAround, deprivationProfile, DIMENSION_COVERAGE, groupBars, indicatorLabel, localityIndex, plansFor, rateTargets, type CoverageRow, type GroupBarRow, type Measure, type RateTargetRow,
} from "./view.ts";

/** A table cell: text, or text with a link. */
export type Cell = string | number | { text: string; href?: string; title?: string; code?: boolean };
/** A raw row of a CSV download. */
export type CsvRow = Record<string, string | number | boolean | null>;

/** One state of a chart. */
export interface ChartVariant {
  /** URL-state conditions ("group=poor sort=name"); undefined for single-state charts. */
  when?: string;
  /** The variant shown by default (no query string, or JavaScript off). */
  default: boolean;
  summary: string;
  table: { columns: { label: string; num?: boolean }[]; rows: Cell[][]; /** The plan of each row, where a page filters by plan. */ plans?: string[] };
  /** Exactly the rows the chart draws, with their source. */
  csv: CsvRow[];
  draw: (document: Document) => SVGSVGElement;
  /** What the browser needs to draw the chart again for a subset of plans (the compare page). */
  redraw?: Redraw;
}

/** A chart the browser can draw again from its rows: which chart function, and the rows it drew. */
export type Redraw = { chart: "dumbbell"; rows: RateTargetRow[] } | { chart: "coverage"; rows: CoverageRow[] };

/** A chart: where it lives, what it shows, where its figures come from. */
export interface ChartSpec {
  /** Anchor id on its page, e.g. `groups-chart`. */
  id: string;
  /** Page path without locale prefix. */
  page: string;
  title: string;
  sources: { text: string; href: string; plan: PlanRow }[];
  /** URL-state kind of the chart's controls, if any. */
  state?: "locality" | "overview" | "compare";
  variants: ChartVariant[];
}

/** File-name key of a variant: "group=poor sort=name" → "group-poor.sort-name". */
export function variantKey(v: Pick<ChartVariant, "when">): string {
  return v.when ? v.when.replace(/=/g, "-").replace(/ /g, ".") : "default";
}

/** Base path (without extension) of a chart variant's downloads. */
export function downloadPath(locale: Locale, spec: Pick<ChartSpec, "page" | "id">, v: Pick<ChartVariant, "when">): string {
  const page = spec.page.replace(/^\/|\/$/g, "") || "overview";
  return `/downloads/${locale}/${page}/${spec.id}.${variantKey(v)}`;
}

/** Page key of a chart page path: "/" → "overview", "/compare/" → "compare", a locality's path → its id. */
function pageKey(page: string): string {
  return page.replace(/^\/(localities\/)?|\/$/g, "") || "overview";
}

/**
 * Path of the embed page that holds a chart, without the locale prefix: one page per locality (and one for the
 * overview and one for compare) holds all of that page's charts; the fragment (#chart id) picks the one shown.
 */
export function embedPagePath(spec: Pick<ChartSpec, "page">): string {
  return `/embed/${pageKey(spec.page)}/`;
}

/** Path of a chart's embed page (same URL state as the full page); the chart itself is `#<spec.id>` after the query. */
export function embedPath(locale: Locale, spec: Pick<ChartSpec, "page">): string {
  return localePath(locale, embedPagePath(spec));
}

const withSource = (rows: CsvRow[], plan: PlanRow, locale: Locale): CsvRow[] =>
  rows.map((r) => ({ ...r, plan_id: plan.id, plan_number: planNumber(plan), source: planCitation(plan, locale) }));

/** Charts of a locality page. */
export function localityCharts(data: SiteData, id: string, locale: Locale): ChartSpec[] {
  const locs = localityIndex(data);
  const loc = locs.get(id)!;
  const page = paths.locality(id);
  const plans = plansFor(data, id);
  const ownPlans = plans.filter((p) => p.locality_id === id);
  const planById = siteIndex(data).plan;
  const quoteHref = (planId: string, ref: string) => `${localePath(locale, paths.plan(planId))}#${ref}`;
  const sources = plans.map((p) => ({ text: planCitation(p, locale), href: localePath(locale, paths.plan(p.id)), plan: p }));
  const measures: Measure[] = ["poor", "near_poor"];
  const measureLabel = (m: Measure) => t(locale, m);
  const specs: ChartSpec[] = [];

  // Baseline → target for both rates.
  const gapRows = measures.flatMap((m) => rateTargets(data, m, id));
  if (gapRows.length) {
    specs.push({
      id: "gap-chart", page, sources,
      title: t(locale, "title_gap", { name: loc.name }),
      variants: [{
        default: true,
        summary: gapRows.map((r) => rateTargetsSummary([r], r.measure, locale)).join(" "),
        table: {
          columns: [{ label: t(locale, "group") }, { label: t(locale, "baseline"), num: true }, { label: t(locale, "target"), num: true }, { label: t(locale, "change_pp"), num: true }, { label: t(locale, "change_households"), num: true }, { label: t(locale, "source") }],
          rows: gapRows.map((r) => [measureLabel(r.measure), `${formatPercent(r.baseline, locale, r.baseline_decimals)} (${formatDate(r.baseline_date, locale)})`, `${formatPercent(r.target, locale, r.target_decimals)} (${formatDate(r.target_date, locale)})`, `${formatPp(r.change_pp, locale)}${r.change_pp_computed ? "*" : ""}`, householdsChange(r, locale) ?? "", { text: t(locale, "see_quote"), href: quoteHref(r.plan_id, r.ref) }]),
        },
        csv: gapRows.flatMap((r) => withSource([{
          locality_id: r.locality_id, measure: r.measure, baseline_pct: r.baseline, baseline_date: r.baseline_date, target_pct: r.target, target_date: r.target_date,
          change_pp: r.change_pp, change_households: r.change_households, change_households_low: r.change_households_low, change_households_high: r.change_households_high, ref: r.ref,
        }], planById.get(r.plan_id)!, locale)),
        draw: (document) => dumbbellChart(gapRows, { document, locale }),
      }],
    });
  }

  // Residential groups: one variant per group and sort order.
  const defaults = LocalityState.parse({});
  const sorts = ["name", "baseline", "exit", "target"] as const;
  const seriesLabel = { baseline: t(locale, "series_baseline_2023"), exit: t(locale, "series_exit_2024"), target: t(locale, "series_target_2024") };
  if (ownPlans.length && siteIndex(data).children.has(id)) {
    const plan = ownPlans[0];
    const variants = measures.flatMap((m) => {
      const rows = groupBars(data, id, m);
      if (!rows.length) return [];
      return sorts.map((sort): ChartVariant => {
        const names = [...new Set(rows.map((r) => r.name))];
        const by = (s: GroupBarRow["series"]) => new Map(rows.filter((r) => r.series === s).map((r) => [r.name, r]));
        const series = { baseline: by("baseline"), exit: by("exit"), target: by("target") };
        const ordered = sort === "name" ? names : [...names].sort((x, y) => series[sort].get(y)!.households - series[sort].get(x)!.households);
        const cell = (r: GroupBarRow | undefined): Cell => (r ? { text: `${formatNumber(r.households, locale, 0)}${r.rate !== null ? ` (${formatPercent(r.rate, locale, 2)})` : ""}`, href: quoteHref(plan.id, r.ref) } : "");
        return {
          when: `group=${m} sort=${sort}`,
          default: m === defaults.group && sort === defaults.sort,
          summary: groupBarsSummary(rows, m, locale),
          table: {
            columns: [{ label: t(locale, "locality") }, { label: seriesLabel.baseline, num: true }, { label: seriesLabel.exit, num: true }, { label: seriesLabel.target, num: true }],
            rows: ordered.map((n) => [{ text: n, href: localePath(locale, localityPath(locs.get(series.baseline.get(n)!.locality_id)!)) }, cell(series.baseline.get(n)), cell(series.exit.get(n)), cell(series.target.get(n))]),
          },
          csv: withSource(ordered.flatMap((n) => (["baseline", "exit", "target"] as const).map((s) => {
            const r = series[s].get(n)!;
            return { locality_id: r.locality_id, name: r.name, measure: m, series: s, date: r.date, households: r.households, rate_pct: r.rate, ref: r.ref };
          })), plan, locale),
          draw: (document) => groupBarsChart(rows, { document, locale, sort }),
        };
      });
    });
    if (variants.length) {
      specs.push({
        id: "groups-chart", page, sources, state: "locality", variants,
        title: t(locale, "title_groups", { name: loc.name }),
      });
    }
  }

  // Deprivation profile.
  const depRows = deprivationProfile(data, id, locale);
  if (depRows.length && ownPlans.length) {
    const plan = ownPlans[0];
    specs.push({
      id: "deprivation-chart", page, sources,
      title: t(locale, "title_deprivation", { name: loc.name }),
      variants: [{
        default: true,
        summary: deprivationSummary(depRows, locale),
        table: {
          columns: [{ label: t(locale, "indicator") }, { label: t(locale, "group") }, { label: t(locale, "households_col"), num: true }, { label: t(locale, "stated"), num: true }, { label: t(locale, "computed"), num: true }, { label: t(locale, "source") }],
          rows: depRows.map((r) => [`${r.code} ${r.label}`, measureLabel(r.group), formatNumber(r.households, locale, 0), formatPercent(r.stated_pct, locale), r.computed_pct === null ? "" : `${formatPercent(r.computed_pct, locale, 2)}${r.consistent === false ? " ⚠" : ""}`, { text: t(locale, "see_quote"), href: quoteHref(plan.id, r.ref) }]),
        },
        csv: withSource(depRows.map((r) => ({ indicator: r.indicator, code: r.code, label: r.label, group: r.group, households: r.households, stated_pct: r.stated_pct, computed_pct: r.computed_pct, consistent: r.consistent, ref: r.ref })), plan, locale),
        draw: (document) => deprivationChart(depRows, { document, locale }),
      }],
    });
  }

  // Coverage targets of the six dimensions: this locality's plan against the others.
  // A plan against its neighbours (all plans while there are few): a national site cannot draw every plan per page.
  const covRows = ownPlans.length ? coverageTargetsAround(data, locale, ownPlans[0].id) : [];
  if (ownPlans.length && covRows.some((r) => r.plan_id === ownPlans[0].id)) {
    specs.push({
      id: "coverage-chart", page,
      sources: [...new Set(covRows.map((r) => r.plan_id))].map((pid) => ({ text: planCitation(planById.get(pid)!, locale), href: localePath(locale, paths.plan(pid)), plan: planById.get(pid)! })),
      title: t(locale, "title_coverage", { name: loc.name }),
      variants: [{
        default: true,
        summary: coverageSummary(covRows, locale, loc.name),
        table: {
          columns: [{ label: t(locale, "indicator") }, { label: t(locale, "locality") }, { label: t(locale, "target"), num: true }, { label: t(locale, "source") }],
          rows: covRows.map((r) => [r.label, r.locality_name, formatTarget(r.value, r.comparator, "percent", locale), { text: t(locale, "see_quote"), href: quoteHref(r.plan_id, r.ref) }]),
        },
        csv: covRows.flatMap((r) => withSource([{ indicator: r.indicator, label: r.label, dimension: r.dimension, locality_id: r.locality_id, comparator: r.comparator, target_pct: r.value, ref: r.ref }], planById.get(r.plan_id)!, locale)),
        draw: (document) => coverageChart(covRows, { document, locale, highlight: ownPlans[0].id }),
      }],
    });
  }
  return specs;
}

/** Charts of the overview page: baseline → target per measure and standard (standards are never mixed), and the province map. */
export function overviewCharts(data: SiteData, locale: Locale): ChartSpec[] {
  const defaults = OverviewState.parse({});
  const planById = siteIndex(data).plan;
  const planHref = (id: string) => localePath(locale, paths.plan(id));
  const specs: ChartSpec[] = [];
  for (const measure of ["poor", "near_poor"] as Measure[]) {
    for (const std of ["2022-2025", "2016-2020"] as const) {
      const rows = rateTargets(data, measure).filter((r) => r.standard === std);
      if (!rows.length) continue;
      specs.push({
        id: `rates-${measure}-${std}`, page: paths.home, state: "overview",
        title: t(locale, "title_rates", { rate: t(locale, measure === "poor" ? "poverty_rate" : "near_poverty_rate"), standard: standardName(std, locale) }),
        sources: [...new Set(rows.map((r) => r.plan_id))].map((id) => ({ text: planCitation(planById.get(id)!, locale), href: planHref(id), plan: planById.get(id)! })),
        variants: [{
          when: `measure=${measure}`,
          default: measure === defaults.measure,
          summary: rateTargetsSummary(rows, measure, locale),
          table: {
            columns: [{ label: t(locale, "locality") }, { label: t(locale, "baseline"), num: true }, { label: t(locale, "target"), num: true }, { label: t(locale, "change_pp"), num: true }, { label: t(locale, "change_households"), num: true }, { label: t(locale, "source") }],
            rows: rows.map((r) => [{ text: r.locality_name, href: localePath(locale, paths.locality(r.locality_id)) }, `${formatPercent(r.baseline, locale, r.baseline_decimals)} (${formatDate(r.baseline_date, locale)})`, `${formatPercent(r.target, locale, r.target_decimals)} (${formatDate(r.target_date, locale)})`, `${formatPp(r.change_pp, locale)}${r.change_pp_computed ? "*" : ""}`, householdsChange(r, locale) ?? "", { text: t(locale, "see_quote"), href: `${planHref(r.plan_id)}#${r.ref}` }]),
          },
          csv: rows.flatMap((r) => withSource([{ locality_id: r.locality_id, locality_name: r.locality_name, standard: r.standard, measure, baseline_pct: r.baseline, baseline_date: r.baseline_date, target_pct: r.target, target_date: r.target_date, change_pp: r.change_pp, change_households: r.change_households, ref: r.ref }], planById.get(r.plan_id)!, locale)),
          draw: (document) => dumbbellChart(rows, { document, locale }),
        }],
      });
    }
  }
  specs.push(mapSpec(data, locale));
  return specs;
}

/** Indicators the compare page offers: the two rates, then the coverage targets some plan sets. */
export function compareIndicators(data: SiteData, locale: Locale): [string, ...string[]] {
  const cov = coverageTargets(data, locale);
  return ["poverty_rate", "near_poverty_rate", ...DIMENSION_COVERAGE.filter((i) => cov.some((r) => r.indicator === i))];
}

/** Charts of the compare page: per indicator (and standard, for rates), plus the localities × indicators matrix. */
export function compareCharts(data: SiteData, locale: Locale): ChartSpec[] {
  const planById = siteIndex(data).plan;
  const sourcesOf = (ids: string[]) => [...new Set(ids)].map((id) => ({ text: planCitation(planById.get(id)!, locale), href: localePath(locale, paths.plan(id)), plan: planById.get(id)! }));
  const cov = coverageTargets(data, locale);
  const defaultIndicator = compareIndicators(data, locale)[0];
  const specs: ChartSpec[] = [];
  const cols = [{ label: t(locale, "locality") }, { label: t(locale, "baseline"), num: true }, { label: t(locale, "target"), num: true }, { label: t(locale, "change_pp"), num: true }];
  for (const ind of compareIndicators(data, locale)) {
    if (ind === "poverty_rate" || ind === "near_poverty_rate") {
      const m: Measure = ind === "poverty_rate" ? "poor" : "near_poor";
      for (const std of ["2022-2025", "2016-2020"] as const) {
        const rows = rateTargets(data, m).filter((r) => r.standard === std);
        if (!rows.length) continue;
        specs.push({
          id: `compare-${ind}-${std}`, page: paths.compare, sources: sourcesOf(rows.map((r) => r.plan_id)),
          title: `${indicatorLabel(data, ind, locale)}, ${standardName(std, locale)}`,
          variants: [{
            when: `indicator=${ind}`, default: ind === defaultIndicator, summary: rateTargetsSummary(rows, m, locale),
            table: { columns: cols, rows: rows.map((r) => [r.locality_name, formatPercent(r.baseline, locale, r.baseline_decimals), formatPercent(r.target, locale, r.target_decimals), formatPp(r.change_pp, locale)]), plans: rows.map((r) => r.plan_id) },
            csv: rows.flatMap((r) => withSource([{ locality_id: r.locality_id, indicator: ind, standard: std, baseline_pct: r.baseline, target_pct: r.target, change_pp: r.change_pp, ref: r.ref }], planById.get(r.plan_id)!, locale)),
            draw: (document) => dumbbellChart(rows, { document, locale }),
            redraw: { chart: "dumbbell", rows },
          }],
        });
      }
      continue;
    }
    const rows = cov.filter((r) => r.indicator === ind);
    specs.push({
      id: `compare-${ind}`, page: paths.compare, sources: sourcesOf(rows.map((r) => r.plan_id)),
      title: `${indicatorLabel(data, ind, locale)} (%)`,
      variants: [{
        when: `indicator=${ind}`, default: ind === defaultIndicator, summary: coverageSummary(rows, locale),
        table: { columns: [{ label: t(locale, "locality") }, { label: t(locale, "target"), num: true }], rows: rows.map((r) => [r.locality_name, formatTarget(r.value, r.comparator, "percent", locale)]), plans: rows.map((r) => r.plan_id) },
        csv: rows.flatMap((r) => withSource([{ locality_id: r.locality_id, indicator: ind, comparator: r.comparator, target_pct: r.value, ref: r.ref }], planById.get(r.plan_id)!, locale)),
        draw: (document) => coverageChart(rows, { document, locale }),
        redraw: { chart: "coverage", rows },
      }],
    });
  }
  specs.push({
    id: "matrix-chart", page: paths.compare, sources: sourcesOf(cov.map((r) => r.plan_id)),
    title: t(locale, "title_matrix"),
    variants: [{
      default: true, summary: coverageSummary(cov, locale),
      table: { columns: [{ label: t(locale, "locality") }, { label: t(locale, "indicator") }, { label: t(locale, "target"), num: true }], rows: cov.map((r) => [r.locality_name, r.label, formatPercent(r.value, locale)]) },
      csv: cov.flatMap((r) => withSource([{ locality_id: r.locality_id, indicator: r.indicator, comparator: r.comparator, target_pct: r.value, ref: r.ref }], planById.get(r.plan_id)!, locale)),
      draw: (document) => coverageHeatmap(cov, { document, locale }),
    }],
  });
  return specs;
}

/** The charts of one page: `page` is "overview", "compare" or a locality id. */
export function pageCharts(data: SiteData, locale: Locale, page: string): ChartSpec[] {
  return page === "overview" ? overviewCharts(data, locale) : page === "compare" ? compareCharts(data, locale) : localityCharts(data, page, locale);
}

let recent: { data: SiteData; key: string; specs: ChartSpec[] } | undefined;

/**
 * pageCharts, remembering the last page asked for. Embeds and downloads are built route after route in the order
 * of chartRoutes, so one page's charts serve all its routes; a national build cannot hold every page's charts
 * (tables, CSV rows and drawing closures) in memory at once.
 */
export function chartsOf(data: SiteData, locale: Locale, page: string): ChartSpec[] {
  const key = `${locale}|${page}`;
  if (recent?.data !== data || recent.key !== key) recent = { data, key, specs: pageCharts(data, locale, page) };
  return recent.specs;
}

/** A chart's route keys: small enough for a national build to keep one per chart. */
export interface ChartRoute {
  page: string;
  chart: string;
  variants: { key: string; download: string }[];
}

/** Pages that hold charts: the overview, compare, then every locality with a page of its own (groups have none). */
function chartPages(data: SiteData): string[] {
  return ["overview", "compare", ...data.localities.filter(hasOwnPage).map((l) => l.id)];
}

/** Every chart of the site in a locale (for downloads), as keys; chartsOf gives back the spec. */
export function chartRoutes(data: SiteData, locale: Locale): ChartRoute[] {
  return chartPages(data).flatMap((page) =>
    pageCharts(data, locale, page).map((spec) => ({
      page, chart: spec.id,
      variants: spec.variants.map((v) => ({ key: variantKey(v), download: downloadPath(locale, spec, v) })),
    })),
  );
}

/** The embed routes of a locale: one per page that has charts, by page key ("overview", "compare", locality id). */
export function embedRoutes(data: SiteData, locale: Locale): { page: string; path: string }[] {
  return chartPages(data).flatMap((page) => {
    const specs = pageCharts(data, locale, page);
    return specs.length ? [{ page, path: embedPagePath(specs[0]) }] : [];
  });
}

/** The spec a route's keys (page, chart) name. */
export function chartOf(data: SiteData, locale: Locale, page: string, chart: string): ChartSpec {
  const spec = chartsOf(data, locale, page).find((s) => s.id === chart);
  if (!spec) throw new Error(`no chart ${chart} on page ${page}`);
  return spec;
}
