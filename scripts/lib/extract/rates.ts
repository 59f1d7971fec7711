/**
 * Poverty and near-poverty rates: levels ("giảm còn 0,43%"), changes in percentage points ("mức giảm 1,11%
 * (tương ứng ... 16 hộ)"), from–to statements ("giảm từ 1,64% xuống còn 1,49%", "giảm tỷ lệ hộ nghèo là 0,25% (giảm
 * từ 0,97% xuống còn 0,72%)") and relative changes of household numbers ("giảm 35% hộ nghèo A").
 */
import {
  candidate, NUM, PCT, splitSpans, statisticDate, targetDate, yearsIn,
  type Candidate, type Context, type Doc, type Segment,
} from "./doc.ts";

/** Words between the rate's name and its figure: anything but a percentage or a clause break. */
const FILL = String.raw`(?:[^%;]{0,110}?)`;

interface RatePattern {
  id: string;
  description: string;
  confidence: number;
  re: RegExp;
  /** Turn the groups into records; `v(i)` is the printed value of group i. */
  build(v: (i: number) => string | undefined, g: RateGroup, dates: { target: string; base: string }): { section: "statistics" | "targets"; record: Record<string, string | undefined>; confidence?: number; pattern?: string; reason?: string }[];
}

interface RateGroup {
  indicator: string;
  group: string;
}

const P = `(${PCT})`;
const RATE_PATTERNS: RatePattern[] = [
  {
    id: "rate_change_from_to",
    description: 'rate change with its from–to: "giảm … là X% (giảm từ B% xuống còn T%)"',
    confidence: 0.95,
    re: new RegExp(String.raw`^${FILL}${P} ?\(giam tu ${P} xuong (?:con )?${P}`, "d"),
    build: (v, g, d) => [
      { section: "targets", record: { ...g, kind: "level", comparator: "eq", baseline_value: v(2), baseline_date: d.base, target_value: v(3), target_date: d.target, change_pp: v(1), direction: "decrease", unit: "percent" } },
      { section: "statistics", record: { ...g, date: d.base, value: v(2), unit: "percent" }, confidence: 0.85, pattern: "rate_baseline", reason: 'baseline of a from–to statement: "giảm từ B%"' },
    ],
  },
  {
    id: "rate_from_to",
    description: 'rate from–to: "giảm từ B% xuống còn T%"',
    confidence: 0.95,
    re: new RegExp(String.raw`^${FILL}(?:giam )?tu ${P} xuong (?:con )?${P}`, "d"),
    build: (v, g, d) => [
      { section: "targets", record: { ...g, kind: "level", comparator: "eq", baseline_value: v(1), baseline_date: d.base, target_value: v(2), target_date: d.target, unit: "percent" } },
      { section: "statistics", record: { ...g, date: d.base, value: v(1), unit: "percent" }, confidence: 0.85, pattern: "rate_baseline", reason: 'baseline of a from–to statement: "giảm từ B%"' },
    ],
  },
  {
    id: "rate_change_pp",
    description: 'rate change in percentage points: "mức giảm X% (tương ứng … N hộ)"',
    confidence: 0.9,
    re: new RegExp(String.raw`^${FILL}(?:thuc hien )?muc (giam|tang) ${P}(?: ?\(tuong ung[^)%]{0,90}?(${NUM}) ho\b)?`, "d"),
    build: (v, g, d) => [
      { section: "targets", record: { ...g, kind: "change_pp", comparator: "eq", target_date: d.target, change_pp: v(2), change_households: v(3), direction: v(1) === "tang" ? "increase" : "decrease", unit: "pp" } },
    ],
  },
  {
    id: "rate_level",
    description: 'rate level: "(giảm) còn X%"',
    confidence: 0.9,
    re: new RegExp(String.raw`^${FILL}(?:giam |xuong )?con (duoi |khong qua )?${P}`, "d"),
    build: (v, g, d) => [
      { section: "targets", record: { ...g, kind: "level", comparator: v(1)?.startsWith("d") ? "lt" : v(1) ? "le" : "eq", target_value: v(2), target_date: d.target, unit: "percent" } },
    ],
  },
  {
    id: "rate_change_pp",
    description: 'rate change in percentage points: "tỷ lệ hộ nghèo giảm X%"',
    confidence: 0.8,
    re: new RegExp(String.raw`^${FILL}(giam|tang) (?:them |binh quan )?${P}`, "d"),
    build: (v, g, d) => [
      { section: "targets", record: { ...g, kind: "change_pp", comparator: "eq", target_date: d.target, change_pp: v(2), direction: v(1) === "tang" ? "increase" : "decrease", unit: "pp" } },
    ],
  },
  {
    id: "rate_stated",
    description: 'rate as a fact: "tỷ lệ hộ nghèo (cuối năm …) là X%"',
    confidence: 0.8,
    re: new RegExp(String.raw`^${FILL}\b(?:la|chiem|o muc) ${P}`, "d"),
    build: (v, g, d) => [{ section: "statistics", record: { ...g, date: d.base, value: v(1), unit: "percent" } }],
  },
];

