/**
 * Tooltips by keyboard: Tab reaches a chart's marks, each named by its exact figures, and focusing one shows its
 * tooltip; Escape hides it. On the compare page a redrawn chart's marks are reachable the same way.
 */
import { expect, test, type Page } from "@playwright/test";
import { QM } from "./templates.ts";

/** Press Tab until focus is inside `scope` (at most `max` times); the focused element's accessible name. */
async function tabInto(page: Page, scope: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate((s) => !!document.activeElement?.closest(s), scope);
    if (inside) return page.evaluate(() => document.activeElement!.getAttribute("aria-label"));
  }
  throw new Error(`Tab never reached ${scope}`);
}

test("Tab reaches the gap chart's marks and shows their tooltip; Escape hides it", async ({ page }) => {
  await page.goto(QM);
  await page.locator("#gap-chart .title").click();
  const name = await tabInto(page, "#gap-chart svg");
  const first = "Quảng Minh, hộ nghèo: 0,57% (31/12/2023) → 0,43% (31/12/2024), −0,14 điểm %, −4 hộ";
  expect(name).toBe(first);
  const tip = page.locator(".tip");
  await expect(tip).toBeVisible();
  await expect(tip).toHaveText(first);
  // The next Tab goes to the next figure, not to another mark with the same tooltip.
  await page.keyboard.press("Tab");
  const next = await page.evaluate(() => document.activeElement!.getAttribute("aria-label"));
  expect(next).toBe("Quảng Minh, hộ cận nghèo: 1,47% (31/12/2023) → 0,97% (31/12/2024), −0,50 điểm %, −15 hộ");
  await expect(tip).toHaveText(next!);
  await page.keyboard.press("Escape");
  await expect(tip).toBeHidden();
});

test("a compare chart drawn again in the browser keeps its marks reachable by Tab", async ({ page }) => {
  // A province's compare page (one plan): a sort order other than the plans' own makes the browser draw it again.
  await page.goto("/provinces/bac-ninh/compare/");
  await page.locator('select[data-param="sort"]').selectOption("change");
  await expect(page).toHaveURL(/sort=change/);
  await expect(page.locator("#compare-poverty_rate-2022-2025 .plot svg").first()).toContainText("Quảng Minh");
  await page.locator("#compare-poverty_rate-2022-2025 .title").click();
  const name = await tabInto(page, "#compare-poverty_rate-2022-2025 svg");
  expect(name).toMatch(/^Quảng Minh, hộ nghèo: 0,57%/);
  await expect(page.locator(".tip")).toHaveText(name!);
});
