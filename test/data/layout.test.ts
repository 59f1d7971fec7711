/**
 * The public layout of issue 16 (decision 8) on the five real plans: one document file per plan (no national
 * documents.json), one folder per province holding exactly its rows, one CSV per locality page with every row its
 * charts draw (residential groups' rows in their commune's file), and the slice loader the pages read them with.
 * Then the warm build: what is unchanged is hard-linked from the live version, what changed is rewritten, and a
 * damaged or stale record of the live version is never trusted.
 */
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fromCSV } from "arquero";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { planNumber } from "../../src/view/cite.ts";
import { stripBom } from "../../src/domain/csv-bom.ts";
import { localityCsvPath, planDocumentPath, provinceOf } from "../../src/domain/public-paths.ts";
import { DocumentRow, type LocalityRow, type PlanRow } from "../../src/domain/schema.ts";
import { loadDocument, loadNational, loadSlice } from "../../src/load/site-data.ts";
import { nationalRows, readJson, ROOT, snapshot, tempDir } from "./helpers.ts";

const QM = "bac-giang/viet-yen/quang-minh";
const PLAN_IDS = ["long-khanh-2024", "phan-rang-thap-cham-2024", "pho-minh-2024", "quang-minh-2024", "thanh-liem-2021"];
const TABLES = ["plans", "targets", "statistics", "deprivations", "quality", "derived"] as const;

