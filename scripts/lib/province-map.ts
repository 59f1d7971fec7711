/**
 * The provinces' boundaries for the map: the 34 GeoJSON files of data/reference/gazetteer/provinces (see its README),
 * read and validated like every other input, joined into one topology (topojson-server: shared borders become shared
 * arcs, so neighbours simplify alike and no gap opens between them), simplified for a national map (see
 * src/view/simplify-map.ts, which keeps every island) and published as provinces.topo.json.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { topology } from "topojson-server";
import { ProvinceBoundaryFile, ProvincesTopology, type UnitRow } from "../../src/domain/schema.ts";
import { simplifyKeepingRings, type AnyTopology } from "../../src/view/simplify-map.ts";
import { DataError, DataErrors } from "./data-error.ts";
import type { Problems } from "./read-data.ts";
import { contentDigest, listDataDir, readDataFile } from "./safe-file.ts";
import { loadYaml, readUtf8 } from "./yaml-file.ts";

const DIR = ["reference", "gazetteer", "provinces"];
const rel = (name?: string) => ["data", ...DIR, ...(name ? [name] : [])].join("/");

/** The published file's name under public/data. */
export const PROVINCE_MAP_FILE = "provinces.topo.json";

/**
 * Points whose effective area is under this (square degrees) are dropped: about a fifth of a square pixel on a map
 * 640 px wide (1 px ≈ 0.025°), so the outline drawn is the source's outline at that size.
 */
export const NATIONAL_MIN_AREA = 1.2e-4;
/** Grid of the published topology: 10⁵ steps across Vietnam's extent, about 17 m, fine enough for the smallest islands. */
export const QUANTIZATION = 1e5;

/** A province's boundary as read: its GSO code and its geometry. */
export type ProvinceFeature = Feature<Polygon | MultiPolygon, null> & { id: string };

/** Read one boundary file: JSON.parse for speed; on any problem, the YAML reader again, for the line of the field. */
function readOne(abs: string, file: string, dataDir: string): ProvinceFeature {
  const text = readUtf8(abs, file, { dataDir, kind: "geojson" });
  let parsed: ReturnType<typeof ProvinceBoundaryFile.safeParse> | undefined;
  let syntax: string | undefined;
  try {
    parsed = ProvinceBoundaryFile.safeParse(JSON.parse(text));
  } catch (e) {
    syntax = (e as Error).message;
  }
  // JSON is YAML 1.2: the YAML reader names the field and the line of what JSON.parse or the schema refused.
  if (!parsed?.success) {
    try {
      loadYaml(abs, file, ProvinceBoundaryFile, dataDir, "geojson");
    } catch (e) {
      if (!(e instanceof DataErrors)) throw e;
      throw new DataErrors(e.errors.map((x) => new DataError(x.file, x.field, x.line, x.message.replace(/^YAML syntax: /, "JSON syntax: "))));
    }
  }
  if (!parsed?.success) throw new DataErrors([new DataError(file, "", undefined, syntax ? `not valid JSON: ${syntax}` : "not a province boundary file")]);
  const f = parsed.data.features[0];
  return { type: "Feature", id: f.properties.code, properties: null, geometry: f.geometry as Polygon | MultiPolygon };
}

/**
 * Every province's boundary, or undefined when a file has a problem (added to `problems`). With the gazetteer's
 * units, each province from 1 July 2025 must have exactly one boundary and each boundary must be a province.
 */
