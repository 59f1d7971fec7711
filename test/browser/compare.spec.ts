/**
 * Compare pages. /compare/ is one row per province, each leading to the province's own compare page. A province's
 * compare page does the old page's job for the plans now within it: every plan with a poverty or near-poverty
 * target is on it (change-only targets too), picking plans redraws the charts and changes their tables, CSV and
 * citations, and the sort order is kept in the URL. Without JavaScript every plan shows.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const BN = "/provinces/bac-ninh/compare/";
const RATE = "#compare-poverty_rate-2022-2025";

test("the national compare page is one row per province and leads to Bắc Ninh's compare page", async ({ page }) => {
  await page.goto("/compare/");
  await expect(page.locator("tr[data-province]")).toHaveCount(34);
  const bn = page.locator('tr[data-province="24"]');
  await expect(bn.locator('td[data-rate="poor"]')).toContainText("0,57% → 0,43%");
  await bn.getByRole("link", { name: "So sánh các kế hoạch" }).click();
  await expect(page).toHaveURL(new RegExp(`${BN}$`));
  await expect(page.locator(`${RATE} .plot svg`).first()).toContainText("Quảng Minh");
});

test("every plan of the province with a poverty target is on its compare page, without JavaScript too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(BN);
  await expect(page.locator('div[data-when="indicator=poverty_rate"] figure svg').filter({ hasText: "Quảng Minh" }).first()).toBeAttached();
  await page.goto("/provinces/khanh-hoa/compare/");
  await expect(page.locator('div[data-when="indicator=poverty_rate"] figure svg').filter({ hasText: "Phan Rang" }).first()).toBeAttached();
  await page.goto("/provinces/ninh-binh/compare/");
  await expect(page.locator('div[data-when="indicator=poverty_rate"] figure svg').filter({ hasText: "Thanh Liêm" }).first()).toBeAttached();
  // Targets given only as a change: Long Khánh's −35% relative, Phổ Minh's −1,11 points.
  await page.goto("/provinces/dong-nai/compare/");
  await expect(page.locator('div[data-when="indicator=poverty_rate"] .change-only li').filter({ hasText: "Long Khánh" })).toContainText("−35%");
  await page.goto("/provinces/quang-ngai/compare/");
  await expect(page.locator('div[data-when="indicator=poverty_rate"] .change-only li').filter({ hasText: "Phổ Minh" })).toContainText("−1,11 điểm %");
  await context.close();
});

test("unticking the plan redraws the chart without it and drops it from the table, the CSV and the citation", async ({ page }) => {
  await page.goto(BN);
  const fig = page.locator(RATE);
  await expect(fig.locator("svg").first()).toContainText("Quảng Minh");
  await page.locator('input[data-param="plans"][value="quang-minh-2024"]').uncheck();
  await expect(page).toHaveURL(/plans=$|plans=(&|$)/);
  await expect(fig.locator(".plot svg")).toHaveCount(0);
  await expect(fig.locator(".summary").first()).toHaveText("Chưa chọn kế hoạch nào.");
  await expect(fig.locator("tbody tr").filter({ hasText: "Quảng Minh" })).toBeHidden();
  await fig.locator("details.share summary").click();
  expect(await fig.locator("[data-citation]").evaluate((e) => (e as HTMLElement).innerText)).not.toContain("Quảng Minh");
  expect(await fig.locator("p.source").evaluate((e) => (e as HTMLElement).innerText)).not.toContain("Quảng Minh");
  expect(await fig.locator('a[data-download="csv"]').getAttribute("href")).toMatch(/^blob:/);
  // Downloaded as a reader would (the page's CSP lets it fetch nothing but its own files).
  const [download] = await Promise.all([page.waitForEvent("download"), fig.locator('a[data-download="csv"]').click()]);
  expect(readFileSync((await download.path())!, "utf8")).not.toContain("quang-minh-2024");
  // Ticking it again gives back the drawing the build made, its CSV and its citation.
  await page.locator('input[data-param="plans"][value="quang-minh-2024"]').check();
  await expect(fig.locator(".plot svg").first()).toContainText("Quảng Minh");
  await expect(fig.locator(".summary").first()).toHaveText("Kế hoạch đặt mục tiêu đưa tỷ lệ hộ nghèo của Quảng Minh từ 0,57% (31/12/2023) xuống 0,43% (31/12/2024), −0,14 điểm %, −4 hộ.");
  await expect(fig.locator("[data-citation]")).toContainText("Quảng Minh");
  expect(await fig.locator('a[data-download="csv"]').getAttribute("href")).not.toMatch(/^blob:/);
  // The CSV is then made from the plan's rows again.
  const [all] = await Promise.all([page.waitForEvent("download"), fig.locator('a[data-download="csv"]').click()]);
  const allCsv = readFileSync((await all.path())!, "utf8");
  expect(allCsv.startsWith("\ufeff")).toBe(true);
  expect(allCsv).toContain("quang-minh-2024");
});

test("the sort order is kept in the URL and the chart is drawn in it", async ({ page }) => {
  await page.goto(BN);
  await page.locator('select[data-param="sort"]').selectOption("change");
  await expect(page).toHaveURL(/\?sort=change$/);
  const fig = page.locator(RATE);
  await expect(fig.locator(".plot svg").first()).toContainText("Quảng Minh");
  await expect(fig.locator("tbody tr:not([hidden]) td:nth-child(4)")).toHaveText(["−0,14 điểm %"]);
  await page.reload();
  await expect(page.locator('select[data-param="sort"]')).toHaveValue("change");
  // The indicator and the sort travel together, and back restores the view before.
  await page.locator('select[data-param="indicator"]').selectOption("near_poverty_rate");
  await expect(page).toHaveURL(/indicator=near_poverty_rate&sort=change$/);
  await expect(page.locator("#compare-near_poverty_rate-2022-2025 .plot svg").first()).toBeVisible();
  await page.goBack();
  await expect(page.locator('select[data-param="indicator"]')).toHaveValue("poverty_rate");
  await expect(page.locator('select[data-param="sort"]')).toHaveValue("change");
});

test("coverage charts say which dot is which plan, on the page and in the SVG download", async ({ page }) => {
  await page.goto("/provinces/khanh-hoa/compare/?indicator=coverage_health_insurance");
  const variant = page.locator("#compare-coverage_health_insurance > .variant:not([hidden])");
  const svg = variant.locator(".plot svg");
  const key = (await svg.locator(".ppt-key text").allTextContents()).map((s) => s.trim());
  expect(key).toEqual(["1 Phan Rang – Tháp Chàm"]);
  expect(await svg.locator(".ppt-plan-number text").allTextContents()).toEqual(["1"]);
  const [download] = await Promise.all([page.waitForEvent("download"), variant.locator('[data-download="svg"]').click()]);
  const file = readFileSync((await download.path())!, "utf8");
  for (const k of key) expect(file).toContain(`>${k}</text>`);
  // Picking no plan leaves the chart and its key empty; picking it again draws them back.
  await page.locator('input[data-param="plans"][value="phan-rang-thap-cham-2024"]').uncheck();
  await expect(svg).toHaveCount(0);
  await page.locator('input[data-param="plans"][value="phan-rang-thap-cham-2024"]').check();
  await expect(svg.locator(".ppt-key text").first()).toHaveText("1 Phan Rang – Tháp Chàm");
});

test("a plan the page does not inline is fetched from its own file and drawn with its figures, and the URL reopens the view", async ({ page }) => {
  // Every province of the five plans has one plan, always in the default pick: serve Bắc Ninh's page as a province
  // whose default pick leaves Quảng Minh out would be built (inlined nothing of it: no drawing, rows or sources).
  await page.route(`**${BN}*`, async (route) => {
    const html = (await (await route.fetch()).text())
      .replace('data-inline="quang-minh-2024"', 'data-inline=""')
      .replace(/<div class="plot"><svg[\s\S]*?<\/svg><\/div>/g, '<div class="plot"></div>')
      .replace(/<tr data-plan="quang-minh-2024">[\s\S]*?<\/tr>/g, "")
      .replace(/<span data-plan="quang-minh-2024">(?:<span class="sep">[^<]*<\/span>)?(?:<a [^>]*>[^<]*<\/a>|[^<]*)<\/span>/g, "")
      .replace(/<li data-in="plans:quang-minh-2024">[\s\S]*?<\/li>/g, "");
    expect(html).not.toContain('data-plan="quang-minh-2024"');
    await route.fulfill({ response: await route.fetch(), body: html });
  });
  const rows = page.waitForResponse((r) => r.url().endsWith("/compare-rows/24/0.json") && r.ok());
  await page.goto(BN);
  await rows;
  const fig = page.locator(RATE);
  await expect(fig.locator(".plot svg").first()).toContainText("Quảng Minh");
  await expect(fig.locator(".summary").first()).toHaveText("Kế hoạch đặt mục tiêu đưa tỷ lệ hộ nghèo của Quảng Minh từ 0,57% (31/12/2023) xuống 0,43% (31/12/2024), −0,14 điểm %, −4 hộ.");
  await expect(fig.locator("tbody tr:not([hidden]) td")).toHaveText(["Quảng Minh", "0,57%", "0,43%", "−0,14 điểm %"]);
  await expect(fig.locator("p.source")).toContainText("Kế hoạch số …/KH-UBND ngày 22/02/2024 của UBND phường Quảng Minh");
  await fig.locator("details.share summary").click();
  await expect(fig.locator("[data-citation]")).toContainText("UBND phường Quảng Minh");
  await expect(page.locator('div[data-when="indicator=poverty_rate"] > ul.small li:not([hidden])')).toContainText(["Quảng Minh: Kế hoạch số …/KH-UBND ngày 22/02/2024"]);
  const [download] = await Promise.all([page.waitForEvent("download"), fig.locator('a[data-download="csv"]').click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain("quang-minh-2024");
  expect(csv).toContain("0.57");
  // Another indicator draws from the same file; the URL keeps the view and a reload reopens it.
  await page.locator('select[data-param="indicator"]').selectOption("near_poverty_rate");
  await page.locator('select[data-param="sort"]').selectOption("change");
  await expect(page).toHaveURL(/\?indicator=near_poverty_rate&sort=change$/);
  const near = page.locator("#compare-near_poverty_rate-2022-2025");
  await expect(near.locator("tbody tr:not([hidden]) td")).toHaveText(["Quảng Minh", "1,47%", "0,97%", "−0,50 điểm %"]);
  await page.reload();
  await expect(page.locator('select[data-param="indicator"]')).toHaveValue("near_poverty_rate");
  await expect(page.locator('select[data-param="sort"]')).toHaveValue("change");
  await expect(near.locator(".plot svg").first()).toContainText("Quảng Minh");
  await expect(near.locator("tbody tr:not([hidden]) td")).toHaveText(["Quảng Minh", "1,47%", "0,97%", "−0,50 điểm %"]);
  await expect(near.locator(".summary").first()).toContainText("1,47%");
});
