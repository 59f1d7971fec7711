/** What each column of the public data files means, in every language (the Data page and schema.json use this). */
import { CATALOGUES, LOCALES, type Locale } from "../i18n/catalogue.ts";

const PREFIX = "column_";

/** Column name → its meaning per language, from the catalogue's `column_*` keys. */
export const COLUMNS: Record<string, Record<Locale, string>> = Object.fromEntries(
  Object.keys(CATALOGUES.vi)
    .filter((k) => k.startsWith(PREFIX))
    .map((k) => [k.slice(PREFIX.length), Object.fromEntries(LOCALES.map((l) => [l, CATALOGUES[l][k as keyof typeof CATALOGUES.vi]])) as Record<Locale, string>]),
);
