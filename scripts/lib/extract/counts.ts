/**
 * Household and person counts ("17 hộ nghèo với 29 nhân khẩu, chiếm tỷ lệ 0,57%", "Hộ cận nghèo có 44 hộ …",
 * "Hộ nghèo có khả năng thoát nghèo: 04 hộ", "không tính 31 hộ nghèo có thành viên … người có công") and output
 * counts the plan aims for: houses, poverty-reduction models, workers matched with jobs.
 */
import {
  candidate, comparatorBefore, groupOf, NUM, PCT, statisticDate, targetDate,
  type Candidate, type Context, type Doc,
} from "./doc.ts";

const N = `(${NUM})`;

/** Labelled counts: "<label>: N hộ". */
const LABELLED: { re: RegExp; indicator: string; group: string; what: string }[] = [
  { re: new RegExp(String.raw`\bho ngheo thuoc (?:dien )?bao tro xa hoi[^:;.]{0,80}: ${N} ho\b`, "gd"), indicator: "poor_social_protection_households", group: "poor", what: '"Hộ nghèo thuộc diện bảo trợ xã hội …: N hộ"' },
  { re: new RegExp(String.raw`\bho ngheo (?:co )?kha nang thoat ngheo: ${N} ho\b`, "gd"), indicator: "poor_exit_capable_households", group: "poor", what: '"Hộ nghèo có khả năng thoát nghèo: N hộ"' },
  { re: new RegExp(String.raw`\bho can ngheo (?:co )?kha nang thoat (?:can )?ngheo: ${N} ho\b`, "gd"), indicator: "near_poor_exit_capable_households", group: "near_poor", what: '"Hộ cận nghèo có khả năng thoát cận nghèo: N hộ"' },
];

const MERITORIOUS = new RegExp(String.raw`\bkhong tinh ${N} ho ngheo co thanh vien[^)]{0,80}?(?:nguoi co cong|uu dai)`, "gd");
// "N hộ (cận) nghèo [với M nhân khẩu]" and "hộ (cận) nghèo có N hộ [với M nhân khẩu]".
const GROUP_COUNT = new RegExp(String.raw`(?:\bho (can )?ngheo (?:co|la|con) ${N} ho|${N} ho (can )?ngheo)(?: (?:voi|gom) ${N} nhan kh[a-z]{1,3}u)?`, "gd");
const RATE_AFTER = new RegExp(String.raw`^\s*(?:\([^)]*\)\s*)?[^;%()]{0,60}?\bchiem (?:ty le )?(${PCT})`, "d");

/** Labelled subsets of the poor ("Hộ nghèo có khả năng thoát nghèo: 04 hộ"), read before the general reading. */
export function extractLabelledCounts(doc: Doc, ctx: Context): Candidate[] {
  return counts(doc, ctx, false);
}

/** Statistics: counts of poor and near-poor households and persons, with the rate printed beside them. */
export function extractCounts(doc: Doc, ctx: Context): Candidate[] {
  return counts(doc, ctx, true);
}

