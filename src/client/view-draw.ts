/**
 * Draws a chart state the build left undrawn (decision: only the default state of a chart is drawn into the page).
 * Loaded on demand by state.ts, the first time the URL or a control asks for such a state, with the chart library;
 * the state's JSON island holds the chart kind, rows and options, the summary sentence and the data table, so the
 * drawing, sentence and table are what the build would have written.
 */
import { drawChart, type Drawing } from "../charts/draw.ts";
import type { Cell, ChartVariant } from "../view/chart-specs.ts";
import { markTips } from "../render/chart-html.ts";
import type { Locale } from "../i18n/format.ts";
import { unpackRows, type PackedRows } from "../view/packed-rows.ts";
import { newChartDrawn } from "./tooltip.ts";

type Island = Omit<Drawing, "rows"> & { rows: PackedRows; locale: Locale; summary: string; table: ChartVariant["table"] };

/** The table DataTable.astro writes, from the same columns and cells. */
function dataTable(t: Island["table"]): HTMLElement {
  const h = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    return el;
  };
  const wrap = h("div", "table-wrap");
  wrap.tabIndex = 0;
  const table = h("table");
  const head = h("tr");
  for (const c of t.columns) {
    const th = h("th", c.num ? "num" : undefined);
    th.scope = "col";
    th.textContent = c.label;
    head.append(th);
  }
  table.append(h("thead"));
  table.tHead!.append(head);
  const body = h("tbody");
  t.rows.forEach((r, i) => {
    const tr = h("tr");
    if (t.plans?.[i]) tr.dataset.plan = t.plans[i];
    r.forEach((c: Cell, j) => {
      const td = h("td", t.columns[j]?.num ? "num" : undefined);
      if (typeof c === "object" && c.href) {
        const a = h("a");
        a.href = c.href;
        if (c.title) a.title = c.title;
        a.textContent = c.text;
        td.append(a);
      } else if (typeof c === "object" && c.code) {
        if (c.text) td.append(Object.assign(h("code"), { textContent: c.text }));
      } else td.textContent = typeof c === "object" ? c.text : String(c);
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(body);
  wrap.append(table);
  return wrap;
}

/** Draw `variant` (a `.variant[data-undrawn]` element) from its island, once. */
export function drawVariant(variant: HTMLElement): void {
  const json = variant.querySelector("script[data-island]");
  const plot = variant.querySelector<HTMLElement>(".plot");
  if (variant.dataset.undrawn === undefined || !json || !plot) return;
  delete variant.dataset.undrawn;
  const island = JSON.parse(json.textContent!) as Island;
  const svg = drawChart({ ...island, rows: unpackRows(island.rows) } as Drawing, { document, locale: island.locale });
  markTips(svg);
  plot.replaceChildren(svg);
  const summary = variant.querySelector(".summary");
  if (summary) summary.textContent = island.summary;
  variant.querySelector("details")?.append(dataTable(island.table));
  newChartDrawn(plot);
}
