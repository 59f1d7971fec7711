/** Shared pieces of the build-time charts: palette, sizes, base Plot options, the in-SVG key and the accessibility pass. */
import { CATALOGUES, t, type Key, type Locale } from "../i18n/catalogue.ts";
import { formatNumber } from "../i18n/format.ts";
import type { CoverageRow, Measure } from "../view/view.ts";

/** Colours of the charts; each is at least 4.5:1 on white so marks and text stay readable on a projector and in print. */
export const COLORS = {
  poor: "#b4490b",
  near_poor: "#1d4ed8",
  baseline: "#6b7280",
  exit: "#047857",
  ink: "#1f2937",
  muted: "#4b5563",
  grid: "#d1d5db",
  missing: "#f3f4f6",
} as const;

/** Colour of a measure (poor / near-poor households). */
export function measureColor(m: Measure): string {
  return COLORS[m];
}

/**
 * Chart width in px; the SVG scales down with its viewBox, never up on a page. One drawing serves phones and laptops:
 * at 440 wide with 15 px text, a 328 px phone column (360 px screen) still shows 11 px text, a laptop 15 px. Two
 * drawings per chart (narrow and wide) would double the largest cost of a national build for nothing a reader needs.
 */
export const WIDTH = 440;
/** Text size in px of every label, values included: smaller text would fall under 11 px on a phone. */
export const FONT_SIZE = 15;
/** Class name given to every chart, so Plot's generated style and the output are byte-stable. */
export const CLASS_NAME = "ppt-chart";

/** Options every chart passes to Plot.plot. */
export function baseOptions(document: Document, width = WIDTH) {
  return {
    document,
    width,
    className: CLASS_NAME,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: "system-ui, sans-serif" },
  };
}

/** Rough width in px of a text at FONT_SIZE (no font metrics at build time); errs wide. */
export function textWidth(s: string, fontSize = FONT_SIZE): number {
  return Math.ceil(s.length * fontSize * 0.6);
}

/** A left margin that fits the longest label, within bounds. */
export function marginFor(labels: string[], min = 60, max = 240): number {
  // A loop, not Math.max(...spread): a national chart's labels would overflow the call stack's argument limit.
  const widest = labels.reduce((m, l) => Math.max(m, textWidth(l)), 0);
  return Math.min(max, Math.max(min, widest + 16));
}

/** Unique values in first-seen order. */
export function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Words for a measure's households: "hộ nghèo" / "poor households". */
export function measureWords(m: Measure, locale: Locale): string {
  return t(locale, m === "poor" ? "measure_poor_words" : "measure_near_poor_words");
}

/** A coverage target in words: "trên 95%" / "over 95%", "ít nhất 70%" / "at least 70%", "100%". */
export function comparatorPhrase(value: number, comparator: CoverageRow["comparator"], locale: Locale): string {
  return `${comparator === "eq" ? "" : t(locale, `cmpw_${comparator}`)}${formatNumber(value, locale)}%`;
}

/** A coverage target as a compact cell label: "> 96", "≥ 70", "100". */
export function comparatorShort(value: number, comparator: CoverageRow["comparator"], locale: Locale): string {
  const sign: Record<CoverageRow["comparator"], string> = { eq: "", gt: "> ", ge: "≥ ", lt: "< ", le: "≤ " };
  return `${sign[comparator]}${formatNumber(value, locale)}`;
}

/** Short axis label of a coverage indicator (the catalogue's `short_<id>`), falling back to its full label. */
export function coverageShort(row: Pick<CoverageRow, "indicator" | "label">, locale: Locale): string {
  const key = `short_${row.indicator}`;
  return key in CATALOGUES[locale] ? t(locale, key as Key) : row.label;
}

