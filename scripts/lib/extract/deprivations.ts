/**
 * Deprivation lines of the 2022–2025 standard: "Thiếu hụt chỉ số việc làm: 03 hộ, tỷ lệ 58,8%". The group (poor or
 * near-poor) comes from the heading above the list ("… thiếu hụt … của hộ cận nghèo:").
 */
import { candidate, NUM, PCT, statisticDate, type Candidate, type Context, type Doc } from "./doc.ts";

/** The 12 indicators by the words the plans use for them (folded), most specific first. */
const INDICATORS: [RegExp, string][] = [
  [/viec lam/, "employment"],
  [/nguoi phu thuoc/, "dependants"],
  [/dinh duong/, "nutrition"],
  [/bao hiem y te/, "health_insurance"],
  [/giao duc cua nguoi lon|trinh do giao duc/, "adult_education"],
  [/di hoc|tre em/, "child_school_attendance"],
  [/chat luong nha o/, "housing_quality"],
  [/dien tich nha o/, "housing_area"],
  [/nguon nuoc|nuoc sinh hoat/, "water_source"],
  [/nha tieu|ve sinh/, "sanitation"],
  [/vien thong/, "telecom_use"],
  [/tiep can thong tin|phuong tien/, "information_access_means"],
];

const LINE = new RegExp(String.raw`\bthieu hut (?:chi so |chieu )?([^:;%\d]{3,80}?)\s?: (${NUM}) ho\b,? (?:ty le |chiem )?(${PCT})`, "gd");
const HEADING = /\bthieu hut[^:;]{0,160}?\bcua (?:cac )?ho (can )?ngheo\s*:/g;

/** Deprivation lines, each with the household count and the printed share. */
export function extractDeprivations(doc: Doc, ctx: Context): Candidate[] {
  const t = doc.text;
  const headings = [...t.matchAll(HEADING)];
  const out: Candidate[] = [];
  for (const m of t.matchAll(LINE)) {
    const name = m[1].trim();
    const indicator = INDICATORS.find(([re]) => re.test(name))?.[1];
    const heading = headings.filter((h) => h.index < m.index).pop();
    const [ha, hb] = m.indices![2]!, [pa, pb] = m.indices![3]!;
    if (!indicator || doc.isClaimed(ha)) continue;
    doc.claim(ha);
    doc.claim(pa);
    const group = heading?.[1] ? "near_poor" : "poor";
    const end = m.index + m[0].length;
    const stop = /^\s?[;.]/.exec(t.slice(end))?.[0].length ?? 0;
    const c = candidate(doc, "deprivations", {
      group, date: statisticDate(heading ? doc.seg(doc.segmentAt(heading.index)) : "", ctx), indicator,
      households: doc.value(ha, hb), stated_pct: doc.value(pa, pb),
    }, [m.index, end + stop], m.index, {
      pattern: "deprivation_line",
      reason: `deprivation line "Thiếu hụt chỉ số …: N hộ, tỷ lệ X%"; group from ${heading ? `the heading on line ${doc.line(heading.index)}` : "no heading (guessed poor: CHECK)"}`,
      confidence: heading ? 0.95 : 0.7,
    });
    if (c) out.push(c);
  }
  return out;
}
