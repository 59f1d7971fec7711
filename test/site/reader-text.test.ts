/**
 * Reader-facing text: every built page (dist/**\/*.html, `npm test` builds first) is read as a reader sees it (text
 * nodes outside <script>/<style>/<code>, plus title, aria-label, alt, placeholder and description attributes), and
 * must carry no developer text: repository paths, the team's notes, snake_case codes, raw finding codes, severity
 * words left untranslated, or numbers in the other locale's format.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist");

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []);
}

const ATTRS = ["title", "aria-label", "alt", "placeholder"];
const SKIP = new Set(["SCRIPT", "STYLE", "CODE", "TEXTAREA", "TEMPLATE"]);

/** What a reader of the page reads (and hears), one string per text node or attribute. */
export function readerText(html: string): string[] {
  const { document } = parseHTML(html);
  const out: string[] = [];
  const meta = document.querySelector('meta[name="description"]')?.getAttribute("content");
  if (meta) out.push(meta);
  const walk = (n: Node, lang: string) => {
    if (n.nodeType === 3) {
      const s = n.textContent!.trim();
      if (s) out.push(s);
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (SKIP.has(el.tagName.toUpperCase())) return;
    for (const a of ATTRS) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
    for (const c of el.childNodes) walk(c, el.getAttribute("lang") ?? lang);
  };
  walk(document.body, document.documentElement.getAttribute("lang") ?? "vi");
  return out;
}

const RULES: [string, RegExp][] = [
  ["a repository path", /\b(?:src|scripts|test|bench|data\/(?:plans|tables|reference))\/[\w.-]+/],
  ["a note of the team", /\b(?:DOMAIN|STACK|STYLE|README)\.md\b/],
  ["a snake_case code", /\b[a-z]+(?:_[a-z0-9]+)+\b/],
  ["a severity word", /^(?:warning|info|error)$/],
];

describe("built pages carry no developer text", () => {
  const files = htmlFiles(DIST);
  test("the site was built", () => expect(files.length).toBeGreaterThan(20));
  // One test a page, except the 3,355 unit pages of each language: one test a province (its page and its communes').
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const path = `/${relative(DIST, file).replace(/index\.html$/, "")}`;
    const key = path.match(/^(?:\/en)?\/provinces\/[^/]+\//)?.[0] ?? path;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  for (const [key, group] of groups) {
    test(group.length > 1 ? `${key} (${group.length} pages)` : key, () => {
      const bad: string[] = [];
      for (const file of group) {
        const path = `/${relative(DIST, file).replace(/index\.html$/, "")}`;
        const html = readFileSync(file, "utf8");
        const texts = readerText(html);
        // Addresses (the view's URL in a citation) are quoted as they are.
        const words = texts.map((s) => s.replace(/https?:\/\/\S+/g, ""));
        for (const s of words) for (const [what, re] of RULES) if (re.test(s)) bad.push(`${path}: ${what}: ${JSON.stringify(s.slice(0, 160))}`);
        // Vietnamese pages print 1.234,5: a "1.11 pp"-style English decimal in Vietnamese text is the other locale's format.
        if (!path.startsWith("/en/")) {
          for (const s of texts) if (/\b\d+\.\d{1,2}\s?(?:pp|%|điểm)/.test(s)) bad.push(`${path}: an English decimal on a Vietnamese page: ${JSON.stringify(s.slice(0, 160))}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
