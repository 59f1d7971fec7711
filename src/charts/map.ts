/**
 * The province map of Vietnam (34 provinces from 1 July 2025, with the Hoàng Sa and Trường Sa archipelagos), drawn at
 * build time with Plot's geo mark: each province a link to its page, coloured by whether the dataset holds a plan of
 * one of its localities and, where those plans state one, by the latest poverty rate under the latest standard only.
 * Also the locator: the same outline, small, with one province marked, drawn once per province.
 */
import * as Plot from "@observablehq/plot";
import { geoMercator, geoTransform, type GeoProjection, type GeoStream } from "d3";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { t, type Locale } from "../i18n/catalogue.ts";
import { formatNumber } from "../i18n/format.ts";
import { CLASS_NAME, COLORS, finish, FONT_SIZE, textWidth } from "./common.ts";

export type { MapProvince } from "../view/drawing.ts";
import type { MapProvince } from "../view/drawing.ts";
import { MAP_FILLS, mapKey, RATE_BREAKS } from "../view/map-key.ts";

export { MAP_FILLS, mapKey, RATE_BREAKS };

/** Text size of the key. */
// The charts' size: drawn 440 px wide, a 360 px phone shows it at 11 px or more (test/browser/chart-text.spec.ts).
const KEY_FONT_SIZE = FONT_SIZE;
/** Borders between provinces. */
const BORDER = "#6b7280";
/** The province a locator marks. */
export const LOCATOR_MARK = COLORS.poor;

/** Class of a rate: index into MAP_FILLS.rates. */
export function rateClass(rate: number): number {
  const i = RATE_BREAKS.findIndex((b) => rate < b);
  return i === -1 ? RATE_BREAKS.length : i;
}

/** Fill of a province. */
export function provinceFill(p: Pick<MapProvince, "planned" | "rate">): string {
  if (p.rate !== null) return MAP_FILLS.rates[rateClass(p.rate)];
  return p.planned > 0 ? MAP_FILLS.noRate : MAP_FILLS.none;
}

type Province = Feature<Polygon | MultiPolygon> & { id: string };

/** The provinces of a topology as GeoJSON features (id = GSO code). */
export function provinceFeatures(topology: Topology): Province[] {
  const fc = feature(topology, topology.objects.provinces as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>;
  return fc.features.map((f) => ({ ...f, id: String(f.id) }));
}

/**
 * Mercator fitted to the provinces (archipelagos included), positions rounded to `step` px: at this size a tenth of
 * a pixel is invisible, and the three decimals d3 writes by default would be a third of the map's weight.
 */
function fittedProjection(features: Province[], width: number, height: number, pad: number, step: number): { stream(s: GeoStream): GeoStream } {
  const mercator: GeoProjection = geoMercator().fitExtent([[pad, pad], [width - pad, height - pad]], { type: "FeatureCollection", features });
  const round = geoTransform({
    point(x, y) {
      this.stream.point(Math.round(x / step) * step, Math.round(y / step) * step);
    },
  });
  return { stream: (s) => mercator.stream(round.stream(s)) };
}

/** Height of a map `width` px wide that holds every province (Mercator keeps the shapes). */
export function mapHeight(features: Province[], width: number, pad: number): number {
  const [[x0, y0], [x1, y1]] = boundsAtScale(features);
  return Math.ceil(((y1 - y0) / (x1 - x0)) * (width - 2 * pad) + 2 * pad);
}

function boundsAtScale(features: Province[]): [[number, number], [number, number]] {
  const m = geoMercator().scale(1).translate([0, 0]);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const f of features) {
    const polys = f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates];
    for (const p of polys) for (const r of p) for (const pos of r) {
      const [x, y] = m(pos as [number, number])!;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
  }
  return [[x0, y0], [x1, y1]];
}

