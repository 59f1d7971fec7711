/**
 * Meeting mode on a projector (1920×1080): every slide's title at least 32 px, the headline figures at least 48 px,
 * chart text at least 20 px as rendered (after the SVG's scale).
 */
import { expect, test } from "@playwright/test";
import { chartText } from "./templates.ts";

const MEETING = "/localities/bac-giang/viet-yen/quang-minh/";

test("slide titles, figures and chart text are projector-sized at 1920×1080", async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${MEETING}#meeting`);
  const slides = await page.locator(".meeting-bar a[data-slide]").count();
  expect(slides).toBe(5);
  const px = (sel: string) => page.locator(sel).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).map((e) => parseFloat(getComputedStyle(e).fontSize)));
  const small: string[] = [];
  for (let n = 1; n <= slides; n++) {
    await page.goto(`${MEETING}${n === 1 ? "#meeting" : `#meeting-${n}`}`);
    const slide = n === 1 ? "#meeting" : `#meeting-${n}`;
    await expect(page.locator(slide)).toBeVisible();
    const titles = await px(`${slide} h1, ${slide} figcaption .title`);
    expect(titles.length, `slide ${n} has a title`).toBe(1);
    if (titles[0] < 32) small.push(`slide ${n} title ${titles[0]} px`);
    if (n === 1) {
      const figures = await px(`${slide} .figures .v`);
      expect(figures.length).toBeGreaterThan(3);
      for (const f of figures) if (f < 48) small.push(`slide 1 figure ${f} px`);
    } else {
      const { sizes, wide } = await chartText(page, `${slide} figure.chart .plot svg`);
      expect(sizes.length, `slide ${n} chart text`).toBeGreaterThan(5);
      const min = Math.min(...sizes.map((s) => s.px));
      if (min < 20) small.push(`slide ${n} chart text ${min.toFixed(1)} px ("${sizes.find((s) => s.px === min)!.text}")`);
      expect(wide).toEqual([]);
    }
  }
  expect(small).toEqual([]);
});
