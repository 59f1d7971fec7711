/**
 * Chart snapshots: one named case per chart state, drawn from the real data with the server document, SVG normalised
 * (numbers to 3 decimals, ids renumbered) and compared with a file under snapshots/. Plus checks on what each chart must show.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { contrast, marginFor, sequential, textOn, textWidth } from "../../src/charts/common.ts";
import { COLORS, coverageChart, coverageHeatmap, deprivationChart, dumbbellChart, groupBarsChart, type GroupSort } from "../../src/charts/index.ts";
import type { Locale } from "../../src/i18n/format.ts";
import { serverDocument } from "../../src/render/server-dom.ts";
import { loadSiteData, type SiteData } from "../../src/load/site-data.ts";
import { coverageTargets, deprivationProfile, groupBars, rateTargets, type Measure, type RateTargetRow } from "../../src/view/view.ts";
import { ROOT, tempDir } from "../data/helpers.ts";

const QM = "bac-giang/viet-yen/quang-minh";
const GROUPS = ["Khả Lý Thượng", "Khả Lý Hạ", "Đông Long", "Đình Cả", "Kẽ"];
const SORTS: GroupSort[] = ["name", "baseline", "exit", "target"];
const LOCALES: Locale[] = ["vi", "en"];

let tmp: string;
let data: SiteData;
const document = serverDocument();

beforeAll(async () => {
  // Draw from freshly built data files, not whatever public/data holds.
  tmp = tempDir("charts");
  await buildData(ROOT, tmp);
  data = loadSiteData(tmp);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Numbers to 3 decimals and ids renumbered in order of appearance, so snapshots survive float noise and id counters. */
function normalise(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `id-${ids.size + 1}`);
  let out = svg.replace(/-?\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
  for (const [from, to] of ids) out = out.split(`"${from}"`).join(`"${to}"`).split(`#${from})`).join(`#${to})`);
  return out.replace(/></g, ">\n<");
}

const overview = (): RateTargetRow[] =>
  (["poor", "near_poor"] as Measure[]).flatMap((m) => rateTargets(data, m)).filter((r) => r.standard === "2022-2025");

const charts = {
  groups: (measure: Measure, sort: GroupSort, locale: Locale = "vi") => groupBarsChart(groupBars(data, QM, measure), { document, locale, sort }),
  deprivation: (locale: Locale) => deprivationChart(deprivationProfile(data, QM, locale), { document, locale }),
  dumbbell: (locale: Locale) => dumbbellChart(overview(), { document, locale }),
  coverage: (locale: Locale) => coverageChart(coverageTargets(data, locale), { document, locale, highlight: "pho-minh-2024" }),
  heatmap: (locale: Locale) => coverageHeatmap(coverageTargets(data, locale), { document, locale }),
};

/** Visible text of an element: its own text and tspans, without the tooltip <title>. */
const visible = (n: Element) => [...n.childNodes].filter((c) => c.nodeName.toLowerCase() !== "title").map((c) => c.textContent ?? "").join("");
/** Visible texts of the elements matching a selector; `title` selects the tooltips themselves. */
const texts = (el: Element, selector: string) =>
  [...el.querySelectorAll(selector)].map((n) => (n.nodeName.toLowerCase() === "title" ? n.textContent ?? "" : visible(n)));

describe("snapshots", () => {
  for (const measure of ["poor", "near_poor"] as Measure[]) {
    for (const sort of SORTS) {
      test(`groups-quang-minh-${measure}-${sort}`, async () => {
        await expect(normalise(charts.groups(measure, sort).outerHTML)).toMatchFileSnapshot(`snapshots/groups-quang-minh-${measure}-${sort}.svg`);
      });
    }
  }
  for (const locale of LOCALES) {
    test(`deprivation-quang-minh-${locale}`, async () => {
      await expect(normalise(charts.deprivation(locale).outerHTML)).toMatchFileSnapshot(`snapshots/deprivation-quang-minh-${locale}.svg`);
    });
    test(`dumbbell-2022-2025-${locale}`, async () => {
      await expect(normalise(charts.dumbbell(locale).outerHTML)).toMatchFileSnapshot(`snapshots/dumbbell-2022-2025-${locale}.svg`);
    });
    test(`coverage-pho-minh-${locale}`, async () => {
      await expect(normalise(charts.coverage(locale).outerHTML)).toMatchFileSnapshot(`snapshots/coverage-pho-minh-${locale}.svg`);
    });
    test(`heatmap-coverage-${locale}`, async () => {
      await expect(normalise(charts.heatmap(locale).outerHTML)).toMatchFileSnapshot(`snapshots/heatmap-coverage-${locale}.svg`);
    });
  }
});

