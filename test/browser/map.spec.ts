/**
 * The province map in a real browser: visible and usable with JavaScript off (34 named links, one reached and
 * followed with the keyboard to its province's page), its data table one click away, the locator on a locality page
 * loaded as an image of its province, and axe finding nothing on the overview at a phone's and a laptop's width.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

for (const [locale, prefix] of [["vi", ""], ["en", "/en"]] as const) {
  test(`the overview map (${locale}) is there with JavaScript off, each province a named link to its page`, async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(`${prefix}/`);
    const map = page.locator("#province-map svg.ppt-map");
    await map.scrollIntoViewIfNeeded();
    await expect(map).toBeVisible();
    const box = (await map.boundingBox())!;
    // Fills the phone's width (less the page's padding), taller than wide like the country.
    expect(box.width).toBeGreaterThan(330);
    expect(box.height).toBeGreaterThan(box.width);
    await expect(map.getByRole("link")).toHaveCount(34);
    const khanhHoa = map.getByRole("link", { name: locale === "vi" ? /^Khánh Hoà: 1 địa phương có kế hoạch/ : /^Khánh Hoà: 1 locality with a plan/ });
    await expect(khanhHoa).toHaveAttribute("href", `${prefix}/provinces/khanh-hoa/`);
    await expect(map.getByRole("link", { name: /^Hà Nội: / })).toHaveAttribute("href", `${prefix}/provinces/ha-noi/`);
    // The keyboard reaches the province and follows its link (the province's page itself is another template's).
    await khanhHoa.focus();
    await Promise.all([page.waitForURL(`**${prefix}/provinces/khanh-hoa/`), page.keyboard.press("Enter")]);
    await ctx.close();
  });
}

test("the map's data table is one click away, one row per province, without JavaScript", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto("/");
  const figure = page.locator("#province-map");
  await figure.locator("details > summary").first().click();
  const rows = figure.locator("details table tbody tr");
  await expect(rows).toHaveCount(34);
  await expect(rows.filter({ hasText: "Khánh Hoà" })).toContainText("0,97% (31/12/2023)");
  await expect(rows.filter({ hasText: "Ninh Bình" })).toContainText("Huyện Thanh Liêm");
  await ctx.close();
});

test("a locality page shows its new province's locator as an image", async ({ page }) => {
  await page.goto("/localities/ninh-thuan/phan-rang-thap-cham/");
  const img = page.locator("figure.locator img");
  await img.scrollIntoViewIfNeeded();
  await expect(img).toHaveAttribute("src", "/maps/locator-56.svg");
  await expect(img).toHaveAttribute("alt", /Khánh Hoà/);
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(200);
});

for (const width of [390, 1280]) {
  for (const prefix of ["", "/en"]) {
    test(`the overview${prefix} has no axe violations at ${width} px`, async ({ browser }) => {
      test.setTimeout(90_000);
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`${prefix}/`);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`)).toEqual([]);
      await ctx.close();
    });
  }
}
