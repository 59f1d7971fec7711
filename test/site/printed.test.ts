/**
 * Numbers as printed, read from the built site (`npm test` builds first): targets tables name their group, targets keep
 * their comparator, unit and printed precision, household ranges are whole, summaries say nothing empty, and a plan
 * printed without a number has no number in the downloads.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { Group } from "../../src/domain/schema.ts";
import { CATALOGUES } from "../../src/i18n/catalogue.ts";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist");
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, "index.html"), "utf8")).document;
const files = (dir: string, ext: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : []);

/** The rows of the "all targets" table of a locality page, as cell texts. */
function targetsTable(path: string): string[][] {
  const table = page(path).querySelector('section[aria-labelledby="targets"] table')!;
  return [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim()));
}

describe("numbers as printed", () => {
  test("every group has words in every language", () => {
    for (const l of Object.values(CATALOGUES)) for (const g of Group.options) expect(l).toHaveProperty(`group_${g}`);
  });

  test("Quảng Minh's targets table tells the poor from the near-poor rows", () => {
    const rows = targetsTable("localities/bac-giang/viet-yen/quang-minh");
    const head = [...page("localities/bac-giang/viet-yen/quang-minh").querySelectorAll('section[aria-labelledby="targets"] th')].map((th) => th.textContent!.trim());
    expect(head[1]).toBe("Nhóm");
    const groups = new Set(rows.map((r) => r[1]));
    expect(groups).toContain("Hộ nghèo");
    expect(groups).toContain("Hộ cận nghèo");
    // The two 100% health-insurance targets differ only by their group; a target printed twice differs by its line.
    const insurance = rows.filter((r) => r[0].includes("bảo hiểm y tế")).map((r) => r[1]);
    expect(insurance.sort()).toEqual(["Hộ mới thoát nghèo", "Hộ nghèo và cận nghèo"]);
    const keys = rows.map((r) => r.join("|"));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("targets carry comparators and units: trên 96%, ≥, 383 triệu đồng", () => {
    const lk = targetsTable("localities/dong-nai/long-khanh").map((r) => r[3]);
    expect(lk).toContain("383 triệu đồng");
    expect(lk.some((v) => /^trên \d/.test(v))).toBe(true);
    const en = targetsTable("en/localities/dong-nai/long-khanh").map((r) => r[3]);
    expect(en).toContain("383 million VND");
    const all = files(join(DIST, "localities"), ".html").flatMap((f) => {
      const t = parseHTML(readFileSync(f, "utf8")).document.querySelector('section[aria-labelledby="targets"] table');
      return t ? [...t.querySelectorAll("tbody td")].map((td) => td.textContent!.trim()) : [];
    });
    expect(all.some((v) => /^≥ \d/.test(v))).toBe(true);
  });

  test("the printed precision is kept: Phan Rang – Tháp Chàm's 2,50% stays 2,50%", () => {
    const html = readFileSync(join(DIST, "localities/ninh-thuan/phan-rang-thap-cham/index.html"), "utf8");
    expect(html).toContain("2,50%");
    expect(html).not.toMatch(/\b2,5%/);
    const svg = page("localities/ninh-thuan/phan-rang-thap-cham").querySelector("#gap-chart svg")!;
    expect([...svg.querySelectorAll("text")].map((t) => t.textContent)).toContain("2,50");
  });

  test("household ranges are whole households; no summary reads “từ 0% xuống 0%” or “+0 hộ”", () => {
    for (const f of files(DIST, ".html")) {
      const html = readFileSync(f, "utf8");
      expect(html, f).not.toMatch(/\d,\d+ đến −?\d|\d\.\d+ to −?\d/);
      expect(html, f).not.toMatch(/\+0 (hộ|households)/);
      expect(html, f).not.toMatch(/từ (\S+) \([^)]*\) xuống \1 |from (\S+) \([^)]*\) to \2 /);
    }
  });

  test("a plan printed without a number has no plan_number in the downloads", () => {
    // Downloads are made in the browser from the rows each chart inlines: those rows carry no "/KH-UBND" number.
    const islands = [...page("localities/bac-giang/viet-yen/quang-minh").querySelectorAll("script[data-island]")].map((s) => s.textContent!);
    expect(islands.length).toBeGreaterThan(3);
    expect(islands.join("")).toContain('"plan_number":null');
    for (const f of files(DIST, ".html")) expect(readFileSync(f, "utf8"), f).not.toMatch(/"plan_number":"\/KH-UBND"/);
  });
});
