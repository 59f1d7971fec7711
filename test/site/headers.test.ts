/**
 * public/_headers, as a static host applies it (rules for a path combine; `*` at the end matches the rest): every
 * built file is sent with nosniff, pages may be framed only by the site, embeds by anyone, and standalone SVGs run
 * nothing. Walks dist/ (`npm test` builds first).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist");

/** Rules of a _headers file: path pattern → header lines. */
export function parseHeaders(text: string): { pattern: string; headers: [string, string][] }[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const i = line.indexOf(":");
      rules.at(-1)!.headers.push([line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

const matches = (pattern: string, path: string) => (pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : pattern === path);

function headersFor(path: string, rules: ReturnType<typeof parseHeaders>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rules) if (matches(r.pattern, path)) for (const [k, v] of r.headers) out.set(k, [...(out.get(k) ?? []), v]);
  return out;
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

describe("_headers", () => {
  const rules = parseHeaders(readFileSync(join(DIST, "_headers"), "utf8"));
  const paths = files(DIST).map((f) => `/${relative(DIST, f)}`.replace(/index\.html$/, ""));

  test("every file is sent with nosniff", () => {
    for (const p of paths) expect(headersFor(p, rules).get("x-content-type-options"), p).toEqual(["nosniff"]);
  });

  test("pages may be framed by the site only; embeds by anyone", () => {
    const pages = paths.filter((p) => p.endsWith("/"));
    expect(pages.length).toBeGreaterThan(100);
    for (const p of pages) {
      const csp = headersFor(p, rules).get("content-security-policy") ?? [];
      expect(csp, p).toHaveLength(1);
      expect(csp[0], p).toBe(/^\/(en\/)?embed\//.test(p) ? "frame-ancestors *" : "frame-ancestors 'self'");
    }
  });

  test("standalone SVG charts run no script and load nothing", () => {
    // Chart downloads are made in the browser now; the standalone SVGs the site serves are the locators.
    const svgs = paths.filter((p) => p.endsWith(".svg") && p.startsWith("/maps/"));
    expect(svgs.length).toBeGreaterThan(10);
    for (const p of svgs) {
      const csp = (headersFor(p, rules).get("content-security-policy") ?? []).join("; ");
      expect(csp, p).toContain("default-src 'none'");
      expect(csp, p).toContain("sandbox");
      expect(csp, p).not.toMatch(/script-src/);
    }
  });
});
