/**
 * Compare page: the picked plans and the sort order change the charts, their tables, CSV downloads, sources and
 * citations. The build draws every chart with all plans in plan order (what shows without JavaScript); another pick
 * draws the chart again here with the same chart function, from the rows the build inlined beside it.
 */
import type { CsvRow, Redraw } from "../lib/chart-specs.ts";
import { withBom } from "../lib/csv-bom.ts";
import type { Locale } from "../lib/format.ts";
import type { RateTargetRow } from "../lib/view.ts";
import { focusableMarks } from "./tooltip.ts";

// The compare page draws its rate and coverage charts again for a pick of plans.
type Inlined = Extract<Redraw, { chart: "dumbbell" | "coverage" }> & { csv: CsvRow[]; locale: Locale };
type Sort = "plan" | "baseline" | "target" | "change";

const root = document.querySelector<HTMLElement>('[data-state="compare"]');
const allPlans = (root?.dataset.plans ?? "").split(",").filter(Boolean);
const drawn = new Map<Element, Node[]>();
const summaries = new Map<Element, string>();
const csvHref = new Map<HTMLAnchorElement, string>();

/** Rate rows in the asked order: largest baseline or target first, largest cut first; plan order otherwise. */
function sorted(rows: RateTargetRow[], sort: Sort): RateTargetRow[] {
  const by: Record<Sort, (r: RateTargetRow) => number> = { plan: (r) => allPlans.indexOf(r.plan_id), baseline: (r) => -r.baseline, target: (r) => -r.target, change: (r) => r.change_pp };
  return [...rows].sort((a, b) => by[sort](a) - by[sort](b));
}

async function update(state: { plans: string[]; sort: Sort }) {
  if (!root) return;
  const picked = new Set(state.plans);
  const everything = picked.size === allPlans.length && state.sort === "plan";
  for (const fig of root.querySelectorAll<HTMLElement>("figure.chart")) {
    for (const el of fig.querySelectorAll<HTMLElement>("[data-plan]")) el.hidden = !picked.has(el.dataset.plan!);
    // Lists of sources: the first one shown takes no separator.
    for (const list of fig.querySelectorAll<HTMLElement>(".source, [data-citation]")) {
      let first = true;
      for (const s of list.querySelectorAll<HTMLElement>(":scope > [data-plan]")) {
        const sep = s.querySelector<HTMLElement>(".sep");
        if (sep) sep.hidden = first;
        if (!s.hidden) first = false;
      }
    }
    for (const variant of fig.querySelectorAll<HTMLElement>(".variant")) {
      const json = variant.querySelector("script[data-redraw]");
      const plot = variant.querySelector<HTMLElement>(".plot");
      const csv = variant.querySelector<HTMLAnchorElement>('a[data-download="csv"]');
      if (!json || !plot) continue;
      const summary = variant.querySelector<HTMLElement>(".summary");
      if (!drawn.has(plot)) drawn.set(plot, [...plot.childNodes]);
      if (summary && !summaries.has(summary)) summaries.set(summary, summary.textContent ?? "");
      if (csv && !csvHref.has(csv)) csvHref.set(csv, csv.href);
      if (everything) {
        plot.replaceChildren(...drawn.get(plot)!);
        if (summary) summary.textContent = summaries.get(summary)!;
        if (csv) csv.href = csvHref.get(csv)!;
        continue;
      }
      const spec = JSON.parse(json.textContent!) as Inlined;
      const order = spec.chart === "dumbbell" ? sorted(spec.rows.filter((r) => picked.has(r.plan_id)), state.sort) : spec.rows.filter((r) => picked.has(r.plan_id));
      const plans = [...new Set(order.map((r) => r.plan_id))];
      // The table follows the chart's order.
      const body = variant.querySelector("tbody");
      if (body) for (const p of plans) for (const tr of body.querySelectorAll<HTMLElement>(`tr[data-plan="${CSS.escape(p)}"]`)) body.append(tr);
      if (!order.length) {
        plot.replaceChildren();
      } else {
        const charts = await import("../charts/index.ts");
        const svg = spec.chart === "dumbbell"
          ? charts.dumbbellChart(order as RateTargetRow[], { document, locale: spec.locale })
          : charts.coverageChart(order as Extract<Redraw, { chart: "coverage" }>["rows"], { document, locale: spec.locale });
        for (const title of svg.querySelectorAll("title")) if ((title.parentNode as Element | null) !== svg) (title.parentNode as Element | null)?.setAttribute("data-tip", title.textContent ?? "");
        plot.replaceChildren(svg);
        focusableMarks(plot);
      }
      // The sentence under the title describes what is drawn now, as the build's does for all plans.
      if (summary) {
        const sum = await import("../lib/summary.ts");
        const { t } = await import("../i18n/catalogue.ts");
        summary.textContent = !order.length ? t(spec.locale, "cmp_none_picked")
          : spec.chart === "dumbbell" ? sum.rateTargetsSummary(order as RateTargetRow[], spec.rows[0]?.measure ?? "poor", spec.locale)
          : sum.coverageSummary(order as Extract<Redraw, { chart: "coverage" }>["rows"], spec.locale);
      }
      if (csv) {
        const { toCsv } = await import("../lib/csv.ts");
        const rows = plans.flatMap((p) => spec.csv.filter((r) => r.plan_id === p));
        if (csv.href.startsWith("blob:")) URL.revokeObjectURL(csv.href);
        csv.href = URL.createObjectURL(new Blob([withBom(toCsv(rows))], { type: "text/csv;charset=utf-8" }));
      }
    }
  }
}

if (root) {
  root.addEventListener("ppt-state", (e) => void update((e as CustomEvent).detail));
  const { compareState, parseState } = await import("../lib/url-state.ts");
  const inds = (root.dataset.indicators ?? "").split(",").filter(Boolean) as [string, ...string[]];
  void update(parseState(compareState(allPlans as [string, ...string[]], inds), location.search) as { plans: string[]; sort: Sort });
}