describe("group bars", () => {
  test("draws the five residential groups of Quảng Minh with Khả Lý Thượng's 7 → 6 poor households", () => {
    const svg = charts.groups("poor", "name");
    const labels = texts(svg, "text");
    for (const name of GROUPS) expect(labels).toContain(name);
    const value = (ref: string) => texts(svg, `.ppt-value [data-ref="${ref}"]`)[0];
    expect(value("s-kha-ly-thuong-poor-households-poor-2023-12-31")).toBe("7");
    expect(value("t-kha-ly-thuong-poor-households-poor-count-2024-12-31")).toBe("6");
    expect(svg.querySelectorAll(".ppt-bar rect")).toHaveLength(15);
  });

  test("sorts groups by a series, largest first, ties in input order", () => {
    const order = (sort: GroupSort) => texts(charts.groups("poor", sort), "text").filter((t) => GROUPS.includes(t));
    expect(order("name")).toEqual(GROUPS);
    expect(order("baseline")).toEqual(["Khả Lý Thượng", "Đông Long", "Đình Cả", "Kẽ", "Khả Lý Hạ"]);
    expect(order("exit")).toEqual(["Đình Cả", "Khả Lý Thượng", "Đông Long", "Khả Lý Hạ", "Kẽ"]);
  });

  test("prints the rate in the tooltip in the locale", () => {
    const titles = texts(charts.groups("poor", "name", "en"), ".ppt-bar title");
    expect(titles).toContain("Khả Lý Thượng, end of 2023: 7 households (0.69% of all households)");
  });
});

describe("deprivation", () => {
  test("draws a ring for each of the 9 shares that do not match households ÷ group", () => {
    for (const locale of LOCALES) expect(charts.deprivation(locale).querySelectorAll(".ppt-recomputed circle")).toHaveLength(9);
  });

  test("shows the printed 58.8% for employment of poor households in the locale", () => {
    const vi = texts(charts.deprivation("vi"), "circle title");
    const en = texts(charts.deprivation("en"), "circle title");
    expect(vi.some((t) => t.includes("58,8") && t.includes("17,65"))).toBe(true);
    expect(en.some((t) => t.includes("58.8") && t.includes("17.65"))).toBe(true);
  });

  test("keeps its key inside the SVG", () => {
    const svg = charts.deprivation("vi");
    expect(texts(svg, ".ppt-key text")).toContain("tính lại = số hộ ÷ số hộ của nhóm");
    expect(svg.querySelector("figure, div")).toBeNull();
  });
});

describe("dumbbell", () => {
  test("prints rates and changes in the locale", () => {
    const vi = charts.dumbbell("vi").outerHTML;
    expect(vi).toContain("0,57");
    expect(vi).toContain("−0,14");
    expect(vi).toContain("Quảng Minh, hộ nghèo: 0,57% (31/12/2023) → 0,43% (31/12/2024), −0,14 điểm %, −4 hộ");
    const en = charts.dumbbell("en").outerHTML;
    expect(en).toContain("0.57");
    expect(en).not.toContain("0,57");
  });

  test("shows a households range as an approximate figure", () => {
    const rows = rateTargets(data, "poor").filter((r) => r.standard === "2016-2020");
    const svg = dumbbellChart(rows, { document, locale: "vi" });
    // Two lines (points, then households), so the label fits a phone-wide chart.
    expect(texts(svg, ".ppt-change text tspan")).toEqual(["−0,15 điểm %", "≈ −64 hộ"]);
  });
});