/** "giảm tỷ lệ hộ nghèo … là X%": the figure is the change, not the rate. */
const CHANGE_LA: RatePattern = {
  id: "rate_change_pp",
  description: 'rate change in percentage points: "giảm tỷ lệ hộ nghèo … là X%"',
  confidence: 0.85,
  re: RATE_PATTERNS[RATE_PATTERNS.length - 1].re,
  build: (v, g, d) => [{ section: "targets", record: { ...g, kind: "change_pp", comparator: "eq", target_date: d.target, change_pp: v(2), direction: v(1) === "tang" ? "increase" : "decrease", unit: "pp" } }],
};

/** "giảm 0,5% tỷ lệ hộ nghèo (, tương ứng 120 hộ)": the change printed before the rate's name. */
const CHANGE_BEFORE = new RegExp(String.raw`\b(giam|tang) (${PCT}) ty le (?:ho )?(can )?ngheo\b(?:[^;%]{0,40}?\btuong ung (?:voi )?(?:giam )?(${NUM}) ho\b)?`, "gd");

const NOUN = /\bty le (?:ho )?(can )?ngheo\b/g;

/** Rate levels and changes stated about "tỷ lệ hộ (cận) nghèo". */
export function extractRates(doc: Doc, ctx: Context): Candidate[] {
  const t = doc.text;
  const nouns = [...t.matchAll(NOUN)];
  interface Hit { seg: Segment; a: number; b: number; p: RatePattern; g: RateGroup; values: (string | undefined)[]; dates: { target: string; base: string } }
  const hits: Hit[] = [];
  for (const m of t.matchAll(CHANGE_BEFORE)) {
    const ix = m.indices!;
    if (doc.isClaimed(ix[2]![0])) continue;
    const seg = doc.segmentAt(m.index);
    const segText = doc.seg(seg);
    const g: RateGroup = m[3] ? { indicator: "near_poverty_rate", group: "near_poor" } : { indicator: "poverty_rate", group: "poor" };
    for (const k of [2, 4]) if (ix[k]) doc.claim(ix[k]![0]);
    hits.push({
      seg, a: m.index, b: m.index + m[0].length, g, dates: { target: targetDate(segText, ctx), base: statisticDate(segText, ctx) },
      p: {
        id: "rate_change_pp", description: 'rate change in percentage points: "giảm X% tỷ lệ hộ nghèo (tương ứng N hộ)"', confidence: 0.85, re: CHANGE_BEFORE,
        build: (v, gr, d) => [{ section: "targets", record: { ...gr, kind: "change_pp", comparator: "eq", target_date: d.target, change_pp: v(2), change_households: v(4), direction: v(1) === "tang" ? "increase" : "decrease", unit: "pp" } }],
      },
      values: [m[1], doc.value(ix[2]![0], ix[2]![1]), undefined, ix[4] ? doc.value(ix[4][0], ix[4][1]) : undefined],
    });
  }
  nouns.forEach((n, i) => {
    const seg = doc.segmentAt(n.index);
    const from = n.index + n[0].length;
    const to = Math.min(seg.b, nouns[i + 1]?.index ?? Infinity, from + 200);
    const w = t.slice(from, to);
    const segText = doc.seg(seg);
    const g: RateGroup = n[1] ? { indicator: "near_poverty_rate", group: "near_poor" } : { indicator: "poverty_rate", group: "poor" };
    const verb = /\b(giam|tang) $/.exec(t.slice(Math.max(0, n.index - 5), n.index))?.[1];
    for (let p of RATE_PATTERNS) {
      const m = p.re.exec(w);
      if (!m || !m.indices) continue;
      const spans = m.indices.slice(1).map((s) => (s ? ([from + s[0], from + s[1]] as [number, number]) : undefined));
      if (spans.some((s) => s && doc.isClaimed(s[0]))) break;
      const past = yearsIn(segText).some((y) => y < ctx.year);
      const aims = /phan dau|muc tieu|chi tieu/.test(segText);
      if (p.id === "rate_stated" && verb) {
        // "giảm tỷ lệ hộ nghèo … là X%" is a change: a target when the sentence aims at it, else an achieved
        // result, which the plan file has no place for.
        if (past || !aims) break;
        p = CHANGE_LA;
      } else if (p.id === "rate_stated" && !past && aims) break; // "tỷ lệ … là X%" is a fact only about the past or outside an aim

      for (const s of spans) if (s) doc.claim(s[0]);
      const end = from + m[0].length;
      hits.push({
        seg, a: n.index, b: t[end] === ")" ? end + 1 : end, p, g,
        values: p === CHANGE_LA ? [verb, ...spans.map((s) => (s ? doc.value(s[0], s[1]) : undefined))] : spans.map((s) => (s && /\d/.test(t.slice(s[0], s[1])) ? doc.value(s[0], s[1]) : s ? t.slice(s[0], s[1]) : undefined)),
        dates: { target: targetDate(segText, ctx), base: statisticDate(segText, ctx) },
      });
      break;
    }
  });
  return hits.flatMap((h) => {
    const same = hits.filter((x) => x.seg.a === h.seg.a);
    const span = splitSpans(h.seg, same)[same.indexOf(h)];
    return h.p.build((k) => h.values[k - 1], h.g, h.dates).flatMap((r) => {
      const c = candidate(doc, r.section, r.record, span, h.a, {
        pattern: r.pattern ?? h.p.id, reason: r.reason ?? h.p.description, confidence: r.confidence ?? h.p.confidence, matchSpan: [h.a, h.b],
      });
      return c ? [c] : [];
    });
  });
}

