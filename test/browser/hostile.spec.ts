/**
 * Hostile URLs: every page template is opened with at least 100 hostile query strings (script tags, `javascript:`
 * URLs, attribute breakers, template and prototype tricks, very long values, unknown and repeated parameters, odd
 * Unicode, broken percent-encoding). For each: no dialog opens, nothing is logged as an error, no script error is
 * thrown, no event-handler attribute appears in the document, and the page shows its default view (the same
 * visible variants, control values and headings as with no query string at all).
 */
import { expect, test, type Page } from "@playwright/test";
import { TEMPLATES, urlOf, watch } from "./templates.ts";

/** Values no parameter accepts; each must fall back to the default. */
const VALUES = [
  "<script>alert(1)</script>", '"><script>alert(1)</script>', "'><img src=x onerror=alert(1)>", "javascript:alert(1)",
  "JaVaScRiPt:alert(document.domain)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", '" onmouseover="alert(1)',
  "' autofocus onfocus='alert(1)", "</title><svg onload=alert(1)>", "<iframe src=javascript:alert(1)>", "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}", "`${alert(1)}`", "__proto__", "constructor", "toString", "hasOwnProperty", "poor\u0000", "near_poor\n", "poor;alert(1)",
  "x".repeat(5000), `near_poor${"x".repeat(3000)}`, "ｐｏｏｒ", "poor\u200b", "\u202epoor", "💥", "POOR", " poor", "poor ", "null", "undefined",
  "NaN", "[]", "{}", "true", "../../etc/passwd", "//evil.example/", "https://evil.example/x.js", "<a href=javascript:alert(1)>x</a>",
  "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;", "\\u003cscript\\u003ealert(1)", "<style>*{display:none}</style>",
  "<meta http-equiv=refresh content=0;url=javascript:alert(1)>", "poor,near_poor", ",", "%", "0", "-1", "1e999",
];
/** Raw query strings (already encoded as they would arrive), for what URLSearchParams must survive. */
const RAW = [
  "?group=%ED%A0%80", "?group=%", "?group=%%32%65", "?measure=%C0%AE", "?sort=%FF%FE", "?plans=%00", "?indicator=%0D%0ASet-Cookie:x=1",
  "?group[]=near_poor", "?group[0]=near_poor", "?=", "?&&&", "?group", "?group=&sort=", "?%3Cscript%3E=1", "?__proto__[polluted]=1",
  "?constructor[prototype][polluted]=1", `?${Array.from({ length: 300 }, (_, i) => `p${i}=${i}`).join("&")}`, "?x=1#<img src=x onerror=alert(1)>",
  "?y=1#javascript:alert(1)", "?a=1&a=2&a=%3Cscript%3E", `?${"group=%3Cscript%3E&".repeat(50)}`,
];

/** The query strings for a template: each of its parameters (or, with none, parameters of other pages) × every value. */
function queries(params: readonly string[]): string[] {
  const names = params.length ? params : ["group", "measure", "plans", "indicator", "slide", "sort"];
  const out: string[] = [...RAW];
  for (const [i, value] of VALUES.entries()) {
    const v = encodeURIComponent(value);
    const name = names[i % names.length];
    out.push(`?${name}=${v}`);
    // A hostile first value and a valid second one: the first value counts, so the view stays the default.
    if (i % 3 === 0) out.push(`?${name}=${v}&${name}=near_poor&${name}=target`);
    // An unknown parameter with the same value, and the value used as a parameter name.
    if (i % 2 === 1) out.push(`?utm_${name}=${v}&${v}=1`);
  }
  return out;
}

/** What the reader sees: visible variants, control values, headings and chart count. */
const viewOf = (page: Page) => page.evaluate(() => ({
  variants: [...document.querySelectorAll<HTMLElement>("[data-when]")].filter((e) => !e.hidden && e.offsetParent !== null).map((e) => e.dataset.when),
  controls: [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-param]")]
    .map((e) => (e instanceof HTMLInputElement && (e.type === "checkbox" || e.type === "radio") ? `${e.dataset.param}=${e.value}:${e.checked}` : `${e.dataset.param}=${e.value}`)),
  dimmed: document.querySelectorAll(".dim").length,
  headings: [...document.querySelectorAll("h1, h2")].map((h) => h.textContent?.trim()),
  charts: document.querySelectorAll("figure.chart svg").length,
  // Event-handler attributes the site never writes: any would have been injected.
  handlers: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
  injected: (window as unknown as { __xss?: unknown }).__xss ?? null,
  csp: (window as unknown as { __csp: string[] }).__csp,
}));

for (const locale of ["", "/en"]) {
  // The province page runs the same scripts as the commune page and reads no state: the commune page stands for both.
  for (const tpl of TEMPLATES.filter((x) => x.name !== "province")) {
    // Every query string on the Vietnamese pages; a third of them (still more than 30) on the English ones.
    const list = queries(tpl.state).filter((_, i) => locale === "" || i % 3 === 0);
    test(`${tpl.name}${locale}: ${list.length} hostile query strings run nothing and show the default view`, async ({ page }) => {
      test.setTimeout(240_000);
      if (locale === "") expect(list.length).toBeGreaterThanOrEqual(100);
      const w = await watch(page);
      await page.goto(urlOf(tpl, locale));
      const defaults = await viewOf(page);
      expect(defaults.handlers).toEqual([]);
      for (const q of list) {
        const res = await page.goto(urlOf(tpl, locale, q), { waitUntil: "domcontentloaded" });
        expect(res?.status(), q).toBe(200);
        expect(await viewOf(page), `view for ${q.slice(0, 120)}`).toEqual(defaults);
      }
      expect(w.dialogs, "dialogs").toEqual([]);
      expect(w.errors, "uncaught errors").toEqual([]);
      expect(w.console, "console errors").toEqual([]);
      expect(w.external, "requests to other hosts").toEqual([]);
    });
  }
}