describe("coverage", () => {
  test("highlights one plan and words its comparators", () => {
    const svg = charts.coverage("vi");
    expect(svg.querySelectorAll(".ppt-highlight circle")).toHaveLength(coverageTargets(data, "vi").filter((r) => r.plan_id === "pho-minh-2024").length);
    expect(texts(svg, ".ppt-key text")).toContain("3 Phổ Minh");
    expect(texts(svg, ".ppt-highlight-label text")).toContain("ít nhất 70%");
    expect(texts(charts.coverage("en"), "circle title").some((t) => t.includes("over 95%"))).toBe(true);
    expect(texts(svg, "text").some((t) => t.includes("trục bắt đầu từ 50%"))).toBe(true);
  });

  test("says which dot is which plan: every dot carries its plan's number, and the key names each number", () => {
    for (const svg of [charts.coverage("vi"), coverageChart(coverageTargets(data, "vi"), { document, locale: "vi" })]) {
      const rows = coverageTargets(data, "vi");
      const plans = [...new Set(rows.map((r) => r.plan_id))].sort();
      const names = plans.map((p) => rows.find((r) => r.plan_id === p)!.locality_name);
      expect(texts(svg, ".ppt-key text")).toEqual(names.map((n, i) => `${i + 1} ${n}`));
      expect(svg.querySelectorAll(".ppt-plan-number text")).toHaveLength(rows.length);
      // Phổ Minh's (plan 3) dots are numbered 3.
      const numbers = texts(svg, ".ppt-plan-number text");
      expect(numbers.filter((n) => n === String(plans.indexOf("pho-minh-2024") + 1))).toHaveLength(rows.filter((r) => r.plan_id === "pho-minh-2024").length);
    }
  });

  test("heatmap prints each value and marks missing targets", () => {
    const svg = charts.heatmap("vi");
    const rows = coverageTargets(data, "vi");
    const plans = new Set(rows.map((r) => r.plan_id)).size;
    const indicators = new Set(rows.map((r) => r.indicator)).size;
    expect(svg.querySelectorAll(".ppt-cell rect")).toHaveLength(rows.length);
    expect(texts(svg, "text").filter((t) => t === "—")).toHaveLength(plans * indicators - rows.length);
    expect(texts(svg, ".ppt-cell-value text")).toContain("≥ 70");
  });
});

describe("at national size", () => {
  test("fits the margin to the widest of 200,000 labels (a spread into Math.max overflows the stack there)", () => {
    const labels = Array.from({ length: 200_000 }, (_, i) => (i === 123_456 ? "Khả Lý Thượng, Quảng Minh" : "Kẽ"));
    expect(marginFor(labels, 60, 400)).toBe(textWidth("Khả Lý Thượng, Quảng Minh") + 16);
    expect(marginFor(labels, 60, 200)).toBe(200);
    expect(marginFor([], 60, 200)).toBe(60);
  });
});

describe("every chart", () => {
  const all = (): [string, SVGSVGElement][] => [
    ["groups", charts.groups("poor", "name")], ["deprivation", charts.deprivation("vi")], ["dumbbell", charts.dumbbell("vi")],
    ["coverage", charts.coverage("vi")], ["heatmap", charts.heatmap("vi")],
  ];

  test("is one accessible SVG image with a title first and no named inner groups", () => {
    for (const [, svg] of all()) {
      expect(svg.tagName.toLowerCase()).toBe("svg");
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")).toBeTruthy();
      expect(svg.firstElementChild?.tagName.toLowerCase()).toBe("title");
      expect(svg.firstElementChild?.textContent).toBe(svg.getAttribute("aria-label"));
      expect(svg.querySelectorAll("g[aria-label], g[aria-description]")).toHaveLength(0);
      expect(svg.getAttribute("class")).toBe("ppt-chart");
    }
  });

  test("links every element with a tooltip to its source quote", () => {
    for (const [name, svg] of all()) {
      const titled = [...svg.querySelectorAll("title")].map((t) => t.parentElement as Element).filter((el) => el !== (svg as Element));
      expect(titled.length, name).toBeGreaterThan(0);
      // Heatmap cells for targets a plan never set have nothing to quote.
      const unlinked = titled.filter((el) => !el.getAttribute("data-ref") && el.parentElement?.getAttribute("class") !== "ppt-missing");
      expect(unlinked.map((el) => el.outerHTML), name).toEqual([]);
    }
  });

  test("uses colours of at least 4.5:1 for marks and text", () => {
    for (const c of [COLORS.poor, COLORS.near_poor, COLORS.baseline, COLORS.exit, COLORS.ink]) expect(contrast(c, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrast(COLORS.muted, COLORS.missing)).toBeGreaterThanOrEqual(4.5);
    for (let t = 0; t <= 1; t += 0.01) expect(contrast(sequential(t), textOn(sequential(t)))).toBeGreaterThanOrEqual(4.5);
  });

  test("renders the same bytes twice", () => {
    const first = all().map(([, svg]) => svg.outerHTML);
    const second = all().map(([, svg]) => svg.outerHTML);
    expect(second).toEqual(first);
  });
});
