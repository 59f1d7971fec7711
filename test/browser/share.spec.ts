/**
 * Sharing and reuse in a real browser: embeds show the same chart
 * as the full page for the same URL state, the print brief is one A4 page, meeting mode steps with the keyboard and
 * its QR code decodes to the current URL, and every locality has a 1200×630 preview image its meta tags point to.
 */
import { expect, test, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";

const readJson = (name: string) => JSON.parse(readFileSync(new URL(`../../public/data/${name}`, import.meta.url), "utf8"));
const QM = "/localities/bac-giang/viet-yen/quang-minh/";
const visible = (page: Page, id: string) => page.locator(`#${id} > .variant:not([hidden])`);

// Chart downloads (SVG, PNG, CSV, made in the browser) are tested in chart-states.spec.ts.

test("the embed page renders the same chart as the full page for the same URL state, and links back", async ({ page }) => {
  const state = "?group=near_poor&sort=baseline";
  await page.goto(QM + state);
  const full = await visible(page, "groups-chart").locator("svg").first().innerHTML();
  await page.goto(`/embed/bac-giang/viet-yen/quang-minh/${state}#groups-chart`);
  await expect(page.locator("header.site")).toHaveCount(0);
  await expect(visible(page, "groups-chart")).toHaveAttribute("data-when", "group=near_poor sort=baseline");
  expect(await visible(page, "groups-chart").locator("svg").first().innerHTML()).toBe(full);
  await expect(page.locator("#groups-chart a[data-full-view]")).toHaveAttribute("href", `${QM}${state}#groups-chart`);
});

test("the embed snippet and the citation follow the current view", async ({ page }) => {
  await page.goto(`${QM}?group=near_poor`);
  const fig = page.locator("#groups-chart");
  await fig.locator("details.share > summary").click();
  await expect(fig.locator("[data-view-url]")).toHaveText(/\/localities\/bac-giang\/viet-yen\/quang-minh\/\?group=near_poor#groups-chart$/);
  await expect(fig.locator("[data-citation]")).toContainText("Kế hoạch số …/KH-UBND ngày 22/02/2024");
  await expect(fig.locator("[data-embed-snippet]")).toHaveValue(/<iframe src="[^"]*\/embed\/bac-giang\/viet-yen\/quang-minh\/\?group=near_poor#groups-chart"/);
});

test.describe(() => {
  // The snippet's listener is an inline script meant for other sites; our own CSP rightly blocks it on our pages.
  test.use({ bypassCSP: true });
  test("an embedded iframe takes the height of its content", async ({ page }) => {
  await page.goto(QM);
  const snippet = await page.locator("#groups-chart [data-embed-snippet]").inputValue();
  const origin = new URL(page.url()).origin;
  // The build's SITE_URL may differ from the test server's origin: the listener only trusts the site's origin.
  const built = /src="(https?:\/\/[^/"]+)/.exec(snippet)![1];
  await page.setContent(`<!doctype html><body>${snippet.replaceAll(built, origin)}</body>`);
  const frame = page.locator("iframe[data-ppt-embed]");
  await expect.poll(async () => Number((await frame.evaluate((f: HTMLIFrameElement) => f.style.height)).replace("px", "")), { timeout: 10_000 }).toBeGreaterThan(600);
});
});

for (const path of [QM, "/localities/ha-nam/thanh-liem/", "/en/localities/ninh-thuan/phan-rang-thap-cham/"]) {
  test(`printing ${path} gives one A4 page with the URL and its QR code`, async ({ page }) => {
    await page.goto(path);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("aside.print-only")).toBeVisible();
    await expect(page.locator("#gap-chart svg").first()).toBeVisible();
    // The brief's QR code is drawn for the current view before printing, and decodes to its URL.
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    await expect.poll(() => decodeQr(page, "[data-print-qr] svg")).toBe(page.url());
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
  });
}

