/** The shape every catalogue must have, as a zod schema; kept apart from catalogue.ts so pages' scripts never load zod. */
import { z } from "zod";
import { vi } from "./vi.ts";
import type { Key } from "./catalogue.ts";

/** Placeholders of a text, sorted: "{a} to {b}" → ["a", "b"]. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** The shape every catalogue must have: the Vietnamese keys, no more, no fewer, each a string with vi's placeholders. */
export const CatalogueSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(vi).map(([k, v]) => {
      const want = placeholders(v).join(",");
      return [k, z.string().refine((s) => placeholders(s).join(",") === want, { message: `placeholders must be {${want}}` })];
    }),
  ) as Record<Key, z.ZodString>,
);

