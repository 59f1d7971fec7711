/**
 * Machine-readable descriptions of the public data files: one JSON Schema (2020-12) per JSON file, which a standard
 * validator applies as it is, and a Frictionless data package describing every CSV (fields and types from the same
 * zod schemas, descriptions from the catalogue's column words).
 */
import { z } from "zod";
import { COLUMNS } from "../../src/lib/columns.ts";
import { DocumentRow, ProvincesTopology, PublicFiles } from "../../src/lib/schema.ts";
import { Reference } from "../../src/lib/site-data.ts";

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
  out["documents.json"] = z.toJSONSchema(z.array(DocumentRow)) as JsonSchema;
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

/** A Frictionless data package (v1) describing every published CSV: path, encoding, header, field names and types. */
export function dataPackage(csvFiles: readonly string[], version: string): object {
  return {
    profile: "tabular-data-package",
    name: "poverty-plan-tracker",
    title: "Poverty Plan Tracker: targets and figures of Vietnam's local poverty-reduction plans",
    version,
    resources: csvFiles.map((name) => {
      const schema = z.toJSONSchema(z.array(PublicFiles[name as keyof typeof PublicFiles])) as JsonSchema;
      const props = schema.items?.properties ?? {};
      return {
        name, path: `${name}.csv`, profile: "tabular-data-resource", format: "csv", mediatype: "text/csv", encoding: "utf-8-sig",
        dialect: { delimiter: ",", header: true, doubleQuote: true },
        schema: { fields: Object.entries(props).map(([k, p]) => ({ name: k, type: fieldType(p), description: p.description ?? COLUMNS[k]?.en ?? "" })), missingValues: [""] },
      };
    }),
  };
}
