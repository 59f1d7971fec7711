/**
 * Every unit of Vietnam, before and from 1 July 2025, from the gazetteer in data/reference/gazetteer (see its README):
 * validated like every other input, then turned into one row per unit with its lineage across the reorganisation.
 * Rules the method page explains: an old commune's successors are the mapping's splits, typed by the new side's
 * `full`/`partial`; an old district (abolished) has as successors the new units its communes went into, all
 * `partial` unless one new unit took all of it; a mapped code the new list lacks is matched by name in its province.
 */
import { join } from "node:path";
import { foldAccents } from "../../src/domain/fold.ts";
import type { z } from "zod";
import { GazetteerBefore, GazetteerFrom, GazetteerMerges, GazetteerSplits, type LocalitiesFile, type UnitRow } from "../../src/domain/schema.ts";
import { DataError } from "./data-error.ts";
import { checkPlainText, type Problems } from "./read-data.ts";
import { contentDigest, readDataFile } from "./safe-file.ts";
import { loadYaml, type LoadedYaml } from "./yaml-file.ts";

const DIR = ["reference", "gazetteer"];
const rel = (name: string) => ["data", ...DIR, name].join("/");

/** The type word of a full name ("Phường Quảng Minh" → "phường"), as the name is printed after it. */
export function typeWord(fullName: string, name: string): string {
  const type = fullName.endsWith(name) ? fullName.slice(0, fullName.length - name.length).trim() : fullName.split(" ")[0];
  return type.charAt(0).toLowerCase() + type.slice(1);
}

const FILES = ["units-before-2025-07-01.json", "units-from-2025-07-01.json", "old-commune-to-new.json", "new-commune-from-old.json"];

/** The gazetteer's files under `dataDir`: absolute path, and the path errors name. */
export const gazetteerFiles = (dataDir: string) => FILES.map((name) => ({ abs: join(dataDir, ...DIR, name), rel: rel(name) }));

/** The last gazetteer read without a problem in this process, by the digest of its four files' bytes. */
let memo: { digest: string; rows: UnitRow[] } | undefined;

/**
 * Read and check the gazetteer; its rows, or undefined when a file has a problem (added to `problems`). Parsing and
 * checking its 14,161 units takes ~2 s, and a process that runs the data step many times (the test suite runs it
 * hundreds of times on copies of data/) reads the same bytes each time: the files are still read through the safe
 * reader and hashed, and identical bytes give the rows of the last read without a problem. Callers never modify them.
 */
export function readGazetteer(dataDir: string, problems: Problems): UnitRow[] | undefined {
  const bytes = problems.try(() => FILES.map((name) => readDataFile(join(dataDir, ...DIR, name), rel(name), dataDir, "yaml")));
  if (!bytes) return undefined;
  const digest = contentDigest(bytes);
  if (memo?.digest === digest) return memo.rows;
  const n = problems.list.length;
  const rows = readGazetteerFiles(dataDir, problems);
  if (rows && problems.list.length === n) memo = { digest, rows };
  return rows;
}

