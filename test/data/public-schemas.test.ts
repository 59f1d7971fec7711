/**
 * The published descriptions of the data files work with standard tools: ajv (JSON Schema 2020-12) applies each
 * JSON Schema unchanged to every public JSON file it describes (the national files, each plan's document, each
 * province's tables, found through the layout schema.json publishes) and accepts it, and rejects a broken row;
 * datapackage.json describes every CSV, national, per province and per locality, with its exact header. Reads
 * public/data (`npm test` runs the data step first).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { stripBom } from "../../src/domain/csv-bom.ts";

const DATA = join(new URL("../../", import.meta.url).pathname, "public", "data");
const json = (name: string) => JSON.parse(readFileSync(join(DATA, name), "utf8"));

/** Every file under public/data but the source texts, as `/`-separated paths. */
function files(dir = DATA, prefix = ""): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const rel = `${prefix}${name}`;
    if (rel === "sources") return [];
    return statSync(join(dir, name)).isDirectory() ? files(join(dir, name), `${rel}/`) : [rel];
  });
}
const all = files();
const isSchema = (f: string) => f.endsWith(".schema.json") || f.endsWith(".tableschema.json") || f === "datapackage.json" || f === "schema.json";
const dataFiles = all.filter((f) => f.endsWith(".json") && !isSchema(f));

/** The schema of a published file, by the layout schema.json publishes (`provinces/<province>/<table>.json` → `<table>.schema.json`). */
const layout = Object.entries(json("schema.json").layout as Record<string, string>).map(([pattern, schema]) => {
  const re = new RegExp(`^${pattern.replace(/[.]/g, "\\.").replace(/<(?!table>)[a-z ]+>/g, ".+").replace("<table>", "(?<table>[^/]+)")}$`);
  return { re, schema };
});
function schemaOf(file: string): string | undefined {
  for (const { re, schema } of layout) {
    const m = re.exec(file);
    if (m) return schema.replace("<table>", m.groups?.table ?? "");
  }
  return undefined;
}

describe("JSON Schemas", () => {
  test("every public JSON file has its schema, through the published layout", () => {
    expect(dataFiles.length).toBeGreaterThanOrEqual(10);
    // The new layout is there: one document per plan, a folder per province.
    expect(dataFiles.filter((f) => f.startsWith("plans/")).length).toBe(5);
    expect(dataFiles.filter((f) => f.startsWith("provinces/")).length).toBe(5 * 7);
    for (const f of dataFiles) expect(all, f).toContain(schemaOf(f));
  });
  const compiled = new Map<string, (v: unknown) => boolean>();
  const validator = (schema: string) => {
    if (!compiled.has(schema)) compiled.set(schema, new Ajv2020({ strict: false, allErrors: true }).compile(json(schema)));
    return compiled.get(schema)! as ((v: unknown) => boolean) & { errors?: unknown[] };
  };
  for (const f of dataFiles) {
    test(`${f} is valid against ${schemaOf(f)} as ajv applies it`, () => {
      const validate = validator(schemaOf(f)!) as ((v: unknown) => boolean) & { errors?: unknown[] };
      expect(validate(json(f)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    });
  }
  test("a schema rejects what its file must never hold", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(json("targets.schema.json"));
    const [row] = json("provinces/bac-giang/targets.json");
    expect(validate([{ ...row, target_value: "0,43" }])).toBe(false);
    expect(validate([{ ...row, comparator: "about" }])).toBe(false);
    expect(validate([{ ...row, extra: 1 }])).toBe(false);
    const plan = ajv.compile(json("plan.schema.json"));
    const doc = json("plans/quang-minh-2024.json");
    expect(plan(doc)).toBe(true);
    expect(plan([doc])).toBe(false);
    expect(plan({ ...doc, lines: "one line" })).toBe(false);
  });
});

describe("datapackage.json", () => {
  const pkg = json("datapackage.json");
  const csvs = all.filter((f) => f.endsWith(".csv"));
  test("describes every CSV (national, per province, per locality), with its header as the fields", () => {
    expect(pkg.resources.map((r: { path: string }) => r.path).sort()).toEqual(csvs.sort());
    expect(csvs).toContain("localities/bac-giang/viet-yen/quang-minh.csv");
    expect(csvs).toContain("provinces/bac-giang/targets.csv");
    const names = new Set<string>();
    for (const r of pkg.resources) {
      expect(r.name, r.path).toMatch(/^[a-z0-9._-]+$/);
      names.add(r.name);
      const schema = typeof r.schema === "string" ? json(r.schema) : r.schema;
      const header = stripBom(readFileSync(join(DATA, r.path), "utf8")).split("\n")[0].split(",");
      expect(schema.fields.map((f: { name: string }) => f.name), r.path).toEqual(header);
      for (const f of schema.fields) expect(["string", "number", "integer", "boolean", "any"], `${r.path} ${f.name}`).toContain(f.type);
    }
    expect(names.size).toBe(pkg.resources.length);
  });
});
