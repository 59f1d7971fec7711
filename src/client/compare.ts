/**
 * Compare page: the picked plans and the sort order change the charts, their tables, CSV downloads, sources and
 * citations. The build draws every chart for the default pick only (what shows without JavaScript) and inlines those
 * plans' rows beside it; a plan picked beyond it has its rows fetched from its province's small file of that run of plans (view/compare-rows.ts),
 * so the page weighs the same whatever the province's number of plans. Either way the chart is drawn again here with
 * the same chart function as the build's.
 */
import type { Cell, CsvRow, Redraw } from "../view/chart-specs.ts";
import type { CompareRows } from "../view/compare-rows.ts";
import { withBom } from "../domain/csv-bom.ts";
import type { Locale } from "../i18n/format.ts";
import type { CoverageRow, RateTargetRow } from "../view/view.ts";
import { focusableMarks } from "./tooltip.ts";

// The compare page draws its rate and coverage charts again for a pick of plans.
type Inlined = Extract<Redraw, { chart: "dumbbell" | "coverage" }> & { csv: CsvRow[]; locale: Locale };
type Sort = "plan" | "baseline" | "target" | "change";

const root = document.querySelector<HTMLElement>('[data-state="compare"]');
const list = (s: string | undefined) => (s ?? "").split(",").filter(Boolean);
const allPlans = list(root?.dataset.plans);
const planOrder = new Map(allPlans.map((p, i) => [p, i]));
/** The default pick: the plans whose rows the page holds. */
const inline = new Set(list(root?.dataset.inline));
const drawn = new Map<Element, Node[]>();
const summaries = new Map<Element, string>();
const csvHref = new Map<HTMLAnchorElement, string>();
/** Plans whose table rows, sources and citations this page has added (once each). */
const added = new Set<string>();

/** The files of rows fetched so far, by run (a file holds COMPARE_ROWS_CHUNK plans in the page's order). */
const files = new Map<number, Promise<CompareRows[] | undefined>>();
const chunk = Number(root?.dataset.rowsChunk ?? 40);

/** A plan's rows from its file, once; undefined (the plan left out, said in the console) when it cannot be read. */
function rowsOf(plan: string): Promise<CompareRows | undefined> {
  const k = Math.floor((planOrder.get(plan) ?? 0) / chunk);
  if (!files.has(k)) {
    files.set(k, fetch(`${root!.dataset.rowsBase}${k}.json`)
      .then((r) => (r.ok ? (r.json() as Promise<CompareRows[]>) : Promise.reject(new Error(`${r.status} ${r.url}`))))
      .catch((e: unknown) => {
        console.error(`compare: the rows of plan ${plan} could not be read`, e);
        files.delete(k);
        return undefined;
      }));
  }
  return files.get(k)!.then((rows) => rows?.find((r) => r.plan === plan));
}

