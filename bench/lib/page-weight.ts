/**
 * What a built page costs to load, read from dist/ without a browser: the JavaScript it runs (`<script src>`, inline
 * scripts, `modulepreload`, and every module those import statically, followed recursively through dist/_astro/) and
 * everything else it fetches (stylesheets and what they `@import`/`url()`, images, icons, iframes, preloads).
 *
 * Sizes: raw bytes, and gzip at zlib level 9 for text (HTML, CSS, JS, SVG, JSON, ...); binary formats (PNG, WOFF2, ...)
 * count raw, as servers send them. "Transfer" = HTML gzip + each external resource once (inline scripts and styles
 * travel inside the HTML). HTTP headers are not counted (Lighthouse's figure includes them, ~250 B a response).
 * Dynamic `import()` targets are listed as lazy JS, not counted: they load only when the page asks for them.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";

const ORIGIN = "http://site.invalid";

export type Kind = "html" | "js" | "css" | "image" | "font" | "other";

export interface Resource {
  /** Site-relative URL (or the inline script's label). */
  url: string;
  kind: Kind;
  raw: number;
  /** Bytes as transferred: gzip level 9 for text, raw for binary formats. */
  gzip: number;
  /** How the page reaches it: "script", "import from /_astro/x.js", "stylesheet", "img", ... */
  via: string;
}

export interface PageWeight {
  path: string;
  file: string;
  html: { raw: number; gzip: number };
  /** Scripts that run on load: external files (each once) and inline scripts (sizes of their own text). */
  js: { raw: number; gzip: number; items: (Resource & { inline: boolean })[] };
  /** Modules reached only through dynamic import(): not counted. */
  lazyJs: Resource[];
  css: { inlineRaw: number; external: Resource[] };
  /** External same-origin resources, each once (JS and CSS included). */
  resources: Resource[];
  /** HTML gzip + resources' transfer. */
  transfer: number;
  byKind: Record<Kind, number>;
  /** Other-origin URLs the page references (not counted). */
  thirdParty: string[];
  /** Same-origin references with no file in dist/ (would 404). */
  missing: string[];
}

