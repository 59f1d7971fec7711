/**
 * `npm run bench:scale`: how the data step and the full build grow with the number of localities.
 *
 * Generates a SYNTHETIC dataset (seeded, same schema and file layout as data/, every id under `synthetic-*`, every
 * plan titled and noted as synthetic) in a temporary project under the OS temp dir, never in this repository, at
 * sizes from 1% of the country to the whole of it (63 provinces, ~700 districts, ~10,600 communes, ~50,000
 * residential groups, plans for three years). For each size it runs the data step (`scripts/build-data.ts`) and then
 * `astro build` in a scratch project (a copy of src/, links to node_modules and the config) that reads that data,
 * measuring wall time and peak memory (RSS of the whole process tree, sampled from /proc). Writes the figures and
 * the growth curve into the `scale` section of bench/RESULTS.md.
 *
 *   node bench/scale.ts [--sizes=0.2,1,5,20,50,100] [--timeout=600] [--build-max=5] [--keep] [--data-only] [--skip-routes=downloads,og] [--floor=2000,20000]
 *
 * Sizes are percent of the national counts. `--timeout` (seconds) bounds each step; a step that runs out is
 * reported as such, not hidden. `--build-max` runs the full build only up to that size (larger sizes: data step
 * only, and the report estimates their build from the largest that finished). `--keep` leaves the temporary
 * projects in place. `--skip-routes` is a diagnostic: it leaves those route folders of src/pages (and
 * src/pages/en) out of the scratch copy, to measure the rest, and writes its figures to a section of their own
 * (`scale-without-<routes>`), never over the full build's. `--floor` (totals of routes, at least two different ones)
 * then also builds an empty site of each of those sizes (bench/floor.ts) and reports Astro's own cost per route and
 * what it alone would take for a national site's routes: the part of the build that no change to our pages can remove.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readGazetteer } from "../scripts/lib/gazetteer.ts";
import { prng } from "../scripts/lib/prng.ts";
import { Problems } from "../scripts/lib/read-data.ts";
import type { UnitRow } from "../src/domain/schema.ts";
import { astroFloor, type FloorRun, msPerRoute } from "./floor.ts";
import { measure, NODE, ROOT, RouteTimes, type Run } from "./lib/measure.ts";
import { writeSection } from "../scripts/lib/results-file.ts";

/**
 * The whole country, from the gazetteer (data/reference/gazetteer): before 1 July 2025, 63 provinces, 696 districts
 * and 10,035 communes; from it, 34 provinces and 3,321 communes. Residential groups are not in any public list: about
 * 50,000 are made up and put under the old communes.
 */
export const NATIONAL = { provinces: 63, districts: 696, communes: 10_035, groups: 50_000, provincesAfter: 34, communesAfter: 3_321 } as const;
/** Plan years on the old units: one plan per commune and year; the middle year's plans carry a residential-group appendix. */
export const YEARS = [2023, 2024, 2025] as const;
/** The plans on the new units (one per new commune), whose baselines are the old communes' outcomes at the end of 2025. */
export const YEAR_AFTER = 2026;
const TABLE_YEAR = 2024;
/** Targets on this 2-core machine, from the issue. */
/** The "must" column of issue 16 (its aims in brackets in the report). */
const TARGET = { buildSeconds: 900, buildMb: 2048, dataSeconds: 30, warmDataSeconds: 5 };
const AIM = { buildSeconds: 300, buildMb: 1024, dataSeconds: 15, warmDataSeconds: 2 };

// ---------------------------------------------------------------------------------------------------------------
// Synthetic data
// ---------------------------------------------------------------------------------------------------------------

const SYLLABLES = [
  "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Hưng", "Thuận", "Lợi", "Phước",
  "Hiệp", "Quang", "Minh", "Đức", "Sơn", "Hải", "Thủy", "Lâm", "Trung", "Khánh", "Vĩnh", "Xuân", "Thành", "Nghĩa", "Yên", "Cẩm",
];
const DEPRIVATIONS: [string, string][] = [
  ["employment", "việc làm"], ["dependants", "người phụ thuộc"], ["nutrition", "dinh dưỡng"], ["health_insurance", "bảo hiểm y tế"],
  ["adult_education", "trình độ giáo dục của người lớn"], ["child_school_attendance", "tình trạng đi học của trẻ em"],
  ["housing_quality", "chất lượng nhà ở"], ["housing_area", "diện tích nhà ở bình quân đầu người"], ["water_source", "nguồn nước sinh hoạt"],
  ["sanitation", "nhà tiêu hợp vệ sinh"], ["telecom_use", "sử dụng dịch vụ viễn thông"], ["information_access_means", "phương tiện phục vụ tiếp cận thông tin"],
];
const SYNTHETIC_LINE = "[DỮ LIỆU GIẢ LẬP / SYNTHETIC DATA] Văn bản do bench/scale.ts sinh ra để đo hiệu năng, không phải văn bản thật.";

/** "2.345" (thousands grouped with dots, as the plans print them). */
const viInt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
/** "1,92" (two decimals, comma). */
const viDec = (x: number) => x.toFixed(2).replace(".", ",");
/** Counts below 10 printed with a leading zero ("04"), as several plans do. */
const viCount = (n: number) => (n < 10 ? `0${n}` : viInt(n));
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const q = (s: string) => JSON.stringify(s);

interface Loc { id: string; name: string; type_vi: string; type_en: string; level: string; parent: string | null; code: string | null }

/** English words for the gazetteer's type words (the English name is used on the English pages only). */
const TYPE_EN: Record<string, string> = {
  "tỉnh": "province", "thành phố": "city", "huyện": "district", "quận": "urban district", "thị xã": "town",
  "xã": "commune", "phường": "ward", "thị trấn": "township", "đặc khu": "special zone",
};

/**
 * The units of a size: `percent` of the old communes, taken evenly across the country (every k-th in code order, so
 * each size has communes in most provinces and districts, as the real tree does), with the districts and provinces
 * above them; the new communes any of them went into, with their provinces. At 100%, the whole gazetteer.
 */