function readGazetteerFiles(dataDir: string, problems: Problems): UnitRow[] | undefined {
  // JSON is YAML 1.2: the same reader gives JSON files the same guards, size cap and line numbers in errors.
  const load = <S extends Parameters<typeof loadYaml>[2]>(name: string, schema: S) => problems.try(() => loadYaml(join(dataDir, ...DIR, name), rel(name), schema, dataDir));
  const before = load(FILES[0], GazetteerBefore);
  const after = load(FILES[1], GazetteerFrom);
  const splits = load(FILES[2], GazetteerSplits);
  const merges = load(FILES[3], GazetteerMerges);
  if (!before || !after || !splits || !merges) return undefined;
  // Names from a public list reach pages as ours do: the same text checks.
  const n = problems.list.length;
  for (const f of [before, after, splits, merges]) checkPlainText(f, problems);
  if (problems.list.length > n) return undefined;

  const rows: UnitRow[] = [];
  const provinceName = new Map<string, string>();
  const key = (u: { Name: string; FullName: string }, province: string) => foldAccents(`${u.FullName} ${u.Name} ${provinceName.get(province) ?? ""}`);
  // A province's name is known before its units are made: provinces are read first within each list.
  const unit = (period: UnitRow["period"], level: UnitRow["level"], u: { Code: string; Name: string; FullName: string; FullNameEn: string }, parent: string | null, province: string): UnitRow => ({
    code: u.Code, period, level, name: u.Name, type_vi: typeWord(u.FullName, u.Name), full_name: u.FullName, full_name_en: u.FullNameEn,
    parent, province, in_snapshot: true, lineage: [], search_key: key(u, `${period}|${province}`),
  });

  // The new units, and a way to find one by a code the mapping uses.
  const newUnits = new Map<string, UnitRow>();
  for (const p of after.data) {
    provinceName.set(`after|${p.Code}`, p.Name);
    const row = unit("after", "province", p, null, p.Code);
    newUnits.set(row.code, row);
    for (const w of p.Wards) {
      const r = unit("after", "commune", w, p.Code, p.Code);
      if (newUnits.has(r.code)) problems.add(new DataError(after.file, "Wards", after.lineOf([after.data.indexOf(p), "Wards"]), `code ${r.code} is given twice`));
      newUnits.set(r.code, r);
    }
  }
  const byName = new Map<string, UnitRow[]>();
  for (const r of newUnits.values()) if (r.level === "commune") byName.set(`${r.province}|${r.full_name}`, [...(byName.get(`${r.province}|${r.full_name}`) ?? []), r]);
  /** The new unit a mapping code stands for: by code, else (a unit renumbered since) by its name in its province. */
  const resolveNew = (code: string, name: string, province: string): UnitRow | undefined => {
    const hit = newUnits.get(code);
    if (hit) return hit;
    const named = byName.get(`${province}|${name}`);
    return named?.length === 1 ? named[0] : undefined;
  };

  // What each new unit was formed from, typed by the new side.
  const mergeType = new Map<string, "full" | "partial">();
  merges.data.data.forEach((p, pi) => {
    const prov = newUnits.get(p.level1_id);
    if (!prov) return void problems.add(new DataError(merges.file, `data[${pi}].level1_id`, merges.lineOf(["data", pi, "level1_id"]), `province ${p.level1_id} is not in the new list`));
    prov.lineage = p.merges.map((m) => ({ code: m.old_id, type: m.type }));
    p.level2s.forEach((w, wi) => {
      const r = resolveNew(w.level2_id, w.name, p.level1_id);
      if (!r) return void problems.add(new DataError(merges.file, `data[${pi}].level2s[${wi}].level2_id`, merges.lineOf(["data", pi, "level2s", wi, "level2_id"]), `new unit ${w.level2_id} (${w.name}) is not in the new list, by code or by name`));
      r.lineage = w.merges.map((m) => ({ code: m.old_id, type: m.type }));
      for (const m of w.merges) mergeType.set(`${m.old_id}|${r.code}`, m.type);
    });
  });

  // The old units, with where they went.
  const oldCodes = new Set<string>();
  const districtOf = new Map<string, string>();
  for (const p of before.data) {
    provinceName.set(`before|${p.Code}`, p.Name);
    const prov = unit("before", "province", p, null, p.Code);
    rows.push(prov);
    oldCodes.add(p.Code);
    for (const d of p.District) {
      const dr = unit("before", "district", d, p.Code, p.Code);
      rows.push(dr);
      for (const w of d.Ward ?? []) {
        const r = unit("before", "commune", w, d.Code, p.Code);
        rows.push(r);
        oldCodes.add(w.Code);
        districtOf.set(w.Code, d.Code);
      }
    }
  }
  const oldByCode = new Map(rows.map((r) => [`${r.level === "district" ? "d" : "u"}|${r.code}`, r]));
  splits.data.data.forEach((p, pi) => {
    const prov = oldByCode.get(`u|${p.level1_id}`);
    if (!prov) return void problems.add(new DataError(splits.file, `data[${pi}].level1_id`, splits.lineOf(["data", pi, "level1_id"]), `province ${p.level1_id} is not in the old list`));
    prov.lineage = p.splits.map((s) => ({ code: s.new_id, type: newUnits.get(s.new_id)?.lineage.find((l) => l.code === p.level1_id)?.type ?? "partial" }));
    p.level3s.forEach((w, wi) => {
      let r = oldByCode.get(`u|${w.level3_id}`);
      if (!r) {
        // Merged before the 01/03/2025 snapshot: known only from the mapping.
        const name = w.name.replace(/^(Xã|Phường|Thị trấn)\s+/, "");
        // A name with none of those type words: all but its last word is taken as the type.
        const type = typeWord(w.name, name) || w.name.slice(0, w.name.length - w.name.split(" ").slice(-1)[0].length).trim().toLowerCase();
        r = { code: w.level3_id, period: "before", level: "commune", name, type_vi: type,
          full_name: w.name, full_name_en: w.name, parent: p.level1_id, province: p.level1_id, in_snapshot: false, lineage: [], search_key: foldAccents(`${w.name} ${provinceName.get(`before|${p.level1_id}`) ?? ""}`) };
        rows.push(r);
        oldByCode.set(`u|${r.code}`, r);
      }
      const lineage: UnitRow["lineage"] = [];
      for (const s of w.splits) {
        const to = resolveNew(s.new_id, s.name, newUnits.get(s.new_id)?.province ?? provinceOfNew(p.splits, s.name, byName) ?? "");
        if (!to) {
          problems.add(new DataError(splits.file, `data[${pi}].level3s[${wi}].splits`, splits.lineOf(["data", pi, "level3s", wi, "splits"]), `new unit ${s.new_id} (${s.name}) is not in the new list, by code or by name`));
          continue;
        }
        lineage.push({ code: to.code, type: mergeType.get(`${w.level3_id}|${to.code}`) ?? (w.splits.length > 1 ? "partial" : "full") });
      }
      r.lineage = lineage;
    });
  });
  // An abolished district went wherever its communes went; an island district without communes is mapped whole.
  const byDistrict = new Map<string, Set<string>>();
  for (const [commune, district] of districtOf) for (const l of oldByCode.get(`u|${commune}`)!.lineage) byDistrict.set(district, (byDistrict.get(district) ?? new Set()).add(l.code));
  const whole = new Map(splits.data.data.flatMap((p) => (p.level2s ?? []).map((d) => [d.level2_id, d.splits.map((x) => x.new_id)] as const)));
  for (const r of rows) {
    if (r.level !== "district") continue;
    const island = whole.get(r.code);
    if (island) r.lineage = island.map((code) => ({ code, type: island.length === 1 ? "full" : "partial" }));
    else r.lineage = [...(byDistrict.get(r.code) ?? [])].sort().map((code) => ({ code, type: "partial" }));
  }
  return [...rows, ...newUnits.values()];
}

