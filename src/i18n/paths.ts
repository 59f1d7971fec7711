/** Words on the page come from the catalogue (src/i18n); this module adds the paths of every page in each language. */
import { CATALOGUES, LOCALES, t, type Key, type Locale } from "./catalogue.ts";

export { formatDate } from "./format.ts";
export { LOCALES, t, tn, localized } from "./catalogue.ts";
export type { Key, Locale };

/** Path of a page in a locale: the first language at the root, the others under their prefix. `path` starts and ends with "/". */
export function localePath(locale: Locale, path: string): string {
  return `${CATALOGUES[locale].meta_path_prefix}${path}`;
}

/** The next language, for the language switch. */
export function otherLocale(locale: Locale): Locale {
  return LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length];
}

export const paths = {
  home: "/",
  locality: (id: string) => `/localities/${id}/`,
  plan: (id: string) => `/plans/${id}/`,
  compare: "/compare/",
  data: "/data/",
  method: "/method/",
};

/** Standard's display name: "chuẩn nghèo 2022–2025" / "2022–2025 standard". */
export function standardName(id: "2016-2020" | "2022-2025", locale: Locale): string {
  return t(locale, "standard_name", { id: id.replace("-", "–") });
}
