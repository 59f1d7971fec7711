/**
 * Stand-alone images: a chart's SVG framed with its title and source line (downloads), and the 1200×630 link-preview
 * card of a locality. Plain SVG text, so the same markup becomes a PNG through png.ts.
 */

import { escapeText as esc } from "./xml.ts";

/** Split text into lines of at most `max` characters, at spaces. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  // A word longer than a line (a URL) is cut into pieces of a line each, so no line runs past the frame.
  const words = text.split(/\s+/).flatMap((w) => (w.length > max ? w.match(new RegExp(`.{1,${max}}`, "gu"))! : [w]));
  for (const word of words) {
    if (line && (line + " " + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The chart's own size, from the viewBox of its opening tag. The markup comes from xml.ts, which escapes `>` and `"`
 * in every attribute value, so the opening tag ends at its first `>` and no value can hold a `viewBox="…"`.
 */
function size(svg: string): { w: number; h: number } {
  const open = svg.slice(0, svg.indexOf(">") + 1);
  const m = /^<svg\b[^>]*\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(open);
  return m ? { w: Number(m[1]), h: Number(m[2]) } : { w: 640, h: 400 };
}

/**
 * Place a chart SVG at (x, y) scaled to `width`. The chart's markup goes in whole, inside a group that moves and
 * scales it: nothing is cut out of it, so what was escaped stays escaped.
 */
function nest(svg: string, x: number, y: number, width: number): { markup: string; height: number } {
  const { w, h } = size(svg);
  const k = width / w;
  return { markup: `<g class="ppt-chart" transform="translate(${x} ${y}) scale(${k})" font-family="Noto Sans, sans-serif" font-size="13" text-anchor="middle" fill="currentColor">${svg}</g>`, height: h * k };
}

/** A chart framed with its title above and its source line below, as one SVG document. */
export function framedChart(chartSvg: string, title: string, footer: string[]): string {
  const { w } = size(chartSvg);
  // The frame is the chart's own width: the title and source line wrap to it instead of leaving the chart in a corner.
  const width = Math.max(400, w);
  const titleLines = wrap(title, Math.floor(width / 9));
  const top = 12 + titleLines.length * 22;
  const chart = nest(chartSvg, 0, top + 8, w);
  const footLines = footer.flatMap((f) => wrap(f, Math.floor(width / 6.6)));
  const height = Math.ceil(top + 8 + chart.height + 12 + footLines.length * 16 + 8);
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans, sans-serif" color="#1a1a1a">
<rect width="100%" height="100%" fill="#fff"/>
${titleLines.map((l, i) => `<text x="0" y="${24 + i * 22}" font-size="17" font-weight="700" fill="#1a1a1a">${esc(l)}</text>`).join("\n")}
${chart.markup}
${footLines.map((l, i) => `<text x="0" y="${top + 8 + chart.height + 24 + i * 16}" font-size="11.5" fill="#444">${esc(l)}</text>`).join("\n")}
</svg>`;
}

/** The link-preview card: site name, locality, two headline figures, the main chart (or lines of text); 1200×630. */
export function previewCard(o: { site: string; title: string; subtitle: string; figures: { value: string; label: string }[]; chartSvg?: string; lines?: string[]; footer: string }): string {
  const chart = o.chartSvg ? nest(o.chartSvg, 560, 150, 600) : undefined;
  const chartMarkup = chart ? (chart.height > 400 ? nest(o.chartSvg!, 560 + (600 - (600 * 400) / chart.height) / 2, 150, (600 * 400) / chart.height).markup : chart.markup) : "";
  const titleLines = wrap(o.title, 26).slice(0, 3);
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="Noto Sans, sans-serif" color="#1a1a1a">
<rect width="1200" height="630" fill="#fff"/>
<rect width="1200" height="14" fill="#0b4f8a"/>
<text x="48" y="70" font-size="26" font-weight="700" fill="#0b4f8a">${esc(o.site)}</text>
${titleLines.map((l, i) => `<text x="48" y="${140 + i * 52}" font-size="44" font-weight="700" fill="#1a1a1a">${esc(l)}</text>`).join("\n")}
<text x="48" y="${140 + titleLines.length * 52 + 4}" font-size="22" fill="#444">${esc(o.subtitle)}</text>
${o.figures.slice(0, 2).map((f, i) => `<text x="48" y="${400 + i * 92}" font-size="48" font-weight="700" fill="#1a1a1a">${esc(f.value)}</text><text x="48" y="${430 + i * 92}" font-size="21" fill="#444">${esc(f.label)}</text>`).join("\n")}
${chartMarkup}
${chart ? "" : (o.lines ?? []).flatMap((l) => wrap(l, 40)).slice(0, 12).map((l, i) => `<text x="640" y="${170 + i * 34}" font-size="24" fill="#1a1a1a">${esc(l)}</text>`).join("\n")}
${wrap(o.footer, 112).slice(0, 2).map((l, i, all) => `<text x="48" y="${604 - (all.length - 1 - i) * 24}" font-size="18" fill="#555">${esc(l)}</text>`).join("\n")}
</svg>`;
}