type Rgb = [number, number, number];
const hex = (c: string): Rgb => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as Rgb;
const toHex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
function luminance(c: string): number {
  const [r, g, b] = hex(c).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const SEQ_LO = "#dbeafe";
const SEQ_HI = "#1e3a8a";

/** Sequential fill for t in [0, 1], light to dark blue (computed here so text colour can be chosen by contrast). */
export function sequential(t: number): string {
  const u = Math.max(0, Math.min(1, t));
  const a = hex(SEQ_LO);
  const b = hex(SEQ_HI);
  return toHex([0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * u) as Rgb);
}

/** Black or white, whichever contrasts more with the fill (one of the two always reaches 4.5:1). */
export function textOn(fill: string): string {
  return contrast(fill, "#000000") >= contrast(fill, "#ffffff") ? "#000000" : "#ffffff";
}

/** Plot render transform that sets `data-ref` on each drawn element, so a browser tooltip can link to the source quote. */
export function withRefs<T extends { ref: string }>(data: T[]) {
  // Plot passes the filtered index it draws, and appends one element per index entry in that order.
  return (index: ArrayLike<number>, scales: unknown, values: unknown, dimensions: unknown, context: unknown, next?: Function) => {
    const g = next!(index, scales, values, dimensions, context) as SVGGElement;
    const kids = [...g.childNodes].filter((n) => n.nodeType === 1) as Element[];
    for (let k = 0; k < index.length && k < kids.length; k++) kids[k].setAttribute("data-ref", data[index[k]].ref);
    return g;
  };
}

/** One entry of a chart key: a swatch and its words. */
export interface KeyItem {
  label: string;
  color: string;
  swatch: "dot" | "ring" | "square";
}

const KEY_LINE = FONT_SIZE + 8;

/** Lay out key items left to right within `width`, wrapping; `line` forces a new line before the item. */
function layoutKey(items: (KeyItem & { line?: boolean })[], width: number, x0: number) {
  const placed: { item: KeyItem; x: number; row: number }[] = [];
  let x = x0;
  let row = 0;
  for (const item of items) {
    const w = 18 + textWidth(item.label);
    if ((item.line && placed.length) || (x > x0 && x + w > width)) {
      row++;
      x = x0;
    }
    placed.push({ item, x, row });
    x += w + 16;
  }
  return { placed, rows: placed.length ? row + 1 : 0 };
}

/** Height in px a key takes at the top of a chart. */
export function keyHeight(items: (KeyItem & { line?: boolean })[], width: number, x0 = 0): number {
  return layoutKey(items, width, x0).rows * KEY_LINE;
}

/** Draw a key as SVG inside the chart (Plot's legends are HTML outside the SVG), at the top, starting at x0. */
export function drawKey(svg: SVGSVGElement, document: Document, items: (KeyItem & { line?: boolean })[], width: number, x0 = 0): void {
  const ns = "http://www.w3.org/2000/svg";
  const g = document.createElementNS(ns, "g");
  g.setAttribute("class", "ppt-key");
  g.setAttribute("text-anchor", "start");
  for (const { item, x, row } of layoutKey(items, width, x0).placed) {
    const cy = row * KEY_LINE + KEY_LINE / 2 + 2;
    const sw = document.createElementNS(ns, item.swatch === "square" ? "rect" : "circle");
    if (item.swatch === "square") {
      sw.setAttribute("x", String(x + 1));
      sw.setAttribute("y", String(cy - 6));
      sw.setAttribute("width", "12");
      sw.setAttribute("height", "12");
      sw.setAttribute("fill", item.color);
    } else {
      sw.setAttribute("cx", String(x + 7));
      sw.setAttribute("cy", String(cy));
      sw.setAttribute("r", "5");
      sw.setAttribute("fill", item.swatch === "ring" ? "#ffffff" : item.color);
      if (item.swatch === "ring") {
        sw.setAttribute("stroke", item.color);
        sw.setAttribute("stroke-width", "1.5");
      }
    }
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", String(x + 18));
    t.setAttribute("y", String(cy));
    t.setAttribute("dy", "0.32em");
    t.textContent = item.label;
    g.append(sw, t);
  }
  svg.append(g);
}

/**
 * Make a Plot SVG accessible and stable: a role, aria-label and a first-child <title> with the summary, no aria-label
 * on inner groups. `role: "group"` is for a chart of links (the map): "img" would hide them from assistive
 * technology, so their own names are kept and only Plot's groups lose theirs.
 */
export function finish(svg: SVGSVGElement | Element, { summary, id, role = "img" }: { summary: string; id?: string; role?: "img" | "group" }): SVGSVGElement {
  const el = svg as SVGSVGElement;
  const doc = el.ownerDocument;
  // axe reports aria-prohibited-attr for Plot's g[aria-label]; an image's parts need no names.
  for (const n of el.querySelectorAll(role === "img" ? "[aria-label]" : "g[aria-label]")) n.removeAttribute("aria-label");
  for (const n of el.querySelectorAll("[aria-description]")) n.removeAttribute("aria-description");
  el.setAttribute("role", role);
  el.setAttribute("aria-label", summary);
  el.setAttribute("font-size", String(FONT_SIZE));
  if (id) el.setAttribute("id", id);
  const title = doc.createElementNS("http://www.w3.org/2000/svg", "title");
  title.textContent = summary;
  el.insertBefore(title, el.firstChild);
  return el;
}
