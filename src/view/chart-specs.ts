/**
 * Every chart of the site, described once: title, sources, and per state (variant) its summary, data table, the
 * rows it draws (for the CSV download) and how to draw it. Pages, embeds and preview images read these specs; the
 * browser makes the downloads from what the page inlines of them, so a file or an embed shows what the page shows.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ChartDrawing, Drawing } from "./drawing.ts";
import { planCitation, planNumber } from "./cite.ts";
import { mapSpec } from "./map-spec.ts";
import { formatNumber, formatPercent, formatPp, formatTarget, type Locale } from "../i18n/format.ts";
import { formatDate, localePath, paths, standardName, t } from "../i18n/paths.ts";
import { hasOwnPage, localityPath } from "./locality-path.ts";
import type { PlanRow } from "../domain/schema.ts";
import { loadUnits, siteIndex, type SiteData } from "../load/site-data.ts";
import { pageCacheKey, pageData, pageSliceKey } from "../load/page-data.ts";
import { kept } from "../load/kept.ts";
import { inSliceOrder } from "../load/route-order.ts";
import { comparePath, frame } from "./units-view.ts";
import { coverageSummary, deprivationSummary, groupBarsSummary, householdsChange, rateTargetsSummary } from "./summary.ts";
import { compareDefaultPlans, LocalityState } from "./url-state.ts";
import {
  changeOnlyTargets, coverageTargets, coverageTargetsAround, deprivationProfile, DIMENSION_COVERAGE, groupBars, indicatorLabel, localityIndex, plansFor, rateTargets, type CoverageRow, type GroupBarRow, type Measure, type RateTargetRow,
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
  /** What the state is drawn from: the build draws it (render/drawn.ts) when drawnAtBuild says so. */
  drawing: ChartDrawing;
  /**
   * The chart as data, for the browser: every state not drawn at build time has one (the page inlines it and draws
   * it on demand), and a chart's only state has one where the page draws it again for another pick of plans (compare).
   */
  redraw?: Redraw;
}

/** A chart the browser can draw from its rows: which chart function of src/charts, its rows and options. */
export type Redraw = Drawing;

/**
 * Whether the build draws this state into the page: the default state, or a chart's only state. Any other state is
 * drawn in the browser when the URL or a control asks for it, from its `redraw`.
 */
export function drawnAtBuild(spec: Pick<ChartSpec, "variants">, v: ChartVariant): boolean {
  return v.default || spec.variants.length === 1;
}

/** A variant the browser may draw too: the build's drawing and the browser's are one description. */
function described(d: Redraw): Pick<ChartVariant, "drawing" | "redraw"> {
  return { drawing: d, redraw: d };
}

/** A chart: where it lives, what it shows, where its figures come from. */
export interface ChartSpec {
  /** Anchor id on its page, e.g. `groups-chart`. */
  id: string;
  /** Page path without locale prefix. */
  page: string;
  title: string;
  sources: { text: string; href: string; plan: PlanRow }[];
  /**
   * Plans the chart draws from beyond those in `sources`: a national chart names the first few and links to where
   * the rest are listed, so that its page does not grow with the country's plans.
   */
  moreSources?: { n: number; href: string };
  /** URL-state kind of the chart's controls, if any. */
  state?: "locality" | "overview" | "compare";
  variants: ChartVariant[];
}

/** File-name key of a variant: "group=poor sort=name" → "group-poor.sort-name". */
export function variantKey(v: Pick<ChartVariant, "when">): string {
  return v.when ? v.when.replace(/=/g, "-").replace(/ /g, ".") : "default";
}

