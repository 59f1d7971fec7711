/**
 * Chart states drawn in the browser and downloads made in the browser (issue 16, decisions 1 and 5): the build draws
 * only a chart's default state; the URL or a control draws any other, with its summary and data table; SVG, PNG and
 * CSV are made from what the page holds. Without JavaScript the default state shows, with a note.
 */
import { expect, test, type Page } from "@playwright/test";
import { fromCSV } from "arquero";
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { stripBom } from "../../src/domain/csv-bom.ts";
import { QM, watch } from "./templates.ts";

const visible = (page: Page, id: string) => page.locator(`#${id} > .variant:not([hidden])`);

/** Click a download control and read the file the browser saves. */
async function downloaded(page: Page, control: ReturnType<Page["locator"]>) {
  const [download] = await Promise.all([page.waitForEvent("download"), control.click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test("?group=near_poor&sort=target draws the near-poor groups chart in the browser, with its summary and table", async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`${QM}?group=near_poor&sort=target`);
  const v = visible(page, "groups-chart");
  await expect(v).toHaveAttribute("data-when", "group=near_poor sort=target");
  await expect(v.locator(".plot svg")).toHaveCount(1);
  await expect(v.locator(".plot svg")).toContainText("Đông Long");
  await expect(v.locator(".summary")).toContainText("cận nghèo");
  // The table is the plan's figures in the chart's order: end-2024 targets 11, 11, 3, 2, 2 near-poor households.
  await v.locator("details summary").click();
  const targets = (await v.locator("tbody tr td:nth-child(4)").allTextContents()).map((s) => Number(s.trim().split(" ")[0]));
  expect(targets).toEqual([11, 11, 3, 2, 2]);
  await expect(v.locator("tbody tr").filter({ hasText: "Đông Long" }).locator("td").nth(1)).toHaveText(/^19 /);
  // Only one drawing per state, and the default one is still there for going back.
  await expect(page.locator("#groups-chart .plot svg")).toHaveCount(2);
  expect(seen.errors).toEqual([]);
  expect(await seen.violations()).toEqual([]);
});

test("switching group with the control draws that state; back shows the default again", async ({ page }) => {
  await page.goto(QM);
  await expect(page.locator("#groups-chart .plot svg")).toHaveCount(1);
  await page.locator('#groups-chart input[data-param="group"][value="near_poor"]').check();
  await expect(page).toHaveURL(/group=near_poor/);
  const v = visible(page, "groups-chart");
  await expect(v).toHaveAttribute("data-when", "group=near_poor sort=name");
  await expect(v.locator(".plot svg [data-tip]").first()).toBeAttached();
  await page.goBack();
  await expect(visible(page, "groups-chart")).toHaveAttribute("data-when", "group=poor sort=name");
});

test("a state drawn in the browser has keyboard tooltips", async ({ page }) => {
  await page.goto(`${QM}?group=near_poor`);
  const svg = visible(page, "groups-chart").locator(".plot svg");
  await expect(svg).toHaveCount(1);
  await page.locator("#groups-chart .title").click();
  let name: string | null = null;
  for (let i = 0; i < 40 && !name; i++) {
    await page.keyboard.press("Tab");
    name = await page.evaluate(() => (document.activeElement?.closest('#groups-chart .variant:not([hidden]) svg') ? document.activeElement!.getAttribute("aria-label") : null));
  }
  // Khả Lý Thượng's 15 near-poor households of end-2023 (it had 7 poor ones): the mark of the state drawn here.
  expect(name).toBe("Khả Lý Thượng, cuối năm 2023: 15 hộ (1,48% tổng số hộ)");
  await expect(page.locator(".tip")).toHaveText(name!);
});

test("CSV download: the rows the state draws, with BOM and the plan's number and source", async ({ page }) => {
  await page.goto(`${QM}?group=near_poor&sort=target`);
  const { name, bytes } = await downloaded(page, visible(page, "groups-chart").locator('[data-download="csv"]'));
  expect(name).toBe("groups-chart.group-near_poor.sort-target.csv");
  const text = bytes.toString("utf8");
  expect(text.startsWith("\ufeff")).toBe(true);
  const rows = fromCSV(stripBom(text)).objects() as Record<string, unknown>[];
  expect(rows).toHaveLength(15);
  expect(Object.keys(rows[0]!)).toContain("plan_number");
  // Sorted by the end-2024 target, as drawn; the plan printed no number, so the column is empty.
  expect(rows.filter((r) => r.series === "target").map((r) => r.households)).toEqual([11, 11, 3, 2, 2]);
  expect(rows.find((r) => r.name === "Đông Long" && r.series === "baseline")?.households).toBe(19);
  for (const r of rows) {
    expect(r.plan_number).toBeNull();
    expect(String(r.source)).toContain("UBND phường Quảng Minh");
  }
});

test("SVG and PNG downloads: the chart as drawn, framed with title, source line and the view's URL", async ({ page }) => {
  await page.goto(`${QM}?group=near_poor`);
  const v = visible(page, "groups-chart");
  await expect(v.locator(".plot svg")).toHaveCount(1);
  const svg = await downloaded(page, v.locator('[data-download="svg"]'));
  expect(svg.name).toBe("groups-chart.group-near_poor.sort-name.svg");
  const text = svg.bytes.toString("utf8");
  expect(text.startsWith("<?xml")).toBe(true);
  const words = text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  expect(words).toContain("Quảng Minh");
  expect(words).toContain("UBND phường Quảng Minh");
  // The URL may wrap over lines: read it without the breaks.
  expect(words.replace(/\s/g, "")).toContain("/localities/bac-giang/viet-yen/quang-minh/?group=near_poor#groups-chart");
  expect(words).toContain("Đông Long");
  expect(text).not.toContain("data-tip");
  const dep = await downloaded(page, visible(page, "deprivation-chart").locator('[data-download="svg"]'));
  expect(dep.bytes.toString("utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain("Tỷ lệ hộ nghèo và hộ cận nghèo thiếu hụt từng chỉ số, Quảng Minh");
  expect(dep.bytes.toString("utf8")).toContain("58,8");
  const png = await downloaded(page, v.locator('[data-download="png"]'));
  expect(png.name).toBe("groups-chart.group-near_poor.sort-name.png");
  const img = PNG.sync.read(png.bytes);
  expect(img.width).toBe(1280);
  expect(img.height).toBeGreaterThan(400);
  let ink = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i]! < 128 && img.data[i + 1]! < 128) ink++;
  expect(ink).toBeGreaterThan(1000);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the default state shows with a note that other views need JavaScript, and the page links its CSV", async ({ page }) => {
    await page.goto(`${QM}?group=near_poor`);
    const v = visible(page, "groups-chart");
    await expect(v).toHaveCount(1);
    await expect(v).toHaveAttribute("data-when", "group=poor sort=name");
    await expect(v.locator(".plot svg")).toBeVisible();
    // Chromium with script turned off still parses <noscript> as text: read the note from it.
    expect(await page.locator("#groups-chart noscript").textContent()).toContain("Bật JavaScript để xem các cách xem khác của biểu đồ");
    await expect(v.locator(".downloads")).toBeHidden();
    await expect(page.locator("a[data-locality-csv]")).toHaveAttribute("href", "/data/localities/bac-giang/viet-yen/quang-minh.csv");
  });
});
