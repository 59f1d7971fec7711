/**
 * The built site in a real browser (Debian chromium): every template renders with JavaScript off, URL state
 * round-trips, toggles change URL and chart, hostile query values fall back, axe finds nothing, the keyboard
 * reaches every control, and figures on pages match the public data files in both locales.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { nationalRows } from "../data/helpers.ts";
import { TEMPLATES as ALL_TEMPLATES, urlOf } from "./templates.ts";

/** The public data files the build wrote (the same the site serves at /data/). */
const readJson = (name: string) => JSON.parse(readFileSync(new URL(`../../public/data/${name}`, import.meta.url), "utf8"));
// Tables of figures for the whole country are published as JSON per province (the national file is a CSV).
const PUBLIC_DATA = new URL("../../public/data", import.meta.url).pathname;

const QM = "/localities/bac-giang/viet-yen/quang-minh/";
const TEMPLATES = [
  { name: "overview", path: "/", charts: 1 },
  { name: "locality", path: QM, charts: 4 },
  { name: "plan", path: "/plans/phan-rang-thap-cham-2024/", charts: 0 },
  { name: "compare", path: "/compare/", charts: 0 },
  { name: "province compare", path: "/provinces/bac-ninh/compare/", charts: 2 },
  { name: "data", path: "/data/", charts: 0 },
  { name: "method", path: "/method/", charts: 0 },
  { name: "province", path: "/provinces/bac-ninh/", charts: 0 },
  { name: "commune", path: "/provinces/bac-ninh/van-ha/", charts: 0 },
];

const visibleVariant = (page: Page, figureId: string) => page.locator(`#${figureId} > .variant:not([hidden])`);

for (const locale of ["", "/en"]) {
  for (const tpl of TEMPLATES) {
    test(`${tpl.name}${locale} renders with JavaScript off`, async ({ browser }) => {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      const res = await page.goto(locale + tpl.path);
      expect(res?.status()).toBe(200);
      await expect(page.locator("h1")).toHaveCount(1);
      expect(await page.locator("html").getAttribute("lang")).toBe(locale ? "en" : "vi");
      const charts = await page.locator("figure.chart svg:visible").count();
      expect(charts).toBeGreaterThanOrEqual(tpl.charts);
      await ctx.close();
    });
  }
}

