/**
 * The string catalogue: one file per language (vi first), each a flat map key → text with `{name}` placeholders.
 * A zod schema built from the Vietnamese keys (schema.ts) checks every other language has exactly the same keys and the
 * same placeholders, so an untranslated or misspelt string fails a test rather than a reader. Adding a language is adding
 * a file here and naming it in CATALOGUES.
 */
import { en } from "./en.ts";
import { vi } from "./vi.ts";

/** A key of the catalogue. */
export type Key = keyof typeof vi;
/** A complete catalogue: every key, each a string. */
export type Catalogue = Record<Key, string>;

/** Every catalogue, in the order the site offers them (the first is at the site root). */
export const CATALOGUES = { vi, en } satisfies Record<string, Catalogue>;

/** Site locales. */
export type Locale = keyof typeof CATALOGUES;
/** Locales in the order the site offers them. */
export const LOCALES = Object.keys(CATALOGUES) as Locale[];

/** A text of the catalogue with its `{name}` placeholders filled in. */
export function t(locale: Locale, key: Key, values?: Record<string, string | number>): string {
  const text = CATALOGUES[locale][key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** A text that depends on a count: `key_one` or `key_other` by the language's plural rules. */
export function tn(locale: Locale, key: string, n: number, values: Record<string, string | number> = {}): string {
  const form = pluralRules(locale).select(n) === "one" ? "one" : "other";
  return t(locale, `${key}_${form}` as Key, { n, ...values });
}

const rules = new Map<Locale, Intl.PluralRules>();
function pluralRules(locale: Locale): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(CATALOGUES[locale].meta_intl)));
  return r;
}

/** A field of a bilingual data row in the reader's language: `localized(row, "name", "en")` is `row.name_en`. */
export function localized<F extends string, R extends { [K in `${F}_${Locale}`]: string }>(row: R, field: F, locale: Locale): string {
  return row[`${field}_${locale}` as `${F}_${Locale}`];
}