function counts(doc: Doc, ctx: Context, groups: boolean): Candidate[] {
  const t = doc.text;
  const out: Candidate[] = [];
  const push = (c: Candidate | undefined) => c && out.push(c);

  for (const l of LABELLED) {
    for (const m of t.matchAll(l.re)) {
      const [a, b] = m.indices![1]!;
      if (doc.isClaimed(a)) continue;
      doc.claim(a);
      const seg = doc.segmentAt(m.index);
      push(candidate(doc, "statistics", { indicator: l.indicator, group: l.group, date: statisticDate(doc.seg(seg), ctx), value: doc.value(a, b), unit: "households" },
        [m.index, b], m.index, { pattern: "count_labelled", reason: `labelled count ${l.what}`, confidence: 0.9 }));
    }
  }

  for (const m of t.matchAll(MERITORIOUS)) {
    const [a, b] = m.indices![1]!;
    if (doc.isClaimed(a)) continue;
    doc.claim(a);
    const seg = doc.segmentAt(m.index);
    push(candidate(doc, "statistics", { indicator: "poor_households_meritorious_excluded", group: "poor", date: statisticDate(doc.seg(seg), ctx), value: doc.value(a, b), unit: "households" },
      [seg.a, seg.b], m.index, { pattern: "count_meritorious_excluded", reason: '"không tính N hộ nghèo có thành viên … người có công"', confidence: 0.85 }));
  }

  if (groups) for (const m of t.matchAll(GROUP_COUNT)) {
    const ix = m.indices!;
    const countSpan = ix[2] ?? ix[3];
    const near = !!(m[1] ?? m[4]);
    if (!countSpan || doc.isClaimed(countSpan[0])) continue;
    const seg = doc.segmentAt(m.index);
    const before = t.slice(seg.a, m.index);
    // A fact reads "… có N hộ nghèo", "còn N hộ nghèo" or starts its clause; "giảm N hộ nghèo", "hỗ trợ N hộ
    // nghèo" are something else.
    const fact = ix[2] !== undefined || /(?:\bco|\bla|\bgom|\bcon|:)\s*$/.test(before) || before.trim() === "";
    if (!fact) continue;
    doc.claim(countSpan[0]);
    const segText = doc.seg(seg);
    const date = statisticDate(segText, ctx);
    const group = near ? "near_poor" : "poor";
    const end = m.index + m[0].length;
    const rate = RATE_AFTER.exec(t.slice(end, seg.b));
    const rateSpan = rate?.indices?.[1] ? [end + rate.indices[1][0], end + rate.indices[1][1]] as [number, number] : undefined;
    const last = rateSpan ? rateSpan[1] : end;
    const quoteSpan: [number, number] = [seg.a, seg.b];
    const how = (what: string, confidence: number) => ({ pattern: "count_group", reason: what, confidence, matchSpan: [m.index, last] as [number, number] });
    push(candidate(doc, "statistics", { indicator: near ? "near_poor_households" : "poor_households", group, date, value: doc.value(countSpan[0], countSpan[1]), unit: "households" },
      quoteSpan, m.index, how(`household count "N hộ ${near ? "cận " : ""}nghèo"`, 0.9)));
    if (ix[5]) {
      doc.claim(ix[5][0]);
      push(candidate(doc, "statistics", { indicator: near ? "near_poor_persons" : "poor_persons", group, date, value: doc.value(ix[5][0], ix[5][1]), unit: "persons" },
        quoteSpan, m.index, how('person count "với M nhân khẩu"', 0.9)));
    }
    if (rateSpan && !doc.isClaimed(rateSpan[0])) {
      doc.claim(rateSpan[0]);
      push(candidate(doc, "statistics", { indicator: near ? "near_poverty_rate" : "poverty_rate", group, date, value: doc.value(rateSpan[0], rateSpan[1]), unit: "percent" },
        quoteSpan, m.index, how('rate beside the count: "chiếm (tỷ lệ) X%"', 0.9)));
    }
  }
  return out;
}

/** Output counts the plan aims for: "N căn nhà", "N mô hình", "N người lao động … kết nối việc làm". */
const OUTPUTS: { re: RegExp; indicator: string; unit: string; what: string }[] = [
  { re: new RegExp(String.raw`${N} (?:can nha|ngoi nha|nha o|nha dai doan ket|nha tinh thuong)\b`, "gd"), indicator: "houses_built", unit: "houses", what: '"N căn nhà"' },
  { re: new RegExp(String.raw`${N} mo hinh\b`, "gd"), indicator: "poverty_models", unit: "models", what: '"N mô hình"' },
  { re: new RegExp(String.raw`${N} (?:nguoi )?lao dong\b(?=[^;%]{0,160}?ket noi viec lam)`, "gd"), indicator: "job_links", unit: "workers", what: '"N người lao động … kết nối việc làm"' },
];

/** Houses, models and job links the plan aims for. */
export function extractOutputs(doc: Doc, ctx: Context): Candidate[] {
  const t = doc.text;
  const out: Candidate[] = [];
  for (const o of OUTPUTS) {
    for (const m of t.matchAll(o.re)) {
      const [a, b] = m.indices![1]!;
      if (doc.isClaimed(a)) continue;
      const seg = doc.segmentAt(m.index);
      const after = t.slice(b, seg.b);
      // The group is named after the figure ("cho hộ nghèo", "người lao động thuộc hộ nghèo, …").
      const group = groupOf(after) ?? (o.indicator === "poverty_models" ? undefined : groupOf(t.slice(seg.a, seg.b)));
      if (!group) continue;
      doc.claim(a);
      const c = candidate(doc, "targets", {
        indicator: o.indicator, group, kind: "count", comparator: comparatorBefore(t.slice(seg.a, a)),
        target_value: doc.value(a, b), target_date: targetDate(doc.seg(seg), ctx), unit: o.unit,
      }, [seg.a, seg.b], m.index, { pattern: `count_${o.indicator}`, reason: `output count ${o.what}`, confidence: 0.85, matchSpan: [m.index, m.index + m[0].length] });
      if (c) out.push(c);
    }
  }
  return out;
}
