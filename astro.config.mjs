// Static output only: every page is drawn at build time; the browser adds pointer work.
import { createHash } from "node:crypto";
import * as Plot from "@observablehq/plot";
import { defineConfig } from "astro/config";
import { parseHTML } from "linkedom";
import { baseOptions } from "./src/charts/common.ts";

const sha256 = (text) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

// Content security policy, declared in every page (<meta http-equiv="content-security-policy">). Scripts: only the
// site's own bundles and the inline modules Astro hashes; never 'unsafe-inline'. Styles: Astro hashes the inlined
// stylesheet; the charts drawn at build time carry Plot's <style> element and a style attribute on each <svg>, whose
// exact texts are hashed here from Plot itself (the same options every chart uses), so a Plot upgrade cannot
// silently break them. The compare page shades its matrix cells with a style attribute per cell: its lightness
// takes the values 82–97%, each hashed ('unsafe-hashes' lets hashes allow style attributes, and only those).
const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
const chart = Plot.plot({ ...baseOptions(document), marks: [] });
const plotStyle = chart.querySelector("style")?.textContent ?? "";
const chartAttr = chart.getAttribute("style") ?? "";
const shades = Array.from({ length: 16 }, (_, i) => `background: hsl(210 60% ${82 + i}%)`);

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  // Two routes at a time: preview images are drawn off the main thread (png.ts), so the second core draws one while
  // the first renders the next; pages themselves are single-threaded JavaScript either way.
  build: { format: "directory", inlineStylesheets: "always", concurrency: 2 },
  i18n: { defaultLocale: "vi", locales: ["vi", "en"], routing: { prefixDefaultLocale: false } },
  devToolbar: { enabled: false },
  compressHTML: true,
  // A separate cache per build when asked (the reproducible-build test makes two builds from nothing).
  ...(process.env.PPT_CACHE_DIR ? { cacheDir: process.env.PPT_CACHE_DIR } : {}),
  security: {
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: {
        resources: ["'self'", { resource: "'unsafe-hashes'", kind: "attribute" }],
        hashes: [sha256(plotStyle), ...[chartAttr, ...shades].map((s) => ({ hash: sha256(s), kind: "attribute" }))],
      },
    },
  },
});
