/**
 * Chart downloads, made in the reader's browser from what the page holds (loaded on the first click of a download
 * button): the SVG is the chart as drawn on the page, framed with its title, source line and the view's URL; the PNG
 * is that SVG rasterised; the CSV is exactly the rows the chart draws (its JSON island), each with the plan's id,
 * number and citation, UTF-8 with a byte-order mark so Excel reads Vietnamese. No route per chart state.
 */
import { framedChart } from "../render/compose-svg.ts";
import { toCsv } from "../view/csv.ts";
import { withBom } from "../domain/csv-bom.ts";
import type { CsvRow } from "../view/chart-specs.ts";
import { unpackRows, type PackedRows } from "../view/packed-rows.ts";
import { serialize } from "../render/xml.ts";
import { savePng } from "./png.ts";
import { viewQuery } from "./state.ts";

function save(blob: Blob, file: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** The chart's markup as a file: without what only the page's script added (tooltip texts, Tab stops). */
function fileSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  if (copy.dataset.marks !== undefined) {
    for (const el of copy.querySelectorAll("[tabindex]")) for (const a of ["tabindex", "role", "aria-label"]) el.removeAttribute(a);
    copy.removeAttribute("data-marks");
    copy.setAttribute("role", "img");
  }
  return serialize(copy, { omitAttributes: ["data-tip"] });
}

/** The chart framed as a stand-alone SVG document: title above, source line and the view's URL below. */
export function framedSvg(fig: HTMLElement, svg: SVGSVGElement): string {
  const title = fig.querySelector(".title")?.textContent ?? "";
  const footer = [fig.dataset.sourceLine ?? "", `${fig.dataset.site ?? ""} · ${fig.dataset.pageUrl ?? ""}${viewQuery()}#${fig.id}`];
  return framedChart(fileSvg(svg), title, footer);
}

/** Run the download `control` asks for (`data-download` = svg, png or csv) for its chart state. */
export async function download(control: HTMLElement): Promise<void> {
  const variant = control.closest<HTMLElement>(".variant");
  const fig = control.closest<HTMLElement>("figure.chart");
  if (!variant || !fig) return;
  const file = variant.dataset.file ?? fig.id;
  const kind = control.dataset.download;
  if (kind === "csv") {
    // A drawn state's rows are inlined as they are (the compare page filters them); an undrawn state's are packed.
    const island = JSON.parse(variant.querySelector("script[data-island]")?.textContent ?? "{}") as { csv?: CsvRow[] | PackedRows };
    const rows = !island.csv ? [] : Array.isArray(island.csv) ? island.csv : unpackRows<CsvRow>(island.csv);
    return save(new Blob([withBom(toCsv(rows))], { type: "text/csv;charset=utf-8" }), `${file}.csv`);
  }
  const svg = variant.querySelector<SVGSVGElement>(".plot svg");
  if (!svg) return;
  const text = framedSvg(fig, svg);
  if (kind === "svg") return save(new Blob([text], { type: "image/svg+xml" }), `${file}.svg`);
  // A data: URL, not a blob: one: the pages' CSP lets images come from the site and data: only.
  if (kind === "png") await savePng(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`, `${file}.png`);
}
