/**
 * The built pages of the units from 1 July 2025, now made from the slices of the old provinces they were formed from
 * (load/unit-data.ts): the same figures as from the national tables, and a footer naming the version of the data the
 * page shows (Vân Hà's is Quảng Minh's, both Bắc Giang's slice), not the whole country's.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist");
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, "index.html"), "utf8")).document;
const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
const footer = (path: string) => page(path).querySelector("footer [data-data-version]")!;
const version = (path: string) => footer(path).getAttribute("data-data-version");

describe("a unit's page shows its old provinces' data", () => {
  test("Vân Hà: Quảng Minh's plan and its rate targets, 0,57% → 0,43% of households poor", () => {
    const d = page("provinces/bac-ninh/van-ha");
    expect(d.querySelector('[data-plans="direct"] a[href="/plans/quang-minh-2024/"]')).not.toBeNull();
    const rows = [...d.querySelectorAll("tr[data-outcome]")].map((r) => [...r.querySelectorAll("td")].slice(1, 5).map((td) => text(td)));
    expect(rows).toContainEqual(["Tỷ lệ hộ nghèo", "0,57%", "0,43%", "31/12/2024"]);
    expect(text(page("provinces/bac-ninh").querySelector('[data-figure="communes-with-plan"] .v'))).toBe("1");
    expect(page("provinces/bac-ninh/compare").querySelector('input[data-param="plans"][value="quang-minh-2024"]')).not.toBeNull();
  });

  test("the footer gives the version of Bắc Giang's slice on Bắc Ninh's pages, as on Quảng Minh's, not the national one", () => {
    const bg = version("localities/bac-giang/viet-yen/quang-minh");
    expect(bg).toMatch(/^[0-9a-f]{10}$/);
    for (const p of ["provinces/bac-ninh/van-ha", "provinces/bac-ninh", "provinces/bac-ninh/compare", "en/provinces/bac-ninh/van-ha"]) expect(version(p), p).toBe(bg);
    expect(version("")).not.toBe(bg);
    // Its date is the latest its plan carries: Quảng Minh's 2025 reorganisation.
    expect(text(footer("provinces/bac-ninh/van-ha"))).toBe(`Số liệu theo văn bản mới nhất, ngày 01/07/2025; phiên bản dữ liệu ${bg}.`);
    // Long Khánh's ward reads Đồng Nai's slice.
    expect(version("provinces/dong-nai/long-khanh")).toBe(version("localities/dong-nai/long-khanh"));
  });

  test("Ba Đình (Hà Nội, no plan in its old province): no document, so no date, only the version", () => {
    const v = version("provinces/ha-noi/ba-dinh");
    expect(text(footer("provinces/ha-noi/ba-dinh"))).toBe(`Phiên bản dữ liệu ${v}.`);
    expect(text(footer("en/provinces/ha-noi/ba-dinh"))).toBe(`Data version ${v}.`);
    expect(version("provinces/ha-noi")).toBe(v);
  });
});
