/** Turn a chart's SVG element into page HTML: marks with a <title> also get `data-tip` for the tooltip script. */
export function svgHtml(svg: Element): string {
  for (const title of svg.querySelectorAll("title")) {
    const mark = title.parentElement;
    if (mark && mark !== svg) mark.setAttribute("data-tip", title.textContent ?? "");
  }
  return svg.outerHTML;
}
