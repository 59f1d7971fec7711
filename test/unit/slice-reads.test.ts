/**
 * What the pages pay each time they read a slice (a build reloads each province's slice once per route that reads it):
 * the kept values (load/recent.ts), a public file checked against its schema once per build and again when replaced,
 * and the frame of units built from the plans' old units forwards (view/units-view.ts), checked here against the rule
 * as the method page states it, walked the long way round from every new commune's lineage.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { recentValues } from "../../src/load/recent.ts";
import type { PlanRow, UnitRow } from "../../src/domain/schema.ts";
import { loadDocument, loadSiteData, loadSlice, loadUnits, type SiteData } from "../../src/load/site-data.ts";
import { frame } from "../../src/view/units-view.ts";
import { inSliceOrder } from "../../src/load/route-order.ts";
import { dataVersion } from "../../src/load/data-version.ts";
import { joinSlices, loadNational } from "../../src/load/site-data.ts";
import { provinceOf } from "../../src/domain/public-paths.ts";
import { hasOwnPage } from "../../src/view/locality-path.ts";
import { sliceRoutes } from "../../src/view/slice-routes.ts";
import { chartPagePaths } from "../../src/view/chart-specs.ts";
import { unitRoutes } from "../../src/view/unit-routes.ts";
import { unitSlices } from "../../src/load/unit-data.ts";
import { nationalLists } from "../../src/load/site-data.ts";
import { pageSliceKey } from "../../src/load/page-data.ts";

const DATA = join(new URL("../../", import.meta.url).pathname, "public", "data");
const scratch = mkdtempSync(join(tmpdir(), "ppt-slice-reads-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("recentValues", () => {
  test("keeps the last values made, returns the same object while kept, makes it again once dropped", () => {
    const made: string[] = [];
    const get = recentValues<{ key: string }>(2);
    const make = (key: string) => () => (made.push(key), { key });
    const a = get("a", make("a"));
    expect(get("a", make("a"))).toBe(a);
    get("b", make("b"));
    // "a" used last: "b" is the one dropped when "c" comes.
    expect(get("a", make("a"))).toBe(a);
    get("c", make("c"));
    expect(get("a", make("a"))).toBe(a);
    expect(made).toEqual(["a", "b", "c"]);
    get("b", make("b"));
    expect(made).toEqual(["a", "b", "c", "b"]);
  });
});

describe("public files read by pages", () => {
  const dir = join(scratch, "data");
  cpSync(DATA, dir, { recursive: true, dereference: true });
  const doc = join(dir, "plans", "quang-minh-2024.json");

  test("a file read again is the same rows; a file replaced with a bad row is refused, naming the file", () => {
    const first = loadDocument("quang-minh-2024", dir);
    expect(loadDocument("quang-minh-2024", dir)).toEqual(first);
    expect(first.lines.length).toBeGreaterThan(10);
    // Replaced the way the data step replaces files (a new file renamed over it), with a line that is not text.
    const bad = JSON.parse(readFileSync(doc, "utf8"));
    bad.lines[0] = 42;
    writeFileSync(`${doc}.new`, JSON.stringify(bad));
    renameSync(`${doc}.new`, doc);
    expect(() => loadDocument("quang-minh-2024", dir)).toThrow(/quang-minh-2024\.json does not match its schema[^]*lines/);
    // Rewritten in place, whole again: read as it now is.
    writeFileSync(doc, JSON.stringify(first));
    expect(loadDocument("quang-minh-2024", dir)).toEqual(first);
  });

  test("a slice's version comes from its files: the same bytes, the same version; a changed figure, a new one", () => {
    const before = dataVersion(loadSlice("ha-nam", dir));
    expect(before).toMatch(/^[0-9a-f]{10}$/);
    // Read again after other slices pushed it out: a new object, the same version.
    for (const p of ["bac-giang", "dong-nai", "ninh-thuan"]) loadSlice(p, dir);
    expect(dataVersion(loadSlice("ha-nam", dir))).toBe(before);
    // A joined set of slices has its own version, which depends on every part.
    const joined = dataVersion(joinSlices([loadSlice("bac-giang", dir), loadSlice("ha-nam", dir)], loadNational(dir).reference));
    expect(joined).not.toBe(before);
    const file = join(dir, "provinces", "ha-nam", "statistics.json");
    const rows = JSON.parse(readFileSync(file, "utf8"));
    rows[0].value += 1;
    writeFileSync(`${file}.new`, JSON.stringify(rows));
    renameSync(`${file}.new`, file);
    for (const p of ["bac-giang", "dong-nai", "ninh-thuan"]) loadSlice(p, dir);
    expect(dataVersion(loadSlice("ha-nam", dir))).not.toBe(before);
    expect(dataVersion(joinSlices([loadSlice("bac-giang", dir), loadSlice("ha-nam", dir)], loadNational(dir).reference))).not.toBe(joined);
  });

  test("a slice read twice is the same object while kept", () => {
    expect(loadSlice("bac-giang", dir)).toBe(loadSlice("bac-giang", dir));
    const households = loadSlice("bac-giang", dir).statistics.find((s) => s.indicator === "total_households" && s.locality_id.includes("quang-minh"));
    expect(households?.value).toBeGreaterThan(0);
  });
});

/** The reach of each new unit as the rule says it, from every new commune's lineage (no shortcut). */
function reachByLineage(units: readonly UnitRow[], data: SiteData) {
  const before = new Map(units.filter((u) => u.period === "before").map((u) => [`${u.level}|${u.code}`, u]));
  const byId = new Map(data.localities.map((l) => [l.id, l]));
  const plansOf = (level: string, code: string | null) => data.plans.filter((p) => {
    const l = byId.get(p.locality_id);
    return l !== undefined && l.level === level && l.code === code;
  });
  const reach = new Map<string, { direct: Set<string>; wider: Set<string> }>();
  const add = (code: string, kind: "direct" | "wider", plans: PlanRow[]) => {
    if (!plans.length) return;
    const r = reach.get(code) ?? { direct: new Set(), wider: new Set() };
    for (const p of plans) r[kind].add(p.id);
    reach.set(code, r);
  };
  for (const c of units) {
    if (c.period !== "after" || c.level !== "commune") continue;
    for (const l of c.lineage) {
      const old = before.get(`commune|${l.code}`);
      if (!old) continue;
      add(c.code, "direct", plansOf("commune", old.code));
      if (old.parent) add(c.code, "wider", plansOf("district", old.parent));
      add(c.code, "wider", plansOf("province", old.province));
    }
    const r = reach.get(c.code);
    if (r) {
      const all = [...r.direct, ...r.wider];
      add(c.province, "direct", data.plans.filter((p) => all.includes(p.id)));
    }
  }
  return reach;
}