export function readProvinceMap(dataDir: string, problems: Problems, units?: readonly UnitRow[]): ProvinceFeature[] | undefined {
  const entries = problems.try(() => listDataDir(join(dataDir, ...DIR), rel(), dataDir));
  if (!entries) {
    problems.add(new DataError(rel(), "", undefined, "the folder of province boundaries is missing"));
    return undefined;
  }
  const n = problems.list.length;
  // As the gazetteer (lib/gazetteer.ts): identical bytes, and the same provinces to check them against, give the
  // boundaries of the last read without a problem; the files are still read through the safe reader.
  const names = entries.filter((x) => x.name.endsWith(".geojson")).map((x) => x.name).sort();
  const bytes = problems.try(() => names.map((name) => readDataFile(join(dataDir, ...DIR, name), rel(name), dataDir, "geojson")));
  if (!bytes) return undefined;
  const digest = contentDigest([JSON.stringify([names, units?.filter((u) => u.period === "after" && u.level === "province").map((u) => u.code) ?? null]), ...bytes]);
  if (memo?.digest === digest) return memo.features;
  const features: ProvinceFeature[] = [];
  const fileOf = new Map<string, string>();
  for (const e of entries.filter((x) => x.name.endsWith(".geojson")).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = rel(e.name);
    const f = problems.try(() => readOne(join(dataDir, ...DIR, e.name), file, dataDir));
    // A file that could not be read is reported once, not again as a province without a boundary.
    if (!f) {
      fileOf.set(e.name.slice(0, 2), file);
      continue;
    }
    if (!e.name.startsWith(`${f.id}_`)) problems.add(new DataError(file, "features[0].properties.code", undefined, `is ${f.id}, but the file name starts with another code (a file is named <code>_<name>.geojson)`));
    if (fileOf.has(f.id)) problems.add(new DataError(file, "features[0].properties.code", undefined, `province ${f.id} already has a boundary in ${fileOf.get(f.id)}`));
    fileOf.set(f.id, file);
    features.push(f);
  }
  if (units) {
    const provinces = units.filter((u) => u.period === "after" && u.level === "province");
    for (const p of provinces) if (!fileOf.has(p.code)) problems.add(new DataError(rel(), "", undefined, `no boundary for province ${p.code} (${p.full_name}): add its <code>_<name>.geojson`));
    const known = new Set(provinces.map((p) => p.code));
    for (const [code, file] of fileOf) if (!known.has(code) && features.some((f) => f.id === code)) problems.add(new DataError(file, "features[0].properties.code", undefined, `${code} is not a province from 1 July 2025 in the gazetteer`));
  }
  if (problems.list.length > n) return undefined;
  memo = { digest, features };
  return features;
}

/** Digest of the boundary files' names and bytes, or undefined when they cannot be read (readProvinceMap reports why). */
export function provinceMapDigest(dataDir: string): string | undefined {
  try {
    const names = (listDataDir(join(dataDir, ...DIR), rel(), dataDir) ?? []).filter((x) => x.name.endsWith(".geojson")).map((x) => x.name).sort();
    return contentDigest([JSON.stringify(names), ...names.map((name) => readDataFile(join(dataDir, ...DIR, name), rel(name), dataDir, "geojson"))]);
  } catch {
    return undefined;
  }
}

/** The last boundaries read without a problem in this process, by digest (see readProvinceMap). */
let memo: { digest: string; features: ProvinceFeature[] } | undefined;

/** The provinces joined into one topology and simplified for the national map (see NATIONAL_MIN_AREA). */
export function provinceTopology(features: readonly ProvinceFeature[]): ProvincesTopology {
  const collection: FeatureCollection<Polygon | MultiPolygon, null> = { type: "FeatureCollection", features: [...features] };
  const topo = topology({ provinces: collection }, QUANTIZATION);
  const simple = simplifyKeepingRings(topo as unknown as AnyTopology, NATIONAL_MIN_AREA, QUANTIZATION);
  // Geometries as the public schema describes them: type, id, arcs (topojson-server adds nothing else without properties).
  return ProvincesTopology.parse(simple);
}

/** Write provinces.topo.json into the output folder. */
export function writeProvinceMap(dir: string, features: readonly ProvinceFeature[]) {
  writeFileSync(join(dir, PROVINCE_MAP_FILE), `${JSON.stringify(provinceTopology(features))}\n`);
}
