/**
 * The province map as built (dist/, `npm test` builds first): the national map holds 34 province shapes, each a link
 * to its province's page named from the catalogue, coloured by the rule of the method page (rates under the latest
 * standard only); the locator of every locality page is its new province's file; and both stay within their weight
 * budgets as files a browser downloads (gzip): the national map 40 KB, a locator 15 KB.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { MAP_FILLS } from "../../src/charts/map.ts";
import type { UnitRow } from "../../src/domain/schema.ts";
import { unitPaths } from "../../src/view/unit-paths.ts";
import { ROOT } from "../data/helpers.ts";

const DIST = join(ROOT, "dist");
const read = (path: string) => {
  const file = join(DIST, path);
  expect(existsSync(file), `${path} is missing: run \`npm run build\` (npm test builds first)`).toBe(true);
  return readFileSync(file, "utf8");
};
const gzipKB = (text: string) => gzipSync(text, { level: 9 }).length / 1024;
const units = JSON.parse(readFileSync(join(ROOT, "public/data/units.json"), "utf8")) as UnitRow[];
const provinces = units.filter((u) => u.period === "after" && u.level === "province");
const paths = unitPaths(units);

/** The map's SVG markup as the overview page inlines it. */
const inlineMap = (html: string) => {
  const { document } = parseHTML(html);
  const svg = document.querySelector("#province-map svg.ppt-map");
  expect(svg, "the overview has no province map").not.toBeNull();
  return svg!;
};

describe.each([["vi", "", "index.html"], ["en", "/en", "en/index.html"]] as const)("the national map (%s)", (locale, prefix, page) => {
  const svg = inlineMap(read(page));
  const links = [...svg.querySelectorAll("a")];

  test("holds 34 province shapes, each a link to its province's page, named", () => {
    expect(links).toHaveLength(34);
    expect(links.map((a) => a.getAttribute("data-province")).sort()).toEqual(provinces.map((p) => p.code).sort());
    for (const a of links) {
      const p = provinces.find((x) => x.code === a.getAttribute("data-province"))!;
      expect(a.getAttribute("href")).toBe(`${prefix}${paths.get(p.code)}`);
      expect(a.getAttribute("href")).toMatch(/^(\/en)?\/provinces\/[a-z0-9-]+\/$/);
      expect(a.querySelectorAll("path")).toHaveLength(1);
      expect(a.getAttribute("aria-label")!.startsWith(`${p.name}: `)).toBe(true);
      expect(a.querySelector("path title")?.textContent).toBe(a.getAttribute("aria-label"));
    }
    expect(links.find((a) => a.getAttribute("data-province") === "79")!.getAttribute("href")).toBe(`${prefix}/provinces/ho-chi-minh/`);
  });

  test("is coloured by the dataset: the latest rate under the 2022–2025 standard, never the 2016–2020 one", () => {
    const fill = (code: string) => links.find((a) => a.getAttribute("data-province") === code)!.querySelector("path")!.getAttribute("fill");
    const label = (code: string) => links.find((a) => a.getAttribute("data-province") === code)!.getAttribute("aria-label")!;
    // Khánh Hòa: Phan Rang – Tháp Chàm, 0,97% on 31/12/2023; Bắc Ninh: Quảng Minh, 0,57%. Both under 1%.
    expect(fill("56")).toBe(MAP_FILLS.rates[0]);
    expect(label("56")).toContain(locale === "vi" ? "0,97% (31/12/2023)" : "0.97%");
    expect(fill("24")).toBe(MAP_FILLS.rates[0]);
    expect(label("24")).toContain(locale === "vi" ? "0,57%" : "0.57%");
    // Ninh Bình: Thanh Liêm's 1,64% is under the 2016–2020 standard, so it is not on the scale.
    expect(fill("37")).toBe(MAP_FILLS.noRate);
    expect(label("37")).not.toMatch(/1[,.]64/);
    // Đồng Nai (Long Khánh) and Quảng Ngãi (Phổ Minh) have a plan without a stated rate; the other 29 have none.
    expect([fill("75"), fill("51")]).toEqual([MAP_FILLS.noRate, MAP_FILLS.noRate]);
    expect(links.filter((a) => a.querySelector("path")!.getAttribute("fill") === MAP_FILLS.none)).toHaveLength(29);
  });

  test("says the archipelagos' names and its key (the standard named)", () => {
    const text = svg.textContent!;
    expect(text).toContain(locale === "vi" ? "Quần đảo Hoàng Sa" : "Hoàng Sa archipelago");
    expect(text).toContain(locale === "vi" ? "Quần đảo Trường Sa" : "Trường Sa archipelago");
    expect(text).toContain(locale === "vi" ? "theo chuẩn nghèo 2022–2025" : "under the 2022–2025 standard");
  });

  // Its download is made in the browser from this inline drawing (framed with a title and source line).
  test("weighs at most 40 KB gzip inline", () => {
    expect(gzipKB(svg.outerHTML)).toBeLessThanOrEqual(40);
  });
});

