/**
 * Small files, per run of a province's plans and per language, with what its compare page shows of each plan: its rows in each
 * compare chart (drawn, tabled, downloaded), its sources and its change-only targets. The page inlines only its
 * default pick (url-state.ts compareDefaultPlans); another pick fetches these, so a page stays the same size however
 * many plans its province has. Made by the same compareCharts as the page's own charts, so the two cannot differ.
 */
import { compareCharts, type Cell, type CsvRow } from "./chart-specs.ts";
import { planCitation } from "./cite.ts";
import type { Locale } from "../i18n/format.ts";
import { localePath, paths, standardName, t } from "../i18n/paths.ts";
import { provincesKey } from "../load/page-key.ts";
import type { PlanRow } from "../domain/schema.ts";
import { loadUnits, nationalLists } from "../load/site-data.ts";
import { loadUnitData, unitSlices } from "../load/unit-data.ts";
import { changeOnlySentence } from "./summary.ts";
import { comparePath, frame } from "./units-view.ts";
import { changeOnlyTargets, localityIndex } from "./view.ts";
import type { Drawing } from "./drawing.ts";

/** Plans per file: a province's plans, in the order its page lists them, go into files of this many. */
export const COMPARE_ROWS_CHUNK = 40;

/**
 * Public path of a file of a province's compare rows (without the locale prefix): the `chunk`-th run of
 * COMPARE_ROWS_CHUNK plans. Files by runs, not by plan: a national province has thousands of plans, and a route
 * per plan and language would add a hundred thousand routes to the build.
 */
export const compareRowsPath = (code: string, chunk: number) => `/compare-rows/${code}/${chunk}.json`;

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

/** Routes: the files of every province with plans within it, each read from its old provinces' slices only. */
export function compareRowsRoutes() {
  const f = frame(loadUnits(), nationalLists());
  return f.provinces.flatMap((p) => {
    const n = f.reach.get(p.code)?.direct.length ?? 0;
    if (!n) return [];
    const cacheKey = provincesKey(unitSlices(p.code));
    return Array.from({ length: Math.ceil(n / COMPARE_ROWS_CHUNK) }, (_, k) => ({ params: { code: p.code, chunk: String(k) }, props: { code: p.code, chunk: k }, cacheKey }));
  });
}

// Routes come province after province: one province's charts (all its plans) are made once and cut by plan once,
// for all its files (a scan of every row per plan would grow with the square of a province's plans).
let recent: { key: string; plans: PlanRow[]; byPlan: Map<string, CompareRows> } | undefined;

function rowsOfProvince(locale: Locale, code: string) {
  const key = `${locale}|${code}`;
  if (recent?.key === key) return recent;
  const data = loadUnitData(code);
  const f = frame(loadUnits(), data);
  const plans = f.reach.get(code)?.direct ?? [];
  const ids = new Set(plans.map((p) => p.id));
  const locs = localityIndex(data);
  const byPlan = new Map<string, CompareRows>(plans.map((plan) => [plan.id, { plan: plan.id, name: locs.get(plan.locality_id)!.name, citation: planCitation(plan, locale), href: localePath(locale, paths.plan(plan.id)), charts: {}, changes: {} }]));
  for (const [ind, m] of [["poverty_rate", "poor"], ["near_poverty_rate", "near_poor"]] as const) {
    for (const c of changeOnlyTargets(data, m)) {
      const r = ids.has(c.plan_id) ? byPlan.get(c.plan_id)! : undefined;
      if (r) (r.changes[ind] ??= []).push({ text: `${changeOnlySentence(c, locale)}, ${standardName(c.standard, locale)}.`, href: `${localePath(locale, paths.plan(c.plan_id))}#${c.ref}`, link: t(locale, "see_quote") });
    }
  }
  for (const spec of compareCharts(data, locale, comparePath(f.path.get(code)!), [...ids])) {
    const v = spec.variants[0];
    if (!v.redraw) continue; // the matrix is a table on the page; its plan's row is on the plan's page
    const part = (id: string) => (byPlan.get(id)!.charts[spec.id] ??= { rows: [] as Drawing["rows"], csv: [], table: [] });
    for (const r of v.redraw.rows as { plan_id: string }[]) (part(r.plan_id).rows as unknown[]).push(r);
    for (const r of v.csv) part(String(r.plan_id)).csv.push(r);
    const tablePlans = v.table.plans ?? [];
    v.table.rows.forEach((row, i) => tablePlans[i] !== undefined && part(tablePlans[i]).table.push(row));
    for (const s of spec.sources) if (byPlan.get(s.plan.id)?.charts[spec.id]) byPlan.get(s.plan.id)!.charts[spec.id].source = { text: s.text, href: s.href };
  }
  recent = { key, plans, byPlan };
  return recent;
}

/** One plan's rows on its province's compare page. */
export function compareRows(locale: Locale, code: string, planId: string): CompareRows {
  return rowsOfProvince(locale, code).byPlan.get(planId)!;
}

/** A file: the `chunk`-th run of COMPARE_ROWS_CHUNK plans of the province, in its page's order. */
export function compareRowsFile(locale: Locale, code: string, chunk: number): CompareRows[] {
  const { plans, byPlan } = rowsOfProvince(locale, code);
  return plans.slice(chunk * COMPARE_ROWS_CHUNK, (chunk + 1) * COMPARE_ROWS_CHUNK).map((p) => byPlan.get(p.id)!);
}
