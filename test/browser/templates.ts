/** Page templates the browser tests visit (one page of each), and a watcher for what a page must never do. */
import type { Page } from "@playwright/test";

export const QM = "/localities/bac-giang/viet-yen/quang-minh/";

/**
 * One page per template, without the language prefix (`/en` in front gives the English one). Meeting mode and the
 * embed's chart are picked by the fragment (`hash`), which comes after any query string: open them with `urlOf`.
 */
export const TEMPLATES = [
  { name: "overview", path: "/", state: [] },
  { name: "locality", path: QM, state: ["group", "sort"] },
  { name: "plan", path: "/plans/quang-minh-2024/", state: [] },
  { name: "compare", path: "/compare/", state: [] },
  { name: "province compare", path: "/provinces/bac-ninh/compare/", state: ["plans", "indicator", "sort"] },
  { name: "data", path: "/data/", state: [] },
  { name: "method", path: "/method/", state: [] },
  { name: "meeting", path: QM, hash: "#meeting-3", state: ["group", "sort"] },
  { name: "embed", path: "/embed/bac-giang/viet-yen/quang-minh/", hash: "#groups-chart", state: ["group", "sort"] },
  { name: "province", path: "/provinces/bac-ninh/", state: [] },
  { name: "commune", path: "/provinces/bac-ninh/van-ha/", state: [] },
] as const;

/** The URL of a template in a language with a query string; a template's own fragment replaces the query's. */
export function urlOf(tpl: (typeof TEMPLATES)[number], locale: string, query = ""): string {
  const hash = "hash" in tpl ? tpl.hash : "";
  return locale + tpl.path + (hash ? query.split("#")[0] + hash : query);
}

/** Collects console errors, uncaught errors, dialogs, requests to other hosts and CSP violations of a page. */
export async function watch(page: Page) {
  const seen = { console: [] as string[], errors: [] as string[], dialogs: [] as string[], external: [] as string[] };
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sample})`));
  });
  page.on("console", (m) => {
    if (m.type() === "error") seen.console.push(m.text());
  });
  page.on("pageerror", (e) => seen.errors.push(e.message));
  page.on("dialog", (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (["http:", "https:", "ws:", "wss:"].includes(url.protocol) && url.hostname !== "127.0.0.1") seen.external.push(r.url());
  });
  return {
    ...seen,
    /** CSP violations reported to the document so far. */
    violations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

/** Every visible chart text's rendered size in CSS px, and charts wider than the box they sit in. */
export async function chartText(page: Page, scope = "figure.chart .plot svg") {
  return page.evaluate((scope) => {
    const sizes: { text: string; px: number }[] = [];
    const wide: string[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>(scope)) {
      const box = svg.getBoundingClientRect();
      if (!box.width) continue;
      const column = svg.closest("figure")!.getBoundingClientRect();
      if (box.right > column.right + 0.5 || box.left < column.left - 0.5) wide.push(`${svg.closest("figure")!.id}: ${Math.round(box.width)} px in ${Math.round(column.width)} px`);
      for (const t of svg.querySelectorAll<SVGTextElement>("text")) {
        if (!t.textContent?.trim() || !t.getClientRects().length) continue;
        const m = t.getScreenCTM()!;
        const scale = Math.hypot(m.a, m.b);
        sizes.push({ text: t.textContent.trim().slice(0, 40), px: parseFloat(getComputedStyle(t).fontSize) * scale });
      }
    }
    return { sizes, wide };
  }, scope);
}