// axe on every template (meeting and embed included), both languages, on a phone and on a laptop: layout changes
// with the width (wrapped controls, sticky table columns, scaled charts), and so can what axe finds.
for (const width of [390, 1280]) {
  for (const locale of ["", "/en"]) {
    for (const tpl of ALL_TEMPLATES) {
      test(`${tpl.name}${locale} has no axe violations at ${width} px`, async ({ page }) => {
        // A plan page draws its whole source document (hundreds of anchored lines); axe needs 10–30 s for it on a busy
        // 2-core machine.
        test.setTimeout(90_000);
        await page.setViewportSize({ width, height: width < 500 ? 844 : 800 });
        await page.goto(urlOf(tpl, locale));
        // After the page's script: it makes chart marks focusable and names them.
        await page.waitForLoadState("networkidle");
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`)).toEqual([]);
      });
    }
  }
}

test("a URL with state reopens the same view", async ({ page }) => {
  await page.goto(`${QM}?group=near_poor&sort=target`);
  await expect(visibleVariant(page, "groups-chart")).toHaveAttribute("data-when", "group=near_poor sort=target");
  await expect(page.locator('input[data-param="group"][value="near_poor"]')).toBeChecked();
  await expect(page.locator('select[data-param="sort"]')).toHaveValue("target");
  // Sorted by end-2024 target: Khả Lý Thượng and Đông Long (11 each) come before Kẽ (3).
  const firstRow = visibleVariant(page, "groups-chart").locator("tbody tr").first();
  await expect(firstRow).toContainText(/Khả Lý Thượng|Đông Long/);
});

test("toggles change the URL and the chart; back and forward restore them", async ({ page }) => {
  await page.goto(QM);
  await expect(visibleVariant(page, "groups-chart")).toHaveAttribute("data-when", "group=poor sort=name");
  const before = await visibleVariant(page, "groups-chart").locator("svg").innerHTML();
  await page.locator('input[data-param="group"][value="near_poor"]').check();
  await expect(page).toHaveURL(/\?group=near_poor$/);
  await expect(visibleVariant(page, "groups-chart")).toHaveAttribute("data-when", "group=near_poor sort=name");
  expect(await visibleVariant(page, "groups-chart").locator("svg").innerHTML()).not.toBe(before);
  await page.locator('select[data-param="sort"]').selectOption("baseline");
  await expect(page).toHaveURL(/\?group=near_poor&sort=baseline$/);
  await page.goBack();
  await expect(visibleVariant(page, "groups-chart")).toHaveAttribute("data-when", "group=near_poor sort=name");
  await page.goBack();
  await expect(visibleVariant(page, "groups-chart")).toHaveAttribute("data-when", "group=poor sort=name");
  await page.goForward();
  await expect(page.locator('input[data-param="group"][value="near_poor"]')).toBeChecked();
});

test("hostile query values fall back to the default view and run nothing", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  const hostile = [
    "?group=%3Cscript%3Ealert(1)%3C%2Fscript%3E&sort=javascript:alert(1)",
    '?group="><img src=x onerror=alert(1)>&sort=' + "x".repeat(5000),
    "?group=near_poor%00&sort=name%0A",
    "?group[]=near_poor&__proto__=x&constructor=y",
  ];
  for (const q of hostile) {
    await page.goto(QM + q);
    await expect(visibleVariant(page, "groups-chart")).toHaveAttribute("data-when", "group=poor sort=name");
    await expect(page.locator("img[src=x]")).toHaveCount(0);
  }
  expect(dialogs).toBe(0);
});

test("the keyboard reaches every control of the locality page", async ({ page }) => {
  await page.goto(QM);
  // A radio group is one tab stop (arrow keys move inside it), so radios are keyed by their group name.
  const controls = await page.locator("main input:visible, main select:visible, main button:visible").evaluateAll((els) =>
    [...new Set(els.map((e) => (e instanceof HTMLInputElement && e.type === "radio" ? `radio:${e.name}` : e.outerHTML)))]);
  expect(controls.length).toBeGreaterThanOrEqual(3);
  const reached = new Set<string>();
  for (let i = 0; i < 200 && reached.size < controls.length; i++) {
    await page.keyboard.press("Tab");
    const k = await page.evaluate(() => {
      const e = document.activeElement;
      return !e ? "" : e instanceof HTMLInputElement && e.type === "radio" ? `radio:${e.name}` : e.outerHTML;
    });
    if (controls.includes(k)) reached.add(k);
  }
  expect([...reached].sort()).toEqual([...controls].sort());
  // Arrow keys move between the group radios, and that changes the view.
  await page.locator('input[data-param="group"][value="poor"]').focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/group=near_poor/);
});

test("figures on the Quảng Minh page match the public data files, in both locales", async ({ page }) => {
  const stats = nationalRows(PUBLIC_DATA, "statistics").filter((s: { locality_id: string }) => s.locality_id === "bac-giang/viet-yen/quang-minh");
  const total = stats.find((s: { indicator: string }) => s.indicator === "total_households");
  const poor = stats.find((s: { indicator: string }) => s.indicator === "poor_households");
  const rate = stats.find((s: { indicator: string }) => s.indicator === "poverty_rate");
  expect([total.value, poor.value, rate.value]).toEqual([2991, 17, 0.57]);
  await page.goto(QM);
  await expect(page.locator('section[aria-labelledby="key"] li[data-indicator="total_households"] .v')).toHaveText("2.991 hộ");
  await expect(page.locator('section[aria-labelledby="key"] li[data-indicator="poor_households"] .v')).toHaveText("17 hộ");
  await expect(page.locator('section[aria-labelledby="key"] li[data-indicator="poverty_rate"] .v')).toHaveText("0,57%");
  await page.goto(`/en${QM}`);
  await expect(page.locator('section[aria-labelledby="key"] li[data-indicator="total_households"] .v')).toHaveText("2,991 households");
  await expect(page.locator('section[aria-labelledby="key"] li[data-indicator="poverty_rate"] .v')).toHaveText("0.57%");
  // The targets table shows the 2024 target from targets.json.
  const target = nationalRows(PUBLIC_DATA, "targets").find((t: { locality_id: string; indicator: string; kind: string }) => t.locality_id === "bac-giang/viet-yen/quang-minh" && t.indicator === "poverty_rate" && t.kind === "level");
  expect(target.target_value).toBe(0.43);
  await expect(page.locator("#targets")).toBeVisible();
  await expect(page.locator("section:has(#targets) table")).toContainText("0.43%");
});

test("each provenance link lands on its sentence", async ({ page }) => {
  await page.goto(QM);
  const link = page.locator('section[aria-labelledby="key"] li[data-indicator="poor_households"] a');
  const href = await link.getAttribute("href");
  expect(href).toMatch(/^\/plans\/quang-minh-2024\/#s-quang-minh-poor-households-poor-2023-12-31$/);
  await link.click();
  const line = page.locator("li:has(:target)");
  await expect(line).toHaveAttribute("id", "L35");
  await expect(line).toContainText("17 hộ nghèo với 29 nhân khẩu, chiếm tỷ lệ 0,57%");
});

test("as a new user: find Quảng Minh by typing, switch to near-poor, copy the link, reopen it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await page.getByLabel(/Gõ tên/).fill("quang minh");
  const visible = page.locator("#locality-list li:visible");
  await expect(visible.first()).toContainText("Quảng Minh");
  await expect(page.locator("#locality-list li:visible", { hasText: "Phổ Minh" })).toHaveCount(0);
  await visible.first().locator("a").click();
  await expect(page).toHaveURL(new RegExp(`${QM}$`));
  // The page's script shows the copy button when it has wired the controls; a click before that is the HTML's own.
  await expect(page.locator("#groups-chart .controls button[data-copy-link]")).toBeVisible();
  await page.getByRole("radio", { name: "Hộ cận nghèo" }).check();
  await expect(page).toHaveURL(/\?group=near_poor$/);
  await page.locator("#groups-chart .controls button[data-copy-link]").click();
  await expect(page.locator("#groups-chart .controls .copy-status")).toHaveText("Đã sao chép liên kết");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\?group=near_poor$/);
  const other = await context.newPage();
  await other.goto(copied);
  await expect(visibleVariant(other, "groups-chart")).toHaveAttribute("data-when", "group=near_poor sort=name");
  // The same drawing, summary and table; Tab stops (tabindex, names) are set up once the keyboard is used, which it
  // was on the first page (typing the search) and not on the second.
  const drawing = async (p: Page) => (await visibleVariant(p, "groups-chart").innerHTML()).replace(/ (tabindex="0"|data-marks=""|role="(img|group)"|aria-label="[^"]*")/g, "");
  expect(await drawing(other)).toBe(await drawing(page));
});

test("accent-insensitive search finds phan rang and pho minh", async ({ page }) => {
  await page.goto("/en/");
  for (const [q, name] of [["phan rang", "Phan Rang"], ["pho minh", "Phổ Minh"], ["PHỔ MINH", "Phổ Minh"]]) {
    await page.locator("#q").fill(q);
    await expect(page.locator("#locality-list li:visible").first()).toContainText(name);
  }
});

test("search takes words in any order, with or without the unit type", async ({ page }) => {
  await page.goto("/");
  for (const [q, name] of [["phan rang thap cham", "Phan Rang – Tháp Chàm"], ["phuong quang minh", "Phường Quảng Minh"], ["tp long khanh", "Thành phố Long Khánh"], ["cham thap rang", "Phan Rang – Tháp Chàm"]]) {
    await page.locator("#q").fill(q);
    await expect(page.locator("#locality-list li:visible").first()).toContainText(name);
  }
});

test("the language switch keeps the current view", async ({ page }) => {
  await page.goto(`${QM}?group=near_poor&sort=exit`);
  await page.locator("a.lang").click();
  await expect(page).toHaveURL(new RegExp(`/en${QM}\\?group=near_poor&sort=exit$`));
  await expect(visibleVariant(page, "groups-chart")).toHaveAttribute("data-when", "group=near_poor sort=exit");
});

test("compare: picking plans and an indicator changes the URL and the view (a province's compare page)", async ({ page }) => {
  await page.goto("/provinces/khanh-hoa/compare/?indicator=coverage_clean_water&plans=");
  await expect(page.locator('select[data-param="indicator"]')).toHaveValue("coverage_clean_water");
  await expect(page.locator('div[data-when="indicator=coverage_clean_water"]').first()).toBeVisible();
  await expect(page.locator('input[data-param="plans"][value="phan-rang-thap-cham-2024"]')).not.toBeChecked();
  // Plans not picked leave the view (they used to be dimmed only).
  await expect(page.locator('tr[data-in="plans:phan-rang-thap-cham-2024"]')).toBeHidden();
  await page.locator('input[data-param="plans"][value="phan-rang-thap-cham-2024"]').check();
  await expect(page.locator('tr[data-in="plans:phan-rang-thap-cham-2024"]')).toBeVisible();
  await expect(page.locator("#compare-coverage_clean_water svg")).toBeVisible();
  // All plans picked is the default: the URL keeps only the indicator.
  await expect(page).toHaveURL(/\?indicator=coverage_clean_water$/);
});

test("key figures on every locality page equal the public data files, read back in each locale's number format", async ({ page }) => {
  test.setTimeout(120_000);
  const stats = nationalRows(PUBLIC_DATA, "statistics") as { locality_id: string; indicator: string; value: number }[];
  // Residential groups have no page: their figures are in their sections of the commune's page.
  const localities = (readJson("localities.json") as { id: string; level: string }[]).filter((l) => l.level !== "residential_group");
  const parse = (text: string, locale: string) => {
    const n = text.replace(/[^0-9.,−-]/g, "").replace("−", "-");
    return Number(locale === "vi" ? n.replace(/\./g, "").replace(",", ".") : n.replace(/,/g, ""));
  };
  let checked = 0;
  for (const locale of ["vi", "en"]) {
    for (const l of localities) {
      await page.goto(`${locale === "en" ? "/en" : ""}/localities/${l.id}/`);
      for (const li of await page.locator("ul.figures li[data-indicator]").all()) {
        const indicator = (await li.getAttribute("data-indicator"))!;
        const shown = parse(await li.locator(".v").innerText(), locale);
        const of = await li.evaluate((e) => e.closest<HTMLElement>("[data-locality]")?.dataset.locality);
        const published = stats.filter((s) => s.locality_id === (of ?? l.id) && s.indicator === indicator).map((s) => s.value);
        expect(published, `${of ?? l.id} ${indicator}`).toContain(shown);
        checked++;
      }
    }
  }
  // Quảng Minh (7 figures), its 5 groups on its page (5 each: total, poor, rate, near-poor, rate), Thanh Liêm (4),
  // Phan Rang (2).
  expect(checked).toBe(2 * (7 + 5 * 5 + 4 + 2));
});

test("a residential group is a section of its commune's page: Đông Long's anchor shows its own figures and the line they come from", async ({ page }) => {
  const statistics = nationalRows(PUBLIC_DATA, "statistics") as { locality_id: string; indicator: string; value: number; source_line: number; quote: string }[];
  const of = (ind: string) => statistics.find((s) => s.locality_id === "bac-giang/viet-yen/quang-minh/dong-long" && s.indicator === ind)!;
  // The plan's appendix line for Đông Long: 802 households, 7 poor, 19 near-poor (line 251).
  expect([of("total_households").value, of("poor_households").value, of("near_poor_households").value]).toEqual([802, 7, 19]);
  await page.goto(`${QM}#group-dong-long`);
  const group = page.locator("#group-dong-long");
  await expect(group).toBeInViewport();
  await expect(group.locator("h3")).toHaveText("Tổ dân phố Đông Long");
  await expect(group.locator('li[data-indicator="total_households"] .v')).toHaveText("802 hộ");
  await expect(group.locator('li[data-indicator="poor_households"] .v')).toHaveText("7 hộ");
  await expect(group.locator('li[data-indicator="poverty_rate"] .v')).toHaveText("0,87%");
  await expect(group.locator('li[data-indicator="near_poor_households"] .v')).toHaveText("19 hộ");
  await expect(group.locator("blockquote")).toContainText("TDP Đông Long · 802 · 7");
  // Its quote links to the line of the plan it was read from.
  await group.locator("blockquote footer a").click();
  await expect(page).toHaveURL(/\/plans\/quang-minh-2024\/#s-dong-long-/);
  await expect(page.locator("li:has(:target)")).toHaveAttribute("id", `L${of("total_households").source_line}`);
  // The ward's own key figures are still the ward's: 2 991 households, 17 poor.
  await page.goto(QM);
  await expect(page.locator('section[aria-labelledby="key"] li[data-indicator="total_households"] .v')).toHaveText("2.991 hộ");
  await expect(page.locator('section[aria-labelledby="key"] li[data-indicator="poor_households"] .v')).toHaveText("17 hộ");
  // The groups chart's table row links to the group's section, not to a page of its own.
  const row = page.locator("#groups-chart > .variant:not([hidden]) tbody tr", { hasText: "Đông Long" });
  await expect(row.locator("a").first()).toHaveAttribute("href", `${QM}#group-dong-long`);
  expect((await page.request.get(`${QM}dong-long/`)).status()).toBe(404);
});

for (const locale of ["", "/en"]) {
  test(`search "dong long"${locale} lands on Quảng Minh's page at Đông Long's section`, async ({ page }) => {
    await page.goto(`${locale}/`);
    await page.locator("#q").fill("dong long");
    const hit = page.locator("#locality-list li:visible, #unit-list li:visible").filter({ hasText: "Đông Long" }).first();
    await expect(hit).toBeVisible();
    await hit.locator("a").click();
    await expect(page).toHaveURL(new RegExp(`${locale}${QM}#group-dong-long$`));
    await expect(page.locator("#group-dong-long h3")).toBeInViewport();
  });
}
