/** The method page tells readers what input the build refuses and where the unit lists come from, in both languages. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { CATALOGUES } from "../../src/i18n/catalogue.ts";
import { ROOT } from "../data/helpers.ts";

test.each([["vi", "method"], ["en", "en/method"]] as const)("%s method page: refused input and the gazetteer's sources", (locale, path) => {
  const file = join(ROOT, "dist", path, "index.html");
  expect(existsSync(file), "dist/ is missing: run `npm run build` (npm test builds first)").toBe(true);
  const html = readFileSync(file, "utf8");
  const c = CATALOGUES[locale];
  expect(html).toContain(`<h2 id="refused">${c.method_refused}</h2>`);
  for (const k of ["refused_files", "refused_yaml", "refused_values", "refused_csv"] as const) expect(html).toContain(c[k].slice(0, 40));
  expect(html).toMatch(/vietnamese-provinces-database/);
  expect(html).toMatch(/dvhcvn\/20250701/);
  expect(html).toContain(locale === "vi" ? "10.035" : "10,035");
});