/** Rate rows in the asked order: largest baseline or target first, largest cut first; plan order otherwise. */
function sorted(rows: RateTargetRow[], sort: Sort): RateTargetRow[] {
  const by: Record<Sort, (r: RateTargetRow) => number> = { plan: (r) => planOrder.get(r.plan_id) ?? 0, baseline: (r) => -r.baseline, target: (r) => -r.target, change: (r) => r.change_pp };
  return [...rows].sort((a, b) => by[sort](a) - by[sort](b) || (planOrder.get(a.plan_id) ?? 0) - (planOrder.get(b.plan_id) ?? 0));
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => Object.assign(document.createElement(tag), text === undefined ? {} : { textContent: text });

/** A table row as DataTable.astro writes it. */
function tableRow(plan: string, cells: Cell[], nums: boolean[]): HTMLTableRowElement {
  const tr = el("tr");
  tr.dataset.plan = plan;
  cells.forEach((c, j) => {
    const td = el("td");
    if (nums[j]) td.className = "num";
    if (typeof c === "object" && c.href) td.append(Object.assign(el("a", c.text), { href: c.href }));
    else td.textContent = typeof c === "object" ? c.text : String(c);
    tr.append(td);
  });
  return tr;
}

/** A source in a list of sources (`.source` with links, the citation without), after the last one there. */
function addSource(list: Element, plan: string, s: { text: string; href: string }, link: boolean) {
  const span = el("span");
  span.dataset.plan = plan;
  span.append(Object.assign(el("span", "; "), { className: "sep" }), link ? Object.assign(el("a", s.text), { href: s.href }) : document.createTextNode(s.text));
  const last = [...list.querySelectorAll(":scope > [data-plan]")].pop();
  if (last) last.after(span);
  else list.append(span);
}

/** What the page shows of a fetched plan beside its charts: table rows, sources, citations, its source lists. */
function addPlan(r: CompareRows) {
  if (!root || added.has(r.plan)) return;
  added.add(r.plan);
  for (const [id, c] of Object.entries(r.charts)) {
    const fig = root.querySelector<HTMLElement>(`figure.chart#${CSS.escape(id)}`);
    if (!fig) continue;
    const body = fig.querySelector("tbody");
    if (body) {
      const nums = [...fig.querySelectorAll("thead th")].map((th) => th.classList.contains("num"));
      for (const cells of c.table) body.append(tableRow(r.plan, cells, nums));
    }
    if (c.source) {
      const source = fig.querySelector(".source");
      if (source) addSource(source, r.plan, c.source, true);
      const citation = fig.querySelector("[data-citation]");
      const view = citation?.querySelector("[data-view-url]");
      if (citation && view) {
        // The citation's sources come before its closing text: insert before the text node that follows them.
        const sources = citation.querySelectorAll(":scope > [data-plan]");
        const after = sources.length ? sources[sources.length - 1].nextSibling : null;
        const span = el("span");
        span.dataset.plan = r.plan;
        span.append(Object.assign(el("span", "; "), { className: "sep" }), document.createTextNode(c.source.text));
        citation.insertBefore(span, after);
      }
    }
  }
  for (const block of root.querySelectorAll<HTMLElement>("div[data-when^='indicator=']")) {
    const ind = block.dataset.when!.slice("indicator=".length);
    const cites = block.querySelector(":scope > ul.small");
    if (cites) {
      const li = el("li", `${r.name}: `);
      li.dataset.in = `plans:${r.plan}`;
      li.append(Object.assign(el("a", r.citation), { href: r.href }));
      cites.append(li);
    }
    const changes = r.changes[ind];
    const changeList = block.querySelector(".change-only ul");
    if (changes && changeList) {
      for (const c of changes) {
        const li = el("li", `${c.text} `);
        li.dataset.in = `plans:${r.plan}`;
        li.append(Object.assign(el("a", c.link), { href: c.href, className: "small" }));
        changeList.append(li);
      }
    }
  }
}

async function update(state: { plans: string[]; sort: Sort }) {
  if (!root) return;
  const picked = new Set(state.plans);
  const asBuilt = picked.size === inline.size && [...picked].every((p) => inline.has(p)) && state.sort === "plan";
  const more = (await Promise.all(state.plans.filter((p) => !inline.has(p)).map(rowsOf))).filter((r): r is CompareRows => r !== undefined);
  for (const r of more) addPlan(r);
  // Lists the page holds outside the charts (citations under each indicator, change-only targets).
  for (const li of root.querySelectorAll<HTMLElement>("[data-in^='plans:']")) li.hidden = !picked.has(li.dataset.in!.slice("plans:".length));
  for (const fig of root.querySelectorAll<HTMLElement>("figure.chart")) {
    for (const e of fig.querySelectorAll<HTMLElement>("[data-plan]")) e.hidden = !picked.has(e.dataset.plan!);
    // Lists of sources: the first one shown takes no separator.
    for (const sources of fig.querySelectorAll<HTMLElement>(".source, [data-citation]")) {
      let first = true;
      for (const s of sources.querySelectorAll<HTMLElement>(":scope > [data-plan]")) {
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
      if (asBuilt) {
        plot.replaceChildren(...drawn.get(plot)!);
        if (summary) summary.textContent = summaries.get(summary)!;
        if (csv) csv.href = csvHref.get(csv)!;
        continue;
      }
      const spec = JSON.parse(json.textContent!) as Inlined;
      // The page's own rows of the default pick, then each fetched plan's, in plan order.
      const own = (spec.rows as (RateTargetRow | CoverageRow)[]).filter((r) => picked.has(r.plan_id) && inline.has(r.plan_id));
      const rows = [...own, ...more.flatMap((r) => (r.charts[fig.id]?.rows ?? []) as (RateTargetRow | CoverageRow)[])]
        .map((r, i) => ({ r, i })).sort((a, b) => (planOrder.get(a.r.plan_id) ?? 0) - (planOrder.get(b.r.plan_id) ?? 0) || a.i - b.i).map((x) => x.r);
      const order = spec.chart === "dumbbell" ? sorted(rows as RateTargetRow[], state.sort) : rows;
      const plans = [...new Set(order.map((r) => r.plan_id))];
      // The table follows the chart's order.
      const body = variant.querySelector("tbody");
      if (body) for (const p of plans) for (const tr of body.querySelectorAll<HTMLElement>(`tr[data-plan="${CSS.escape(p)}"]`)) body.append(tr);
      if (!order.length) {
        plot.replaceChildren();
      } else {
        const { drawChart } = await import("../charts/draw.ts");
        const svg = drawChart({ chart: spec.chart, rows: order } as Redraw, { document, locale: spec.locale });
        for (const title of svg.querySelectorAll("title")) if ((title.parentNode as Element | null) !== svg) (title.parentNode as Element | null)?.setAttribute("data-tip", title.textContent ?? "");
        plot.replaceChildren(svg);
        focusableMarks(plot);
      }
      // The sentence under the title describes what is drawn now, as the build's does for its pick.
      if (summary) {
        const sum = await import("../view/summary.ts");
        const { t } = await import("../i18n/catalogue.ts");
        summary.textContent = !order.length ? t(spec.locale, "cmp_none_picked")
          : spec.chart === "dumbbell" ? sum.rateTargetsSummary(order as RateTargetRow[], (order[0] as RateTargetRow).measure, spec.locale)
          : sum.coverageSummary(order as CoverageRow[], spec.locale);
      }
      if (csv) {
        const { toCsv } = await import("../view/csv.ts");
        const csvRows = plans.flatMap((p) => (inline.has(p) ? spec.csv.filter((r) => r.plan_id === p) : (more.find((m) => m.plan === p)?.charts[fig.id]?.csv ?? [])));
        if (csv.href.startsWith("blob:")) URL.revokeObjectURL(csv.href);
        csv.href = URL.createObjectURL(new Blob([withBom(toCsv(csvRows))], { type: "text/csv;charset=utf-8" }));
      }
    }
  }
}

if (root) {
  // Updates run one after another: a later pick never has its drawing replaced by an earlier one's late fetch.
  let queue = Promise.resolve();
  const run = (s: { plans: string[]; sort: Sort }) => void (queue = queue.then(() => update(s)));
  root.addEventListener("ppt-state", (e) => run((e as CustomEvent).detail));
  const { compareState, parseState } = await import("../view/url-state.ts");
  const inds = list(root.dataset.indicators) as [string, ...string[]];
  run(parseState(compareState(allPlans as [string, ...string[]], inds), location.search) as { plans: string[]; sort: Sort });
}
