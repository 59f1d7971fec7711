import { serializeTwice } from "./xml.ts";

/** Marks with a <title> also get `data-tip` (the tooltip script's text), here at build time and in the browser alike. */
export function markTips(svg: Element): void {
  for (const title of svg.querySelectorAll("title")) {
    const mark = title.parentElement;
    if (mark && mark !== svg) mark.setAttribute("data-tip", title.textContent ?? "");
  }
}

/**
 * Turn a chart's SVG element into markup: marks with a <title> also get `data-tip` for the tooltip script. `page` is
 * what pages inline; `file` leaves out the attributes only the page's script reads (preview images).
 */
export function svgHtml(svg: Element): { page: string; file: string } {
  markTips(svg);
  const [page, file] = serializeTwice(svg, ["data-tip"]);
  return { page, file };
}