let tmp: string;
let out: string;
const file = (dir: string, publicPath: string) => join(dir, publicPath.replace(/^\/data\//, ""));
const csv = (path: string) => fromCSV(stripBom(readFileSync(path, "utf8")), { autoType: false }).objects() as Record<string, string>[];

beforeAll(async () => {
  tmp = tempDir("layout");
  out = join(tmp, "out");
  await buildData(ROOT, out, { cacheDir: false });
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("one document file per plan", () => {
  test("each of the five plans has /data/plans/<id>.json, a valid document with its lines and marks; documents.json is gone", () => {
    expect(existsSync(join(out, "documents.json"))).toBe(false);
    for (const id of PLAN_IDS) {
      const doc = DocumentRow.parse(JSON.parse(readFileSync(file(out, planDocumentPath(id)), "utf8")));
      expect(doc.plan_id).toBe(id);
      expect(doc.lines.length).toBeGreaterThan(30);
      expect(doc.marks.length).toBeGreaterThan(3);
      expect(loadDocument(id, out)).toEqual(doc);
    }
    // Quảng Minh's appendix total row is line 254 of its document.
    expect(loadDocument("quang-minh-2024", out).lines[253]).toContain("2.991");
  });
});

describe("one CSV per locality page", () => {
  const rows = () => csv(file(out, localityCsvPath(QM)));
  test("Quảng Minh's CSV holds the ward's 2,991 households and 17 poor households, with plan id, number, citation and line", () => {
    const plan = readJson<PlanRow[]>(out, "plans.json").find((p) => p.id === "quang-minh-2024")!;
    const total = rows().filter((r) => r.table === "statistics" && r.locality_id === QM && r.indicator === "total_households");
    expect(total.map((r) => r.value)).toContain("2991");
    const poor = rows().find((r) => r.table === "statistics" && r.locality_id === QM && r.indicator === "poor_households" && r.source_line === "35")!;
    expect(poor).toMatchObject({ value: "17", plan_id: "quang-minh-2024", plan_number: planNumber(plan), unit: "households" });
    expect(poor.plan_citation).toContain("/KH-UBND");
    expect(poor.plan_citation).toContain("Quảng Minh");
    expect(readFileSync(file(out, localityCsvPath(QM)), "utf8").startsWith("\uFEFFtable,")).toBe(true);
    // Its targets and deprivation counts too: the 0.43% target, the 24 deprivation rows.
    expect(rows().some((r) => r.table === "targets" && r.indicator === "poverty_rate" && r.value === "0.43")).toBe(true);
    expect(rows().filter((r) => r.table === "deprivations" && r.locality_id === QM)).toHaveLength(24);
  });

  test("residential groups have no CSV of their own: their rows are in their commune's", () => {
    const localities = readJson<LocalityRow[]>(out, "localities.json");
    const groups = localities.filter((l) => l.level === "residential_group");
    expect(groups.length).toBeGreaterThanOrEqual(5);
    for (const g of groups) expect(existsSync(file(out, localityCsvPath(g.id))), g.id).toBe(false);
    for (const l of localities.filter((x) => x.level !== "residential_group")) expect(existsSync(file(out, localityCsvPath(l.id))), l.id).toBe(true);
    const dongLong = rows().filter((r) => r.locality_id === `${QM}/dong-long`);
    expect(dongLong.length).toBeGreaterThan(0);
    // The five groups' households add up to the ward's 2,991.
    const sum = rows().filter((r) => r.table === "statistics" && r.indicator === "total_households" && r.locality_id.startsWith(`${QM}/`)).reduce((n, r) => n + Number(r.value), 0);
    expect(sum).toBe(2991);
  });

  test("every row of the national statistics, targets and deprivations is in exactly one locality CSV", () => {
    const localities = readJson<LocalityRow[]>(out, "localities.json");
    const page = new Map(localities.map((l) => [l.id, l.level === "residential_group" ? l.parent! : l.id]));
    for (const table of ["statistics", "targets", "deprivations"]) {
      const national = nationalRows<{ locality_id: string; ref: string }>(out, table);
      const inCsvs = localities.filter((l) => l.level !== "residential_group").flatMap((l) => csv(file(out, localityCsvPath(l.id))).filter((r) => r.table === table).map((r) => `${page.get(r.locality_id) === l.id}|${r.ref}`));
      expect(inCsvs.sort(), table).toEqual(national.map((r) => `true|${r.ref}`).sort());
    }
  });
});

describe("one folder per province", () => {
  test("each province's files hold exactly the national rows of its localities, in the same order; the counts add up", () => {
    const provinces = readJson<LocalityRow[]>(out, "localities.json").filter((l) => l.level === "province").map((l) => l.id);
    expect(provinces.sort()).toEqual(["bac-giang", "dong-nai", "ha-nam", "ninh-thuan", "quang-ngai"]);
    for (const table of ["plans", "localities"]) {
      const national = readJson<{ locality_id?: string; id?: string }[]>(out, `${table}.json`);
      let total = 0;
      for (const p of provinces) {
        const mine = readJson<unknown[]>(join(out, "provinces", p), `${table}.json`);
        const key = (r: { locality_id?: string; id?: string }) => (table === "localities" ? r.id! : r.locality_id!);
        expect(mine, `${p} ${table}`).toEqual(national.filter((r) => provinceOf(key(r)) === p));
        total += mine.length;
      }
      expect(total, table).toBe(national.length);
    }
    // The tables of figures: national as CSV only, the provinces' CSVs one after another under one header; each
    // province's JSON holds the rows of its CSV, and only its own localities'.
    const header = (path: string) => stripBom(readFileSync(path, "utf8")).split("\n")[0];
    const body = (path: string) => stripBom(readFileSync(path, "utf8")).split("\n").slice(1).join("\n");
    for (const table of TABLES.filter((t) => t !== "plans")) {
      expect(existsSync(join(out, `${table}.json`)), `${table}.json`).toBe(false);
      const csvOf = (p: string) => join(out, "provinces", p, `${table}.csv`);
      expect(provinces.map((p) => body(csvOf(p))).join(""), `${table}.csv`).toBe(body(join(out, `${table}.csv`)));
      for (const p of provinces) {
        expect(header(csvOf(p))).toBe(header(join(out, `${table}.csv`)));
        const mine = readJson<{ locality_id: string }[]>(join(out, "provinces", p), `${table}.json`);
        expect(fromCSV(stripBom(readFileSync(csvOf(p), "utf8"))).numRows(), `${p} ${table}`).toBe(mine.length);
        expect(mine.every((r) => provinceOf(r.locality_id) === p), `${p} ${table}`).toBe(true);
      }
    }
    // Bắc Giang is Quảng Minh's province: its 2,991 households are there and nowhere else.
    const households = (p: string) => readJson<{ indicator: string; value: number; locality_id: string }[]>(join(out, "provinces", p), "statistics.json").filter((s) => s.locality_id === QM && s.indicator === "total_households");
    expect(households("bac-giang").map((s) => s.value)).toContain(2991);
    expect(households("ha-nam")).toEqual([]);
  });

  test("loadSlice(province) returns exactly the national rows whose locality id starts with the province", () => {
    for (const p of ["bac-giang", "ha-nam", "quang-ngai"]) {
      const slice = loadSlice(p, out);
      const mine = (id: string) => id === p || id.startsWith(`${p}/`);
      expect(slice.plans).toEqual(readJson<PlanRow[]>(out, "plans.json").filter((r) => mine(r.locality_id)));
      // The figures against the national CSV (written apart from the JSON): the same rows, in the same order.
      for (const table of TABLES.filter((t) => t !== "plans")) {
        const national = fromCSV(stripBom(readFileSync(join(out, `${table}.csv`), "utf8")), { autoType: false }).objects() as { locality_id: string; plan_id: string }[];
        const key = (r: { locality_id: string; plan_id: string }) => `${r.plan_id}|${r.locality_id}`;
        expect(slice[table].map(key), `${p} ${table}`).toEqual(national.filter((r) => mine(r.locality_id)).map(key));
      }
      expect(slice.localities).toEqual(readJson<LocalityRow[]>(out, "localities.json").filter((l) => provinceOf(l.id) === p));
      expect(slice.reference).toEqual(readJson(out, "reference.json"));
    }
    expect(loadSlice("bac-giang", out).statistics.length).toBeGreaterThan(10);
    expect(loadNational(out).plans.map((p) => p.id).sort()).toEqual(PLAN_IDS);
    expect(() => loadSlice("../etc", out)).toThrow(/not a province/);
  });
});

describe("warm build: unchanged files are linked from the live version, changed ones rewritten", () => {
  const inode = (dir: string, rel: string) => statSync(join(dir, rel)).ino;
  const KEPT = ["provinces/ha-nam/targets.json", "localities/ha-nam/thanh-liem.csv", "plans/thanh-liem-2021.json"];
  const EDITED = ["provinces/bac-giang/statistics.json", "localities/bac-giang/viet-yen/quang-minh.csv", "plans/quang-minh-2024.json"];

  function project(): string {
    const root = join(tmp, `p-${Math.random().toString(36).slice(2)}`);
    cpSync(join(ROOT, "data"), join(root, "data"), { recursive: true });
    return root;
  }
  const build = (root: string) => buildData(root, join(root, "out"), { cacheDir: join(root, "cache") });

  test("editing one plan rewrites its province, its localities' CSVs and its document; the rest keep their files; the output is a cold build's", async () => {
    const root = project();
    await build(root);
    const o = join(root, "out");
    const before = Object.fromEntries([...KEPT, ...EDITED].map((r) => [r, inode(o, r)]));
    const plan = join(root, "data", "plans", "quang-minh-2024.yaml");
    // A change that reaches the output: the plan's title.
    writeFileSync(plan, readFileSync(plan, "utf8").replace(/^title: (.*)$/m, "title: $1 (sửa)"));
    const s = await build(root);
    expect(s.cache).toEqual({ plans: 5, hits: 4 });
    for (const r of KEPT) expect(inode(o, r), `${r} linked`).toBe(before[r]);
    for (const r of ["provinces/bac-giang/statistics.json", "localities/bac-giang/viet-yen/quang-minh.csv"]) expect(inode(o, r), `${r} rewritten`).not.toBe(before[r]);
    const cold = join(root, "cold");
    await buildData(root, cold, { cacheDir: false });
    const want = snapshot(cold), got = snapshot(o);
    expect([...got.keys()]).toEqual([...want.keys()]);
    for (const [f, bytes] of want) expect(got.get(f)!.equals(bytes), f).toBe(true);
    expect(readJson<PlanRow[]>(join(o, "provinces", "bac-giang"), "plans.json")[0].title).toMatch(/\(sửa\)$/);
  });

  test("a damaged, stale or foreign record of the live version is not trusted: everything is written again, and right", async () => {
    const root = project();
    await build(root);
    const o = join(root, "out");
    const record = join(root, "cache", "published.json");
    const good = readFileSync(record, "utf8");
    // What a build from scratch wrote: what each rebuild must write again.
    const right = [join("provinces", "ha-nam", "targets.json"), "targets.csv"].map((f) => [f, readFileSync(join(o, f))] as const);
    const cases: [string, string][] = [
      ["truncated", good.slice(0, good.length / 2)],
      ["another version", good.replace(/"version":"[^"]+"/, '"version":"v-1-1-old"')],
      ["another code version", good.replace(/"salt":"[0-9a-f]+"/, `"salt":"${"0".repeat(64)}"`)],
      ["not an object", "[]"],
    ];
    for (const [what, text] of cases) {
      const before = inode(o, KEPT[0]);
      writeFileSync(record, text);
      await build(root);
      expect(inode(o, KEPT[0]), what).not.toBe(before);
      for (const [f, bytes] of right) expect(readFileSync(join(o, f)).equals(bytes), `${what}: ${f}`).toBe(true);
    }
    // A record whose key for a province is wrong (as if the pieces had changed): that province is written again.
    const live = JSON.parse(readFileSync(record, "utf8"));
    live.outputs["province:ha-nam"] = "0".repeat(64);
    writeFileSync(record, JSON.stringify(live));
    const ha = inode(o, KEPT[0]), bg = inode(o, EDITED[0]);
    await build(root);
    expect(inode(o, KEPT[0])).not.toBe(ha);
    expect(inode(o, EDITED[0])).toBe(bg);
  });
});