/** Page key of a chart page path: "/" → "overview", a locality's path → its id, a province compare page's path → itself without slashes (only the embed's URL is made from it). */
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
        drawing: { chart: "dumbbell", rows: gapRows },
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
          ...described({ chart: "group-bars", rows, sort }),
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
        drawing: { chart: "deprivation", rows: depRows },
      }],
    });
  }

  // Coverage targets of the six dimensions: this locality's plan against its neighbours in its province (the page
  // reads only its province's slice: a national site cannot draw every plan per page). Alone when none has any.
  const covRows = ownPlans.length ? coverageTargetsAround(data, locale, ownPlans[0].id) : [];
  const covAlone = new Set(covRows.map((r) => r.plan_id)).size === 1;
  if (ownPlans.length && covRows.some((r) => r.plan_id === ownPlans[0].id)) {
    specs.push({
      id: "coverage-chart", page,
      sources: [...new Set(covRows.map((r) => r.plan_id))].map((pid) => ({ text: planCitation(planById.get(pid)!, locale), href: localePath(locale, paths.plan(pid)), plan: planById.get(pid)! })),
      title: t(locale, covAlone ? "title_coverage_own" : "title_coverage", { name: loc.name }),
      variants: [{
        default: true,
        summary: coverageSummary(covRows, locale, loc.name),
        table: {
          columns: [{ label: t(locale, "indicator") }, { label: t(locale, "locality") }, { label: t(locale, "target"), num: true }, { label: t(locale, "source") }],
          rows: covRows.map((r) => [r.label, r.locality_name, formatTarget(r.value, r.comparator, "percent", locale), { text: t(locale, "see_quote"), href: quoteHref(r.plan_id, r.ref) }]),
        },
        csv: covRows.flatMap((r) => withSource([{ indicator: r.indicator, label: r.label, dimension: r.dimension, locality_id: r.locality_id, comparator: r.comparator, target_pct: r.value, ref: r.ref }], planById.get(r.plan_id)!, locale)),
        drawing: { chart: "coverage", rows: covRows, highlight: ownPlans[0].id },
      }],
    });
  }
  return specs;
}

/**
 * Charts of the overview page: the province map only. Charts of every plan grow with the country; the plans' own
 * charts are one click away from the province rows (units-view provinceRows).
 */
export function overviewCharts(data: SiteData, locale: Locale): ChartSpec[] {
  return [mapSpec(data, locale)];
}

/** Indicators a compare page offers for these plans: the two rates, then the coverage targets one of them sets. */
export function compareIndicators(data: SiteData, locale: Locale, planIds: readonly string[]): [string, ...string[]] {
  const picked = new Set(planIds);
  const cov = coverageTargets(data, locale).filter((r) => picked.has(r.plan_id));
  // A rate is offered where one of the plans states it, as a level or as a change only (an empty view otherwise).
  const states = (m: Measure) => rateTargets(data, m).some((r) => picked.has(r.plan_id)) || changeOnlyTargets(data, m).some((r) => picked.has(r.plan_id));
  const rates = (["poor", "near_poor"] as const).filter(states).map((m) => (m === "poor" ? "poverty_rate" : "near_poverty_rate"));
  const all = [...rates, ...DIMENSION_COVERAGE.filter((i) => cov.some((r) => r.indicator === i))];
  return all.length ? (all as [string, ...string[]]) : ["poverty_rate"];
}

/**
 * Charts of a province's compare page (`page`, its path): per indicator (and standard, for rates) for the plans now
 * within the province, plus the localities × indicators matrix. The national compare page draws none: it is one row
 * per province.
 */
