/**
 * The published descriptions of the data files work with standard tools: ajv (JSON Schema 2020-12) applies each
 * `<file>.schema.json` unchanged to its file and accepts it, and rejects a broken row; datapackage.json describes
 * every CSV with its exact header. Reads public/data (`npm test` runs the data step first).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { stripBom } from "../../src/lib/csv-bom.ts";

const DATA = join(new URL("../../", import.meta.url).pathname, "public", "data");
const json = (name: string) => JSON.parse(readFileSync(join(DATA, name), "utf8"));
const dataFiles = readdirSync(DATA).filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json") && f !== "datapackage.json" && f !== "schema.json");

describe("JSON Schemas", () => {
  test("every public JSON file has its schema", () => {
    expect(dataFiles.length).toBeGreaterThanOrEqual(10);
    for (const f of dataFiles) expect(readdirSync(DATA), f).toContain(f.replace(/\.json$/, ".schema.json"));
  });
  for (const f of dataFiles) {
    test(`${f} is valid against ${f.replace(/\.json$/, ".schema.json")} as ajv applies it`, () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      const validate = ajv.compile(json(f.replace(/\.json$/, ".schema.json")));
      expect(validate(json(f)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    });
  }
  test("a schema rejects what its file must never hold", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(json("targets.schema.json"));
    const [row] = json("targets.json");
    expect(validate([{ ...row, target_value: "0,43" }])).toBe(false);
    expect(validate([{ ...row, comparator: "about" }])).toBe(false);
    expect(validate([{ ...row, extra: 1 }])).toBe(false);
  });
});

describe("datapackage.json", () => {
  const pkg = json("datapackage.json");
  const csvs = readdirSync(DATA).filter((f) => f.endsWith(".csv"));
  test("describes every CSV, with its header as the fields", () => {
    expect(pkg.resources.map((r: { path: string }) => r.path).sort()).toEqual(csvs.sort());
    for (const r of pkg.resources) {
      const header = stripBom(readFileSync(join(DATA, r.path), "utf8")).split("\n")[0].split(",");
      expect(r.schema.fields.map((f: { name: string }) => f.name), r.path).toEqual(header);
      for (const f of r.schema.fields) expect(["string", "number", "integer", "boolean", "any"], `${r.path} ${f.name}`).toContain(f.type);
    }
  });
});
