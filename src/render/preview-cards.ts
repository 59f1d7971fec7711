/**
 * Link-preview cards (Open Graph / Twitter), one per locality and language (residential groups use their commune's,
 * see og.ts), as 1200×630 SVG from the locality's main chart and headline figures: the site's own card, a province's
 * card (the plans below it) and a locality's. scripts/build-previews.ts turns them into PNGs beside the pages.
 */
import { dumbbellChart } from "../charts/index.ts";
import { drawnAtBuild, localityCharts } from "../view/chart-specs.ts";
import { planCitation } from "../view/cite.ts";
import { previewCard } from "./compose-svg.ts";
import { drawIfMissing, drawnSvg } from "./drawn.ts";
import { formatHouseholds, formatPercent } from "../i18n/format.ts";
import { headlines } from "../view/headline.ts";
import { formatDate, LOCALES, localized, t, tn, type Locale } from "../i18n/paths.ts";
import { ogImagePath, ogLocalityId } from "../view/og.ts";
import { serverDocument } from "./server-dom.ts";
import { loadNational, loadSlice, siteIndex, type SiteData } from "../load/site-data.ts";
import { provinceOf } from "../domain/public-paths.ts";
import { indicatorLabel, localityName, plansFor, rateTargets, type RateTargetRow } from "../view/view.ts";
import { serialize } from "./xml.ts";

/** What the site's card counts, gathered province by province. */
interface Totals {
  plans: number;
  figures: number;
  /** Poverty-rate targets under the 2022–2025 standard. */
  count: number;
  /** Those targets by province, in the provinces' order, while there are few enough to draw (else none). */
  rates: Map<string, RateTargetRow[]>;
}
/** The site's card draws every plan's poverty-rate target while a card can hold them; beyond, figures only. */
const SITE_CARD_ROWS = 12;

/** The site's own card, for pages that are not about one locality. */
function siteCard(totals: Totals, locale: Locale): string {
  const overview = totals.count > SITE_CARD_ROWS ? [] : [...totals.rates.values()].flat();
  return previewCard({
    site: t(locale, "site"),
    title: t(locale, "og_title"),
    subtitle: t(locale, "og_subtitle"),
    figures: [
      { value: String(totals.plans), label: t(locale, "ov_plans") },
      { value: String(totals.figures), label: t(locale, "ov_figures") },
    ],
    chartSvg: overview.length ? serialize(dumbbellChart(overview, { document: serverDocument(), locale })) : undefined,
    footer: t(locale, "tagline"),
  });
}

/** Targets a card names first: the poverty rate, then poor households, then the near-poor ones. */
const KEY_TARGETS = ["poverty_rate", "poor_households", "near_poverty_rate", "near_poor_households"];

/**
 * The card of a locality whose own pages hold no plan (a province): the plans the dataset holds below it, each with
 * its key figure (the poverty-rate target where it sets one) and, at the right, their citations.
 */
function areaCard(data: SiteData, locale: Locale, id: string): string {
  const index = siteIndex(data);
  const loc = index.locality.get(id)!;
  const below = new Set<string>();
  for (let todo = [id]; todo.length;) {
    const next = todo.pop()!;
    for (const c of index.children.get(next) ?? []) if (!below.has(c.id)) (below.add(c.id), todo.push(c.id));
  }
  const plans = data.plans.filter((p) => below.has(p.locality_id));
  const figures = plans.flatMap((p) => {
    const own = headlines(data, p.locality_id, locale).filter((h) => h.plan_id === p.id && h.kind === "target");
    const rank = (x: { indicator: string }) => { const i = KEY_TARGETS.indexOf(x.indicator); return i < 0 ? KEY_TARGETS.length : i; };
    const h = [...own].sort((a, b) => rank(a) - rank(b))[0];
    const where = localityName(index.locality.get(p.locality_id)!, locale, true);
    return h ? [{ value: h.value, label: t(locale, "og_plan_figure", { name: where, what: indicatorLabel(data, h.indicator, locale) }) }] : [];
  });
  return previewCard({
    site: t(locale, "site"),
    title: localityName(loc, locale, true),
    subtitle: plans.length ? tn(locale, "og_province_plans", plans.length) : t(locale, "og_province_none"),
    figures,
    lines: plans.map((p) => planCitation(p, locale)),
    footer: t(locale, "tagline"),
  });
}