/** Where an archipelago is: the bounding box of a province's rings east of 111°E and between two latitudes. */
function archipelago(f: Province | undefined, south: number, north: number): { lon: number; north: number; south: number } | undefined {
  if (!f) return undefined;
  let w = Infinity, e = -Infinity, n = -Infinity, s = Infinity;
  const polys = f.geometry.type === "MultiPolygon" ? f.geometry.coordinates : [f.geometry.coordinates];
  for (const p of polys) for (const [x, y] of p[0]) {
    if (x < 111 || y < south || y > north) continue;
    w = Math.min(w, x); e = Math.max(e, x); n = Math.max(n, y); s = Math.min(s, y);
  }
  return Number.isFinite(w) ? { lon: (w + e) / 2, north: n, south: s } : undefined;
}

/** Options of provinceMap. */
export interface ProvinceMapOptions {
  document: Document;
  locale: Locale;
  /** The latest standard's name ("chuẩn nghèo 2022–2025"), said in the key. */
  standard: string;
  /** One sentence: the chart's accessible name. */
  summary: string;
  width?: number;
  id?: string;
}

const NS = "http://www.w3.org/2000/svg";

/** The national map: 34 provinces, each a named link, the key in the empty sea to the north-east. */
export function provinceMap(provinces: MapProvince[], topology: Topology, { document, locale, standard, summary, width = 440, id }: ProvinceMapOptions): SVGSVGElement {
  const features = provinceFeatures(topology);
  const byCode = new Map(provinces.map((p) => [p.code, p]));
  const pad = 6;
  const height = mapHeight(features, width, pad);
  const projection = fittedProjection(features, width, height, pad, 0.1);
  const drawn = features.filter((f) => byCode.has(f.id));
  const info = (f: Province) => byCode.get(f.id)!;

  // Each province is wrapped in a link named by its label: a reader without a mouse tabs through them, and a
  // screen reader hears the same words the tooltip shows.
  const asLinks = (index: ArrayLike<number>, scales: unknown, values: unknown, dimensions: unknown, context: unknown, next?: Function) => {
    const g = next!(index, scales, values, dimensions, context) as SVGGElement;
    const kids = [...g.childNodes].filter((n) => n.nodeType === 1) as Element[];
    for (let k = 0; k < index.length && k < kids.length; k++) {
      const p = info(drawn[index[k]]);
      const a = document.createElementNS(NS, "a");
      a.setAttribute("href", p.href);
      // In an embed (an iframe on another site) the province's page opens in place of the host page, as the embed's own link does.
      a.setAttribute("target", "_top");
      a.setAttribute("aria-label", p.label);
      a.setAttribute("data-province", p.code);
      g.insertBefore(a, kids[k]);
      a.append(kids[k]);
    }
    return g;
  };

  const marks: Plot.Markish[] = [
    Plot.geo(drawn, {
      fill: (f: Province) => provinceFill(info(f)), stroke: BORDER, strokeWidth: 0.5, strokeLinejoin: "round",
      title: (f: Province) => info(f).label, className: "ppt-province", render: asLinks,
    }),
  ];
  // The archipelagos' islands are specks at this size: their names say where they are (Hoàng Sa's below its
  // islands, clear of the key; Trường Sa's above).
  const hoangSa = archipelago(features.find((f) => f.id === "48"), 15, 18);
  const truongSa = archipelago(features.find((f) => f.id === "56"), 6, 12);
  const labels = [
    ...(hoangSa ? [{ lon: hoangSa.lon, lat: hoangSa.south, dy: 14, text: t(locale, "map_hoang_sa") }] : []),
    ...(truongSa ? [{ lon: truongSa.lon, lat: truongSa.north, dy: -10, text: t(locale, "map_truong_sa") }] : []),
  ];
  for (const l of labels) {
    marks.push(Plot.text([l], { x: "lon", y: "lat", text: "text", dy: l.dy, fontSize: FONT_SIZE, fontStyle: "italic", fill: COLORS.muted, className: "ppt-archipelago" }));
  }

  const svg = Plot.plot({
    document, width, height, className: CLASS_NAME, margin: 0,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: "system-ui, sans-serif" },
    projection: projection as unknown as Plot.ProjectionImplementation,
    marks,
  }) as SVGSVGElement;
  drawMapKey(svg, document, locale, standard, width);
  // A second class: the page shows the map larger than the other charts on a wide screen.
  svg.setAttribute("class", `${CLASS_NAME} ppt-map`);

  // A named group of named links (see finish).
  return finish(svg, { summary, id, role: "group" });
}

