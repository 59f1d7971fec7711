/**
 * Content security policy: every page template, in both languages, declares a strict policy (no 'unsafe-inline' or
 * 'unsafe-eval' for scripts, no 'unsafe-inline' for styles), loads and runs with no violation of it, and asks no
 * other host for anything. A positive control shows the policy is enforced: an inline script injected into the page
 * does not run.
 */
import { expect, test, type Page } from "@playwright/test";
import { QM, TEMPLATES, urlOf, watch } from "./templates.ts";

/** The policy the page declares in its <meta http-equiv>, as directive → sources. */
async function policyOf(page: Page): Promise<Map<string, string[]>> {
  const metas = await page.locator('meta[http-equiv="content-security-policy" i]').evaluateAll((els) => els.map((e) => e.getAttribute("content") ?? ""));
  expect(metas, "exactly one CSP <meta> in the page").toHaveLength(1);
  return new Map(metas[0].split(";").map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name, sources] as [string, string[]];
  }));
}

for (const locale of ["", "/en"]) {
  for (const tpl of TEMPLATES) {
    test(`CSP: ${tpl.name}${locale} declares a strict policy, breaks none of it and asks no other host`, async ({ page }) => {
      const w = await watch(page);
      const res = await page.goto(urlOf(tpl, locale));
      expect(res?.status()).toBe(200);
      const policy = await policyOf(page);
      const scripts = policy.get("script-src") ?? policy.get("default-src") ?? [];
      expect(scripts.length, "script-src is declared").toBeGreaterThan(0);
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"]) expect(scripts).not.toContain(bad);
      expect(policy.get("script-src-attr") ?? [], "no inline event handlers").not.toContain("'unsafe-inline'");
      expect(policy.get("style-src") ?? [], "no inline styles except hashed ones").not.toContain("'unsafe-inline'");
      expect(policy.get("style-src-attr") ?? [], "style attributes only by hash").not.toContain("'unsafe-inline'");
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      // Use the page the way a reader does, so scripts that run later are covered too.
      for (const control of (await page.locator("[data-param]:visible").all()).slice(0, 6)) {
        const tag = await control.evaluate((e) => e.tagName);
        if (tag === "SELECT") await control.selectOption({ index: 1 }, { timeout: 2000 }).catch(() => undefined);
        else await control.click({ timeout: 2000 }).catch(() => undefined);
      }
      const marks = page.locator("figure.chart svg [data-tip]");
      if (await marks.count()) await marks.first().hover({ timeout: 2000, force: true }).catch(() => undefined);
      // Printing loads the QR-code module on demand.
      await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
      await page.waitForLoadState("networkidle");
      expect(await w.violations(), "CSP violations").toEqual([]);
      expect(w.console, "console errors").toEqual([]);
      expect(w.errors, "uncaught errors").toEqual([]);
      expect(w.external, "requests to other hosts").toEqual([]);
      expect(w.dialogs).toEqual([]);
    });
  }
}

test("CSP is enforced: an inline script or style attribute injected into a page does nothing and is reported", async ({ page }) => {
  const w = await watch(page);
  await page.goto(QM);
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    const img = document.createElement("img");
    img.setAttribute("onerror", "window.__handler = true");
    img.src = "/does-not-exist.png";
    document.body.append(img);
    const div = document.createElement("div");
    div.innerHTML = '<p style="color: rgb(255, 0, 0)">x</p>';
    document.body.append(div);
    await new Promise((r) => setTimeout(r, 300));
    const w = window as unknown as { __injected?: boolean; __handler?: boolean };
    return { script: w.__injected === true, handler: w.__handler === true, style: getComputedStyle(div.firstElementChild!).color === "rgb(255, 0, 0)" };
  });
  expect(ran).toEqual({ script: false, handler: false, style: false });
  const violations = await w.violations();
  expect(violations.some((v) => v.startsWith("script-src"))).toBe(true);
  expect(violations.some((v) => v.startsWith("style-src-attr"))).toBe(true);
});
