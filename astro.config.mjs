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
  // Only the site's own static files: public/data (gigabytes at national size) is hard-linked into the build by
  // scripts/build-site.ts, where Vite would copy it file by file on every build, warm ones included.
  publicDir: "./public/site",
  trailingSlash: "always",
  // One route at a time: Astro's incremental build (below) is off when build.concurrency > 1, and pages are
  // single-threaded JavaScript either way; the second core draws the preview images (scripts/build-previews.ts).
  build: { format: "directory", inlineStylesheets: "always", concurrency: 1 },
  // A page whose getStaticPaths entry carries a cacheKey (the digest of the data it shows) and whose code is
  // unchanged is copied from the previous build instead of rendered again (`npm run build -- --force` renders all).
  experimental: { incrementalBuild: true },
  i18n: { defaultLocale: "vi", locales: ["vi", "en"], routing: { prefixDefaultLocale: false } },
  devToolbar: { enabled: false },
  compressHTML: true,
  // Astro's cache (its incremental manifest and copies of the pages) sits with the data step's and the previews' in
  // .cache/, the one folder a portal keeps between builds; a separate one per build when asked (the
  // reproducible-build test makes two builds from nothing).
  cacheDir: process.env.PPT_CACHE_DIR ?? "./.cache/astro",
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