/** The new province a split's new unit lies in, found from its name among the provinces the old province went into. */
function provinceOfNew(provinceSplits: { new_id: string }[], name: string, byName: Map<string, unknown[]>): string | undefined {
  return provinceSplits.map((s) => s.new_id).find((code) => byName.has(`${code}|${name}`));
}

/** The reorganisation the gazetteer's mapping records. */
export const REORGANISATION_DATE = "2025-07-01";

/**
 * What each curated locality became on 1 July 2025, from the gazetteer by its code and level (so the succession of
 * the seed localities is derived, never hand-written). A coded unit the gazetteer lacks is an error at its `code`; a
 * 1 July 2025 succession entry that names what the unit became is an error too, since that would be a second,
 * hand-written answer that can drift from the mapping. Localities without a code (residential groups) get none.
 */
export function localitySuccessors(file: LoadedYaml<z.infer<typeof LocalitiesFile>> | undefined, units: readonly UnitRow[] | undefined, problems: Problems): Map<string, UnitRow["lineage"]> {
  const out = new Map<string, UnitRow["lineage"]>();
  if (!file || !units) return out;
  const before = new Map(units.filter((u) => u.period === "before").map((u) => [`${u.level}|${u.code}`, u]));
  const after = new Set(units.filter((u) => u.period === "after").map((u) => `${u.level}|${u.code}`));
  file.data.localities.forEach((l, i) => {
    l.succession.forEach((s, j) => {
      if (s.date !== REORGANISATION_DATE) return;
      for (const field of ["into_name", "into_code", "province_after"] as const) {
        if (s[field] !== null) problems.add(new DataError(file.file, `localities[${i}].succession[${j}].${field}`, file.lineOf(["localities", i, "succession", j, field]), `what a unit became on ${REORGANISATION_DATE} comes from the gazetteer (data/reference/gazetteer); remove ${field} and keep the note, act and source`));
      }
    });
    if (l.code === null || l.level === "residential_group") return;
    const unit = before.get(`${l.level}|${l.code}`);
    // A unit formed on 1 July 2025 carries its new code: it is a successor itself and has none.
    if (!unit && after.has(`${l.level}|${l.code}`)) return;
    if (!unit) return void problems.add(new DataError(file.file, `localities[${i}].code`, file.lineOf(["localities", i, "code"]), `no ${l.level} with code ${l.code} in the gazetteer's units before ${REORGANISATION_DATE} (nor from it)`));
    out.set(l.id, unit.lineage);
  });
  return out;
}
