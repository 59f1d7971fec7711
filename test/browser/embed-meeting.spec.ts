/**
 * Embeds in a host page and meeting mode, in a real browser: one embed page per locality shows the chart its
 * fragment names and only that one (also without JavaScript), in the state its query names; the iframe follows the
 * shown chart's height both ways, the embed tells the host only that height and adds nothing to the host's history,
 * "Full view" opens the same chart in the same state; meeting mode (the locality page at #meeting) clamps an
 * out-of-range slide and arrow keys change slides after a control was used.
 */
import { expect, test, type Page } from "@playwright/test";
import { QM } from "./templates.ts";

const MEETING = QM;
const EMBED = "/embed/bac-giang/viet-yen/quang-minh/";
/** Ids of the charts an embed page shows (rendered, not display:none). */
const shown = (page: Page) => page.locator("figure.chart").evaluateAll((fs) => fs.filter((f) => f.getClientRects().length > 0).map((f) => f.id));

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
    await frame.locator("#groups-chart > .variant:not([hidden]) details summary").first().click();
    await expect.poll(() => heightOf(page)).toBeGreaterThan(closed + 100);
    await frame.locator("#groups-chart > .variant:not([hidden]) details summary").first().click();
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

test("the embed snippet points at the locality's one embed page, the chart in its fragment", async ({ page }) => {
  await page.goto(`${QM}?group=near_poor`);
  const snippet = await page.locator("#groups-chart [data-embed-snippet]").inputValue();
  expect(/src="https?:\/\/[^/"]+([^"]*)"/.exec(snippet)![1]).toBe(`${EMBED}?group=near_poor#groups-chart`);
  const deprivation = await page.locator("#deprivation-chart [data-embed-snippet]").inputValue();
  expect(/src="https?:\/\/[^/"]+([^"]*)"/.exec(deprivation)![1]).toBe(`${EMBED}?group=near_poor#deprivation-chart`);
});

for (const javaScriptEnabled of [true, false]) {
  test(`the embed page shows only the chart its fragment names${javaScriptEnabled ? "" : ", without JavaScript too"}`, async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled });
    const page = await ctx.newPage();
    await page.goto(`${EMBED}#deprivation-chart`);
    expect(await shown(page)).toEqual(["deprivation-chart"]);
    await expect(page.locator("#deprivation-chart h1")).toHaveText("Tỷ lệ hộ nghèo và hộ cận nghèo thiếu hụt từng chỉ số, Quảng Minh, cuối năm 2023");
    // The page holds all four of Quảng Minh's charts; with no fragment the first one shows.
    expect(await page.locator("figure.chart").count()).toBe(4);
    await page.goto(EMBED);
    expect(await shown(page)).toEqual(["gap-chart"]);
    await page.goto(`${EMBED}#groups-chart`);
    expect(await shown(page)).toEqual(["groups-chart"]);
    await ctx.close();
  });
}

test("the embed page takes the chart's state from the query", async ({ page }) => {
  await page.goto(`${EMBED}?group=near_poor&sort=target#groups-chart`);
  expect(await shown(page)).toEqual(["groups-chart"]);
  await expect(page.locator("#groups-chart > .variant:not([hidden])")).toHaveAttribute("data-when", "group=near_poor sort=target");
  // Sorted by the end-2024 target of near-poor households: Khả Lý Thượng and Đông Long (11 each) first.
  await expect(page.locator("#groups-chart > .variant:not([hidden]) tbody tr").first()).toContainText(/Khả Lý Thượng|Đông Long/);
  await expect(page.locator("#groups-chart > .variant:not([hidden]) tbody tr").first()).toContainText("11");
});

