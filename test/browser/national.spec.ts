/**
 * The national frame in a real browser: a new commune with no plan, a seed locality's lineage followed both ways,
 * search for old and new names (the index is fetched as the reader types), and axe on the new templates at phone
 * and laptop widths.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { QM } from "./templates.ts";

test("a new commune with no plan says so and shows how to add one", async ({ page }) => {
  await page.goto("/provinces/ha-noi/ba-dinh/");
  await expect(page.locator("h1")).toHaveText("Phường Ba Đình");
  await expect(page.locator("[data-no-plan]")).toContainText("Chưa thu thập được kế hoạch nào");
  // What it was formed from, with the share of each former ward.
  await expect(page.locator("tr[data-old-code]")).toHaveCount(10);
  await expect(page.locator('tr[data-old-code="00004"]')).toContainText("Phường Trúc Bạch");
  await expect(page.locator('tr[data-old-code="00004"] td').last()).toHaveText("toàn bộ");
  await expect(page.locator('tr[data-old-code="00016"] td').last()).toHaveText("một phần");
  await page.locator("[data-no-plan] a").click();
  await expect(page).toHaveURL(/\/method\/#add-plan$/);
  await expect(page.locator("#add-plan + ol li")).toHaveCount(5);
});

test("a seed locality's lineage, both ways: Quảng Minh → Phường Vân Hà → Quảng Minh", async ({ page }) => {
  await page.goto(QM);
  await page.locator("[data-successors] a", { hasText: "Phường Vân Hà" }).click();
  await expect(page).toHaveURL(/\/provinces\/bac-ninh\/van-ha\/$/);
  await expect(page.locator('[data-plans="direct"]')).toContainText("phường Quảng Minh");
  await page.locator('tr[data-old-code="07792"] th a').click();
  await expect(page).toHaveURL(new RegExp(`${QM}$`));
});

test("search finds an old commune merged away and lands where its story is told", async ({ page }) => {
  await page.goto("/");
  await page.locator("input[data-search]").fill("tien son viet yen");
  const hit = page.locator("#unit-list a", { hasText: "Xã Tiên Sơn" });
  await expect(hit).toHaveAttribute("href", "/provinces/bac-ninh/van-ha/#old-07786");
  await expect(page.locator("#unit-list li").first()).toContainText("nay thuộc phường Vân Hà");
  await page.locator("input[data-search]").press("Enter");
  await expect(page).toHaveURL(/\/provinces\/bac-ninh\/van-ha\/#old-07786$/);
  await expect(page.locator("#old-07786")).toBeVisible();
});

test("search finds new names without accents, in any order, in English too", async ({ page }) => {
  await page.goto("/en/");
  await page.locator("input[data-search]").fill("van ha phuong");
  await expect(page.locator("#unit-list a", { hasText: "Vân Hà ward" }).first()).toHaveAttribute("href", "/en/provinces/bac-ninh/van-ha/");
  // The localities with data still come first, and are not listed twice.
  await page.locator("input[data-search]").fill("quang minh");
  await expect(page.locator("#locality-list li:not([hidden]) a")).toHaveText(["Quảng Minh ward"]);
  await expect(page.locator(`#unit-list a[href="/en${QM}"]`)).toHaveCount(0);
  await page.locator("input[data-search]").fill("zzqx");
  await expect(page.locator("#no-match")).toBeVisible();
});

for (const width of [390, 1280]) {
  for (const path of ["/provinces/bac-ninh/", "/provinces/bac-ninh/van-ha/", "/provinces/ha-noi/ba-dinh/", "/en/provinces/dong-nai/"]) {
    test(`axe: ${path} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`)).toEqual([]);
    });
  }
}
