/**
 * Machine-readable descriptions of the public data files: one JSON Schema (2020-12) per JSON file, which a standard
 * validator applies as it is, and a Frictionless data package describing every CSV (fields and types from the same
 * zod schemas, descriptions from the catalogue's column words).
 */
import { z } from "zod";
import { COLUMNS } from "../../src/view/columns.ts";
import { DocumentRow, ProvincesTopology, PublicFiles } from "../../src/domain/schema.ts";
import { Reference } from "../../src/load/site-data.ts";
import { LocalityCsvRow } from "./locality-csv.ts";

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; enum?: unknown[]; description?: string; [k: string]: unknown };

/** What checks.json holds: per check code, how many times it ran and passed. */
const Checks = z.record(z.string(), z.object({ run: z.number().int().min(0), passed: z.number().int().min(0) }).strict());

/** The columns of a row schema get their English words when zod gave none. */
function describe(schema: JsonSchema): JsonSchema {
  for (const [k, v] of Object.entries(schema.items?.properties ?? {})) v.description ??= COLUMNS[k]?.en;
  return schema;
}

/** File name → its JSON Schema, for every public JSON file. */
export function jsonSchemas(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, s] of Object.entries(PublicFiles)) out[`${name}.json`] = describe(z.toJSONSchema(z.array(s)) as JsonSchema);
  // plans/<plan id>.json: one plan's document (one object, not a list).
  out["plan.json"] = z.toJSONSchema(DocumentRow) as JsonSchema;
  out["reference.json"] = z.toJSONSchema(Reference) as JsonSchema;
  out["checks.json"] = z.toJSONSchema(Checks) as JsonSchema;
  out["provinces.topo.json"] = z.toJSONSchema(ProvincesTopology) as JsonSchema;
  for (const [file, s] of Object.entries(out)) Object.assign(s, { $id: file.replace(/\.json$/, ".schema.json"), title: file });
  return out;
}

/** Frictionless field type of a JSON Schema property. */
function fieldType(p: JsonSchema): string {
  const types = new Set<string>();
  const walk = (q: JsonSchema) => {
    if (q.anyOf) q.anyOf.forEach(walk);
    else if (Array.isArray(q.type)) q.type.forEach((t) => types.add(t));
    else if (q.type) types.add(q.type);
    else if (q.enum) types.add("string");
  };
  walk(p);
  types.delete("null");
  if (types.size !== 1) return "any";
  const [t] = types;
  return t === "array" || t === "object" ? "string" : t;
}

/** The Frictionless table schema of a CSV's rows: its fields (name, type, description) in column order. */
export function tableSchema(name: string): object {
  const row = name === "locality" ? LocalityCsvRow : PublicFiles[name as keyof typeof PublicFiles];
  const schema = z.toJSONSchema(z.array(row)) as JsonSchema;
  const props = schema.items?.properties ?? {};
  return { fields: Object.entries(props).map(([k, p]) => ({ name: k, type: fieldType(p), description: p.description ?? COLUMNS[k]?.en ?? "" })), missingValues: [""] };
}

/** Where the schema of each kind of published file is: JSON files by their JSON Schema, CSVs by their table schema. */
export const LAYOUT_SCHEMAS = {
  "<table>.json": "<table>.schema.json",
  "<table>.csv": "<table>.tableschema.json",
  "plans/<plan id>.json": "plan.schema.json",
  "provinces/<province>/<table>.json": "<table>.schema.json",
  "provinces/<province>/<table>.csv": "<table>.tableschema.json",
  "localities/<locality id>.csv": "locality.tableschema.json",
} as const;

/** A CSV the data package lists: its path in the output, and the name of the table its rows have the shape of. */
export interface CsvFile {
  path: string;
  table: string;
}

/**
 * A Frictionless data package (v1) describing every published CSV: path, encoding, header, fields. The national
 * tables carry their fields; the many province and locality CSVs point at their table's schema file
 * (`<table>.tableschema.json`, written beside), so the package stays small at national size.
 */
export function dataPackage(csvFiles: readonly CsvFile[], version: string): object {
  return {
    profile: "tabular-data-package",
    name: "poverty-plan-tracker",
    title: "Poverty Plan Tracker: targets and figures of Vietnam's local poverty-reduction plans",
    version,
    resources: csvFiles.map(({ path, table }) => ({
      name: path.replace(/\.csv$/, "").replaceAll("/", "."), path, profile: "tabular-data-resource", format: "csv", mediatype: "text/csv", encoding: "utf-8-sig",
      dialect: { delimiter: ",", header: true, doubleQuote: true },
      schema: path.includes("/") ? `${table}.tableschema.json` : tableSchema(table),
    })),
  };
}
