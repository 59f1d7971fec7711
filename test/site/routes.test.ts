/**
 * Routes per locality in the built site (issue 16, decisions 2–4): one embed page per locality with charts and per
 * language (plus the overview's and compare's), none per chart; no meeting route (meeting mode is the locality page
 * at #meeting); no page for a residential group (each is a section of its commune's page at #group-<id segment>,
 * with its own figures). Counts come from dist/ and the public localities.json.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const DIST = join(ROOT, "dist");
const localities = JSON.parse(readFileSync(join(ROOT, "public/data/localities.json"), "utf8")) as { id: string; level: string; parent: string | null; plan_ids: string[] }[];
const plans = JSON.parse(readFileSync(join(ROOT, "public/data/plans.json"), "utf8")) as { id: string; locality_id: string }[];

/** Site paths (ending in "/") of the pages under a folder of dist. */
function pagesUnder(dir: string): string[] {
  const root = join(DIST, dir);
  if (!existsSync(root)) return [];
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name === "index.html" ? [`/${relative(DIST, d)}/`] : []));
  return walk(root).sort();
}
const page = (path: string) => parseHTML(readFileSync(join(DIST, path, "index.html"), "utf8")).document;

describe("routes per locality", () => {
  const groups = localities.filter((l) => l.level === "residential_group");
  const withPages = localities.filter((l) => l.level !== "residential_group");

  test("one embed page per locality with a plan of its own, per language, plus the overview's and each charted province compare page's", () => {
    // The five plans' localities are the ones with charts (their own figures); groups have none.
    const own = [...new Set(plans.map((p) => p.locality_id))].sort();
    expect(own).toHaveLength(5);
    for (const prefix of ["", "en/"]) {
      // Province compare pages that draw a chart (a province whose plans set a rate or coverage target).
      const compares = pagesUnder(`${prefix}provinces`).filter((p) => p.endsWith("/compare/") && page(p).querySelector("figure.chart"));
      expect(compares.length).toBeGreaterThanOrEqual(2);
      const expected = [...own.map((id) => `/${prefix}embed/${id}/`), `/${prefix}embed/overview/`, ...compares.map((p) => `/${prefix}embed/${p.slice(prefix.length + 1)}`)].sort();
      expect(pagesUnder(`${prefix}embed`)).toEqual(expected);
    }
  });

  test("an embed page holds all of its page's charts, one figure each", () => {
    const embed = page("embed/bac-giang/viet-yen/quang-minh");
    const full = page("localities/bac-giang/viet-yen/quang-minh");
    const ids = (d: Document) => [...d.querySelectorAll("figure.chart")].map((f) => f.id);
    expect(ids(embed)).toEqual(["gap-chart", "groups-chart", "deprivation-chart", "coverage-chart"]);
    expect(ids(embed)).toEqual(ids(full));
  });

  test("no meeting route in any language", () => {
    expect(existsSync(join(DIST, "meeting"))).toBe(false);
    expect(existsSync(join(DIST, "en", "meeting"))).toBe(false);
  });

  test("a page for every locality but the residential groups, in both languages", () => {
    expect(groups).toHaveLength(5);
    for (const prefix of ["", "en/"]) {
      expect(pagesUnder(`${prefix}localities`)).toEqual(withPages.map((l) => `/${prefix}localities/${l.id}/`).sort());
      for (const g of groups) expect(existsSync(join(DIST, prefix, "localities", g.id)), g.id).toBe(false);
    }
  });

  test("each residential group is a section of its commune's page, at a unique anchor", () => {
    for (const prefix of ["", "en/"]) {
      for (const g of groups) {
        const doc = page(`${prefix}localities/${g.parent}`);
        const anchor = `group-${g.id.split("/").at(-1)}`;
        expect(doc.querySelectorAll(`[id="${anchor}"]`), `${prefix}${g.id}`).toHaveLength(1);
        expect(doc.getElementById(anchor)!.getAttribute("data-locality")).toBe(g.id);
      }
    }
  });

  test("nothing in the site links to a residential group's old page or to meeting routes", () => {
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith(".html") ? [join(d, e.name)] : []));
    const bad = new RegExp(`href="[^"]*/(meeting/|localities/(${groups.map((g) => g.id).join("|")})/)`);
    const files = walk(DIST).filter((f) => !f.includes(`${DIST}/provinces/`) && !f.includes(`${DIST}/en/provinces/`));
    const hits = files.filter((f) => bad.test(readFileSync(f, "utf8"))).map((f) => relative(DIST, f));
    expect(hits).toEqual([]);
  });
});
