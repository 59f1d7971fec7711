/**
 * The print brief and the first meeting slide carry every headline figure and target of a locality: key figures,
 * rate targets, change-only targets, coverage targets and budget. Printing from meeting mode prints the brief.
 */
import { expect, test } from "@playwright/test";

const LK = "/localities/dong-nai/long-khanh/";
const PM = "/localities/quang-ngai/duc-pho/pho-minh/";

test("Long Khánh's brief has its relative cut, a coverage target and its budget, and a visible Print brief button", async ({ page }) => {
  await page.goto(LK);
  await expect(page.locator("button[data-print-brief]")).toBeVisible();
  await expect(page.locator("button[data-print-brief]")).toHaveText("In bản tóm tắt");
  await page.emulateMedia({ media: "print" });
  const brief = page.locator(".print-brief");
  await expect(brief).toBeVisible();
  await expect(brief).toContainText("−35%");
  await expect(brief).toContainText("383 triệu đồng");
  await expect(brief).toContainText("trên 96%");
});

test("Phổ Minh's first meeting slide has its change in points, not a title alone", async ({ page }) => {
  await page.goto(`${PM}#meeting`);
  const slide = page.locator("#meeting");
  await expect(slide).toContainText("−1,11 điểm %");
  expect(await slide.locator(".figures li").count()).toBeGreaterThan(3);
});

test("printing from meeting mode prints the brief, not the slide controls", async ({ page }) => {
  await page.goto(`${LK}#meeting`);
  await expect(page.locator(".meeting-bar")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".meeting-bar")).toBeHidden();
  await expect(page.locator(".meeting-qr")).toBeHidden();
  await expect(page.locator(".print-brief")).toBeVisible();
  await expect(page.locator(".print-brief")).toContainText("383 triệu đồng");
});