export function unitsAt(percent: number) {
  const units = readGazetteer(join(ROOT, "data"), new Problems());
  if (!units) throw new Error("bench:scale: the gazetteer in data/reference/gazetteer does not read: run npm run data to see why");
  const f = percent / 100;
  const oldCommunes = units.filter((u) => u.period === "before" && u.level === "commune" && u.in_snapshot).sort((a, b) => (a.code < b.code ? -1 : 1));
  // Commune i is kept when the running count floor(i·f) steps: evenly spread, and all of them at 100%.
  const kept = oldCommunes.filter((_, i) => Math.floor((i + 1) * f) !== Math.floor(i * f));
  const keptDistricts = new Set(kept.map((c) => c.parent!));
  const keptProvinces = new Set(kept.map((c) => c.province));
  const newCodes = new Set(kept.flatMap((c) => c.lineage.map((l) => l.code)));
  const before = units.filter((u) => u.period === "before" && ((u.level === "province" && keptProvinces.has(u.code)) || (u.level === "district" && keptDistricts.has(u.code))));
  const afterCommunes = units.filter((u) => u.period === "after" && u.level === "commune" && newCodes.has(u.code));
  const afterProvinces = new Set(afterCommunes.map((c) => c.province));
  const after = units.filter((u) => u.period === "after" && u.level === "province" && afterProvinces.has(u.code));
  return { provinces: before.filter((u) => u.level === "province"), districts: before.filter((u) => u.level === "district"), communes: kept, provincesAfter: after, communesAfter: afterCommunes, groups: Math.round(NATIONAL.groups * f) };
}

/** How many units of each level a size (percent of the country) has. */
export function countsAt(percent: number) {
  const u = unitsAt(percent);
  return { provinces: u.provinces.length, districts: u.districts.length, communes: u.communes.length, groups: u.groups, provincesAfter: u.provincesAfter.length, communesAfter: u.communesAfter.length };
}

/**
 * Write a synthetic data/ folder under `root` (localities, reference copied from the real data, sources, plans,
 * tables) on the real tree of units (unitsAt). The figures are made up: seeded, every id under `synthetic-`, every
 * plan titled and noted as synthetic. Each year's plan states its baseline at the end of the year before, which is
 * the date the previous plan's targets were set for, and where the rate then landed is drawn around that target,
 * so that plans followed across years have targets met and missed (and the 2026 plans, whose year has not ended,
 * targets not yet known). The 2026 plans are on the new communes, their baselines the old communes' outcomes.
 */
export function generate(root: string, percent: number, seed = 20240101) {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const u = unitsAt(percent);
  const data = join(root, "data");
  rmSync(data, { recursive: true, force: true });
  for (const d of ["plans", "sources", "tables", "reference"]) mkdirSync(join(data, d), { recursive: true });
  cpSync(join(ROOT, "data", "reference"), join(data, "reference"), { recursive: true });

  const loc = (x: UnitRow, id: string, parent: string | null): Loc => ({
    id, name: x.name, type_vi: x.type_vi, type_en: TYPE_EN[x.type_vi] ?? x.level, level: x.level, parent, code: x.code,
  });
  const provinceId = new Map(u.provinces.map((p) => [p.code, `synthetic-p${p.code}`]));
  const districtId = new Map(u.districts.map((d) => [d.code, `${provinceId.get(d.parent!)}/d${d.code}`]));
  const provinces = u.provinces.map((p) => loc(p, provinceId.get(p.code)!, null));
  const districts = u.districts.map((d) => loc(d, districtId.get(d.code)!, provinceId.get(d.parent!)!));
  const communes = u.communes.map((c) => loc(c, `${districtId.get(c.parent!)}/c${c.code}`, districtId.get(c.parent!)!));
  const newProvinceId = new Map(u.provincesAfter.map((p) => [p.code, `synthetic-n${p.code}`]));
  const provincesAfter = u.provincesAfter.map((p) => loc(p, newProvinceId.get(p.code)!, null));
  const communesAfter = u.communesAfter.map((c) => loc(c, `${newProvinceId.get(c.parent!)}/c${c.code}`, newProvinceId.get(c.parent!)!));
  // Residential groups land on the old communes at random.
  const groupsOf = new Map<string, Loc[]>();
  for (let i = 0; i < u.groups; i++) {
    const c = communes[Math.floor(rand() * communes.length)];
    const list = groupsOf.get(c.id) ?? [];
    list.push({ id: `${c.id}/g${list.length + 1}`, name: `${pick(SYLLABLES)} ${list.length + 1}`, type_vi: "thôn", type_en: "village", level: "residential_group", parent: c.id, code: null });
    groupsOf.set(c.id, list);
  }
  const all = [...provinces, ...districts, ...communes.flatMap((c) => [c, ...(groupsOf.get(c.id) ?? [])]), ...provincesAfter, ...communesAfter];
  const locLines = [
    "# SYNTHETIC localities generated by bench/scale.ts for the scale benchmark: the real tree of units (from the",
    "# gazetteer), made-up residential groups; ids under synthetic-, never published.",
    "localities:",
    ...all.flatMap((l) => [
      `  - id: ${l.id}`, `    name: ${q(l.name)}`, `    type_vi: ${l.type_vi}`, `    type_en: ${l.type_en}`, `    level: ${l.level}`,
      `    parent: ${l.parent ?? "null"}`, `    code: ${l.code === null ? "null" : q(l.code)}`, "    succession: []",
    ]),
  ];
  writeFileSync(join(data, "localities.yaml"), `${locLines.join("\n")}\n`);

  let plans = 0;
  const districtTotals = new Map<string, { total: number; poor: number; near: number }>();
  // Where each new commune starts 2026: its share of the old communes that went into it.
  const carried = new Map<string, { total: number; poor: number; near: number }>();
  for (const [ci, c] of communes.entries()) {
    const groups = groupsOf.get(c.id) ?? [];
    let total = int(600, 4500);
    let poorRate = 0.2 + rand() * 5.8;
    let nearRate = 0.5 + rand() * 5.5;
    for (const year of YEARS) {
      const poor = Math.round((total * poorRate) / 100);
      const near = Math.round((total * nearRate) / 100);
      if (year === TABLE_YEAR) {
        const t = districtTotals.get(c.parent!) ?? { total: 0, poor: 0, near: 0 };
        districtTotals.set(c.parent!, { total: t.total + total, poor: t.poor + poor, near: t.near + near });
      }
      const poorTarget = Math.max(0, (total ? (poor / total) * 100 : 0) * (0.75 + rand() * 0.15));
      const nearTarget = Math.max(0, (total ? (near / total) * 100 : 0) * (0.8 + rand() * 0.15));
      writeCommunePlan(data, c, year, { total, poor, near, poorTarget, nearTarget, groups: year === TABLE_YEAR ? groups : [], deprivations: year === TABLE_YEAR && ci % 4 === 0 }, rand);
      plans++;
      // The year ends about where the plan aimed: a little under its target (met) or over it (missed).
      total += int(5, 40);
      poorRate = poorTarget * (0.85 + rand() * 0.35);
      nearRate = nearTarget * (0.85 + rand() * 0.35);
    }
    const successors = u.communes[ci].lineage.map((l) => l.code);
    const end = { total, poor: Math.round((total * poorRate) / 100), near: Math.round((total * nearRate) / 100) };
    successors.forEach((code, k) => {
      const share = (x: number) => Math.floor(x / successors.length) + (k < x % successors.length ? 1 : 0);
      const t = carried.get(code) ?? { total: 0, poor: 0, near: 0 };
      carried.set(code, { total: t.total + share(end.total), poor: t.poor + share(end.poor), near: t.near + share(end.near) });
    });
  }
  for (const d of districts) {
    const t = districtTotals.get(d.id);
    if (!t) continue;
    writeDistrictPlan(data, d, t, rand);
    plans++;
  }
  for (const [ci, c] of communesAfter.entries()) {
    const t = carried.get(c.code!)!;
    const rate = (k: number) => (t.total ? (k / t.total) * 100 : 0);
    writeCommunePlan(data, c, YEAR_AFTER, { ...t, poorTarget: rate(t.poor) * (0.75 + rand() * 0.15), nearTarget: rate(t.near) * (0.8 + rand() * 0.15), groups: [], deprivations: ci % 4 === 0 }, rand);
    plans++;
  }
  const n = countsAt(percent);
  return { ...n, localities: all.length, plans };
}

