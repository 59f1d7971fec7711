/**
 * Chart text as a reader sees it: the charts are SVGs scaled to their column, so what counts is the font size after
 * that scale (computed size × the text's screen transform), measured on every visible chart text. At least 11 CSS px
 * on phones (360–430 px wide), at least 12 px on a laptop (1280 px), and no chart wider than its column.
 */
import { expect, test } from "@playwright/test";
import { chartText, QM } from "./templates.ts";

const PAGES = [QM, "/provinces/khanh-hoa/compare/", "/plans/quang-minh-2024/", "/", "/en" + QM];
const SIZES = [
  { width: 360, min: 11 },
  { width: 390, min: 11 },
  { width: 430, min: 11 },
  { width: 1280, min: 12 },
];

for (const { width, min } of SIZES) {
  test(`chart text is at least ${min} px at ${width} px wide and no chart is wider than its column`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 900 });
    const small: string[] = [];
    const wide: string[] = [];
    let seen = 0;
    for (const path of PAGES) {
      await page.goto(path);
      const r = await chartText(page);
      seen += r.sizes.length;
      for (const s of r.sizes) if (s.px < min) small.push(`${path}: "${s.text}" ${s.px.toFixed(1)} px`);
      wide.push(...r.wide.map((w) => `${path}: ${w}`));
    }
    expect(seen).toBeGreaterThan(50);
    expect(small.slice(0, 12)).toEqual([]);
    expect(wide).toEqual([]);
  });
}