/** The key, drawn in the top right corner (the Gulf of Tonkin and the sea east of it hold no province). */
function drawMapKey(svg: SVGSVGElement, document: Document, locale: Locale, standard: string, width: number) {
  const key = mapKey(locale, standard);
  // Larger than the charts' labels: the map is drawn narrower, so on a phone it is scaled down less.
  const size = KEY_FONT_SIZE, line = size + 5;
  const widest = Math.max(...key.heading.map((h) => textWidth(h, size)), ...key.items.map((i) => 20 + textWidth(i.label, size)));
  // In the sea north-east of the coast; a wider key (15 px text) moves left rather than past the edge.
  const x0 = Math.max(4, Math.min(width * 0.5, width - widest - 8));
  const g = document.createElementNS(NS, "g");
  g.setAttribute("class", "ppt-key");
  g.setAttribute("text-anchor", "start");
  g.setAttribute("font-size", String(size));
  let y = 4;
  key.heading.forEach((h, i) => {
    const text = document.createElementNS(NS, "text");
    text.setAttribute("x", String(x0));
    text.setAttribute("y", String(y + line / 2));
    text.setAttribute("dy", "0.32em");
    if (i === 0) text.setAttribute("font-weight", "bold");
    text.textContent = h;
    g.append(text);
    y += line;
  });
  for (const item of key.items) {
    const rect = document.createElementNS(NS, "rect");
    rect.setAttribute("x", String(x0));
    rect.setAttribute("y", String(y + line / 2 - 6));
    rect.setAttribute("width", "14");
    rect.setAttribute("height", "12");
    rect.setAttribute("fill", item.fill);
    rect.setAttribute("stroke", BORDER);
    rect.setAttribute("stroke-width", "0.5");
    const text = document.createElementNS(NS, "text");
    text.setAttribute("x", String(x0 + 20));
    text.setAttribute("y", String(y + line / 2));
    text.setAttribute("dy", "0.32em");
    text.textContent = item.label;
    g.append(rect, text);
    y += line;
  }
  // A pale ground under the key, so a province it overlaps on a narrow drawing is not read as a swatch.
  const ground = document.createElementNS(NS, "rect");
  ground.setAttribute("x", String(x0 - 4));
  ground.setAttribute("y", "0");
  ground.setAttribute("width", String(Math.min(widest + 8, width - x0 + 4)));
  ground.setAttribute("height", String(y + 4));
  ground.setAttribute("fill", "#fff");
  ground.setAttribute("fill-opacity", "0.85");
  g.prepend(ground);
  svg.append(g);
}

/** Options of locatorMap. */
export interface LocatorOptions {
  document: Document;
  width?: number;
}

/**
 * A small map with one province marked: no words (it is shown as an image whose alt text the page writes in the
 * reader's language), no links, so one file per province serves both languages and every page in it.
 */
export function locatorMap(topology: Topology, code: string, { document, width = 200 }: LocatorOptions): SVGSVGElement {
  const features = provinceFeatures(topology);
  const pad = 2;
  const height = mapHeight(features, width, pad);
  const projection = fittedProjection(features, width, height, pad, 0.5);
  const marked = features.filter((f) => f.id === code);
  const svg = Plot.plot({
    document, width, height, className: CLASS_NAME, margin: 0,
    projection: projection as unknown as Plot.ProjectionImplementation,
    marks: [
      Plot.geo(features.filter((f) => f.id !== code), { fill: "#e5e7eb", stroke: "#9ca3af", strokeWidth: 0.4, strokeLinejoin: "round" }),
      Plot.geo(marked, { fill: LOCATOR_MARK, stroke: LOCATOR_MARK, strokeWidth: 0.8, strokeLinejoin: "round" }),
    ],
  }) as SVGSVGElement;
  for (const n of svg.querySelectorAll("[aria-label]")) n.removeAttribute("aria-label");
  svg.setAttribute("xmlns", NS);
  return svg;
}