export function compareCharts(data: SiteData, locale: Locale, page: string, planIds: readonly string[]): ChartSpec[] {
  const planById = siteIndex(data).plan;
  const picked = new Set(planIds);
  const sourcesOf = (ids: string[]) => [...new Set(ids)].map((id) => ({ text: planCitation(planById.get(id)!, locale), href: localePath(locale, paths.plan(id)), plan: planById.get(id)! }));
  const cov = coverageTargets(data, locale).filter((r) => picked.has(r.plan_id));
  const indicators = compareIndicators(data, locale, planIds);
  const defaultIndicator = indicators[0];
  const specs: ChartSpec[] = [];
  const cols = [{ label: t(locale, "locality") }, { label: t(locale, "baseline"), num: true }, { label: t(locale, "target"), num: true }, { label: t(locale, "change_pp"), num: true }];
  for (const ind of indicators) {
    if (ind === "poverty_rate" || ind === "near_poverty_rate") {
      const m: Measure = ind === "poverty_rate" ? "poor" : "near_poor";
      for (const std of ["2022-2025", "2016-2020"] as const) {
        const rows = rateTargets(data, m).filter((r) => r.standard === std && picked.has(r.plan_id));
        if (!rows.length) continue;
        specs.push({
          id: `compare-${ind}-${std}`, page, sources: sourcesOf(rows.map((r) => r.plan_id)),
          title: `${indicatorLabel(data, ind, locale)}, ${standardName(std, locale)}`,
          variants: [{
            when: `indicator=${ind}`, default: ind === defaultIndicator, summary: rateTargetsSummary(rows, m, locale),
            table: { columns: cols, rows: rows.map((r) => [r.locality_name, formatPercent(r.baseline, locale, r.baseline_decimals), formatPercent(r.target, locale, r.target_decimals), formatPp(r.change_pp, locale)]), plans: rows.map((r) => r.plan_id) },
            csv: rows.flatMap((r) => withSource([{ locality_id: r.locality_id, indicator: ind, standard: std, baseline_pct: r.baseline, target_pct: r.target, change_pp: r.change_pp, ref: r.ref }], planById.get(r.plan_id)!, locale)),
            ...described({ chart: "dumbbell", rows }),
          }],
        });
      }
      continue;
    }
    const rows = cov.filter((r) => r.indicator === ind);
    specs.push({
      id: `compare-${ind}`, page, sources: sourcesOf(rows.map((r) => r.plan_id)),
      title: `${indicatorLabel(data, ind, locale)} (%)`,
      variants: [{
        when: `indicator=${ind}`, default: ind === defaultIndicator, summary: coverageSummary(rows, locale),
        table: { columns: [{ label: t(locale, "locality") }, { label: t(locale, "target"), num: true }], rows: rows.map((r) => [r.locality_name, formatTarget(r.value, r.comparator, "percent", locale)]), plans: rows.map((r) => r.plan_id) },
        csv: rows.flatMap((r) => withSource([{ locality_id: r.locality_id, indicator: ind, comparator: r.comparator, target_pct: r.value, ref: r.ref }], planById.get(r.plan_id)!, locale)),
        ...described({ chart: "coverage", rows }),
      }],
    });
  }
  if (cov.length) {
    specs.push({
      id: "matrix-chart", page, sources: sourcesOf(cov.map((r) => r.plan_id)),
      title: t(locale, "title_matrix"),
      variants: [{
        default: true, summary: coverageSummary(cov, locale),
        table: { columns: [{ label: t(locale, "locality") }, { label: t(locale, "indicator") }, { label: t(locale, "target"), num: true }], rows: cov.map((r) => [r.locality_name, r.label, formatPercent(r.value, locale)]) },
        csv: cov.flatMap((r) => withSource([{ locality_id: r.locality_id, indicator: r.indicator, comparator: r.comparator, target_pct: r.value, ref: r.ref }], planById.get(r.plan_id)!, locale)),
        drawing: { chart: "heatmap", rows: cov },
      }],
    });
  }
  return specs;
}

/** Page key of a province's compare page, for pageCharts and the chart routes. */
export const comparePageKey = (provinceCode: string) => `compare/${provinceCode}`;

/** The page keys of the province compare pages that have plans (the others draw no chart). */
export function comparePageKeys(data: SiteData): string[] {
  const f = frame(loadUnits(), data);
  return f.provinces.filter((p) => (f.reach.get(p.code)?.direct.length ?? 0) > 0).map((p) => comparePageKey(p.code));
}

/** The charts of one page: `page` is "overview", "compare/<province code>" or a locality id. */
export function pageCharts(data: SiteData, locale: Locale, page: string): ChartSpec[] {
  if (page === "overview") return overviewCharts(data, locale);
  if (page.startsWith("compare/")) {
    const f = frame(loadUnits(), data);
    const code = page.slice("compare/".length);
    return compareCharts(data, locale, comparePath(f.path.get(code)!), compareDefaultPlans((f.reach.get(code)?.direct ?? []).map((p) => p.id)));
  }
  return localityCharts(data, page, locale);
}