const TEXT = new Set([".html", ".htm", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".map", ".webmanifest", ".ico", ".geojson"]);
const JS_TYPES = new Set(["", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"]);

const gz = (buf: Buffer | string): number => gzipSync(buf, { level: 9 }).length;

function kindOf(file: string): Kind {
  const ext = extname(file).toLowerCase();
  if (ext === ".js" || ext === ".mjs") return "js";
  if (ext === ".css") return "css";
  if (ext === ".html" || ext === ".htm") return "html";
  if ([".woff2", ".woff", ".ttf", ".otf", ".eot"].includes(ext)) return "font";
  if ([".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico", ".bmp"].includes(ext)) return "image";
  return "other";
}

/** `/a/b/` → dist/a/b/index.html; `/a/b` → dist/a/b, dist/a/b/index.html or dist/a/b.html. */
export function distFile(dist: string, pathname: string): string | undefined {
  let p: string;
  try { p = decodeURIComponent(pathname); } catch { p = pathname; }
  const candidates = p.endsWith("/") ? [join(dist, p, "index.html")] : [join(dist, p), join(dist, p, "index.html"), join(dist, `${p}.html`)];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

type Lexer = { init: Promise<void>; parse: (code: string) => readonly [readonly { n?: string; d: number }[], ...unknown[]] };
let lexer: Lexer | null | undefined;
async function loadLexer(): Promise<Lexer | null> {
  if (lexer !== undefined) return lexer;
  try {
    // es-module-lexer comes with Vite (Astro's bundler); fall back to a regex for minified bundles without it.
    const mod = (await import("es-module-lexer")) as unknown as Lexer;
    await mod.init;
    lexer = mod;
  } catch {
    lexer = null;
  }
  return lexer;
}

/** Static and dynamic import specifiers of an ES module. */
async function importsOf(code: string): Promise<{ staticSpecs: string[]; dynamicSpecs: string[] }> {
  const lx = await loadLexer();
  const staticSpecs: string[] = [], dynamicSpecs: string[] = [];
  if (lx) {
    try {
      const [imports] = lx.parse(code);
      for (const imp of imports) {
        if (imp.n === undefined || imp.d === -2) continue; // import.meta, or import() of a computed value
        (imp.d === -1 ? staticSpecs : dynamicSpecs).push(imp.n);
      }
      return { staticSpecs, dynamicSpecs };
    } catch {
      /* not parseable as a module: use the regex below */
    }
  }
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g)) staticSpecs.push(m[1]!);
  for (const m of code.matchAll(/\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g)) dynamicSpecs.push(m[1]!);
  return { staticSpecs, dynamicSpecs };
}

function cssRefs(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/@import\s+(?:url\(\s*)?["']?([^"')\s;]+)/g)) out.push(m[1]!);
  for (const m of css.matchAll(/url\(\s*(["']?)([^"')]+?)\1\s*\)/g)) out.push(m[2]!);
  return out.filter((u) => !u.startsWith("data:") && !u.startsWith("#"));
}

/** Measure the built page for `pagePath` (e.g. "/localities/x/"). Throws if dist/ has no such page. */
export async function measurePage(dist: string, pagePath: string): Promise<PageWeight> {
  const file = distFile(dist, new URL(pagePath, ORIGIN).pathname);
  if (!file) throw new Error(`no built page for ${pagePath} in ${dist}`);
  const htmlBuf = readFileSync(file);
  const html = htmlBuf.toString("utf8");
  const { document } = parseHTML(html);
  const baseHref = document.querySelector("base[href]")?.getAttribute("href");
  const pageUrl = new URL(baseHref ?? pagePath, new URL(pagePath, ORIGIN));

  const resources = new Map<string, Resource>();
  const lazy = new Map<string, Resource>();
  const thirdParty = new Set<string>(), missing = new Set<string>();
  const jsItems: (Resource & { inline: boolean })[] = [];
  const seenModules = new Set<string>();

  /** Resolve `ref` against `from`; register it as a resource; returns its text for JS/CSS (to follow), else undefined. */
  const add = (ref: string, from: URL, via: string, kindHint?: Kind, into: Map<string, Resource> = resources): { res: Resource; text: string } | undefined => {
    let url: URL;
    try { url = new URL(ref.trim(), from); } catch { return undefined; }
    if (url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "javascript:") return undefined;
    if (url.origin !== ORIGIN) { thirdParty.add(url.href); return undefined; }
    const key = url.pathname;
    const f = distFile(dist, key);
    if (!f) { missing.add(key); return undefined; }
    const existing = resources.get(key) ?? into.get(key);
    if (existing) return { res: existing, text: "" };
    const buf = readFileSync(f);
    const kind = kindHint ?? kindOf(f);
    const text = TEXT.has(extname(f).toLowerCase());
    const res: Resource = { url: key, kind, raw: buf.length, gzip: text ? Math.min(buf.length, gz(buf)) : buf.length, via };
    into.set(key, res);
    return { res, text: kind === "js" || kind === "css" ? buf.toString("utf8") : "" };
  };

  /** Follow a module's imports: static ones load with the page, dynamic ones are lazy. */
  const followModule = async (code: string, moduleUrl: URL, label: string): Promise<void> => {
    const { staticSpecs, dynamicSpecs } = await importsOf(code);
    for (const spec of staticSpecs) {
      if (!/^(\.{0,2}\/|https?:)/.test(spec)) { missing.add(`${spec} (bare specifier in ${label})`); continue; }
      const hit = add(spec, moduleUrl, `import from ${label}`, "js");
      if (hit && hit.text && !seenModules.has(hit.res.url)) {
        seenModules.add(hit.res.url);
        jsItems.push({ ...hit.res, inline: false });
        await followModule(hit.text, new URL(hit.res.url, ORIGIN), hit.res.url);
      }
    }
    for (const spec of dynamicSpecs) {
      if (!/^(\.{0,2}\/|https?:)/.test(spec)) continue;
      const target = new URL(spec, moduleUrl).pathname;
      if (resources.has(target)) continue;
      add(spec, moduleUrl, `import() in ${label}`, "js", lazy);
    }
  };

  // Scripts, in document order.
  let inlineCount = 0;
  for (const el of document.querySelectorAll("script")) {
    const type = (el.getAttribute("type") ?? "").trim().toLowerCase();
    if (!JS_TYPES.has(type)) continue; // JSON-LD, importmap, templates: data, not code
    const src = el.getAttribute("src");
    if (src) {
      const hit = add(src, pageUrl, "script", "js");
      if (hit && hit.text && !seenModules.has(hit.res.url)) {
        seenModules.add(hit.res.url);
        jsItems.push({ ...hit.res, inline: false });
        await followModule(hit.text, new URL(hit.res.url, ORIGIN), hit.res.url);
      }
    } else {
      const code = el.textContent ?? "";
      if (!code.trim()) continue;
      inlineCount++;
      const label = `inline script ${inlineCount}${type === "module" ? " (module)" : ""}`;
      jsItems.push({ url: label, kind: "js", raw: Buffer.byteLength(code), gzip: gz(code), via: "inline", inline: true });
      await followModule(code, pageUrl, label);
    }
  }
  for (const el of document.querySelectorAll('link[rel~="modulepreload"][href]')) {
    const hit = add(el.getAttribute("href")!, pageUrl, "modulepreload", "js");
    if (hit && hit.text && !seenModules.has(hit.res.url)) {
      seenModules.add(hit.res.url);
      jsItems.push({ ...hit.res, inline: false });
      await followModule(hit.text, new URL(hit.res.url, ORIGIN), hit.res.url);
    }
  }
  // A module both preloaded lazily and imported statically counts once, as loaded.
  for (const key of resources.keys()) lazy.delete(key);

  // Stylesheets (and what they import or reference), inline styles.
  const followCss = (css: string, from: URL, label: string, depth = 0): void => {
    for (const ref of cssRefs(css)) {
      const hit = add(ref, from, `url() in ${label}`);
      if (hit && hit.res.kind === "css" && hit.text && depth < 10) followCss(hit.text, new URL(hit.res.url, ORIGIN), hit.res.url, depth + 1);
    }
  };
  const externalCss: Resource[] = [];
  for (const el of document.querySelectorAll('link[rel~="stylesheet"][href]')) {
    const hit = add(el.getAttribute("href")!, pageUrl, "stylesheet", "css");
    if (hit) { externalCss.push(hit.res); if (hit.text) followCss(hit.text, new URL(hit.res.url, ORIGIN), hit.res.url); }
  }
  let inlineCss = 0;
  for (const el of document.querySelectorAll("style")) {
    const css = el.textContent ?? "";
    inlineCss += Buffer.byteLength(css);
    followCss(css, pageUrl, "inline <style>");
  }
  for (const el of document.querySelectorAll("[style]")) followCss(el.getAttribute("style") ?? "", pageUrl, "style attribute");

  // Images, icons, frames, preloads. For srcset the browser picks one candidate: count src, else the first candidate.
  const firstCandidate = (srcset: string | null): string | undefined => srcset?.split(",")[0]?.trim().split(/\s+/)[0];
  for (const el of document.querySelectorAll("img, input[type=image]")) {
    const ref = el.getAttribute("src") ?? firstCandidate(el.getAttribute("srcset"));
    if (ref) add(ref, pageUrl, el.tagName.toLowerCase(), "image");
  }
  const icon = document.querySelector('link[rel~="icon"][href]');
  if (icon) add(icon.getAttribute("href")!, pageUrl, "icon", "image");
  for (const el of document.querySelectorAll('link[rel~="preload"][href], link[rel="manifest"][href]')) add(el.getAttribute("href")!, pageUrl, `link rel=${el.getAttribute("rel")}`);
  for (const el of document.querySelectorAll("video[poster]")) add(el.getAttribute("poster")!, pageUrl, "video poster", "image");
  for (const el of document.querySelectorAll("iframe[src], frame[src]")) add(el.getAttribute("src")!, pageUrl, "iframe", "html");
  for (const el of document.querySelectorAll("object[data], embed[src]")) add((el.getAttribute("data") ?? el.getAttribute("src"))!, pageUrl, el.tagName.toLowerCase());
  for (const el of document.querySelectorAll("image, use")) {
    const ref = el.getAttribute("href") ?? el.getAttribute("xlink:href");
    if (ref && !ref.startsWith("#")) add(ref.split("#")[0]!, pageUrl, `svg <${el.tagName.toLowerCase()}>`, "image");
  }

  const htmlGzip = gz(htmlBuf);
  const list = [...resources.values()];
  const byKind: Record<Kind, number> = { html: htmlGzip, js: 0, css: 0, image: 0, font: 0, other: 0 };
  for (const r of list) byKind[r.kind] += r.gzip;
  const js = jsItems.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip }), { raw: 0, gzip: 0 });
  return {
    path: pagePath,
    file,
    html: { raw: htmlBuf.length, gzip: htmlGzip },
    js: { ...js, items: jsItems },
    lazyJs: [...lazy.values()],
    css: { inlineRaw: inlineCss, external: externalCss },
    resources: list,
    transfer: htmlGzip + list.reduce((a, r) => a + r.gzip, 0),
    byKind,
    thirdParty: [...thirdParty],
    missing: [...missing],
  };
}