describe("the frame of the units from 1 July 2025", () => {
  test("every new unit is reached by exactly the plans the lineage rule gives, in year order", () => {
    const units = loadUnits(DATA);
    const whole = loadSiteData(DATA);
    const expected = reachByLineage(units, whole);
    const f = frame(units, whole);
    const got = new Map([...f.reach].map(([code, r]) => [code, { direct: r.direct.map((p) => p.id), wider: r.wider.map((p) => p.id) }]));
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [code, r] of expected) {
      expect(new Set(got.get(code)!.direct)).toEqual(r.direct);
      expect(new Set(got.get(code)!.wider)).toEqual(r.wider);
    }
    for (const r of f.reach.values()) for (const list of [r.direct, r.wider]) {
      expect(list.map((p) => p.year)).toEqual(list.map((p) => p.year).sort((a, b) => a - b));
    }
    // Phường Vân Hà (07798), formed in part from Quảng Minh: its 2024 plan reaches it directly, and Bắc Ninh (24).
    expect(got.get("07798")?.direct).toContain("quang-minh-2024");
    expect(got.get("24")?.direct).toContain("quang-minh-2024");
    // A district's plan reaches the new communes of its communes as a wider plan.
    expect([...got.values()].some((r) => r.wider.length > 0)).toBe(true);
  });
});

