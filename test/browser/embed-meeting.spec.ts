/**
 * Embeds in a host page and meeting mode, in a real browser: the iframe follows its content's height both ways, the
 * embed tells the host only that height and adds nothing to the host's history, "Full view" opens the same chart in
 * the same state; meeting mode clamps an out-of-range slide and arrow keys change slides after a control was used.
 */
import { expect, test, type Page } from "@playwright/test";
import { QM } from "./templates.ts";

const MEETING = "/meeting/bac-giang/viet-yen/quang-minh/";

/** A host page holding the chart's own snippet, pointed at the test server (the build's SITE_URL may differ). */
async function host(page: Page, chartPage: string, chart: string) {
  await page.goto(chartPage);
  const snippet = await page.locator(`#${chart} [data-embed-snippet]`).inputValue();
  const origin = new URL(page.url()).origin;
  const built = /src="(https?:\/\/[^/"]+)/.exec(snippet)![1];
  await page.setContent(`<!doctype html><body><script>window.__messages=[];addEventListener("message",function(e){window.__messages.push(e.data)})</script>${snippet.replaceAll(built, origin)}</body>`);
  return page.locator("iframe[data-ppt-embed]");
}

const heightOf = (page: Page) => page.locator("iframe[data-ppt-embed]").evaluate((f: HTMLIFrameElement) => Number(f.style.height.replace("px", "")));

test.describe(() => {
  // The snippet's listener is an inline script meant for other sites; our own CSP rightly blocks it on our pages.
  test.use({ bypassCSP: true });

  test("the iframe grows when the data table opens and shrinks when it closes", async ({ page }) => {
    await host(page, QM, "groups-chart");
    await expect.poll(() => heightOf(page), { timeout: 10_000 }).toBeGreaterThan(300);
    const closed = await heightOf(page);
    const frame = page.frameLocator("iframe[data-ppt-embed]");
    await frame.locator(".variant:not([hidden]) details summary").first().click();
    await expect.poll(() => heightOf(page)).toBeGreaterThan(closed + 100);
    await frame.locator(".variant:not([hidden]) details summary").first().click();
    await expect.poll(() => heightOf(page)).toBe(closed);
  });

  test("the embed posts its height and nothing else, and adds no entry to the host's history", async ({ page }) => {
    await host(page, QM, "groups-chart");
    await expect.poll(() => heightOf(page), { timeout: 10_000 }).toBeGreaterThan(300);
    const before = await page.evaluate(() => history.length);
    const frame = page.frameLocator("iframe[data-ppt-embed]");
    await frame.locator('input[value="near_poor"]').check();
    await frame.locator('select[data-param="sort"]').selectOption("target");
    await expect(frame.locator('.variant[data-when="group=near_poor sort=target"]')).toBeVisible();
    expect(await page.evaluate(() => history.length)).toBe(before);
    const messages = await page.evaluate(() => (window as unknown as { __messages: unknown[] }).__messages);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(Object.keys(m as object).sort()).toEqual(["height", "type"]);
  });
});

test("Full view of the clean-water embed opens the clean-water chart, not the default one", async ({ page }) => {
  await page.goto("/embed/provinces/khanh-hoa/compare/compare-coverage_clean_water/");
  const href = await page.locator("a[data-full-view]").getAttribute("href");
  expect(href).toBe("/provinces/khanh-hoa/compare/?indicator=coverage_clean_water#compare-coverage_clean_water");
  await page.goto(href!);
  await expect(page.locator("#compare-coverage_clean_water")).toBeVisible();
});

test("the embed snippet has a fixed height for hosts that strip scripts, and a copy button", async ({ page }) => {
  await page.goto(QM);
  const fig = page.locator("#groups-chart");
  await fig.locator("details.share summary").click();
  const snippet = await fig.locator("[data-embed-snippet]").inputValue();
  const height = Number(/height="(\d+)"/.exec(snippet)![1]);
  const drawn = await fig.locator(".variant:not([hidden]) svg").first().evaluate((s) => Number(s.getAttribute("height")));
  expect(height).toBeGreaterThan(drawn);
  await expect(fig.locator("button[data-copy-snippet]")).toBeVisible();
});

test("meeting mode clamps ?slide= beyond the deck to its last slide", async ({ page }) => {
  await page.goto(`${MEETING}?slide=50`);
  const last = await page.locator('select[data-param="slide"] option').count();
  await expect(page.locator('select[data-param="slide"]')).toHaveValue(String(last));
  await expect(page.locator(`section[data-when="slide=${last}"]`)).toBeVisible();
  expect(new URL(page.url()).searchParams.get("slide")).toBe(String(last));
});

test("arrow keys change slides even after a radio or button was clicked", async ({ page }) => {
  const slides = page.locator("main-slides > section");
  await page.goto(MEETING);
  const n = await slides.count();
  // Find the slide with the group controls and click its radio, as a presenter would.
  let withControls = 0;
  for (let i = 1; i <= n; i++) if ((await page.locator(`section[data-when="slide=${i}"] input[type=radio]`).count()) > 0) withControls = i;
  expect(withControls).toBeGreaterThan(1);
  await page.goto(`${MEETING}?slide=${withControls - 1}`);
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(`section[data-when="slide=${withControls}"]`)).toBeVisible();
  await page.locator(`section[data-when="slide=${withControls}"] input[value="near_poor"]`).click();
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator(`section[data-when="slide=${withControls - 1}"]`)).toBeVisible();
  await page.locator('button[data-step="1"]').click();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator('select[data-param="slide"]')).toHaveValue(String(Math.min(n, withControls + 1)));
});
