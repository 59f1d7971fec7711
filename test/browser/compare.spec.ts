/**
 * The compare page does its job: every plan with a poverty or near-poverty target is on it (change-only targets
 * too), picking plans redraws the charts and changes their tables, CSV and citations, and the sort order is kept
 * in the URL. Without JavaScript every plan shows.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const RATE = "#compare-poverty_rate-2022-2025";

test("every plan with a poverty target is on the compare page, without JavaScript too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/compare/");
  const section = page.locator('div[data-when="indicator=poverty_rate"]');
  for (const name of ["Quảng Minh", "Phan Rang – Tháp Chàm", "Thanh Liêm"]) await expect(section.locator("figure svg").filter({ hasText: name }).first()).toBeAttached();
  // Targets given only as a change: Long Khánh's −35% relative, Phổ Minh's −1,11 points.
  const changes = section.locator(".change-only li");
  await expect(changes.filter({ hasText: "Long Khánh" })).toContainText("−35%");
  await expect(changes.filter({ hasText: "Phổ Minh" })).toContainText("−1,11 điểm %");
  await context.close();
});

test("unticking a plan redraws the chart without it and drops it from the table, the CSV and the citation", async ({ page }) => {
  await page.goto("/compare/");
  const fig = page.locator(RATE);
  await expect(fig.locator("svg").first()).toContainText("Quảng Minh");
  await page.locator('input[data-param="plans"][value="quang-minh-2024"]').uncheck();
  await expect(page).toHaveURL(/plans=/);
  await expect(fig.locator(".plot svg").first()).not.toContainText("Quảng Minh");
  await expect(fig.locator(".plot svg").first()).toContainText("Phan Rang");
  await expect(fig.locator("tbody tr").filter({ hasText: "Quảng Minh" })).toBeHidden();
  await fig.locator("details.share summary").click();
  await expect(fig.locator("[data-citation]")).toContainText("Phan Rang");
  expect(await fig.locator("[data-citation]").evaluate((e) => (e as HTMLElement).innerText)).not.toContain("Quảng Minh");
  expect(await fig.locator("p.source").evaluate((e) => (e as HTMLElement).innerText)).not.toContain("Quảng Minh");
  const href = await fig.locator('a[data-download="csv"]').getAttribute("href");
  expect(href).toMatch(/^blob:/);
  // Downloaded as a reader would (the page's CSP lets it fetch nothing but its own files).
  const [download] = await Promise.all([page.waitForEvent("download"), fig.locator('a[data-download="csv"]').click()]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv).toContain("phan-rang-thap-cham-2024");
  expect(csv).not.toContain("quang-minh-2024");
  // Ticking it again gives back the drawing the build made.
  await page.locator('input[data-param="plans"][value="quang-minh-2024"]').check();
  await expect(fig.locator(".plot svg").first()).toContainText("Quảng Minh");
  expect(await fig.locator('a[data-download="csv"]').getAttribute("href")).not.toMatch(/^blob:/);
  // The CSV is then made from every plan's rows again.
  const [all] = await Promise.all([page.waitForEvent("download"), fig.locator('a[data-download="csv"]').click()]);
  const allCsv = readFileSync((await all.path())!, "utf8");
  expect(allCsv.startsWith("\ufeff")).toBe(true);
  expect(allCsv).toContain("quang-minh-2024");
  expect(allCsv).toContain("phan-rang-thap-cham-2024");
});

test("sorting by the size of the cut is kept in the URL and orders chart and table", async ({ page }) => {
  await page.goto("/compare/");
  await page.locator('select[data-param="sort"]').selectOption("change");
  await expect(page).toHaveURL(/sort=change/);
  const fig = page.locator(RATE);
  const names = async () => (await fig.locator("tbody tr:not([hidden]) td:first-child").allTextContents()).map((s) => s.trim());
  const changes = async () => (await fig.locator("tbody tr:not([hidden]) td:nth-child(4)").allTextContents()).map((s) => Number(s.replace(/[^\d,−-]/g, "").replace(",", ".").replace("−", "-")));
  await expect.poll(changes).toEqual([...(await changes())].sort((a, b) => a - b));
  const first = (await names())[0];
  await page.reload();
  await expect(page.locator('select[data-param="sort"]')).toHaveValue("change");
  expect((await names())[0]).toBe(first);
  // The chart's rows follow: the first locality label drawn is the largest cut.
  const drawnOrder = await fig.locator(".plot svg").first().evaluate((svg) => [...svg.querySelectorAll("text")].map((t) => {
    // A long name wraps over lines (tspans): read it back with a space between them.
    const lines = [...t.querySelectorAll("tspan")].map((l) => l.textContent ?? "");
    return lines.length ? lines.join(" ") : t.textContent ?? "";
  }));
  const i = (name: string) => drawnOrder.findIndex((t) => t === name);
  const [a, b] = (await names()).slice(0, 2);
  expect(i(a)).toBeGreaterThanOrEqual(0);
  expect(i(a)).toBeLessThan(i(b));
});

test("coverage charts say which dot is which plan, on the page and in the SVG download", async ({ page }) => {
  await page.goto("/compare/?indicator=coverage_health_insurance");
  const variant = page.locator('#compare-coverage_health_insurance > .variant:not([hidden])');
  const svg = variant.locator(".plot svg");
  const key = (await svg.locator(".ppt-key text").allTextContents()).map((s) => s.trim());
  expect(key).toEqual(["1 Long Khánh", "2 Phan Rang – Tháp Chàm", "3 Phổ Minh", "4 Quảng Minh"]);
  // One number beside every dot, the number of its plan in the key.
  const dots = await svg.locator(".ppt-plan circle").count();
  expect(dots).toBeGreaterThan(0);
  expect(await svg.locator(".ppt-plan-number text").allTextContents()).toEqual(["1", "2", "3", "4"].slice(0, dots));
  const [download] = await Promise.all([page.waitForEvent("download"), variant.locator('[data-download="svg"]').click()]);
  const file = readFileSync((await download.path())!, "utf8");
  for (const k of key) expect(file).toContain(`>${k}</text>`);
  // Picking plans draws the key again with only the picked ones.
  await page.locator('input[data-param="plans"][value="long-khanh-2024"]').uncheck();
  await expect(svg.locator(".ppt-key text").first()).toHaveText("1 Phan Rang – Tháp Chàm");
});

test("the chart's summary follows the picked plans and comes back when all are picked again", async ({ page }) => {
  await page.goto("/compare/");
  const summary = page.locator(`${RATE} > .variant:not([hidden]) .summary`);
  const all = (await summary.textContent())!;
  expect(all).toContain("2 kế hoạch");
  await page.locator('input[data-param="plans"][value="phan-rang-thap-cham-2024"]').uncheck();
  await expect(summary).toHaveText("Kế hoạch đặt mục tiêu đưa tỷ lệ hộ nghèo của Quảng Minh từ 0,57% (31/12/2023) xuống 0,43% (31/12/2024), −0,14 điểm %, −4 hộ.");
  // The chart's accessible name says the same plans.
  await expect.poll(() => page.locator(`${RATE} .plot svg`).first().getAttribute("aria-label")).not.toContain("Phan Rang");
  await page.locator('input[data-param="plans"][value="quang-minh-2024"]').uncheck();
  await expect(summary).toHaveText("Chưa chọn kế hoạch nào.");
  await page.locator('input[data-param="plans"][value="quang-minh-2024"]').check();
  await page.locator('input[data-param="plans"][value="phan-rang-thap-cham-2024"]').check();
  await expect(summary).toHaveText(all);
  // Coverage: one plan fewer, one fewer in the sentence.
  await page.goto("/compare/?indicator=coverage_health_insurance");
  const cov = page.locator("#compare-coverage_health_insurance > .variant:not([hidden]) .summary");
  await expect(cov).toContainText("4 kế hoạch");
  await page.locator('input[data-param="plans"][value="long-khanh-2024"]').uncheck();
  await expect(cov).toContainText("3 kế hoạch");
});
