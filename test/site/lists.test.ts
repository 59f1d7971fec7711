/**
 * The national lists are cut by province (issue 16, decision 6): the overview and /compare/ show one row per
 * province from 1 July 2025 with coverage, plans and the range of their stated rates and targets; each province has
 * a compare page of its own plans. Real values from the five plans and the gazetteer; sizes of the built pages.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist");
const file = (path: string) => join(DIST, path, "index.html");
const page = (path: string) => parseHTML(readFileSync(file(path), "utf8")).document;
const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
// A line break in a cell reads as a space (as a reader sees two lines).
const cells = (d: Document, code: string) => [...d.querySelector(`tr[data-province="${code}"]`)!.querySelectorAll("td")].map((td) => {
  for (const br of td.querySelectorAll("br")) br.replaceWith(" ");
  return text(td);
});

describe("the national compare page is one row per province", () => {
  const d = page("compare");

  test("34 rows and no per-plan chart", () => {
    expect(d.querySelectorAll("tr[data-province]")).toHaveLength(34);
    expect(d.querySelectorAll("figure.chart")).toHaveLength(0);
    expect(d.querySelector("[data-state=compare]")).toBeNull();
  });

  test("Bắc Ninh: 99 communes, 1 with a plan; Quảng Minh's 2024 plan, 0,57% → 0,43% and 1,47% → 0,97%", () => {
    const [communes, withPlan, wider, plans, poor, nearPoor] = cells(d, "24");
    expect([communes, withPlan, wider]).toEqual(["99", "1", "0"]);
    expect(plans).toBe("1: Quảng Minh 2024 So sánh các kế hoạch");
    expect(poor).toBe("0,57% → 0,43% 1 kế hoạch, chuẩn nghèo 2022–2025, 2024");
    expect(nearPoor).toBe("1,47% → 0,97% 1 kế hoạch, chuẩn nghèo 2022–2025, 2024");
    const row = d.querySelector('tr[data-province="24"]')!;
    expect(row.querySelector('a[href="/localities/bac-giang/viet-yen/quang-minh/#gap-chart"]')).not.toBeNull();
    expect(row.querySelector('a[href="/provinces/bac-ninh/compare/"]')).not.toBeNull();
  });

  test("provinces reached through district and city plans: Ninh Bình (Thanh Liêm, 2016–2020), Khánh Hòa (Phan Rang), Đồng Nai (Long Khánh, a change only)", () => {
    expect(cells(d, "37")).toEqual(["129", "0", "6", "1: Thanh Liêm 2021 So sánh các kế hoạch", "1,64% → 1,49% 1 kế hoạch, chuẩn nghèo 2016–2020, 2021", "—"]);
    expect(cells(d, "56").slice(0, 3)).toEqual(["65", "0", "6"]);
    // Phan Rang prints its near-poverty baseline as 2,50%: the row keeps the plan's decimals.
    expect(cells(d, "56").slice(4)).toEqual(["0,97% → 0,72% 1 kế hoạch, chuẩn nghèo 2022–2025, 2024", "2,50% → 2,16% 1 kế hoạch, chuẩn nghèo 2022–2025, 2024"]);
    expect(cells(d, "75")).toEqual(["95", "0", "5", "1: Long Khánh 2024 So sánh các kế hoạch", "−35% số hộ chỉ nêu mức giảm, 1 kế hoạch", "−35% số hộ chỉ nêu mức giảm, 1 kế hoạch"]);
    expect(cells(d, "51").slice(4)).toEqual(["−1,11 điểm % chỉ nêu mức giảm, 1 kế hoạch", "−0,30 điểm % chỉ nêu mức giảm, 1 kế hoạch"]);
    // A province without a plan: dashes, no compare link.
    expect(cells(page("compare"), "01").slice(3)).toEqual(["—", "—", "—"]);
  });

  test("in English too, with the rule on the method page", () => {
    const en = page("en/compare");
    expect(cells(en, "24").slice(4)).toEqual(["0.57% → 0.43% 1 plan, 2022–2025 standard, 2024", "1.47% → 0.97% 1 plan, 2022–2025 standard, 2024"]);
    expect(en.querySelector('a[href="/en/method/#province-rows"]')).not.toBeNull();
    expect(text(page("method").querySelector("#province-rows")?.nextElementSibling)).toContain("Không bao giờ tính số bình quân");
  });
});

describe("the overview: the same rows, each plan's chart one click away", () => {
  const d = page("");
  test("34 province rows; every plan's locality linked from its row", () => {
    expect(d.querySelectorAll("tr[data-province]")).toHaveLength(34);
    const links = [...d.querySelectorAll("tr[data-province] a")].map((a) => a.getAttribute("href"));
    for (const l of ["bac-giang/viet-yen/quang-minh/#gap-chart", "ninh-thuan/phan-rang-thap-cham/#gap-chart", "ha-nam/thanh-liem/#gap-chart", "dong-nai/long-khanh/", "quang-ngai/duc-pho/pho-minh/"]) expect(links).toContain(`/localities/${l}`);
    // The anchors exist: the rate chart is on those pages.
    expect(page("localities/bac-giang/viet-yen/quang-minh").querySelector("#gap-chart")).not.toBeNull();
    expect(page("localities/ha-nam/thanh-liem").querySelector("#gap-chart")).not.toBeNull();
  });
  test("no chart per plan and no list of every plan", () => {
    expect([...d.querySelectorAll("figure.chart")].map((f) => f.id)).toEqual(["province-map"]);
    expect(d.querySelector("#plans")).toBeNull();
  });
});

describe("a province's compare page", () => {
  test("Bắc Ninh: Quảng Minh's plan, its charts, its pick, and a way back", () => {
    const d = page("provinces/bac-ninh/compare");
    expect(text(d.querySelector("h1"))).toBe("So sánh các kế hoạch: Tỉnh Bắc Ninh");
    expect([...d.querySelectorAll('input[data-param="plans"]')].map((i) => i.getAttribute("value"))).toEqual(["quang-minh-2024"]);
    expect(text(d.querySelector("#compare-poverty_rate-2022-2025 .summary"))).toBe("Kế hoạch đặt mục tiêu đưa tỷ lệ hộ nghèo của Quảng Minh từ 0,57% (31/12/2023) xuống 0,43% (31/12/2024), −0,14 điểm %, −4 hộ.");
    expect(d.querySelector("#compare-near_poverty_rate-2022-2025")).not.toBeNull();
    expect(d.querySelector("#matrix-chart")).not.toBeNull();
    expect(d.querySelector('a[href="/provinces/bac-ninh/"]')).not.toBeNull();
    expect(page("provinces/bac-ninh").querySelector('[data-compare-link] a[href="/provinces/bac-ninh/compare/"]')).not.toBeNull();
    expect(page("en/provinces/bac-ninh/compare").querySelector('a[href="/en/provinces/bac-ninh/"]')).not.toBeNull();
  });
  test("Đồng Nai: Long Khánh's change-only targets; Khánh Hòa: Phan Rang's chart; Hà Nội: no plan yet", () => {
    expect(text(page("provinces/dong-nai/compare").querySelector(".change-only"))).toContain("−35%");
    expect(text(page("provinces/khanh-hoa/compare").querySelector("#compare-poverty_rate-2022-2025 .summary"))).toContain("Phan Rang – Tháp Chàm");
    const hn = page("provinces/ha-noi/compare");
    expect(hn.querySelector("figure.chart")).toBeNull();
    expect(text(hn.querySelector(".lede"))).toMatch(/^Chưa có kế hoạch nào của các đơn vị nay thuộc thành phố Hà Nội/);
  });
});

describe("sizes: O(provinces)", () => {
  test("a province row is under 1.5 KB of HTML, so 34 of them and the page's fixed parts stay far under 1 MB", () => {
    for (const path of ["", "compare", "en", "en/compare"]) {
      const html = readFileSync(file(path), "utf8");
      const rows = [...html.matchAll(/<tr data-province=[\s\S]*?<\/tr>/g)].map((m) => m[0].length);
      expect(rows).toHaveLength(34);
      expect(Math.max(...rows), path).toBeLessThan(1_500);
    }
    expect(statSync(file("compare")).size).toBeLessThan(60_000);
    expect(statSync(file("provinces/bac-ninh/compare")).size).toBeLessThan(120_000);
  });
});
