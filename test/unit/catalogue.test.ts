/** The string catalogue: every language has exactly the Vietnamese keys and placeholders; pages never branch on the locale. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { CATALOGUES, LOCALES, t, tn } from "../../src/i18n/catalogue.ts";
import { CatalogueSchema } from "../../src/i18n/schema.ts";
import { formatDate, formatHouseholds, formatNumber, formatPp, formatTarget, formatValue } from "../../src/i18n/format.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

describe("catalogue", () => {
  test("Vietnamese first, then English", () => expect(LOCALES).toEqual(["vi", "en"]));
  for (const l of LOCALES) test(`${l} has every key, each with vi's placeholders`, () => expect(() => CatalogueSchema.parse(CATALOGUES[l])).not.toThrow());

  test("a missing key, an extra key or a lost placeholder fails", () => {
    const { site: _, ...missing } = CATALOGUES.en;
    expect(CatalogueSchema.safeParse(missing).success).toBe(false);
    expect(CatalogueSchema.safeParse({ ...CATALOGUES.en, extra: "x" }).success).toBe(false);
    const r = CatalogueSchema.safeParse({ ...CATALOGUES.en, range: "{a} to" });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain("range");
  });

  test("fills placeholders and picks plural forms", () => {
    expect(t("vi", "range", { a: "−65", b: "−63" })).toBe("−65 đến −63");
    expect(tn("en", "chart_dumbbell", 1)).toContain("1 locality.");
    expect(tn("en", "chart_dumbbell", 2)).toContain("2 localities.");
  });

  test("no source file branches on the locale", () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|astro)$/.test(e.name) ? [join(dir, e.name)] : []);
    const bad = files(join(ROOT, "src")).filter((f) => /locale\s*===\s*"(vi|en)"|\bvi\s*\?\s*[`"']/.test(readFileSync(f, "utf8")));
    expect(bad).toEqual([]);
  });
});

describe("formatting", () => {
  test("numbers, points, households and dates in each language", () => {
    expect(formatNumber(1234.5, "vi")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatPp(-1.11, "vi")).toBe("−1,11 điểm %");
    expect(formatPp(-1.11, "en")).toBe("−1.11 pp");
    expect(formatHouseholds(1, "en")).toBe("1 household");
    expect(formatHouseholds(2991, "vi")).toBe("2.991 hộ");
    expect(formatDate("2023-12-31", "vi")).toBe("31/12/2023");
    expect(formatDate("2024-04-01", "en")).toBe("1 Apr 2024");
  });

  test("targets carry their comparator, unit and printed precision", () => {
    expect(formatTarget(96, "gt", "percent", "vi")).toBe("trên 96%");
    expect(formatTarget(92, "ge", "percent", "vi")).toBe("≥ 92%");
    expect(formatTarget(383, "eq", "vnd_million", "vi")).toBe("383 triệu đồng");
    expect(formatTarget(383, "eq", "vnd_million", "en")).toBe("383 million VND");
    expect(formatValue(2.5, "percent", "vi", 2)).toBe("2,50%");
  });
});
