/**
 * The provinces' boundaries in the public data (provinces.topo.json): one shape per province from 1 July 2025, as
 * the gazetteer lists them, simplified to a fraction of the source's points while keeping every island, so the map
 * reaches Hoàng Sa (east of 111°E, in Đà Nẵng) and Trường Sa (south of 8°N, in Khánh Hòa). A malformed boundary file
 * is refused, naming file, field and line, and nothing is written.
 */
import { readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { ProvincesTopology, type UnitRow } from "../../src/domain/schema.ts";
import { errorAt, expectFailure, fixture, lineOf } from "./broken-helpers.ts";
import { readJson, ROOT, tempDir } from "./helpers.ts";

const SOURCE = join(ROOT, "data/reference/gazetteer/provinces");

let tmp: string;
let topo: Topology;
let units: UnitRow[];
beforeAll(async () => {
  tmp = tempDir("province-map");
  await buildData(ROOT, join(tmp, "data"));
  topo = readJson(join(tmp, "data"), "provinces.topo.json");
  units = readJson(join(tmp, "data"), "units.json");
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Shape = Feature<Polygon | MultiPolygon>;
const shapes = (t: Topology): Shape[] => (feature(t, t.objects.provinces as GeometryCollection) as { features: Shape[] }).features;
const rings = (g: Polygon | MultiPolygon) => (g.type === "Polygon" ? [g.coordinates] : g.coordinates).flat();
const positions = (g: Polygon | MultiPolygon) => rings(g).flat();
const source = (file: string) => JSON.parse(readFileSync(join(SOURCE, file), "utf8")).features[0].geometry as Polygon | MultiPolygon;

describe("provinces.topo.json", () => {
  test("holds one shape per province from 1 July 2025, by GSO code, and is what its schema says", () => {
    const provinces = units.filter((u) => u.period === "after" && u.level === "province").map((u) => u.code).sort();
    expect(provinces).toHaveLength(34);
    expect(shapes(topo).map((f) => String(f.id)).sort()).toEqual(provinces);
    expect(ProvincesTopology.safeParse(topo).success).toBe(true);
  });

  test("the simplified shapes reach Hoàng Sa, east of 111°E (Đà Nẵng), and Trường Sa, south of 8°N (Khánh Hòa)", () => {
    const by = new Map(shapes(topo).map((f) => [String(f.id), f]));
    const daNang = positions(by.get("48")!.geometry), khanhHoa = positions(by.get("56")!.geometry);
    expect(Math.max(...daNang.map((p) => p[0]))).toBeGreaterThan(112.5);
    expect(daNang.filter((p) => p[0] > 111).length).toBeGreaterThan(100);
    expect(Math.min(...khanhHoa.map((p) => p[1]))).toBeLessThan(7.3);
    expect(khanhHoa.filter((p) => p[1] < 8).length).toBeGreaterThan(10);
    // Nothing else lies that far out: the archipelagos are Đà Nẵng's and Khánh Hòa's.
    for (const f of shapes(topo)) if (!["48", "56"].includes(String(f.id))) expect(positions(f.geometry).every((p) => p[0] < 111), String(f.id)).toBe(true);
  });

  test("every island of the source is still a polygon, while the points are a fraction of the source's", () => {
    const files = readdirSync(SOURCE).filter((f) => f.endsWith(".geojson"));
    const by = new Map(shapes(topo).map((f) => [String(f.id), f]));
    let before = 0, after = 0;
    for (const file of files) {
      const g = source(file), simple = by.get(file.slice(0, 2))!.geometry;
      // 164 rings in Khánh Hòa (Trường Sa), 53 in Đà Nẵng (Hoàng Sa): all kept, none reduced to a line.
      expect(rings(simple).length, file).toBe(rings(g).length);
      for (const r of rings(simple)) expect(new Set(r.map((p) => p.join(","))).size, file).toBeGreaterThanOrEqual(3);
      before += positions(g).length;
      after += positions(simple).length;
    }
    expect(rings(by.get("56")!.geometry).length).toBe(164);
    expect(before).toBeGreaterThan(90_000);
    expect(after / before).toBeLessThan(0.1);
  });
});

describe("a malformed boundary file is refused, naming file, field and line", () => {
  const file = "data/reference/gazetteer/provinces/48_da_nang.geojson";
  /** Change the parsed file and write it back as the source prints it (two-space JSON); returns the text. */
  const rewrite = (root: string, change: (geo: any) => void) => {
    const geo = JSON.parse(readFileSync(join(root, file), "utf8"));
    change(geo);
    const text = `${JSON.stringify(geo, null, 2)}\n`;
    writeFileSync(join(root, file), text);
    return text;
  };

  test("a province code that is not a code", async () => {
    const f = await fixture();
    const text = rewrite(f.root, (g) => void (g.features[0].properties.code = "4x"));
    const errs = await expectFailure(f);
    expect(errorAt(errs, file, "features[0].properties.code", lineOf(text, '"code": "4x"')).message).toMatch(/2-digit GSO code/);
  });

  test("a coordinate that is not a number", async () => {
    const f = await fixture();
    const text = rewrite(f.root, (g) => void (g.features[0].geometry.coordinates[0][0][5][0] = "108,695"));
    const errs = await expectFailure(f);
    errorAt(errs, file, "features[0].geometry.coordinates[0][0][5][0]", lineOf(text, '"108,695"'));
  });

  test("a ring that does not close", async () => {
    const f = await fixture();
    rewrite(f.root, (g) => void (g.features[0].geometry.coordinates[0][0].at(-1)[1] = 15.5));
    const errs = await expectFailure(f);
    const e = errs.errors.find((x) => x.file === file && x.field === "features[0].geometry.coordinates[0][0]");
    expect(e?.message, errs.message).toMatch(/end where it starts/);
    expect(e?.line).toBeGreaterThan(10);
  });

  test("a file that is not JSON", async () => {
    const f = await fixture();
    const text = readFileSync(join(f.root, file), "utf8").replace('"code": "48",', '"code": "48",,');
    writeFileSync(join(f.root, file), text);
    const errs = await expectFailure(f);
    // Reported once, at its line, as JSON: not again as a province without a boundary.
    expect(errs.errors.map((e) => e.format())).toEqual([expect.stringMatching(new RegExp(`^${file}:${lineOf(text, '"code": "48",,')}: JSON syntax: `))]);
  });

  test("a missing province", async () => {
    const f = await fixture();
    unlinkSync(join(f.root, file));
    const errs = await expectFailure(f);
    expect(errs.message).toMatch(/data\/reference\/gazetteer\/provinces: no boundary for province 48 \(Thành phố Đà Nẵng\)/);
  });
});