/** A commune plan's figures: households at the start of the year, and the rates (percent) it aims for at its end. */
interface Figures { total: number; poor: number; near: number; poorTarget: number; nearTarget: number; groups: Loc[]; deprivations: boolean }

/** Split `total` into `k` non-negative whole parts at random (they add up exactly). */
function split(total: number, k: number, rand: () => number): number[] {
  const w = Array.from({ length: k }, () => 0.3 + rand());
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.floor((total * x) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % k, rest--) parts[i]++;
  return parts;
}

const slugOf = (id: string) => id.replace(/\//g, "-");

function planHeader(id: string, l: Loc, year: number, word: string, source: string, number: number, day: number): string[] {
  const issued = `${year}-03-${pad(day, 2)}`;
  return [
    `# SYNTHETIC plan generated by bench/scale.ts for the scale benchmark: not a real document, never published.`,
    `id: ${id}`, `locality_id: ${l.id}`, `year: ${year}`, `number: "${number}/KH-UBND"`, `number_quote: "Số: ${number}/KH-UBND"`,
    `issued: "${issued}"`, `issued_quote: ${q(`${l.name}, ngày ${pad(day, 2)} tháng 03 năm ${year}`)}`,
    `issuer: ${q(`UBND ${word} ${l.name}`)}`, `issuer_en: ${q(`People's Committee of ${l.name} ${l.type_en} (synthetic)`)}`,
    `title: ${q(`[Giả lập] Kế hoạch thực hiện công tác giảm nghèo năm ${year}`)}`, `title_en: ${q(`[Synthetic] Poverty reduction plan for ${year}`)}`,
    `poverty_standard: "2022-2025"`, `standard_note: "Chuẩn nghèo đa chiều giai đoạn 2022-2025 (dữ liệu giả lập)"`, `source_file: ${source}`,
    "notes:",
    "  - code: synthetic_data", "    severity: info", `    message_vi: Dữ liệu giả lập để đo hiệu năng, không phải kế hoạch thật.`,
    `    message_en: Synthetic data for the scale benchmark, not a real plan.`, `    quote: ${q(SYNTHETIC_LINE)}`,
  ];
}

function stat(indicator: string, group: string, date: string, value: string, unit: string, quote: string): string[] {
  return [`  - indicator: ${indicator}`, `    group: ${group}`, `    date: "${date}"`, `    value: "${value}"`, `    unit: ${unit}`, `    quote: ${q(quote)}`];
}

function target(indicator: string, group: string, kind: string, value: string, date: string, quote: string): string[] {
  return [`  - indicator: ${indicator}`, `    group: ${group}`, `    kind: ${kind}`, "    comparator: eq", `    target_value: "${value}"`, `    target_date: "${date}"`, "    unit: percent", `    quote: ${q(quote)}`];
}

function writeCommunePlan(data: string, c: Loc, year: number, f: Figures, rand: () => number) {
  const id = `${slugOf(c.id)}-${year}`;
  const source = `${year}-${slugOf(c.id)}.txt`;
  const base = `${year - 1}-12-31`, end = `${year}-12-31`;
  const rate = (k: number) => (f.total ? (k / f.total) * 100 : 0);
  // A few plans print a rate that does not match their counts, as real plans do: the checks must find them.
  const poorRate = viDec(rate(f.poor) + (rand() < 0.02 ? 0.1 : 0));
  const nearRate = viDec(rate(f.near));
  const poorTarget = viDec(f.poorTarget);
  const nearTarget = viDec(f.nearTarget);
  const persons = (k: number) => k * (2 + Math.floor(rand() * 3));
  const cov = [100, 95, 90][Math.floor(rand() * 3)];
  const lines = {
    total: `Tổng số hộ dân cư trên địa bàn ${c.type_vi} ${c.name} cuối năm ${year - 1} là ${viInt(f.total)} hộ.`,
    poor: `Toàn ${c.type_vi} có ${viCount(f.poor)} hộ nghèo với ${viInt(persons(f.poor))} nhân khẩu, chiếm tỷ lệ ${poorRate}%.`,
    near: `Hộ cận nghèo có ${viCount(f.near)} hộ với ${viInt(persons(f.near))} nhân khẩu, chiếm tỷ lệ ${nearRate}%.`,
    poorTarget: `Cuối năm ${year} tỷ lệ hộ nghèo trên địa bàn ${c.type_vi} giảm còn ${poorTarget}%.`,
    nearTarget: `Cuối năm ${year} tỷ lệ hộ cận nghèo trên địa bàn ${c.type_vi} còn ${nearTarget}%.`,
    health: `Phấn đấu 100% hộ nghèo, hộ cận nghèo được cấp thẻ bảo hiểm y tế.`,
    water: `Phấn đấu ${cov}% hộ nghèo, hộ cận nghèo sử dụng nguồn nước sinh hoạt hợp vệ sinh.`,
    jobs: `Phấn đấu ${cov - 10}% người lao động thuộc hộ nghèo, hộ cận nghèo có nhu cầu được hỗ trợ tìm việc làm.`,
  };
  const number = 10 + Math.floor(rand() * 190), day = 1 + Math.floor(rand() * 28);
  const text = [
    SYNTHETIC_LINE, `ỦY BAN NHÂN DÂN ${c.type_vi.toUpperCase()} ${c.name.toUpperCase()}`, `Số: ${number}/KH-UBND`, `${c.name}, ngày ${pad(day, 2)} tháng 03 năm ${year}`, "KẾ HOẠCH",
    `Thực hiện công tác giảm nghèo năm ${year}`, `I. THỰC TRẠNG CUỐI NĂM ${year - 1}`, lines.total, lines.poor, lines.near,
    `II. MỤC TIÊU NĂM ${year}`, lines.poorTarget, lines.nearTarget, lines.health, lines.water, lines.jobs,
  ];
  const yaml = planHeader(id, c, year, c.type_vi, source, number, day);
  const [pp, np] = [lines.poor.match(/với ([\d.]+) nhân khẩu/)![1], lines.near.match(/với ([\d.]+) nhân khẩu/)![1]];
  yaml.push(
    "statistics:",
    ...stat("total_households", "all", base, viInt(f.total), "households", lines.total),
    ...stat("poor_households", "poor", base, viCount(f.poor), "households", lines.poor),
    ...stat("poor_persons", "poor", base, pp, "persons", lines.poor),
    ...stat("poverty_rate", "poor", base, `${poorRate}%`, "percent", lines.poor),
    ...stat("near_poor_households", "near_poor", base, viCount(f.near), "households", lines.near),
    ...stat("near_poor_persons", "near_poor", base, np, "persons", lines.near),
    ...stat("near_poverty_rate", "near_poor", base, `${nearRate}%`, "percent", lines.near),
    "targets:",
    ...target("poverty_rate", "poor", "level", `${poorTarget}%`, end, lines.poorTarget),
    ...target("near_poverty_rate", "near_poor", "level", `${nearTarget}%`, end, lines.nearTarget),
    ...target("coverage_health_insurance", "poor_and_near_poor", "coverage", "100%", end, lines.health),
    ...target("coverage_clean_water", "poor_and_near_poor", "coverage", `${cov}%`, end, lines.water),
    ...target("coverage_job_support", "poor_and_near_poor", "coverage", `${cov - 10}%`, end, lines.jobs),
  );
  if (f.deprivations && f.poor > 0) {
    text.push("III. THIẾU HỤT CÁC CHỈ SỐ DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO");
    yaml.push("deprivations:");
    for (const [ind, words] of DEPRIVATIONS) {
      const k = Math.floor(rand() * (f.poor + 1));
      const pct = `${viDec((k / f.poor) * 100)}%`;
      const line = `Hộ nghèo thiếu hụt chỉ số ${words}: ${viCount(k)} hộ, tỷ lệ ${pct};`;
      text.push(line);
      yaml.push(`  - { group: poor, date: "${base}", indicator: ${ind}, households: "${viCount(k)}", stated_pct: "${pct}", quote: ${q(line)} }`);
    }
  }
  if (f.groups.length > 0) {
    const k = f.groups.length;
    const totals = split(f.total, k, rand), poors = split(f.poor, k, rand), nears = split(f.near, k, rand);
    const exits = poors.map((p) => Math.floor(p * rand() * 0.5)), nearExits = nears.map((p) => Math.floor(p * rand() * 0.5));
    const row = (cells: (string | number)[]) => cells.join("\t");
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const tsv = [
      row(["TT", "Thôn", "Tổng số hộ", "Hộ nghèo cuối năm 2023", "Có khả năng thoát nghèo 2024", "Hộ nghèo cuối năm 2024", "Hộ cận nghèo cuối năm 2023", "Có khả năng thoát cận nghèo 2024", "Hộ cận nghèo cuối năm 2024"]),
      ...f.groups.map((g, i) => row([i + 1, `Thôn ${g.name}`, viInt(totals[i]), poors[i], viCount(exits[i]), viCount(poors[i] - exits[i]), nears[i], viCount(nearExits[i]), viCount(nears[i] - nearExits[i])])),
      row(["", "Cộng", viInt(f.total), f.poor, viCount(sum(exits)), viCount(f.poor - sum(exits)), f.near, viCount(sum(nearExits)), viCount(f.near - sum(nearExits))]),
    ];
    const file = `${id}-phu-luc.tsv`;
    text.push(`PHỤ LỤC: KẾ HOẠCH GIẢM NGHÈO NĂM ${year} THEO THÔN`, ...tsv);
    writeFileSync(join(data, "tables", file), `${tsv.join("\n")}\n`);
    const col = (index: number, header: string, indicator: string, group: string, record: string, date: string, kind = "") =>
      `      - { index: ${index}, header: ${q(header)}, indicator: ${indicator}, group: ${group}, record: ${record}, ${kind ? `kind: ${kind}, ` : ""}date: "${date}", unit: households }`;
    yaml.push(
      "tables:", `  - file: ${file}`, `    title: ${q(`PHỤ LỤC: KẾ HOẠCH GIẢM NGHÈO NĂM ${year} THEO THÔN`)}`, "    header_rows: 1", "    name_column: 1", `    total_label: "Cộng"`,
      "    rows:", ...f.groups.map((g) => `      ${q(`Thôn ${g.name}`)}: ${g.id}`), `      "Cộng": ${c.id}`,
      "    columns:",
      col(2, "Tổng số hộ", "total_households", "all", "statistic", base),
      col(3, "Hộ nghèo cuối năm 2023", "poor_households", "poor", "statistic", base),
      col(4, "Có khả năng thoát nghèo 2024", "poor_exit_capable_households", "poor", "target", end, "count"),
      col(5, "Hộ nghèo cuối năm 2024", "poor_households", "poor", "target", end, "count"),
      col(6, "Hộ cận nghèo cuối năm 2023", "near_poor_households", "near_poor", "statistic", base),
      col(7, "Có khả năng thoát cận nghèo 2024", "near_poor_exit_capable_households", "near_poor", "target", end, "count"),
      col(8, "Hộ cận nghèo cuối năm 2024", "near_poor_households", "near_poor", "target", end, "count"),
    );
  }
  writeFileSync(join(data, "sources", source), `${text.join("\n")}\n`);
  writeFileSync(join(data, "plans", `${id}.yaml`), `${yaml.join("\n")}\n`);
}

function writeDistrictPlan(data: string, d: Loc, t: { total: number; poor: number; near: number }, rand: () => number) {
  const year = TABLE_YEAR;
  const id = `${slugOf(d.id)}-${year}`;
  const source = `${year}-${slugOf(d.id)}.txt`;
  const base = `${year - 1}-12-31`, end = `${year}-12-31`;
  const rate = (k: number) => viDec(t.total ? (k / t.total) * 100 : 0);
  const lines = {
    total: `Toàn ${d.type_vi} ${d.name} có ${viInt(t.total)} hộ dân cư.`,
    poor: `Cuối năm ${year - 1} toàn ${d.type_vi} có ${viInt(t.poor)} hộ nghèo, chiếm tỷ lệ ${rate(t.poor)}%; ${viInt(t.near)} hộ cận nghèo, chiếm tỷ lệ ${rate(t.near)}%.`,
    poorTarget: `Phấn đấu cuối năm ${year} tỷ lệ hộ nghèo toàn ${d.type_vi} giảm còn ${rate(t.poor * 0.8)}%.`,
    nearTarget: `Phấn đấu cuối năm ${year} tỷ lệ hộ cận nghèo toàn ${d.type_vi} còn ${rate(t.near * 0.85)}%.`,
  };
  const number = 100 + Math.floor(rand() * 800), day = 1 + Math.floor(rand() * 28);
  const text = [SYNTHETIC_LINE, `ỦY BAN NHÂN DÂN ${d.type_vi.toUpperCase()} ${d.name.toUpperCase()}`, `Số: ${number}/KH-UBND`, `${d.name}, ngày ${pad(day, 2)} tháng 03 năm ${year}`, "KẾ HOẠCH", lines.total, lines.poor, lines.poorTarget, lines.nearTarget];
  const yaml = [
    ...planHeader(id, d, year, d.type_vi, source, number, day),
    "statistics:",
    ...stat("total_households", "all", base, viInt(t.total), "households", lines.total),
    ...stat("poor_households", "poor", base, viInt(t.poor), "households", lines.poor),
    ...stat("poverty_rate", "poor", base, `${rate(t.poor)}%`, "percent", lines.poor),
    ...stat("near_poor_households", "near_poor", base, viInt(t.near), "households", lines.poor),
    ...stat("near_poverty_rate", "near_poor", base, `${rate(t.near)}%`, "percent", lines.poor),
    "targets:",
    ...target("poverty_rate", "poor", "level", `${rate(t.poor * 0.8)}%`, end, lines.poorTarget),
    ...target("near_poverty_rate", "near_poor", "level", `${rate(t.near * 0.85)}%`, end, lines.nearTarget),
  ];
  writeFileSync(join(data, "sources", source), `${text.join("\n")}\n`);
  writeFileSync(join(data, "plans", `${id}.yaml`), `${yaml.join("\n")}\n`);
}

/** A scratch project that builds the site from `root`/public/data: a copy of src/, links to the rest. */
function scratchProject(root: string, skipRoutes: string[]) {
  rmSync(join(root, "src"), { recursive: true, force: true });
  cpSync(join(ROOT, "src"), join(root, "src"), { recursive: true });
  for (const r of skipRoutes) for (const dir of ["pages", "pages/en"]) rmSync(join(root, "src", dir, r), { recursive: true, force: true });
  for (const f of ["package.json", "tsconfig.json", "node_modules"]) {
    if (!existsSync(join(root, f))) symlinkSync(join(ROOT, f), join(root, f));
  }
  // The repository's config, with the caches kept in the scratch project: by default Astro and Vite write theirs
  // under node_modules, which is the repository's own through the link, where a build of the repository uses them.
  writeFileSync(join(root, "astro.config.mjs"), [
    `import config from ${JSON.stringify(join(ROOT, "astro.config.mjs"))};`,
    `export default { ...config, cacheDir: "./.astro-cache", vite: { ...config.vite, cacheDir: "./.vite-cache" } };`,
    "",
  ].join("\n"));
  mkdirSync(join(root, "public"), { recursive: true });
  cpSync(join(ROOT, "public", "site"), join(root, "public", "site"), { recursive: true });
}

/** Size of the built site and its `n` largest HTML pages, as paths of the site. */
function siteWeight(dist: string, n = 3): NonNullable<Row["site"]> {
  const files = filesUnder(dist);
  const pages = files.filter((f) => f.path.endsWith(".html")).map((f) => ({ path: `/${f.path.slice(dist.length + 1).replace(/index\.html$/, "")}`, mb: f.bytes / 1024 / 1024 }));
  return { mb: totalMb(files), largest: pages.sort((x, y) => y.mb - x.mb || (x.path < y.path ? -1 : 1)).slice(0, n) };
}

/** Every file under `dir` (none if it does not exist), with its size. */
function filesUnder(dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const f = join(d, e.name);
      if (e.isDirectory()) walk(f);
      else out.push({ path: f, bytes: statSync(f).size });
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const totalMb = (files: { bytes: number }[]) => files.reduce((n, f) => n + f.bytes, 0) / 1024 / 1024;

function dirSizeMb(dir: string): number {
  return totalMb(filesUnder(dir));
}


/** Change one byte of one plan's English title (the first plan file), as an editor's fix would. */
function editOnePlan(root: string) {
  const dir = join(root, "data", "plans");
  const file = join(dir, readdirSync(dir).sort()[0]);
  const text = readFileSync(file, "utf8");
  // Each call edits it again (the warm data step, then the warm rebuild): one more ", edited" in its English title.
  if (!text.includes("title_en: \"[Synthetic")) throw new Error(`bench:scale: ${file} has no synthetic title to edit`);
  writeFileSync(file, text.replace("title_en: \"[Synthetic", "title_en: \"[Synthetic, edited"));
}

interface Row {
  percent: number;
  localities: number;
  plans: number;
  dataMb: number;
  data: Run;
  /** The data step again after one plan was edited (the per-plan cache warm). */
  warm?: Run;
  warmHits?: string;
  /** After the full build: one more plan edited, then the data step and the site again on the kept caches. */
  rebuild?: { data: Run; site: Run; restored: number; rendered: number };
  astro?: Run;
  /** Why the build was not run. */
  skipped?: string;
  routes?: RouteTimes;
  /** The built site: its size and its largest HTML pages (what a reader's phone would have to load). */
  site?: { mb: number; largest: { path: string; mb: number }[] };
}

const fmtS = (r: Run | undefined) => (!r ? "—" : r.timedOut ? `> ${r.seconds.toFixed(0)} (timed out)` : r.ok ? r.seconds.toFixed(1) : `failed after ${r.seconds.toFixed(1)}`);
const fmtCpu = (r: Run | undefined) => (!r || !Number.isFinite(r.cpu) ? "—" : r.cpu.toFixed(1));
const fmtMb = (r: Run | undefined) => (!r ? "—" : r.peakMb.toFixed(0));
const fmtN = (n: number) => n.toLocaleString("en");

function report(rows: Row[], opts: { timeout: number; skipRoutes: string[]; floor?: FloorRun[] }): string {
  const full = (r: Row) => (r.astro?.ok ? r.data.seconds + r.astro.seconds : undefined);
  const lines = [
    opts.skipRoutes.length
      ? `## Scale, diagnostic: the build without the routes ${opts.skipRoutes.map((r) => `\`${r}/\``).join(", ")} (not the site as published)`
      : "## Scale: data step and full build against the number of localities",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:scale${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` on ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.versions.node}.`,
    `Synthetic data on the real tree of units (the gazetteer), seeded, ids under \`synthetic-*\`, generated in the OS temp dir and never in data/. 100% = before 1 July 2025 ${NATIONAL.provinces} provinces, ${fmtN(NATIONAL.districts)} districts, ${fmtN(NATIONAL.communes)} communes (and ${fmtN(NATIONAL.groups)} made-up residential groups), from it ${NATIONAL.provincesAfter} provinces and ${fmtN(NATIONAL.communesAfter)} communes;`,
    `one plan per old commune and year (${YEARS.join(", ")}: the ${TABLE_YEAR} plans carry a residential-group appendix table, one in four a deprivation block), one ${TABLE_YEAR} plan per district and one ${YEAR_AFTER} plan per new commune. Smaller sizes take that share of the old communes, evenly across the country, with the units above them and the new communes they went into.`,
    `Peak memory: RSS of the whole process tree, sampled every 200 ms. Full build = data step + site build (\`astro build\` and the preview cards side by side, scripts/build-site.ts). Each step was given ${opts.timeout} s;`,
    "a build is not attempted at a size larger than one whose build ran out of time. Load: the machine's 1-minute load average at the end of the step",
    `(${cpus().length} cores: a load above ${cpus().length} means other work shared the CPUs and the times are inflated). CPU: user + system seconds of the step's whole process tree, which other work moves far less.`,
    `Targets at 100% (must, aim in brackets): full build ≤ ${TARGET.buildSeconds / 60} min (${AIM.buildSeconds / 60} min) and ≤ ${fmtN(TARGET.buildMb)} MB (${fmtN(AIM.buildMb)} MB); data step cold ≤ ${TARGET.dataSeconds} s (${AIM.dataSeconds} s), warm after one plan edited ≤ ${TARGET.warmDataSeconds} s (${AIM.warmDataSeconds} s); cost linear in localities.`,
    "",
    "| size | localities | plans | public data (MB) | data step, cold: wall / CPU (s) | data peak (MB) | load | data step, warm, one plan edited: wall / CPU (s) | warm peak (MB) | plans from the cache | site build, astro + previews (s) | site peak (MB) | load | routes built | full build (s) | ms per locality |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => {
      const f = full(r);
      const per = f !== undefined ? ((f * 1000) / r.localities).toFixed(1) : r.data.ok ? `${((r.data.seconds * 1000) / r.localities).toFixed(2)} (data step)` : "—";
      const astro = r.astro ? [fmtS(r.astro), fmtMb(r.astro), r.astro.load.toFixed(1), fmtN(r.routes?.routes ?? 0)] : [r.skipped ?? "—", "—", "—", "—"];
      const warm = r.warm ? [`${fmtS(r.warm)} / ${fmtCpu(r.warm)}`, fmtMb(r.warm), r.warmHits ?? "—"] : ["—", "—", "—"];
      return `| ${r.percent}% | ${fmtN(r.localities)} | ${fmtN(r.plans)} | ${r.dataMb.toFixed(0)} | ${fmtS(r.data)} / ${fmtCpu(r.data)} | ${fmtMb(r.data)} | ${r.data.load.toFixed(1)} | ${warm.join(" | ")} | ${astro.join(" | ")} | ${f !== undefined ? f.toFixed(1) : "—"} | ${per} |`;
    }),
    "",
  ];
  const rebuilt = rows.filter((r) => r.rebuild);
  if (rebuilt.length) {
    lines.push(
      "Warm rebuild: after the full build, one more plan edited, then `npm run build` again with `.cache/` and the outputs kept (the data step's per-plan cache, Astro's incremental build, the preview cache):",
      "",
      "| size | data step (s) | site build (s) | warm rebuild (s) | peak (MB) | load | pages from Astro's cache | pages rendered |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rebuilt.map((r) => {
        const w = r.rebuild!;
        const total = w.data.ok && w.site.ok ? (w.data.seconds + w.site.seconds).toFixed(1) : "—";
        return `| ${r.percent}% | ${fmtS(w.data)} | ${fmtS(w.site)} | ${total} | ${Math.max(w.data.peakMb, w.site.peakMb).toFixed(0)} | ${w.site.load.toFixed(1)} | ${fmtN(w.restored)} | ${fmtN(w.rendered)} |`;
      }),
      "",
    );
  }
  // Growth: the exponent k in time ∝ localities^k between consecutive sizes (1 = linear, 2 = quadratic).
  const exp = (a: number, b: number, la: number, lb: number) => (Math.log(b / a) / Math.log(lb / la)).toFixed(2);
  const ok = rows.filter((r) => r.data.ok);
  if (ok.length >= 2) {
    lines.push("Growth curve (bars: data step; k = exponent of time against localities between a size and the one before, 1 = linear):", "", "```");
    const maxS = Math.max(...ok.map((r) => r.data.seconds));
    for (const [i, r] of ok.entries()) {
      const prev = ok[i - 1];
      const kData = prev ? ` k(data)=${exp(prev.data.seconds, r.data.seconds, prev.localities, r.localities)}` : "";
      const kFull = prev && full(prev) && full(r) ? ` k(full)=${exp(full(prev)!, full(r)!, prev.localities, r.localities)}` : "";
      lines.push(`${`${r.percent}%`.padStart(5)} ${fmtN(r.localities).padStart(7)} localities ${"█".repeat(Math.max(1, Math.round((r.data.seconds / maxS) * 40))).padEnd(40)} ${r.data.seconds.toFixed(1).padStart(6)} s${kData}${kFull}`);
    }
    lines.push("```", "");
  }
  const timed = rows.filter((r) => r.routes && r.routes.routes > 0);
  if (timed.length) {
    lines.push("Where `astro build` spends its time (Astro's per-route render times, summed by kind of route; a timed-out build shows the routes it got to):", "");
    for (const r of timed) lines.push(`- ${r.percent}%: ${r.routes!.summary()}.`);
    lines.push("");
  }
  const weighed = rows.filter((r) => r.site);
  if (weighed.length) {
    lines.push("What the build wrote (all files, uncompressed) and its largest HTML pages, the ones a reader's phone would have to load:", "");
    const mb = (x: number) => (x >= 1024 ? `${(x / 1024).toFixed(1)} GB` : x >= 10 ? `${x.toFixed(0)} MB` : `${x.toFixed(1)} MB`);
    for (const r of weighed) lines.push(`- ${r.percent}%: ${mb(r.site!.mb)}; ${r.site!.largest.map((p) => `\`${p.path}\` ${mb(p.mb)}`).join(", ")}.`);
    lines.push("");
  }
  const nat = rows.find((r) => r.percent === 100);
  if (nat) {
    const f = full(nat);
    const peak = Math.max(nat.data.peakMb, nat.astro?.peakMb ?? 0);
    const verdict = [
      `data step cold ${nat.data.ok ? `${nat.data.seconds.toFixed(1)} s, peak ${nat.data.peakMb.toFixed(0)} MB (${nat.data.seconds <= TARGET.dataSeconds ? "within" : "over"} the ${TARGET.dataSeconds} s must${nat.data.seconds <= AIM.dataSeconds ? `, within the ${AIM.dataSeconds} s aim` : ""})` : "did not finish"}`,
      `data step warm after one plan edited ${nat.warm?.ok ? `${nat.warm.seconds.toFixed(1)} s, peak ${nat.warm.peakMb.toFixed(0)} MB (${nat.warm.seconds <= TARGET.warmDataSeconds ? "within" : "over"} the ${TARGET.warmDataSeconds} s must${nat.warm.seconds <= AIM.warmDataSeconds ? `, within the ${AIM.warmDataSeconds} s aim` : ""})` : "did not finish"}`,
      f !== undefined ? `full build ${f.toFixed(0)} s, peak ${peak.toFixed(0)} MB (${f <= TARGET.buildSeconds && peak <= TARGET.buildMb ? "within" : "over"} the ${TARGET.buildSeconds} s / ${fmtN(TARGET.buildMb)} MB target)`
        : nat.astro ? `full build did not finish (${fmtS(nat.astro)})` : `full build ${nat.skipped ?? "not run"}`,
    ];
    lines.push(`At national size: ${verdict.join("; ")}.`);
    // A build that was not run at national size is estimated from the largest that finished, the cost being linear
    // (k ≈ 1 above): an estimate, labelled as such, never a measurement.
    const largest = [...rows].reverse().find((r) => full(r) !== undefined);
    if (f === undefined && largest) {
      const perLocality = full(largest)! / largest.localities;
      lines.push("", `Estimate, not a measurement: at the ${largest.percent}% build's ${(perLocality * 1000).toFixed(0)} ms per locality, a national full build would take about ${Math.round((perLocality * nat.localities) / 60)} min.`);
    }
  }
  if (opts.floor) lines.push(...(lines.at(-1) === "" ? [] : [""]), ...floorLines(opts.floor, rows));
  return lines.join("\n");
}