describe("pages listed slice by slice", () => {
  test("keeps the order within a slice and puts each slice's items together", () => {
    const ids = ["b/1", "a/1", "b/2", "c/1", "a/2"];
    expect(inSliceOrder(ids, provinceOf)).toEqual(["a/1", "a/2", "b/1", "b/2", "c/1"]);
  });

  test("the locality pages of the five plans, listed as their route lists them, read each province's slice once", () => {
    const pages = inSliceOrder(loadNational(DATA).localities.filter(hasOwnPage), (l) => provinceOf(l.id)).map((l) => provinceOf(l.id));
    const runs = pages.filter((p, i) => p !== pages[i - 1]);
    expect(runs).toEqual([...new Set(pages)]);
    expect(runs).toEqual(["bac-giang", "dong-nai", "ha-nam", "ninh-thuan", "quang-ngai"]);
  });
});

describe("the pages read from slices, in one route list (view/slice-routes.ts)", () => {
  // sliceRoutes reads public/data of the working folder, as the build does: the repository's, on the five plans.
  const routes = sliceRoutes();
  const paths = routes.map((r) => r.params.path);
  const sliceOf = (r: (typeof routes)[number]) => {
    const p = r.props;
    return p.kind === "embed" ? pageSliceKey(p.page) : p.kind === "locality" ? provinceOf(p.id) : p.kind === "plan" ? p.province : unitSlices(p.code).join(",");
  };

  test("lists every locality page, embed, plan page and unit page in both languages, each once", () => {
    const n = loadNational(DATA);
    const embeds = chartPagePaths(nationalLists(DATA));
    const expected = [
      ...n.localities.filter(hasOwnPage).map((l) => `localities/${l.id}`),
      ...embeds.map((e) => e.path.replace(/^\/|\/$/g, "")),
      ...n.plans.map((p) => `plans/${p.id}`),
      ...unitRoutes().map((r) => r.path.replace(/^\/|\/$/g, "")),
    ];
    expect(new Set(paths).size).toBe(paths.length);
    expect([...paths].sort()).toEqual([...expected, ...expected.map((p) => `en/${p}`)].sort());
    for (const p of ["plans/quang-minh-2024", "en/plans/quang-minh-2024", "provinces/bac-ninh", "provinces/bac-ninh/compare", "embed/overview", "en/embed/provinces/bac-ninh/compare"]) expect(paths).toContain(p);
  });

  test("each slice's pages follow each other, so a build reads each slice once", () => {
    const keys = routes.map(sliceOf);
    const runs = keys.filter((k, i) => k !== keys[i - 1]);
    expect(runs).toEqual([...new Set(keys)]);
    expect(runs).toEqual(expect.arrayContaining(["bac-giang", "dong-nai", "ha-nam", "ninh-thuan", "quang-ngai"]));
  });

  test("a locality's page comes right after its embed, language by language, and takes the embed's chart specs", () => {
    const at = paths.indexOf("embed/bac-giang/viet-yen/quang-minh");
    expect(paths.slice(at, at + 4)).toEqual([
      "embed/bac-giang/viet-yen/quang-minh", "localities/bac-giang/viet-yen/quang-minh",
      "en/embed/bac-giang/viet-yen/quang-minh", "en/localities/bac-giang/viet-yen/quang-minh",
    ]);
    for (const [i, r] of routes.entries()) {
      if (r.props.kind !== "embed" || r.props.page.startsWith("compare/") || r.props.page === "overview") continue;
      expect(routes[i + 1].props, r.params.path).toEqual({ kind: "locality", locale: r.props.locale, id: r.props.page });
      expect(routes[i + 1].cacheKey).toBe(r.cacheKey);
    }
  });
});

