/**
 * The pages of the units from 1 July 2025 read the slices of the old provinces they were formed from (load/unit-data.ts)
 * and are keyed by exactly those (provincesKey in load/page-key.ts), on the real public data and copies of it: the
 * slices hold everything the national frame shows of each unit, and editing one province's slice renders again only
 * the units formed from it.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { dataChanged } from "../../src/load/data-version.ts";
import { nationalKey, provinceKey, provincesKey } from "../../src/load/page-key.ts";
import { loadSiteData, loadUnits, siteIndex } from "../../src/load/site-data.ts";
import { loadSlices, loadUnitData, oldProvincesOf, unitSlices } from "../../src/load/unit-data.ts";
import { coverage, frame, localityOf, oldUnit, type Reach } from "../../src/view/units-view.ts";

const DATA = join(new URL("../../", import.meta.url).pathname, "public", "data");
const scratch = mkdtempSync(join(tmpdir(), "ppt-unit-keys-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const copy = (name: string, edit?: string) => {
  const dir = join(scratch, name);
  cpSync(DATA, dir, { recursive: true, dereference: true });
  // Any byte: a key reads files, never parses them.
  if (edit) appendFileSync(join(dir, edit), " ");
  return dir;
};

// Phường Vân Hà (Bắc Ninh) was formed from five communes of the old Bắc Giang, Quảng Minh among them; Phường Ba Đình
// (Hà Nội) from units of a province with no plan in the dataset; Đồng Tháp from Đồng Tháp and Tiền Giang, and one of
// its communes (Tân Phú Trung) in part from An Giang.
const VAN_HA = "07798", BA_DINH = "00004", BAC_NINH = "24", DONG_THAP = "82";
const keyOf = (code: string, dir: string) => provincesKey(unitSlices(code, dir), dir);

describe("the slices a unit's page reads", () => {
  test("its old provinces through the gazetteer, then the slices holding their localities", () => {
    expect(oldProvincesOf(VAN_HA)).toEqual(["24"]);
    expect(unitSlices(VAN_HA)).toEqual(["bac-giang"]);
    expect(oldProvincesOf(BA_DINH)).toEqual(["01"]);
    expect(unitSlices(BA_DINH)).toEqual([]);
    // A province: its own lineage (old Bắc Giang 24 and Bắc Ninh 27), and its communes' (none from elsewhere).
    expect(oldProvincesOf(BAC_NINH)).toEqual(["24", "27"]);
    expect(unitSlices(BAC_NINH)).toEqual(["bac-giang"]);
    expect(oldProvincesOf(DONG_THAP)).toEqual(["82", "87", "89"]);
    expect(unitSlices("37")).toEqual(["ha-nam"]);
    expect(() => oldProvincesOf("99999")).toThrow(/units\.json: no unit from 1 July 2025 has the code "99999"/);
  });

  test("every unit's slices hold all the national frame shows of it: the plans that reach it, with their rows, and its old units' pages", () => {
    const units = loadUnits();
    const national = loadSiteData();
    const nf = frame(units, national);
    const ni = siteIndex(national);
    const ids = (r: Reach | undefined) => r && { direct: r.direct.map((p) => p.id), wider: r.wider.map((p) => p.id) };
    let reached = 0;
    for (const u of units) {
      if (u.period !== "after") continue;
      const data = loadUnitData(u.code);
      const f = frame(units, data);
      const index = siteIndex(data);
      const shown = u.level === "province" ? [u, ...(f.communesOf.get(u.code) ?? [])] : [u];
      for (const s of shown) expect(ids(f.reach.get(s.code)), s.code).toEqual(ids(nf.reach.get(s.code)));
      const plans = [...(nf.reach.get(u.code)?.direct ?? []), ...(nf.reach.get(u.code)?.wider ?? [])];
      if (plans.length) reached++;
      for (const p of plans) {
        expect(index.targetsByPlan.get(p.id), p.id).toEqual(ni.targetsByPlan.get(p.id));
        expect(index.statisticsByLocality.get(p.locality_id), p.id).toEqual(ni.statisticsByLocality.get(p.locality_id));
        expect(index.locality.get(p.locality_id), p.id).toEqual(ni.locality.get(p.locality_id));
      }
      // The footer's date: the latest in the data of the plans shown.
      if (plans.length) expect(dataChanged(data, plans.map((p) => p.id)), u.code).toBe(dataChanged(national, plans.map((p) => p.id)));
      if (u.level === "province") {
        expect(coverage(f, u.code)).toEqual(coverage(nf, u.code));
        for (const l of u.lineage) {
          const op = oldUnit(nf, "province", l.code);
          if (!op) continue;
          expect(localityOf(f, op)?.id, op.code).toBe(localityOf(nf, op)?.id);
          for (const d of nf.districtsOf.get(op.code) ?? []) expect(localityOf(f, d)?.id, d.code).toBe(localityOf(nf, d)?.id);
        }
      } else {
        for (const l of u.lineage) {
          const old = oldUnit(nf, "commune", l.code);
          if (!old) continue;
          const district = old.parent ? oldUnit(nf, "district", old.parent) : undefined;
          for (const o of [old, district]) if (o) expect(localityOf(f, o)?.id, o.code).toBe(localityOf(nf, o)?.id);
        }
      }
    }
    // 5 provinces and 2 + 17 communes are reached by a plan.
    expect(reached).toBe(24);
  });

  test("several slices join in name order, as the national tables hold them", () => {
    const both = loadSlices(["dong-nai", "bac-giang"]);
    expect([...new Set(both.plans.map((p) => p.id))]).toEqual(["quang-minh-2024", "long-khanh-2024"]);
    expect(both.targets.map((r) => r.plan_id)).toEqual(loadSiteData().targets.filter((r) => ["quang-minh-2024", "long-khanh-2024"].includes(r.plan_id)).map((r) => r.plan_id));
    expect(loadSlices([]).plans).toEqual([]);
  });
});

describe("a unit's key covers exactly its slices", () => {
  test("Vân Hà's key follows Bắc Giang's slice and the shared lists, not Đồng Nai's slice nor the national tables", () => {
    const a = copy("a");
    const [bg, dn, nat, units] = [copy("bg", "provinces/bac-giang/targets.json"), copy("dn", "provinces/dong-nai/targets.json"), copy("nat", "plans.json"), copy("units", "units.json")];
    for (const code of [VAN_HA, BAC_NINH]) {
      expect(keyOf(code, bg), code).not.toBe(keyOf(code, a));
      expect(keyOf(code, dn), code).toBe(keyOf(code, a));
      expect(keyOf(code, nat), code).toBe(keyOf(code, a));
      expect(keyOf(code, units), code).not.toBe(keyOf(code, a));
    }
    // A commune formed only from Bắc Giang is rendered again exactly when Quảng Minh's own page is.
    expect(keyOf(VAN_HA, a)).toBe(provinceKey("bac-giang", a));
    // Ba Đình shows no plan's rows: only the shared lists move it.
    for (const dir of [bg, dn, nat]) expect(keyOf(BA_DINH, dir)).toBe(keyOf(BA_DINH, a));
    expect(keyOf(BA_DINH, units)).not.toBe(keyOf(BA_DINH, a));
    // The lists of every province still follow the national tables.
    expect(nationalKey(nat)).not.toBe(nationalKey(a));
  });

  test("a key of several slices follows each of them, whatever their order", () => {
    const a = copy("a3");
    const [bg, dn, hn] = [copy("bg3", "provinces/bac-giang/plans.json"), copy("dn3", "provinces/dong-nai/localities.json"), copy("hn3", "provinces/ha-nam/targets.json")];
    const two = (dir: string) => provincesKey(["dong-nai", "bac-giang"], dir);
    expect(provincesKey(["bac-giang", "dong-nai"], a)).toBe(two(a));
    expect(two(bg)).not.toBe(two(a));
    expect(two(dn)).not.toBe(two(a));
    expect(two(hn)).toBe(two(a));
  });
});
