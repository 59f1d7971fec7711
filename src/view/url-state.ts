/**
 * Chart state in the URL query string, parsed with zod (the small `zod/mini` build, since this module also runs in
 * the browser). Every parameter parses to a valid value or falls back to its default: an invalid or unknown value
 * never reaches the DOM. Unknown parameters are ignored; a repeated parameter uses its first value.
 */
import * as z from "zod/mini";

// No generated parsers: zod would otherwise probe for eval, which the pages' CSP (rightly) reports as a violation.
if (typeof window !== "undefined") z.config({ jitless: true });

const choice = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => z.catch(z.enum(values), fallback);

/** Locality page: which group the residential-group chart shows and how it is sorted. */
export const LocalityState = z.object({
  group: choice(["poor", "near_poor"], "poor"),
  sort: choice(["name", "baseline", "exit", "target"], "name"),
});

/** Overview page: which rate the chart shows. */
export const OverviewState = z.object({
  measure: choice(["poor", "near_poor"], "poor"),
});

/**
 * How many of a province's plans its compare page picks by default, and so draws and inlines: a national province
 * has thousands, and a page that drew them all would weigh tens of megabytes. Other picks fetch their plans' rows.
 */
export const COMPARE_DEFAULT_PLANS = 8;

/** The default pick of a compare page: its first plans in plan order. */
export function compareDefaultPlans(planIds: readonly string[]): string[] {
  return planIds.slice(0, COMPARE_DEFAULT_PLANS);
}

/** Compare page: which plans are picked and which indicator is drawn (validated against the known ids). */
export function compareState(planIds: readonly [string, ...string[]], indicators: readonly [string, ...string[]]) {
  return z.object({
    plans: z.catch(z.array(z.enum(planIds)).check(z.maxLength(planIds.length)), compareDefaultPlans(planIds)),
    indicator: z.catch(z.enum(indicators), indicators[0]),
    /** Order of the plans in charts and tables: as listed, or by baseline, target or change (largest cut first). */
    sort: choice(["plan", "baseline", "target", "change"], "plan"),
  });
}

/** Parameters that hold lists (comma-separated in the URL). */
const LISTS = new Set(["plans"]);
/** Longest parameter value read at all; longer values are treated as invalid. */
const MAX_VALUE = 512;

/** Parse a query string into a state with `schema`; never throws. */
export function parseState<S extends z.ZodMiniType>(schema: S, search: string | URLSearchParams): z.infer<S> {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const raw: Record<string, unknown> = {};
  const shape = (schema as unknown as { def: { shape: Record<string, unknown> } }).def.shape;
  for (const key of Object.keys(shape)) {
    const value = params.get(key);
    if (value === null || value.length > MAX_VALUE) continue;
    raw[key] = LISTS.has(key) ? (value === "" ? [] : [...new Set(value.split(","))]) : value;
  }
  return schema.parse(raw);
}

/** Serialise a state, leaving out values equal to the defaults, in a fixed key order (stable links). */
export function formatState(state: Record<string, unknown>, defaults: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(defaults)) {
    const v = state[key];
    const same = JSON.stringify(v) === JSON.stringify(defaults[key]);
    if (v === undefined || same) continue;
    params.set(key, Array.isArray(v) ? v.join(",") : String(v));
  }
  const s = params.toString().replace(/%2C/g, ",");
  return s ? `?${s}` : "";
}

/**
 * The query string of the view a page shows, for anything that repeats the URL (citations, embed codes, QR codes,
 * the language switch): only the parameters of `schemas`, only valid values, defaults left out, in a fixed order.
 * Never the raw query string, which may hold anything (and be too long for a QR code).
 */
export function canonicalQuery(schemas: readonly z.ZodMiniType[], search: string | URLSearchParams): string {
  const params = new URLSearchParams();
  for (const schema of schemas) {
    const own = new URLSearchParams(formatState(parseState(schema, search) as Record<string, unknown>, schema.parse({}) as Record<string, unknown>));
    for (const [k, v] of own) if (!params.has(k)) params.set(k, v);
  }
  const s = params.toString().replace(/%2C/g, ",");
  return s ? `?${s}` : "";
}