/**
 * Astro's own cost per route (bench/floor.ts) and, scaled by the routes per locality of the largest full build, what
 * it alone comes to at national size: the floor under any national build with this page plan.
 */
function floorLines(floor: FloorRun[], rows: Row[]): string[] {
  const builds = floor.map((f) => `${fmtN(f.routes)} routes ${fmtS(f)} s (peak ${fmtMb(f)} MB, load ${f.load.toFixed(1)})`).join(", ");
  const ms = msPerRoute(floor);
  const lines = [`Astro's own cost per route on this machine (empty pages, half .astro pages and half endpoints, no data): ${builds}, ${ms === undefined ? "so no per-route figure (a build did not finish)" : `so ${ms.toFixed(2)} ms per route`}.`];
  const largest = [...rows].reverse().find((r) => r.astro?.ok && r.routes?.routes);
  if (ms === undefined || !largest) return lines;
  // The line through the smallest floor build, so Astro's start-up is counted once, as a real build pays it.
  const first = floor.reduce((a, b) => (b.routes < a.routes ? b : a));
  const perLocality = largest.routes!.routes / largest.localities;
  const nationalRoutes = perLocality * (NATIONAL.provinces + NATIONAL.districts + NATIONAL.communes + NATIONAL.groups + NATIONAL.provincesAfter + NATIONAL.communesAfter);
  const seconds = first.seconds + (ms * (nationalRoutes - first.routes)) / 1000;
  lines.push(`Estimate, not a measurement: the largest full build here (${largest.percent}%) made ${fmtN(largest.routes!.routes)} routes for ${fmtN(largest.localities)} localities (${perLocality.toFixed(1)} per locality); at national size that is about ${fmtN(Math.round(nationalRoutes / 1000) * 1000)} routes, and Astro alone would need about ${Math.round(seconds / 60)} min for them, against the ${TARGET.buildSeconds / 60} min target.`);
  return lines;
}

