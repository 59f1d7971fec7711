/**
 * Links: every internal link and anchor in the built site resolves. Walks dist/**\/*.html (`npm test` builds the
 * site first), reads every href and src (links, stylesheets, scripts, images, frames, link-preview images), and
 * checks that the file exists and, for `#anchors` (provenance links to a sentence of a plan included), that the
 * target page has an element with that id. Links to the site's own absolute URL count as internal.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { SITE_URL } from "../../src/view/site-url.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const DIST = join(ROOT, "dist");

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []);
}

/** Site path of a built page: dist/a/b/index.html → /a/b/. */
const pagePath = (file: string) => `/${relative(DIST, file).replace(/index\.html$/, "")}`;

/** The file a site path is served from, or undefined when there is none. */
function fileOf(path: string): string | undefined {
  const p = join(DIST, decodeURIComponent(path));
  if (path.endsWith("/")) return existsSync(join(p, "index.html")) ? join(p, "index.html") : undefined;
  return existsSync(p) && statSync(p).isFile() ? p : undefined;
}

const idsCache = new Map<string, Set<string>>();
/** Every id (and <a name>) of a page. */
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    const { document } = parseHTML(readFileSync(file, "utf8"));
    ids = new Set([...document.querySelectorAll("[id]")].map((e) => e.getAttribute("id")!));
    for (const a of document.querySelectorAll("a[name]")) ids.add(a.getAttribute("name")!);
    idsCache.set(file, ids);
  }
  return ids;
}

const ATTRS: [selector: string, attr: string][] = [
  ["a[href]", "href"], ["link[href]", "href"], ["area[href]", "href"], ["script[src]", "src"], ["img[src]", "src"],
  ["iframe[src]", "src"], ["source[src]", "src"], ["form[action]", "action"], ['meta[property="og:image"]', "content"],
  ['meta[name="twitter:image"]', "content"], ['meta[property="og:url"]', "content"],
];

describe("links in dist/", () => {
  test("every internal link and anchor resolves", () => {
    expect(existsSync(join(DIST, "index.html")), "dist/ is missing: run `npm run build` (npm test builds first)").toBe(true);
    const pages = htmlFiles(DIST);
    const site = new URL(SITE_URL);
    const broken: string[] = [];
    let checked = 0, anchors = 0;
    for (const file of pages) {
      const base = new URL(pagePath(file), site);
      const { document } = parseHTML(readFileSync(file, "utf8"));
      for (const [selector, attr] of ATTRS) {
        for (const el of document.querySelectorAll(selector)) {
          const raw = el.getAttribute(attr)!;
          const where = `${relative(DIST, file)}: <${el.tagName.toLowerCase()} ${attr}="${raw.slice(0, 100)}">`;
          if (/^\s*javascript:/i.test(raw)) {
            broken.push(`${where}: javascript: URL`);
            continue;
          }
          let url: URL;
          try {
            url = new URL(raw, base);
          } catch {
            broken.push(`${where}: not a URL`);
            continue;
          }
          if (url.origin !== site.origin || !["http:", "https:"].includes(url.protocol)) continue; // another site, mailto:, data:
          checked++;
          const target = fileOf(url.pathname);
          if (!target) {
            broken.push(`${where}: ${url.pathname} does not exist${!url.pathname.endsWith("/") && fileOf(`${url.pathname}/`) ? " (the link lacks its trailing slash)" : ""}`);
            continue;
          }
          if (url.hash.length > 1) {
            anchors++;
            const id = decodeURIComponent(url.hash.slice(1));
            if (target.endsWith(".html") && !idsOf(target).has(id)) broken.push(`${where}: no element with id "${id}" in ${relative(DIST, target)}`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
    // The check really ran: the site links its pages, its data files and, from every figure, a sentence of a plan.
    expect(pages.length).toBeGreaterThan(20);
    expect(checked).toBeGreaterThan(1000);
    expect(anchors).toBeGreaterThan(100);
  });
});
