/**
 * Budgets in million đồng: "Tổng nhu cầu vốn thực hiện: dự kiến 383 triệu đồng" is the plan's budget (a target);
 * an amount after "trong đó" ("(trong đó: Ngân sách tỉnh hỗ trợ 383 triệu đồng)") says where part of it comes from
 * (a statistic at the issue date, not to be added). Amounts in "tỷ đồng" would need converting, so they are only
 * listed for the reviewer: the extractor never computes a figure.
 */
import { candidate, NUM, splitSpans, targetDate, type Candidate, type Context, type Doc, type Skipped } from "./doc.ts";

const AMOUNT = new RegExp(String.raw`(${NUM}) (trieu|ty) (?:dong|vnd)\b`, "gd");

/** Budget figures in million đồng. */
export function extractBudget(doc: Doc, ctx: Context, skipped: Skipped[]): Candidate[] {
  const t = doc.text;
  const hits = [...t.matchAll(AMOUNT)].filter((m) => !doc.isClaimed(m.indices![1]![0]));
  const out: Candidate[] = [];
  for (const m of hits) {
    const [a, b] = m.indices![1]!;
    if (m[2] === "ty") {
      skipped.push({ line: doc.line(a), value: doc.value(m.index, m.index + m[0].length), why: "amount in tỷ đồng (the data uses million đồng; convert by hand)" });
      continue;
    }
    doc.claim(a);
    const seg = doc.segmentAt(m.index);
    const same = hits.filter((h) => h[2] === "trieu" && doc.segmentAt(h.index).a === seg.a).map((h) => ({ a: h.index, b: h.index + h[0].length }));
    const k = same.findIndex((s) => s.a === m.index);
    const span = splitSpans(seg, same)[k];
    // "trong đó" between the previous amount (or the clause start) and this one marks a share of the total.
    const share = /\btrong do\b/.test(t.slice(k > 0 ? same[k - 1].b : seg.a, m.index));
    const value = doc.value(a, b);
    const c = share
      ? candidate(doc, "statistics", { indicator: "budget", group: "all", date: ctx.issued ?? `${ctx.year}-01-01`, value, unit: "vnd_million" }, span, m.index, {
        pattern: "budget_share", reason: `share of the budget after "trong đó" (dated at the ${ctx.issued ? "issue date" : "start of the plan year: CHECK"})`, confidence: 0.8, matchSpan: [m.index, m.index + m[0].length],
      })
      : candidate(doc, "targets", { indicator: "budget", group: "all", kind: "budget", comparator: "eq", target_value: value, target_date: targetDate(doc.seg(seg), ctx), unit: "vnd_million" }, span, m.index, {
        pattern: "budget", reason: 'budget "N triệu đồng"', confidence: 0.85, matchSpan: [m.index, m.index + m[0].length],
      });
    if (c) out.push(c);
  }
  return out;
}