/**
 * `--floor=2000,20000` as totals of routes; undefined when the option is absent. The per-route cost is a slope, so
 * it needs two different totals, and each build needs a route of each kind.
 */
function parseFloor(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",").map((x) => x.trim());
  const bad = parts.find((x) => !/^\d+$/.test(x) || Number(x) < 2);
  if (bad !== undefined) throw new Error(`--floor=${value}: ${JSON.stringify(bad)} is not a whole number of routes of at least 2 (e.g. --floor=2000,20000)`);
  const counts = parts.map(Number);
  if (new Set(counts).size < 2) throw new Error(`--floor=${value}: needs at least two different totals of routes, the per-route cost being the slope between them`);
  return counts;
}

/** The command line, checked before the sizes run (which can take an hour): a mistyped option must fail at once. */
export function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sizes: { type: "string", default: "1,5,20,50,100" }, timeout: { type: "string", default: "600" }, "build-max": { type: "string" },
      keep: { type: "boolean", default: false }, "data-only": { type: "boolean", default: false }, "skip-routes": { type: "string", default: "" }, floor: { type: "string" },
    },
  });
  /** `text`, one value of the option `--name=given`, as a number that `ok` accepts. */
  const number = (name: string, given: string, text: string, ok: (x: number) => boolean, what: string) => {
    const x = Number(text);
    if (text.trim() === "" || !Number.isFinite(x) || !ok(x)) throw new Error(`--${name}=${given}: ${JSON.stringify(text)} is not ${what}`);
    return x;
  };
  const sizes = values.sizes.split(",").map((x) => number("sizes", values.sizes, x, (p) => p > 0 && p <= 100, "a percent of the country above 0 and at most 100"));
  const skipRoutes = values["skip-routes"].split(",").filter(Boolean);
  for (const r of skipRoutes) if (!existsSync(join(ROOT, "src", "pages", r))) throw new Error(`--skip-routes: src/pages/${r} does not exist`);
  return {
    sizes,
    timeout: number("timeout", values.timeout, values.timeout, (t) => t > 0, "a number of seconds above 0"),
    buildMax: values["build-max"] === undefined ? Infinity : number("build-max", values["build-max"], values["build-max"], (p) => p >= 0, "a percent of at least 0"),
    keep: values.keep, dataOnly: values["data-only"], skipRoutes,
    floorCounts: parseFloor(values.floor),
  };
}