let recent: { data: SiteData; key: string; specs: ChartSpec[] } | undefined;

/**
 * pageCharts, remembering the last page asked for. Embeds are built route after route in the order
 * of chartRoutes, so one page's charts serve all its routes; a national build cannot hold every page's charts
 * (tables, CSV rows and drawing closures) in memory at once.
 */
export function chartsOf(data: SiteData, locale: Locale, page: string): ChartSpec[] {
  const key = `${locale}|${page}`;
  if (recent?.data !== data || recent.key !== key) recent = { data, key, specs: pageCharts(data, locale, page) };
  return recent.specs;
}

/**
 * Whether localityCharts(data, id) holds a chart, without making one: the same conditions, cheapest first, so the
 * embed routes of a country are listed without building every page's tables (test/site/drawn.test.ts checks the two agree).
 */
export function hasLocalityCharts(data: SiteData, id: string): boolean {
  const measures: Measure[] = ["poor", "near_poor"];
  if (measures.some((m) => rateTargets(data, m, id).length > 0)) return true;
  const own = plansFor(data, id).filter((p) => p.locality_id === id);
  if (!own.length) return false;
  const index = siteIndex(data);
  if (index.children.has(id) && measures.some((m) => groupBars(data, id, m).length > 0)) return true;
  if ((index.deprivationsByLocality.get(id)?.length ?? 0) > 0) return true;
  return coverageTargetsAround(data, "vi", own[0].id).some((r) => r.plan_id === own[0].id);
}

/**
 * Pages that hold charts: the overview, the province compare pages and every locality with a page of its own (groups
 * have none), in the order of the slices they read.
 */
function chartPages(data: SiteData): string[] {
  return inSliceOrder(["overview", ...comparePageKeys(data), ...data.localities.filter(hasOwnPage).map((l) => l.id)], pageSliceKey);
}

let chartPageList: { lists: SiteData; pages: { page: string; path: string }[] } | undefined;

const ChartPages = z.array(z.object({ page: z.string(), path: z.string() }));

/**
 * The pages that have charts, each with its embed's path (without the locale prefix: the same pages in every
 * language), by page key ("overview", "compare/<code>", locality id). Made once per national lists: each page's
 * charts are looked for in the data it reads (a locality: its province's slice), as its page will. Worked out slice
 * by slice, and kept for the next build under the digest of the slice and the list of its pages (load/kept.ts): a
 * national build read every slice here before its first page, a warm one only the slices that changed.
 */
export function chartPagePaths(data: SiteData): { page: string; path: string }[] {
  if (chartPageList?.lists === data) return chartPageList.pages;
  const bySlice = new Map<string, string[]>();
  for (const page of chartPages(data)) {
    const key = pageCacheKey(page);
    bySlice.get(key)?.push(page) ?? bySlice.set(key, [page]);
  }
  const store = kept("chart-pages", ChartPages);
  const pages = [...bySlice].flatMap(([key, list]) => store.get(createHash("sha256").update(key).update("\0").update(list.join("\0")).digest("hex"), () => list.flatMap((page) => {
    if (page === "overview" || page.startsWith("compare/")) {
      const specs = pageCharts(pageData(page), "vi", page);
      return specs.length ? [{ page, path: embedPagePath(specs[0]) }] : [];
    }
    return hasLocalityCharts(pageData(page), page) ? [{ page, path: embedPagePath({ page: paths.locality(page) }) }] : [];
  })));
  store.save();
  chartPageList = { lists: data, pages };
  return pages;
}

/** The spec a route's keys (page, chart) name. */
export function chartOf(data: SiteData, locale: Locale, page: string, chart: string): ChartSpec {
  const spec = chartsOf(data, locale, page).find((s) => s.id === chart);
  if (!spec) throw new Error(`no chart ${chart} on page ${page}`);
  return spec;
}
