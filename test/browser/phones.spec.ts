/**
 * Phones and wide screens: no page scrolls sideways at 320, 390, 768, 1280 or 1920 px (wide tables scroll inside
 * their own box, first column kept in view), the targets table's indicator column reads at 390 px, and the
 * overview's search box is on a phone's first screen.
 */
import { expect, test } from "@playwright/test";
import { QM, TEMPLATES, urlOf } from "./templates.ts";

const WIDTHS = [320, 390, 768, 1280, 1920];

for (const width of WIDTHS) {
  test(`no template scrolls sideways at ${width} px`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 900 });
    const wide: string[] = [];
    for (const tpl of TEMPLATES) {
      for (const locale of ["", "/en"]) {
        await page.goto(urlOf(tpl, locale));
        const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (over > 0) wide.push(`${locale}${tpl.path}: ${over} px too wide`);
      }
    }
    expect(wide).toEqual([]);
  });
}

test("wide tables scroll in their own box and keep their first column in view", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/provinces/khanh-hoa/compare/");
  const box = page.locator("#matrix ~ .table-wrap, section[aria-labelledby=matrix] .table-wrap").last();
  const scrolls = await box.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === "auto");
  expect(scrolls).toBe(true);
  const first = box.locator("tbody th, tbody td").first();
  expect(await first.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
  await box.evaluate((el) => (el.scrollLeft = 400));
  const left = (await first.boundingBox())!.x;
  const boxLeft = (await box.boundingBox())!.x;
  expect(Math.abs(left - boxLeft)).toBeLessThan(2);
});

test("the targets table's indicator column is readable at 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(QM);
  const cell = page.locator('section[aria-labelledby="targets"] tbody tr td:first-child').first();
  // At least 140 px wide: a few words a line, not one.
  expect((await cell.boundingBox())!.width).toBeGreaterThanOrEqual(140);
});

test("the overview's search box is on a phone's first screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const box = (await page.locator("input[data-search]").boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(844);
});