/** Decode the QR code drawn in `selector` from a screenshot. */
async function decodeQr(page: Page, selector: string): Promise<string | undefined> {
  // The code is drawn again whenever the URL changes: a drawing replaced mid-screenshot is read on the next poll.
  const shot = await page.locator(selector).screenshot().catch(() => undefined);
  if (!shot) return undefined;
  const png = PNG.sync.read(shot);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

test("meeting mode steps with the arrow keys, keeps state in the URL, and its QR code decodes to the current URL", async ({ page }) => {
  await page.goto(`${QM}#meeting`);
  await expect(page.locator("#meeting")).toBeVisible();
  await expect(page.locator("h1")).toHaveText("Phường Quảng Minh");
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/#meeting-2$/);
  await expect(page.locator("#meeting-2")).toBeVisible();
  await expect(page.locator("#meeting .headlines")).toBeHidden();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/\/#meeting-3$/);
  await page.getByRole("radio", { name: "Hộ cận nghèo" }).check();
  await expect(page).toHaveURL(/\?group=near_poor#meeting-3$/);
  await expect.poll(() => decodeQr(page, "[data-meeting-qr] svg")).toBe(page.url());
  // Arrow keys inside the radio group move between radios; step slides from outside it.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("ArrowLeft");
  await expect(page).toHaveURL(/\?group=near_poor#meeting-2$/);
  await expect.poll(() => decodeQr(page, "[data-meeting-qr] svg")).toBe(page.url());
  // Reopening the URL gives the same slide.
  await page.goto(page.url());
  await expect(page.locator("#meeting-2")).toBeVisible();
  await expect(page.locator("#meeting-3")).toBeHidden();
});

test("every locality page has a 1200×630 preview image, and its meta tags point to it", async ({ page, request }) => {
  test.setTimeout(120_000);
  const localities = readJson("localities.json") as { id: string; name: string; level: string; parent: string }[];
  expect(localities.length).toBe(17);
  // Residential groups have no page: a link to one is its commune's page, with the commune's preview.
  const pages = localities.filter((l) => l.level !== "residential_group");
  expect(pages.length).toBe(12);
  for (const locale of ["", "/en"]) {
    for (const l of pages) {
      await page.goto(`${locale}/localities/${l.id}/`);
      const og = await page.locator('meta[property="og:image"]').getAttribute("content");
      const tw = await page.locator('meta[name="twitter:image"]').getAttribute("content");
      expect(tw).toBe(og);
      expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
      const path = new URL(og!).pathname;
      expect(path).toBe(`/og/${locale ? "en" : "vi"}/localities/${l.id}.png`);
      const res = await request.get(path);
      expect(res.headers()["content-type"]).toContain("image/png");
      const png = PNG.sync.read(Buffer.from(await res.body()));
      expect([png.width, png.height]).toEqual([1200, 630]);
    }
  }
  // Pages that are not about one locality carry the site's card.
  await page.goto("/data/");
  expect(new URL((await page.locator('meta[property="og:image"]').getAttribute("content"))!).pathname).toBe("/og/vi/site.png");
});

test("citations carry the data version and the day of access; pages say when their data last changed", async ({ page }) => {
  await page.goto("/localities/dong-nai/long-khanh/");
  const version = await page.locator("[data-data-version]").getAttribute("data-data-version");
  expect(version).toMatch(/^[0-9a-f]{10}$/);
  // The latest date the page's data carry (Long Khánh's 2025 reorganisation), not the day of the build.
  await expect(page.locator("footer [data-data-version]")).toContainText("01/07/2025");
  const fig = page.locator("figure.chart").first();
  await fig.locator("details.share summary").click();
  const cite = fig.locator("[data-citation]");
  await expect(cite).toContainText(`Phiên bản dữ liệu ${version}.`);
  const today = new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
  await expect(cite).toContainText(`Truy cập ngày ${today}.`);
});

test("every chart and every page has a copy-link button; a chart's link opens that chart in the same view", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${QM}?group=near_poor`);
  const figures = page.locator("figure.chart");
  const n = await figures.count();
  expect(n).toBeGreaterThan(2);
  for (let i = 0; i < n; i++) await expect(figures.nth(i).locator(".share-links button[data-copy-link]")).toBeVisible();
  await page.locator("#deprivation-chart .share-links button[data-copy-link]").click();
  await expect(page.locator("#deprivation-chart .share-links .copy-status")).toHaveText("Đã sao chép liên kết");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(page.url()).origin}${QM}?group=near_poor#deprivation-chart`);
  await page.locator(".page-share button[data-copy-link]").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(page.url()).origin}${QM}?group=near_poor`);
});
