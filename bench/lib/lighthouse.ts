/**
 * Lighthouse 13 through its Node API on Debian's chromium, default (mobile) config: simulated slow 4G, 4× CPU
 * slowdown, moto g power viewport. One fresh Chrome per run. Gives the figures the bench reports and, for anything
 * below 100, the audits that cost points with the elements or resources they name.
 */
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { launch } from "chrome-launcher";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function chromePath(): string {
  return process.env.CHROME_PATH || "/usr/bin/chromium";
}

export interface Failing {
  category: Category;
  id: string;
  title: string;
  score: number;
  weight: number;
  displayValue?: string;
  /** Elements or resources the audit names (selector and snippet, URL, reason), at most a few. */
  items: string[];
  more: number;
}

export interface LhFigures {
  scores: Record<Category, number | null>;
  lcp: number;
  fcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  /** Simulated time to first byte (the network floor under slow 4G). */
  ttfb: number;
  totalByteWeight: number;
  /** resource-summary: transfer bytes and request counts by type (script, document, stylesheet, image, font, other, ...). */
  byType: Record<string, { requests: number; transfer: number }>;
  requests: { url: string; type: string; transfer: number; resource: number }[];
  lcpElement?: string;
  /** Observed (unthrottled) LCP subparts in ms, from lcp-breakdown-insight. */
  lcpSubparts: Record<string, number>;
  domElements?: number;
  /** mainthread-work-breakdown (simulated CPU, ms) by group. */
  mainThread: Record<string, number>;
  failing: Failing[];
  /** Insights and diagnostics that flag something but carry no weight in the score. */
  hints: { id: string; title: string; displayValue?: string }[];
  benchmarkIndex?: number;
  lighthouseVersion: string;
}

/** Browser version as Chrome reports it, e.g. "HeadlessChrome/156.0.8078.79". */
export async function browserVersion(): Promise<string> {
  const chrome = await launch({ chromePath: chromePath(), chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const res = await fetch(`http://127.0.0.1:${chrome.port}/json/version`);
    const body = (await res.json()) as { Browser?: string };
    return body.Browser ?? "unknown";
  } finally {
    await killChrome(chrome);
  }
}

async function killChrome(chrome: Awaited<ReturnType<typeof launch>>): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (chrome.process.exitCode !== null || chrome.process.signalCode !== null) resolve();
    else chrome.process.once("exit", () => resolve());
  });
  chrome.kill();
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}