test.describe(() => {
  test.use({ bypassCSP: true });
  test("an iframe of a small chart is shorter than one of a tall chart: it takes the shown chart's height", async ({ page }) => {
    await page.goto(QM);
    const origin = new URL(page.url()).origin;
    const frame = (chart: string) => `<iframe src="${origin}${EMBED}#${chart}" style="width:100%;border:0" data-ppt-embed data-chart="${chart}"></iframe>`;
    await page.setContent(`<!doctype html><body><script>addEventListener("message",function(e){document.querySelectorAll("iframe[data-ppt-embed]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})})</script>${frame("gap-chart")}${frame("groups-chart")}</body>`);
    const height = (chart: string) => page.locator(`iframe[data-chart="${chart}"]`).evaluate((f: HTMLIFrameElement) => Number(f.style.height.replace("px", "")));
    await expect.poll(() => height("gap-chart"), { timeout: 10_000 }).toBeGreaterThan(200);
    await expect.poll(() => height("groups-chart"), { timeout: 10_000 }).toBeGreaterThan(200);
    // The groups chart draws five groups × three bars; the gap chart two rows.
    expect(await height("groups-chart")).toBeGreaterThan((await height("gap-chart")) + 150);
  });
});

test("Full view of the clean-water embed opens the clean-water chart, not the default one", async ({ page }) => {
  await page.goto("/embed/provinces/khanh-hoa/compare/#compare-coverage_clean_water");
  expect(await shown(page)).toEqual(["compare-coverage_clean_water"]);
  const href = await page.locator("#compare-coverage_clean_water a[data-full-view]").getAttribute("href");
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

test("meeting mode clamps #meeting-50 beyond the deck to its last slide", async ({ page }) => {
  await page.goto(`${MEETING}#meeting-50`);
  const last = await page.locator(".meeting-bar a[data-slide]").count();
  expect(last).toBe(5);
  await expect(page).toHaveURL(new RegExp(`#meeting-${last}$`));
  await expect(page.locator(`#meeting-${last}`)).toBeVisible();
  await expect(page.locator("#meeting .headlines")).toBeHidden();
});

test("arrow keys change slides even after a radio or button was clicked", async ({ page }) => {
  const slide = (n: number) => page.locator(n === 1 ? "#meeting" : `#meeting-${n}`);
  await page.goto(`${MEETING}#meeting`);
  const n = await page.locator("main > .slide").count();
  // Find the slide with the group controls and click its radio, as a presenter would.
  let withControls = 0;
  for (let i = 2; i <= n; i++) if ((await slide(i).locator("input[type=radio]").count()) > 0) withControls = i;
  expect(withControls).toBeGreaterThan(1);
  await page.goto(`${MEETING}#meeting-${withControls - 1}`);
  await page.keyboard.press("ArrowRight");
  await expect(slide(withControls)).toBeVisible();
  await expect(slide(withControls - 1)).toBeHidden();
  await slide(withControls).locator('input[value="near_poor"]').click();
  await page.keyboard.press("ArrowLeft");
  await expect(slide(withControls - 1)).toBeVisible();
  await page.locator('button[data-step="1"]').click();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(`\\?group=near_poor#meeting-${Math.min(n, withControls + 1)}$`));
  await expect(slide(Math.min(n, withControls + 1))).toBeVisible();
});

test("meeting mode opens from the locality page's own link, without a route of its own", async ({ page, request }) => {
  await page.goto(QM);
  await expect(page.locator(".meeting-bar")).toBeHidden();
  await page.getByRole("link", { name: "Chế độ trình chiếu (họp)" }).click();
  await expect(page).toHaveURL(new RegExp(`${QM}#meeting$`));
  await expect(page.locator(".meeting-bar")).toBeVisible();
  await expect(page.locator("#meeting h1")).toHaveText("Phường Quảng Minh");
  // Only the slide shows: not the site header, not the charts' sections.
  await expect(page.locator("header.site")).toBeHidden();
  await expect(page.locator("#groups-chart")).toBeHidden();
  await expect(page.locator("#meeting .headlines li").first()).toContainText("2.991 hộ");
  expect((await request.get("/meeting/bac-giang/viet-yen/quang-minh/")).status()).toBe(404);
});