const RELATIVE = new RegExp(String.raw`\b(giam|tang) (${PCT}) (?:so )?ho (can )?ngheo( a\b)?(?: (?:cuoi|het) nam (\d{4}))?`, "gd");

/** Relative changes of household numbers: "giảm 35% hộ nghèo A", "giảm 35% hộ cận nghèo cuối năm 2023". */
export function extractRelative(doc: Doc, ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const m of doc.text.matchAll(RELATIVE)) {
    const [pa, pb] = m.indices![2]!;
    if (doc.isClaimed(pa)) continue;
    doc.claim(pa);
    const seg = doc.segmentAt(m.index);
    const near = !!m[3];
    const group = m[4] ? "poor_a" : near ? "near_poor" : "poor";
    // "giảm 35% hộ cận nghèo cuối năm 2023": a year before the plan's names the baseline, not the target.
    const baseYear = m[5] && Number(m[5]) < ctx.year ? Number(m[5]) : undefined;
    const record = {
      indicator: near ? "near_poor_households" : "poor_households", group, kind: "change_relative", comparator: "eq",
      baseline_date: baseYear ? `${baseYear}-12-31` : undefined,
      target_date: targetDate(baseYear ? doc.seg(seg).replace(`nam ${baseYear}`, "") : doc.seg(seg), ctx),
      change_relative_pct: doc.value(pa, pb), direction: m[1] === "giam" ? "decrease" : "increase", unit: "percent",
    };
    const c = candidate(doc, "targets", record, [seg.a, seg.b], m.index, {
      pattern: "change_relative", reason: `relative change of households: "${m[1] === "giam" ? "giảm" : "tăng"} X% hộ ${near ? "cận " : ""}nghèo"`, confidence: group === "poor_a" ? 0.8 : 0.85, matchSpan: [m.index, m.index + m[0].length],
    });
    if (c) out.push(c);
  }
  return out;
}