/** One Lighthouse run on `url` in a fresh Chrome. Throws if Lighthouse cannot audit the page. */
export async function runLighthouse(url: string): Promise<Result> {
  const chrome = await launch({ chromePath: chromePath(), chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    await killChrome(chrome);
  }
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, " ");

/** A short description of one row of an audit's details: the element, URL, or source location, plus a reason. */
function describeItem(item: Json): string {
  const parts: string[] = [];
  const node = (v: Json) => {
    const sel = typeof v.selector === "string" ? v.selector : "";
    const snip = typeof v.snippet === "string" ? v.snippet : "";
    parts.push(clip(sel && snip ? `${sel} ${snip}` : sel || snip, 200));
    if (typeof v.explanation === "string") parts.push(clip(v.explanation.split("\n").slice(0, 2).join(" "), 200));
  };
  for (const [k, v] of Object.entries(item)) {
    if (isObj(v) && v.type === "node") node(v);
    else if (isObj(v) && v.type === "source-location" && typeof v.url === "string") parts.push(`${v.url}:${v.line}:${v.column}`);
    else if ((k === "url" || k === "source") && typeof v === "string") parts.push(v);
    else if ((k === "duration" || k === "wastedMs") && typeof v === "number") parts.push(`${Math.round(v)} ms`);
    else if (k === "startTime" && typeof v === "number") parts.push(`at ${Math.round(v)} ms`);
    else if ((k === "description" || k === "reason" || k === "failureReason" || k === "label") && typeof v === "string") parts.push(clip(v));
    else if (k === "subItems" && isObj(v) && Array.isArray(v.items)) {
      for (const sub of v.items.slice(0, 3)) if (isObj(sub)) for (const sv of Object.values(sub)) if (typeof sv === "string") parts.push(clip(sv));
    }
  }
  return parts.filter(Boolean).join(" — ");
}

function detailItems(details: unknown): Json[] {
  if (!isObj(details)) return [];
  if (Array.isArray(details.items)) {
    const out: Json[] = [];
    for (const it of details.items) {
      if (!isObj(it)) continue;
      // list-type details nest tables
      if (it.type === "table" || it.type === "list" || it.type === "checklist") out.push(...detailItems(it));
      else out.push(it);
    }
    return out;
  }
  if (isObj(details.items)) return Object.values(details.items).filter(isObj); // checklist
  return [];
}

export function figures(lhr: Result): LhFigures {
  const a = lhr.audits;
  const num = (id: string) => a[id]?.numericValue ?? NaN;
  const scores = {} as Record<Category, number | null>;
  for (const c of CATEGORIES) scores[c] = lhr.categories[c]?.score ?? null;

  const byType: LhFigures["byType"] = {};
  for (const it of detailItems(a["resource-summary"]?.details)) {
    if (typeof it.resourceType === "string") byType[it.resourceType] = { requests: Number(it.requestCount ?? 0), transfer: Number(it.transferSize ?? 0) };
  }
  const requests = detailItems(a["network-requests"]?.details).map((it) => ({
    url: String(it.url), type: String(it.resourceType ?? ""), transfer: Number(it.transferSize ?? 0), resource: Number(it.resourceSize ?? 0),
  }));

  let lcpElement: string | undefined;
  const lcpSubparts: Record<string, number> = {};
  const lcpDetails: unknown = a["lcp-breakdown-insight"]?.details;
  if (isObj(lcpDetails) && Array.isArray(lcpDetails.items)) {
    for (const it of lcpDetails.items) {
      if (isObj(it) && it.type === "node") lcpElement = clip(`${it.selector ?? ""} ${it.snippet ?? ""} “${it.nodeLabel ?? ""}”`, 200);
      if (isObj(it) && it.type === "table") for (const row of detailItems(it)) if (typeof row.subpart === "string") lcpSubparts[row.subpart] = Math.round(Number(row.duration));
    }
  }
  const mainThread: Record<string, number> = {};
  for (const it of detailItems(a["mainthread-work-breakdown"]?.details)) if (typeof it.group === "string") mainThread[it.group] = Math.round(Number(it.duration));

  const failing: Failing[] = [];
  const hints: LhFigures["hints"] = [];
  const weighted = new Set<string>();
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const audit = a[ref.id];
      if (!audit) continue;
      if (ref.weight > 0) weighted.add(ref.id);
      if (audit.score === null || audit.score >= 1) continue;
      if (audit.scoreDisplayMode === "manual" || audit.scoreDisplayMode === "notApplicable") continue;
      if (ref.weight > 0) {
        // metrics carry no items: name what caused them where Lighthouse has a diagnostic for it
        const source = ref.id === "total-blocking-time" ? a["long-tasks"]?.details : audit.details;
        const items = detailItems(source);
        failing.push({
          category: c, id: ref.id, title: audit.title, score: audit.score, weight: ref.weight,
          ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
          items: items.slice(0, 5).map(describeItem).filter(Boolean), more: Math.max(0, items.length - 5),
        });
      } else if (!hints.some((h) => h.id === ref.id)) {
        hints.push({ id: ref.id, title: audit.title, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}) });
      }
    }
  }
  return {
    scores,
    lcp: num("largest-contentful-paint"),
    fcp: num("first-contentful-paint"),
    tbt: num("total-blocking-time"),
    cls: num("cumulative-layout-shift"),
    speedIndex: num("speed-index"),
    ttfb: Number(detailItems(a.metrics?.details)[0]?.timeToFirstByte ?? NaN),
    totalByteWeight: num("total-byte-weight"),
    byType,
    requests,
    ...(lcpElement ? { lcpElement } : {}),
    lcpSubparts,
    ...(a["dom-size-insight"]?.numericValue !== undefined ? { domElements: a["dom-size-insight"].numericValue } : {}),
    mainThread,
    failing,
    hints,
    ...(lhr.environment?.benchmarkIndex !== undefined ? { benchmarkIndex: lhr.environment.benchmarkIndex } : {}),
    lighthouseVersion: lhr.lighthouseVersion,
  };
}

/** The run with the median LCP (the lower middle one for an even count). */
export function medianByLcp(runs: Result[]): Result {
  const sorted = [...runs].sort((x, y) => (x.audits["largest-contentful-paint"]?.numericValue ?? 0) - (y.audits["largest-contentful-paint"]?.numericValue ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
