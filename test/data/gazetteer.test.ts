/**
 * The gazetteer in the public data: every unit before and from 1 July 2025, with the lineage the mapping gives.
 * Figures are the gazetteer's own (63 / 696 / 10,035 old units, 34 / 3,321 new), and the five seed localities'
 * successors must be what the mapping says (derived from it by code; data/localities.yaml no longer writes them).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fromCSV } from "arquero";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { BOM, stripBom } from "../../src/domain/csv-bom.ts";
import { foldAccents } from "../../src/domain/fold.ts";
import type { LocalityRow, UnitRow } from "../../src/domain/schema.ts";
import { expectFailure, fixture } from "./broken-helpers.ts";
import { readJson, ROOT, tempDir } from "./helpers.ts";

let tmp: string;
let units: UnitRow[];
beforeAll(async () => {
  tmp = tempDir("gazetteer");
  await buildData(ROOT, join(tmp, "data"));
  units = readJson(join(tmp, "data"), "units.json");
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const count = (period: string, level: string) => units.filter((u) => u.period === period && u.level === level && u.in_snapshot).length;
const unit = (period: string, code: string) => units.find((u) => u.period === period && u.code === code)!;

describe("units.json", () => {
  test("holds 63 provinces, 696 districts and 10,035 communes before 1 July 2025, and 34 provinces and 3,321 communes after", () => {
    expect([count("before", "province"), count("before", "district"), count("before", "commune")]).toEqual([63, 696, 10_035]);
    expect([count("after", "province"), count("after", "commune"), count("after", "district")]).toEqual([34, 3_321, 0]);
    // Twelve old communes of the mapping are not in the 01/03/2025 list: kept, marked.
    expect(units.filter((u) => !u.in_snapshot).map((u) => u.code).sort()).toHaveLength(12);
    expect(unit("before", "07693")).toMatchObject({ full_name: "Xã Tân An", in_snapshot: false });
  });

  test("every old commune and province went somewhere that exists, and every new unit came from somewhere", () => {
    const after = new Set(units.filter((u) => u.period === "after").map((u) => u.code));
    const before = new Set(units.filter((u) => u.period === "before").map((u) => u.code));
    for (const u of units) {
      expect(u.lineage.length, `${u.period} ${u.code} ${u.full_name}`).toBeGreaterThan(0);
      for (const l of u.lineage) expect((u.period === "before" ? after : before).has(l.code), `${u.code} → ${l.code}`).toBe(true);
    }
  });

  test("the seed localities' successors are the mapping's", () => {
    // Phường Quảng Minh (07792, Việt Yên, Bắc Giang) went whole into Phường Vân Hà (07798), in Bắc Ninh (24).
    expect(unit("before", "07792").lineage).toEqual([{ code: "07798", type: "full" }]);
    expect(unit("after", "07798")).toMatchObject({ full_name: "Phường Vân Hà", province: "24" });
    expect(unit("after", "07798").lineage).toContainEqual({ code: "07792", type: "full" });
    // Phường Phổ Minh (21463) → Phường Đức Phổ (21439), Quảng Ngãi.
    expect(unit("before", "21463").lineage).toEqual([{ code: "21439", type: "full" }]);
    expect(unit("after", "21439").full_name).toBe("Phường Đức Phổ");
    // Districts were abolished: Long Khánh city (732) went, in parts, into five wards of Đồng Nai.
    expect(unit("before", "732").lineage.map((l) => l.code)).toEqual(["26080", "26089", "26098", "26104", "26113"]);
    // An island district without communes is mapped whole: Huyện Hoàng Sa (498) → Đặc khu Hoàng Sa (20333), Đà Nẵng.
    expect(unit("before", "498").lineage).toEqual([{ code: "20333", type: "full" }]);
    expect(unit("after", "20333").province).toBe("48");
  });

  test("the seed localities' successors are derived from the mapping, not written by hand", () => {
    const localities = readJson(join(tmp, "data"), "localities.json") as LocalityRow[];
    const of = (id: string) => localities.find((l) => l.id === id)!.successors;
    expect(of("bac-giang/viet-yen/quang-minh")).toEqual([{ code: "07798", type: "full" }]);
    expect(of("quang-ngai/duc-pho/pho-minh")).toEqual([{ code: "21439", type: "full" }]);
    expect(of("dong-nai/long-khanh").map((x) => x.code)).toEqual(["26080", "26089", "26098", "26104", "26113"]);
    expect(of("ninh-thuan/phan-rang-thap-cham").map((x) => x.code)).toEqual(["22738", "22741", "22759", "22780", "22834", "22888"]);
    expect(of("ha-nam/thanh-liem").map((x) => x.code)).toEqual(["13318", "13456", "13474", "13483", "13489", "13495"]);
    expect(of("ha-nam")).toEqual([{ code: "37", type: "full" }]);
    // Residential groups have no code: they follow their commune.
    expect(of("bac-giang/viet-yen/quang-minh/dong-long")).toEqual([]);
    // The curated file keeps notes, acts and sources for 1 July 2025, but never what a unit became.
    const curated = parse(readFileSync(join(ROOT, "data/localities.yaml"), "utf8")).localities as { succession?: Record<string, unknown>[] }[];
    const july = curated.flatMap((l) => l.succession ?? []).filter((x) => x.date === "2025-07-01");
    expect(july.length).toBeGreaterThanOrEqual(12);
    for (const x of july) expect(Object.keys(x)).not.toContain("into_code");
  });

  test("a unit renumbered since the mapping is matched by name in its province (Xã Ba Chẽ, 06970 → 06978)", () => {
    expect(unit("after", "06978")).toMatchObject({ full_name: "Xã Ba Chẽ", province: "22" });
    expect(unit("after", "06978").lineage.length).toBe(5);
    expect(unit("before", "06970").lineage).toEqual([{ code: "06978", type: "full" }]);
  });

  test("an old name, typed without accents, finds the old unit, whose lineage leads to the new one", () => {
    const q = foldAccents("phuong quang minh bac giang").split(" ");
    const hits = units.filter((u) => q.every((w) => u.search_key.split(" ").includes(w)));
    expect(hits.map((h) => `${h.period} ${h.code}`)).toEqual(["before 07792"]);
    expect(unit("after", hits[0].lineage[0].code).full_name).toBe("Phường Vân Hà");
  });

  test("units.csv holds the same rows, lineage as code:type", () => {
    const text = readFileSync(join(tmp, "data", "units.csv"), "utf8");
    // Published with a byte-order mark, so Excel on Windows reads it as UTF-8.
    expect(text.startsWith(BOM)).toBe(true);
    const csv = fromCSV(stripBom(text), { autoType: false }).objects() as Record<string, string>[];
    expect(csv).toHaveLength(units.length);
    expect(csv.find((r) => r.period === "before" && r.code === "07792")!.lineage).toBe("07798:full");
  });
});

describe("a malformed copy of the gazetteer is refused, naming file, field and line", () => {
  test("a province code that is not a GSO code", async () => {
    const f = await fixture();
    const file = "data/reference/gazetteer/units-from-2025-07-01.json";
    const text = readFileSync(join(f.root, file), "utf8");
    writeFileSync(join(f.root, file), text.replace('"Code": "01"', '"Code": "1x"'));
    const errs = await expectFailure(f);
    const e = errs.errors.find((x) => x.file === file)!;
    expect(e.format()).toMatch(/^data\/reference\/gazetteer\/units-from-2025-07-01\.json:\d+: \[0\]\.Code: must be a GSO code/);
  });
});

describe("data/localities.yaml cannot hand-write what the gazetteer gives", () => {
  test("a 1 July 2025 succession naming its successor is refused at that field and line", async () => {
    const f = await fixture();
    const file = "data/localities.yaml";
    const text = readFileSync(join(f.root, file), "utf8");
    const at = text.indexOf('  - id: bac-giang/viet-yen/quang-minh\n');
    const date = text.indexOf('      - date: "2025-07-01"\n', at) + '      - date: "2025-07-01"\n'.length;
    writeFileSync(join(f.root, file), `${text.slice(0, date)}        into_code: "07798"\n${text.slice(date)}`);
    const errs = await expectFailure(f);
    const e = errs.errors.find((x) => x.file === file)!;
    const line = text.slice(0, date).split("\n").length;
    expect(e.format()).toBe(`${file}:${line}: localities[10].succession[0].into_code: what a unit became on 2025-07-01 comes from the gazetteer (data/reference/gazetteer); remove into_code and keep the note, act and source`);
  });

  test("a code the gazetteer does not have is refused at the locality's code", async () => {
    const f = await fixture();
    const file = "data/localities.yaml";
    const text = readFileSync(join(f.root, file), "utf8");
    writeFileSync(join(f.root, file), text.replace('code: "21463"', 'code: "99999"'));
    const errs = await expectFailure(f);
    expect(errs.errors.find((x) => x.file === file)!.format()).toMatch(/^data\/localities\.yaml:\d+: localities\[11\]\.code: no commune with code 99999 in the gazetteer's units before 2025-07-01 \(nor from it\)$/);
  });
});
