/**
 * One small file per plan and language with what a province's compare page shows of that plan: its rows in each
 * compare chart (drawn, tabled, downloaded), its sources and its change-only targets. The page inlines only its
 * default pick (url-state.ts compareDefaultPlans); another pick fetches these, so a page stays the same size however
 * many plans its province has. Made by the same compareCharts as the page's own charts, so the two cannot differ.
 */
import { compareCharts, type Cell, type CsvRow } from "./chart-specs.ts";
import { planCitation } from "./cite.ts";
import type { Locale } from "./format.ts";
import { localePath, paths, standardName, t } from "./i18n.ts";
import { loadSiteData, loadUnits } from "./site-data.ts";
import { changeOnlySentence } from "./summary.ts";
import { comparePath, frame } from "./units-view.ts";
import { changeOnlyTargets, localityIndex, type ChangeOnlyRow } from "./view.ts";
import type { Drawing } from "./drawing.ts";

/** Public path of a plan's compare rows (without the locale prefix). */
export const compareRowsPath = (planId: string) => `/compare-rows/${planId}.json`;

export interface CompareChartRows {
  /** Rows the chart draws (its Drawing's rows), CSV rows and table rows, this plan's only. */
  rows: Drawing["rows"];
  csv: CsvRow[];
  table: Cell[][];
  source?: { text: string; href: string };
}

export interface CompareRows {
  plan: string;
  /** The locality's name and the plan's citation, as the page lists its sources under each indicator. */
  name: string;
  citation: string;
  href: string;
  /** Chart id → this plan's part of it. */
  charts: Record<string, CompareChartRows>;
  /** Indicator → sentences of the targets it gives only as a change, each with the link to its quote. */
  changes: Record<string, { text: string; href: string; link: string }[]>;
}

/** Routes: one per plan within a province (where a plan's locality now lies). */
export function compareRowsRoutes() {
  const f = frame(loadUnits(), loadSiteData());
  return f.provinces.flatMap((p) => (f.reach.get(p.code)?.direct ?? []).map((plan) => ({ params: { plan: plan.id }, props: { code: p.code, plan: plan.id } })));
}

// Routes come province after province: one province's charts (all its plans) and change-only targets serve all its
// plans' files (a scan of every target per file would cost a national build minutes).
let recent: { key: string; specs: ReturnType<typeof compareCharts>; changes: Map<string, [string, ChangeOnlyRow][]> } | undefined;

export function compareRows(locale: Locale, code: string, planId: string): CompareRows {
  const data = loadSiteData();
  const f = frame(loadUnits(), data);
  const plans = f.reach.get(code)?.direct ?? [];
  const key = `${locale}|${code}`;
  if (recent?.key !== key) {
    const ids = new Set(plans.map((p) => p.id));
    const changes = new Map<string, [string, ChangeOnlyRow][]>();
    for (const [ind, m] of [["poverty_rate", "poor"], ["near_poverty_rate", "near_poor"]] as const) {
      for (const c of changeOnlyTargets(data, m)) if (ids.has(c.plan_id)) changes.set(c.plan_id, [...(changes.get(c.plan_id) ?? []), [ind, c]]);
    }
    recent = { key, specs: compareCharts(data, locale, comparePath(f.path.get(code)!), [...ids]), changes };
  }
  const plan = plans.find((p) => p.id === planId)!;
  const charts: Record<string, CompareChartRows> = {};
  for (const spec of recent.specs) {
    const v = spec.variants[0];
    if (!v.redraw) continue; // the matrix is a table on the page; its plan's row is on the plan's page
    const rows = (v.redraw.rows as { plan_id: string }[]).filter((r) => r.plan_id === planId);
    if (!rows.length) continue;
    const tablePlans = v.table.plans ?? [];
    const source = spec.sources.find((s) => s.plan.id === planId);
    charts[spec.id] = {
      rows: rows as Drawing["rows"],
      csv: v.csv.filter((r) => r.plan_id === planId),
      table: v.table.rows.filter((_, i) => tablePlans[i] === planId),
      source: source && { text: source.text, href: source.href },
    };
  }
  const changes: CompareRows["changes"] = {};
  for (const [ind, c] of recent.changes.get(planId) ?? []) {
    (changes[ind] ??= []).push({ text: `${changeOnlySentence(c, locale)}, ${standardName(c.standard, locale)}.`, href: `${localePath(locale, paths.plan(planId))}#${c.ref}`, link: t(locale, "see_quote") });
  }
  return { plan: planId, name: localityIndex(data).get(plan.locality_id)!.name, citation: planCitation(plan, locale), href: localePath(locale, paths.plan(planId)), charts, changes };
}