/** The card of a locality: its key figures and main chart, or the area card where it holds no plan itself. */
function localityCard(data: SiteData, locale: Locale, id: string): string {
  const index = siteIndex(data);
  const loc = index.locality.get(id)!;
  const plans = plansFor(data, id);
  if (!plans.length) return areaCard(data, locale, id);
  const stat = (ind: string) => index.statisticsByLocality.get(id)?.find((s) => s.indicator === ind);
  const target = rateTargets(data, "poor", id)[0];
  const figures = [
    target ? { value: `${formatPercent(target.baseline, locale, target.baseline_decimals)} → ${formatPercent(target.target, locale, target.target_decimals)}`, // resvg shapes a line holding a glyph from the fallback font (→, Noto Sans Math) without its marks' stacking
      // ("Tỷ lệ hộ" came out "Tỷ lẹ họ"): a line with Vietnamese words keeps to Noto Sans's own glyphs.
      label: `${t(locale, "poverty_rate")}, ${t(locale, "range", { a: formatDate(target.baseline_date, locale), b: formatDate(target.target_date, locale) })}` } : undefined,
    stat("poor_households") ? { value: formatHouseholds(stat("poor_households")!.value, locale), label: `${t(locale, "poor")}, ${formatDate(stat("poor_households")!.date, locale)}` } : undefined,
    stat("total_households") ? { value: formatHouseholds(stat("total_households")!.value, locale), label: t(locale, "total_households_long") } : undefined,
  ].filter((f) => f !== undefined);
  const charts = localityCharts(data, id, locale);
  // Every state the locality's page and embed draw at build time, drawn here into the shared cache
  // (render/drawn.ts): this process runs beside astro on the other core, from the other end of the country
  // (previewCards), so astro finds most of its drawings made.
  for (const c of charts) for (const v of c.variants) if (drawnAtBuild(c, v)) drawIfMissing(locale, v.drawing);
  const main = charts.find((c) => c.id === "gap-chart") ?? charts[0];
  const first = main?.variants.find((v) => v.default);
  // Noto Sans has no ≈: resvg then falls back for that glyph, and a line shaped with a fallback loses the stacked
  // marks of its Vietnamese letters ("hộ" → "họ"). The card's chart says ~ instead, a sign the font has.
  const chartSvg = main && first ? drawnSvg(locale, first.drawing, "file").replaceAll("≈", "~") : undefined;
  return previewCard({
    site: t(locale, "site"),
    title: localityName(loc, locale, true),
    subtitle: localized(loc, "full_name", locale).split(", ").slice(1).join(", "),
    figures,
    chartSvg,
    footer: plans.length ? plans.map((p) => planCitation(p, locale)).join("; ").slice(0, 110) : t(locale, "tagline").slice(0, 110),
  });
}

/** A card to draw: where its PNG goes (a site path) and its SVG. */
export interface PreviewCard {
  path: string;
  svg: () => string;
}

/** What the site's card counts of one province: its figures and its poverty-rate targets under the 2022–2025 standard. */
export interface ProvinceTally {
  figures: number;
  count: number;
}

/** The cards of one province (every card that reads its slice), or the site's own cards (no province). */
export interface PreviewGroup {
  province?: string;
  cards: PreviewCard[];
  /** What the province gives the site's card, counted from its slice (once). */
  tally?: () => ProvinceTally;
}

/**
 * Every card of the site, in both languages, province by province from the last: a card reads only its province's
 * slice (two are kept), so no process holds the country's rows, and astro, which builds from the first province
 * (view/slice-routes.ts), meets this process halfway and finds the drawings of the other half made. Each SVG is
 * composed when asked for; the site's cards come last and count what every province holds, from `known` where the
 * caller kept a province's tally (scripts/build-previews.ts takes the cards of an unchanged province from its cache
 * without reading the slice), else from the slice.
 */
export function previewCards(dir?: string, known: ReadonlyMap<string, ProvinceTally> = new Map()): PreviewGroup[] {
  const national = loadNational(dir);
  const provinces = [...new Set(national.localities.map((l) => provinceOf(l.id)))];
  const tallies = new Map<string, ProvinceTally>();
  const tally = (province: string): ProvinceTally => {
    const hit = tallies.get(province) ?? known.get(province);
    if (hit) return hit;
    const data = loadSlice(province, dir);
    const value = { figures: data.statistics.length + data.targets.length + data.deprivations.length, count: poorTargets(data).length };
    tallies.set(province, value);
    return value;
  };
  // Slice names in reverse sorted order: astro's list is in sorted order (load/route-order.ts).
  const groups: PreviewGroup[] = [...provinces].sort().reverse().map((province) => {
    const ids = national.localities.filter((l) => provinceOf(l.id) === province && ogLocalityId(l) === l.id).map((l) => l.id);
    return {
      province,
      tally: () => tally(province),
      cards: LOCALES.flatMap((locale) => ids.map((id) => ({ path: ogImagePath(locale, id), svg: () => {
        // Counted with the province's cards, while its slice is at hand.
        tally(province);
        return localityCard(loadSlice(province, dir), locale, id);
      } }))),
    };
  });
  const totals = (): Totals => {
    const each = provinces.map(tally);
    const count = each.reduce((n, x) => n + x.count, 0);
    // The rows themselves only when the card can draw them all (a handful of plans): their slices are read again.
    const rates = new Map(count > SITE_CARD_ROWS ? [] : provinces.filter((_, i) => each[i].count > 0).map((p) => [p, poorTargets(loadSlice(p, dir))]));
    return { plans: national.plans.length, figures: each.reduce((n, x) => n + x.figures, 0), count, rates };
  };
  let site: Totals | undefined;
  return [...groups, { cards: LOCALES.map((locale) => ({ path: ogImagePath(locale), svg: () => siteCard((site ??= totals()), locale) })) }];
}

/** The poverty-rate targets under the 2022–2025 standard, which the site's card draws while there are few. */
function poorTargets(data: SiteData): RateTargetRow[] {
  return rateTargets(data, "poor").filter((r) => r.standard === "2022-2025");
}