async function main() {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (e) {
    console.error(`bench:scale: ${(e as Error).message}`);
    process.exit(2);
  }
  const { sizes, timeout, buildMax, keep, dataOnly, skipRoutes, floorCounts } = options;
  const section = skipRoutes.length ? `scale-without-${skipRoutes.join("-")}` : "scale";
  const rows: Row[] = [];
  let buildsOutOfTime: number | undefined;
  for (const percent of sizes) {
    const root = join(tmpdir(), `ppt-scale-${percent}`);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const g0 = performance.now();
    const g = generate(root, percent);
    console.log(`scale ${percent}%: ${fmtN(g.localities)} localities, ${fmtN(g.plans)} plans generated in ${((performance.now() - g0) / 1000).toFixed(1)} s → ${root}`);
    const data = await measure(NODE, [join(ROOT, "scripts", "build-data.ts")], ROOT, { PPT_ROOT: root }, timeout);
    console.log(`  data step: ${fmtS(data)} s, ${fmtMb(data)} MB, load ${data.load.toFixed(1)}${data.ok ? "" : `\n${data.tail}`}`);
    const row: Row = { percent, localities: g.localities, plans: g.plans, dataMb: dirSizeMb(join(root, "public", "data")), data };
    if (data.ok) {
      // The warm rebuild a portal does after one plan was edited: the per-plan cache serves every other plan.
      editOnePlan(root);
      row.warm = await measure(NODE, [join(ROOT, "scripts", "build-data.ts")], ROOT, { PPT_ROOT: root }, timeout, (line) => {
        const m = /; (\d+) of (\d+) plan files from the cache/.exec(line);
        if (m) row.warmHits = `${fmtN(Number(m[1]))} of ${fmtN(Number(m[2]))}`;
      });
      console.log(`  data step, warm after editing one plan: ${fmtS(row.warm)} s, ${fmtMb(row.warm)} MB, load ${row.warm.load.toFixed(1)}, ${row.warmHits ?? "?"} plans from the cache${row.warm.ok ? "" : `\n${row.warm.tail}`}`);
    }
    if (dataOnly) row.skipped = "not run (--data-only)";
    else if (percent > buildMax) row.skipped = `not run (--build-max=${buildMax})`;
    else if (!data.ok) row.skipped = "not run (data step failed)";
    else if (buildsOutOfTime !== undefined) row.skipped = `not attempted (${buildsOutOfTime}% ran out of time)`;
    else {
      scratchProject(root, skipRoutes);
      const routes = new RouteTimes();
      // The site step as `npm run build` runs it: astro and the preview cards side by side (scripts/build-site.ts).
      row.astro = await measure(NODE, [join(ROOT, "scripts", "build-site.ts")], root, { PPT_ROOT: root }, timeout, (line) => routes.add(line));
      row.routes = routes;
      if (row.astro.ok) row.site = siteWeight(join(root, "dist"));
      if (row.astro.timedOut) buildsOutOfTime = percent;
      console.log(`  astro build: ${fmtS(row.astro)} s, ${fmtMb(row.astro)} MB, load ${row.astro.load.toFixed(1)}, ${fmtN(routes.routes)} routes${row.astro.ok || row.astro.timedOut ? "" : `\n${row.astro.tail}`}`);
      console.log(`    ${routes.summary()}`);
      if (row.astro.ok) {
        // What a portal does next: one plan edited, then `npm run build` again, with .cache/ and the outputs kept.
        editOnePlan(root);
        const d = await measure(NODE, [join(ROOT, "scripts", "build-data.ts")], ROOT, { PPT_ROOT: root }, timeout);
        let restored = 0, rendered = 0;
        const s = await measure(NODE, [join(ROOT, "scripts", "build-site.ts")], root, { PPT_ROOT: root }, timeout, (line) => {
          if (/\((cached|restored)\)/.test(line)) restored++;
          else if (/├─ \/|└─ \//.test(line)) rendered++;
        });
        row.rebuild = { data: d, site: s, restored, rendered };
        console.log(`  warm rebuild, one plan edited: data ${fmtS(d)} s + site ${fmtS(s)} s, peak ${fmtMb(d)} / ${fmtMb(s)} MB, ${fmtN(restored)} pages from Astro's cache, ${fmtN(rendered)} rendered`);
      }
    }
    rows.push(row);
    if (!keep) rmSync(root, { recursive: true, force: true });
    writeSection(section, report(rows, { timeout, skipRoutes }));
  }
  const floor = floorCounts && (await astroFloor(floorCounts, timeout));
  for (const f of floor ?? []) console.log(`floor ${fmtN(f.routes)} routes: ${fmtS(f)} s, ${fmtMb(f)} MB, load ${f.load.toFixed(1)}${f.ok || f.timedOut ? "" : `\n${f.tail}`}`);
  if (floor) writeSection(section, report(rows, { timeout, skipRoutes, floor }));
  console.log(report(rows, { timeout, skipRoutes, floor }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