describe("locators", () => {
  const files = readdirSync(join(DIST, "maps")).filter((f) => /^locator-\d{2}\.svg$/.test(f));

  test("one per province, each at most 15 KB gzip, with its province marked", () => {
    expect(files.sort()).toEqual(provinces.map((p) => `locator-${p.code}.svg`).sort());
    for (const f of files) {
      const text = read(`maps/${f}`);
      expect(gzipKB(text), f).toBeLessThanOrEqual(15);
      expect(text.startsWith("<?xml")).toBe(true);
      // The marked province is the only shape in the accent colour: a second geo mark with one path.
      const { document } = parseHTML(text);
      const groups = [...document.querySelectorAll("g")].filter((g) => g.querySelector("path"));
      expect(groups.at(-1)!.querySelectorAll("path"), f).toHaveLength(1);
      expect(groups.at(-1)!.getAttribute("fill")).toBe("#b4490b");
    }
  });

  test.each([
    ["localities/ninh-thuan/phan-rang-thap-cham/index.html", "56", "Vị trí của Khánh Hoà trên bản đồ Việt Nam"],
    ["en/localities/bac-giang/viet-yen/quang-minh/index.html", "24", "Where Bắc Ninh is on the map of Vietnam"],
    ["localities/ha-nam/thanh-liem/index.html", "37", "Vị trí của Ninh Bình"],
  ])("%s shows its new province's locator (%s) as an image with alt text", (page, code, alt) => {
    const { document } = parseHTML(read(page));
    const imgs = [...document.querySelectorAll("figure.locator img")];
    expect(imgs.map((i) => i.getAttribute("src"))).toEqual([`/maps/locator-${code}.svg`]);
    expect(imgs[0].getAttribute("alt")).toContain(alt);
    // The page loads the locator, not a drawing of its own.
    expect(document.querySelectorAll("figure.locator svg")).toHaveLength(0);
  });
});

test.each([["vi", "method/index.html"], ["en", "en/method/index.html"]] as const)("the %s method page says where the boundaries come from, how they were simplified and the colour rule", (locale, page) => {
  const { document } = parseHTML(read(page));
  const h2 = document.querySelector("h2#map");
  expect(h2).not.toBeNull();
  const text: string[] = [];
  for (let n = h2!.nextElementSibling; n && n.tagName !== "H2"; n = n.nextElementSibling) text.push(n.textContent ?? "");
  const all = text.join(" ");
  expect(all).toContain("vietnamese-provinces-database");
  expect(all).toContain("topojson-simplify");
  expect(all).toContain(locale === "vi" ? "dưới 1%, 1–3%, 3–5%, 5–10%, từ 10% trở lên" : "under 1%, 1–3%, 3–5%, 5–10%, 10% or more");
  expect(all).toMatch(locale === "vi" ? /chuẩn nghèo 2022–2025/ : /2022–2025 standard/);
  // The source is named as a dataset, not as a path of this repository.
  expect(all).not.toMatch(/data\/reference|\.geojson/);
});
