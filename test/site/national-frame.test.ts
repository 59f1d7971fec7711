/**
 * The national frame in the built site: a page for each of the 34 provinces and 3,321 communes from 1 July 2025 in
 * both languages, coverage figures that match the dataset (5 plans; which units), the seed localities' lineage
 * both ways, "no plan collected yet" where there is none, and a search index that finds old and new names.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { searchMatches } from "../../src/view/search-match.ts";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist");
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, "index.html"), "utf8")).document;
const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

function countPages(dir: string): { provinces: number; communes: number } {
  let provinces = 0, communes = 0;
  for (const p of readdirSync(dir, { withFileTypes: true })) {
    if (!p.isDirectory()) continue;
    if (existsSync(join(dir, p.name, "index.html"))) provinces++;
    // Each province's compare page sits beside its communes, at compare/.
    for (const c of readdirSync(join(dir, p.name), { withFileTypes: true })) if (c.isDirectory() && c.name !== "compare" && existsSync(join(dir, p.name, c.name, "index.html"))) communes++;
  }
  return { provinces, communes };
}

describe("a page for every unit from 1 July 2025", () => {
  test("34 province pages and 3,321 commune pages, in Vietnamese and in English", () => {
    expect(countPages(join(DIST, "provinces"))).toEqual({ provinces: 34, communes: 3321 });
    expect(countPages(join(DIST, "en", "provinces"))).toEqual({ provinces: 34, communes: 3321 });
  });

  test("folded names that meet in a province keep their code in the address (Văn Lang / Văn Lăng)", () => {
    const lang = readdirSync(join(DIST, "provinces", "thai-nguyen")).filter((d) => d.startsWith("van-lang"));
    expect(lang.sort()).toEqual(["van-lang-02143", "van-lang-05665"].sort());
  });
});

describe("coverage matches the dataset", () => {
  test("overview: 5 plans reach 2 of 3,321 communes directly and 17 more through former districts", () => {
    expect(text(page("").querySelector("[data-coverage]"))).toMatch(/^Bộ dữ liệu có 5 kế hoạch\. Chúng chạm tới 2 trong 3\.321 xã, phường, đặc khu của cả nước \(và 17 nữa/);
    expect(text(page("en").querySelector("[data-coverage]"))).toMatch(/^The dataset holds 5 plans\. They reach 2 of Vietnam's 3,321 communes, wards and special zones \(and 17 more/);
  });

  test("overview by former units: 2 of 10,035 communes and 3 of 696 districts; by year 2021: 1, 2024: 4", () => {
    expect(text(page("").querySelector("#country"))?.length).toBeGreaterThan(0);
    const body = text(page("").querySelector("#country")!.parentElement);
    expect(body).toContain("kế hoạch của 2 trong 10.035 xã, 3 trong 696 huyện và 0 trong 63 tỉnh");
    expect(body).toContain("Theo năm: 2021: 1; 2024: 4.");
  });

  test("the province rows: Bắc Ninh 1 of 99 (Vân Hà), Quảng Ngãi 1 (Đức Phổ), Ninh Bình 6 through Thanh Liêm, Khánh Hòa 6 through Phan Rang, Đồng Nai 5 through Long Khánh", () => {
    const rows = [...page("").querySelectorAll("tr[data-province]")].map((r) => [r.getAttribute("data-province"), ...[...r.querySelectorAll("td")].map((td) => text(td))]);
    expect(rows).toHaveLength(34);
    // Communes, with a former commune's plan, only through a wider unit's plan (the columns that follow: test/site/lists.test.ts).
    const row = (code: string) => rows.find((r) => r[0] === code)!.slice(1, 4);
    expect(row("24")).toEqual(["99", "1", "0"]);
    expect(row("51")).toEqual(["96", "1", "0"]);
    expect(row("37")).toEqual(["129", "0", "6"]);
    expect(row("56")).toEqual(["65", "0", "6"]);
    expect(row("75")).toEqual(["95", "0", "5"]);
    expect(rows.reduce((s, r) => s + Number(String(r[1]).replace(".", "")), 0)).toBe(3321);
  });

  test("a province page counts the same: Bắc Ninh lists the Quảng Minh plan and 99 communes", () => {
    const d = page("provinces/bac-ninh");
    expect(text(d.querySelector('[data-figure="communes-with-plan"] .v'))).toBe("1");
    expect(text(d.querySelector('[data-figure="communes"] .v'))).toBe("99");
    expect(d.querySelectorAll("table.units tbody tr")).toHaveLength(99);
    expect(d.querySelector('section[aria-labelledby="coverage"] a[href="/plans/quang-minh-2024/"]')).not.toBeNull();
    // Its former districts, each an anchor a search lands on: Việt Yên (222) went into four wards.
    expect(text(d.querySelector("#d-222"))).toMatch(/^Thị xã Việt Yên .*: phường Tự Lạn, phường Việt Yên, phường Nếnh, phường Vân Hà$/);
  });
});

describe("the seed localities' lineage, both ways", () => {
  test("Quảng Minh's page leads to Phường Vân Hà (all of it), and Vân Hà's page back to Quảng Minh and its plan", () => {
    const qm = page("localities/bac-giang/viet-yen/quang-minh");
    const links = [...qm.querySelectorAll("[data-successors] a")].map((a) => [a.getAttribute("href"), text(a)]);
    expect(links).toEqual([["/provinces/bac-ninh/van-ha/", "Phường Vân Hà"]]);
    expect(text(qm.querySelector("[data-successors] li"))).toContain("(toàn bộ)");
    const vh = page("provinces/bac-ninh/van-ha");
    const olds = [...vh.querySelectorAll("tr[data-old-code]")].map((r) => r.getAttribute("data-old-code"));
    expect(olds.sort()).toEqual(["07780", "07786", "07792", "07798", "07804"]);
    expect(vh.querySelector('tr[data-old-code="07792"] a')?.getAttribute("href")).toBe("/localities/bac-giang/viet-yen/quang-minh/");
    expect(vh.querySelector('[data-plans="direct"] a[href="/plans/quang-minh-2024/"]')).not.toBeNull();
  });

  test("Long Khánh (a former city) went in part into five wards; each of them shows its plan as covering a wider area", () => {
    const lk = page("localities/dong-nai/long-khanh");
    expect([...lk.querySelectorAll("[data-successors] a")].map((a) => text(a))).toEqual(["Phường Long Khánh", "Phường Bình Lộc", "Phường Bảo Vinh", "Phường Xuân Lập", "Phường Hàng Gòn"]);
    const ward = page("provinces/dong-nai/long-khanh");
    expect(ward.querySelector('[data-plans="wider"] a[href="/plans/long-khanh-2024/"]')).not.toBeNull();
    expect(ward.querySelector('[data-plans="direct"]')).toBeNull();
  });

  test("plans followed across years: the seed targets are all 'not yet known', each once", () => {
    const rows = [...page("provinces/bac-ninh/van-ha").querySelectorAll("tr[data-outcome]")];
    expect(new Set(rows.map((r) => r.getAttribute("data-outcome")))).toEqual(new Set(["unknown"]));
    // Quảng Minh prints its rate and count targets twice (body and appendix): one row each; 17 → 13 of its 2,991 households are poor.
    expect(rows.map((r) => [...r.querySelectorAll("td")].slice(1).map((td) => text(td)))).toEqual([
      ["Số hộ cận nghèo", "44 hộ", "29 hộ", "31/12/2024", "—", "Chưa biết"],
      ["Tỷ lệ hộ cận nghèo", "1,47%", "0,97%", "31/12/2024", "—", "Chưa biết"],
      ["Số hộ nghèo", "17 hộ", "13 hộ", "31/12/2024", "—", "Chưa biết"],
      ["Tỷ lệ hộ nghèo", "0,57%", "0,43%", "31/12/2024", "—", "Chưa biết"],
    ]);
  });
});

describe("plans followed across years on the locality pages", () => {
  test("Quảng Minh shows its own rate targets, each 'not yet known', and its group Đông Long its own figures", () => {
    const rows = (path: string) => [...page(path).querySelectorAll("tr[data-outcome]")].map((r) => [...r.querySelectorAll("td")].slice(1).map((td) => text(td)));
    expect(rows("localities/bac-giang/viet-yen/quang-minh")).toEqual([
      ["Số hộ cận nghèo", "44 hộ", "29 hộ", "31/12/2024", "—", "Chưa biết"],
      ["Tỷ lệ hộ cận nghèo", "1,47%", "0,97%", "31/12/2024", "—", "Chưa biết"],
      ["Số hộ nghèo", "17 hộ", "13 hộ", "31/12/2024", "—", "Chưa biết"],
      ["Tỷ lệ hộ nghèo", "0,57%", "0,43%", "31/12/2024", "—", "Chưa biết"],
    ]);
    // Đông Long has no page of its own: its section of Quảng Minh's page gives its baseline → target, both groups.
    const group = page("localities/bac-giang/viet-yen/quang-minh").getElementById("group-dong-long")!;
    expect([...group.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("th, td")].map((c) => text(c)))).toEqual([
      ["Hộ nghèo", "7 (0,87%)", "1 (0,12%)", "6 (0,75%)"],
      ["Hộ cận nghèo", "19 (2,37%)", "8 (1,00%)", "11 (1,37%)"],
    ]);
    // Long Khánh promises −35% of its poor (A) and near-poor households, with no baseline printed: not yet known.
    expect(rows("en/localities/dong-nai/long-khanh")).toEqual([
      ["Near-poor households", "", "−35%", "31 Dec 2024", "—", "Not yet known"],
      ["Poor households, poor households (a)", "", "−35%", "31 Dec 2024", "—", "Not yet known"],
    ]);
  });
});

describe("where the plan and the gazetteer disagree", () => {
  test("Phan Rang – Tháp Chàm: the plan counts 16 wards and communes, the 01/03/2025 list 13; both are shown", () => {
    const d = page("localities/ninh-thuan/phan-rang-thap-cham");
    expect(text(d.querySelector("[data-snapshot-children]"))).toMatch(/^Theo danh mục đơn vị hành chính ngày 01\/03\/2025, đơn vị này có 13 xã, phường, thị trấn/);
    expect(text(d.querySelector('[data-code="unit_count"]'))).toContain("16 phường, xã");
  });
});

describe("a commune with no plan", () => {
  test("Phường Ba Đình says so plainly and says how a plan is added", () => {
    const d = page("provinces/ha-noi/ba-dinh");
    expect(text(d.querySelector("h1"))).toBe("Phường Ba Đình");
    expect(text(d.querySelector("[data-no-plan]"))).toBe("Chưa thu thập được kế hoạch nào của đơn vị này hoặc của các đơn vị cũ hình thành nên nó. Cách bổ sung một kế hoạch.");
    expect(d.querySelector('[data-no-plan] a[href="/method/#add-plan"]')).not.toBeNull();
    expect(page("method").querySelector("#add-plan")).not.toBeNull();
    expect(text(page("en/provinces/ha-noi/ba-dinh").querySelector("[data-no-plan]"))).toMatch(/^No plan collected yet/);
  });
});

describe("the search index finds old and new names", () => {
  type Entry = [string, string, string, string, string, string];
  const shard = (name: string, locale = ""): Entry[] => JSON.parse(readFileSync(join(DIST, locale, "search", `${name}.json`), "utf8"));
  // As the page's script picks files: two first letters, three where the page says the two-letter file is split.
  const split = new Set(page("").querySelector("#unit-results")!.getAttribute("data-split")!.split(" "));
  const shardOf = (w: string) => (w.length >= 3 && split.has(w.slice(0, 2)) ? w.slice(0, 3) : w.slice(0, 2));
  const find = (q: string, locale = "") => {
    const words = q.split(" ");
    const entries = [...new Set(words.map(shardOf))].flatMap((s) => (existsSync(join(DIST, locale, "search", `${s}.json`)) ? shard(s, locale) : []));
    return [...new Map(entries.filter((e) => searchMatches(q, { name: e[0], type: e[1], parents: e[2] })).map((e) => [e[5], e])).values()];
  };

  test("an old commune merged away (Xã Tiên Sơn of Việt Yên) lands on the row of Vân Hà's page that tells its story", () => {
    const hits = find("xa tien son viet yen");
    expect(hits.map((h) => h[5])).toEqual(["/provinces/bac-ninh/van-ha/#old-07786"]);
    expect(hits[0][4]).toContain("nay thuộc phường Vân Hà");
    expect(page("provinces/bac-ninh/van-ha").querySelector("#old-07786")).not.toBeNull();
  });

  test("a new name, without accents: 'phuong van ha' finds Phường Vân Hà; in English it links to the English page", () => {
    expect(find("phuong van ha").map((h) => h[5])).toContain("/provinces/bac-ninh/van-ha/");
    expect(find("phuong van ha", "en").map((h) => h[5])).toContain("/en/provinces/bac-ninh/van-ha/");
  });

  test("an old district lands on its new province's list of former districts", () => {
    expect(find("huyen thanh liem").map((h) => h[5])).toContain("/localities/ha-nam/thanh-liem/");
    expect(find("thi xa kim bang").map((h) => h[5])).toContain("/provinces/ninh-binh/#d-350");
    expect(text(page("provinces/ninh-binh").querySelector("#d-350"))).toMatch(/^Thị xã Kim Bảng \(tỉnh Hà Nam, 6 đơn vị\): phường Kim Bảng/);
  });

  test("crowded files are cut by three letters, and a query through them still finds its unit: 'thanh liem' → Xã Thanh Liêm", () => {
    expect([...split]).toContain("th");
    expect(find("thanh liem").map((h) => h[5])).toContain("/provinces/ninh-binh/thanh-liem/");
    expect(readFileSync(join(DIST, "search", "tha.json")).length).toBeLessThan(readFileSync(join(DIST, "search", "th.json")).length);
  });

  test("every unit is in the index: 14,161 names less the old units the mapping sends nowhere", () => {
    const all = new Set<string>();
    for (const f of readdirSync(join(DIST, "search"))) for (const e of shard(f.replace(".json", ""))) all.add(`${e[3]}|${e[4]}|${e[5]}`);
    expect(all.size).toBeGreaterThan(14_000);
  });
});
