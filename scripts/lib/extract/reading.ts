/**
 * The reading of headline figures (rates, counts and changes of poor, near-poor and all households) that does not
 * depend on one document's wording: each sentence is cut into its numbers, and each number is tied to its unit, the
 * population label it belongs to (before it, or after it: "45 hộ nghèo"), the time expression that dates it and the
 * modality that says whether it is an aim or an account of what happened, read from the number's own clause, then the
 * sentence, the section heading and the document's type. The result is a record (a statistic at a date, a target at
 * a date, a past change) or a reason to leave the number out.
 */
import { fold } from "./text.ts";
import { candidate, yearEnd, type Candidate, type Doc, type Segment, type Skipped } from "./doc.ts";
import {
  AIM_WORDS, MINORITY, RURAL, URBAN, labelsIn, numbersIn, RESULT_WORDS, sectionKind, timesIn,
  type DocType, type Label, type NumberToken, type TimeExpr,
} from "./grammar.ts";

/** What the reading needs to know about the document. */
export interface ReadingContext {
  docType: DocType;
  /** The year the document's aims are for (a plan's year, a resolution's year). */
  aimYear: number;
  /** The year its results describe (the review year of a decision, the year a report covers). */
  resultYear: number;
  /** An as-of date the document gives its review figures ("số liệu tính đến ngày 14/11/2023"), if any. */
  asOf?: string;
  /** End of the period the document covers ("giai đoạn 2021 - 2025" in its title): the date of a per-year aim. */
  periodEnd?: string;
  /** Folded key of the document's own locality name, so "xã Hòa Thịnh" in its own text is not a sub-unit. */
  localityKey?: string;
}

/** A section of the document: where it starts (folded offset), what its heading says and the year it names. */
interface Section {
  a: number;
  kind?: "aim" | "result";
  year?: number;
  heading: string;
}

const ROMAN = /^\s*(?:[ivxl]+|[IVXL]+)\s*[.)/]\s*/;
const ARTICLE = /^\s*(?:dieu|điều|Điều|ĐIỀU) \d+\s*[.:]/;
const SUBHEAD = /^\s*(?:\d+(?:\.\d+)*|[a-zđ])[.)]\s+/;

/** Section headings: Roman-numbered, "Điều N.", capitals-only lines, and short numbered lines that name a section. */
export function sectionsOf(doc: Doc): Section[] {
  const out: Section[] = [{ a: 0, heading: "" }];
  let pos = 0;
  for (const raw of doc.original.split("\n")) {
    const start = pos;
    pos += raw.length + 1;
    const line = raw.replace(/[*#_]/g, "").trim();
    if (!line) continue;
    const a = doc.foldedAt(start);
    const f = doc.text.slice(a, doc.foldedAt(start + raw.length));
    const caps = line.length >= 6 && !/\p{Ll}/u.test(line) && /\p{Lu}{3,}/u.test(line);
    const roman = ROMAN.test(line) && line.length < 160;
    const article = ARTICLE.test(line);
    const sub = SUBHEAD.test(line) && line.length < 90 && !/%|\d+ ?ho\b/.test(f);
    if (!roman && !article && !caps && !sub) continue;
    const heading = f.replace(/^\s*(?:[ivxl]+[.)]|dieu \d+[.:]|\d+(?:\.\d+)*[.)]|[a-z][.)])\s*/, "");
    // A long heading line carries its text after a colon ("Điều 1. Tán thành đánh giá kết quả năm 2023: 15/16 chỉ tiêu …").
    const head = heading.length > 80 ? heading.split(/[:;]/)[0] : heading;
    let kind = sectionKind(head);
    const parent = out[out.length - 1];
    // "1. Về chỉ tiêu giảm nghèo" under "KẾT QUẢ ĐẠT ĐƯỢC" is a topic of the account, not an aim.
    if (sub && !roman && !article && parent.kind === "result" && kind === "aim" && !/\b(?:muc tieu|phuong huong|nhiem vu|ke hoach)\b/.test(head)) kind = "result";
    const years = timesIn(head).filter((x) => !x.comparison && x.kind !== "period");
    const year = years.length ? years[years.length - 1].year : undefined;
    // A sub-heading without a section word keeps the section it is in ("1. Về kinh tế" under "Chỉ tiêu").
    if (sub && !roman && !article && !caps && !kind) continue;
    // A capitals line inside the header block (the issuer, "CỘNG HÒA …") is no section.
    if (caps && !roman && !kind && !year) continue;
    out.push({ a, kind: kind ?? (roman || article ? undefined : parent.kind), year: year ?? (kind ? undefined : parent.year), heading: head });
  }
  return out;
}

/** Key of a place name for comparison (folded letters only). */
const placeKey = (s: string) => s.replace(/[^a-z]/g, "");

const UNIT_WORDS = "thon|xa|huyen|phuong|thi tran|thi xa|thanh pho|ban|ap|to dan pho|khu pho|to|xom|buon|quan|tinh";
const SUB_UNIT = new RegExp(String.raw`\b(${UNIT_WORDS}) ((?:[a-z]+ ?){1,4}?)(?=\s*(?::|co\b|con\b|giam\b|tang\b|phan dau\b|dat\b|ty le\b|ho\b|\d|,|\(|$))`, "g");

/** What one number was read as. */
export interface Reading {
  n: NumberToken;
  record?: "statistic" | "target" | "past_change";
  indicator?: string;
  group?: string;
  kind?: "level" | "change_pp" | "change_relative" | "count";
  date?: string;
  comparator?: string;
  subUnit?: string;
  /** Why it is left out (or kept apart), when it is. */
  why?: string;
  /** A figure kept in the draft but apart from the locality's headline records (combined, urban/rural). */
  apart?: "combined" | "urban" | "rural" | "sub_population";
  seg: Segment;
  how: string;
  /** "(tương ứng giảm 16 hộ)": the households a rate change stands for, kept on the rate's record. */
  households?: Reading;
  /** "giảm … là 0,25% (giảm từ 0,97% xuống còn 0,72%)": the change and the start folded into the level target. */
  change?: Reading;
  baseline?: Reading;
  /** Folded into another record. */
  merged?: boolean;
}

/**
 * One statement printed as several numbers is one record: the households a change "tương ứng" to, and the change
 * and start of a from–to in brackets after it.
 */
export function mergeReadings(doc: Doc, readings: Reading[]): Reading[] {
  const t = doc.text;
  for (let i = 1; i < readings.length; i++) {
    const r = readings[i];
    if (r.n.unit !== "households" || r.merged) continue;
    // The change it stands for: the nearest earlier change of the same population in the sentence
    // ("giảm 0,4% tỷ lệ hộ nghèo và 0,25% tỷ lệ hộ cận nghèo (tương đương giảm 16 hộ nghèo và 10 hộ cận nghèo)").
    const near = (r.indicator ?? "").startsWith("near_");
    for (let j = i - 1; j >= 0; j--) {
      const p = readings[j];
      if (p.seg !== r.seg) break;
      if (p.merged || p.households || !(p.record === "target" || p.record === "past_change") || p.kind === "count" || p.n.unit === "households") continue;
      if ((p.indicator ?? "").startsWith("near_") !== near && r.indicator) continue;
      const between = t.slice(p.n.b, r.n.na);
      if (/\b(?:tuong (?:ung|duong)|khoang)\b/.test(between) && !/[;]/.test(between)) {
        p.households = r;
        r.merged = true;
      }
      break;
    }
  }
  for (let i = 0; i + 2 < readings.length; i++) {
    const [c, b, l] = [readings[i], readings[i + 1], readings[i + 2]];
    if (c.seg !== l.seg || c.merged || b.merged || l.merged) continue;
    if (c.record === "target" && c.kind === "change_pp" && b.how.includes("(from)") && l.record === "target" && l.kind === "level" && l.indicator === c.indicator && /^\s*\(?\s*(?:giam )?tu\s*$/.test(t.slice(c.n.b, b.n.na))) {
      l.change = c;
      l.baseline = b;
      c.merged = true;
    }
  }
  return readings;
}

const POP_GROUP: Record<string, string> = { poor: "poor", near_poor: "near_poor", total: "all" };

/** Read every number of every sentence. */
export function readDocument(doc: Doc, ctx: ReadingContext): Reading[] {
  const t = doc.text;
  const sections = sectionsOf(doc);
  const sectionAt = (k: number) => sections.filter((s) => s.a <= k).pop()!;
  const out: Reading[] = [];
  let carried: TimeExpr[] = [];
  // "d) Chỉ tiêu giảm tỷ lệ hộ nghèo giao cho các huyện:" names the figure of the list items below it.
  let listLabel: Label | undefined;
  for (const seg of doc.segments) {
    const st = t.slice(seg.a, seg.b);
    const nums = numbersIn(st).map((n) => shift(n, seg.a));
    const labels = labelsIn(st).map((l) => ({ ...l, a: l.a + seg.a, b: l.b + seg.a }));
    const segLineStart = doc.original.lastIndexOf("\n", doc.f.start[seg.a] - 1) + 1;
    const bullet = /^\s*[-+•]/.test(doc.original.slice(segLineStart, doc.f.start[seg.a] + 1));
    const inherited = bullet && !labels.length ? listLabel : undefined;
    if (inherited) labels.unshift({ ...inherited, a: seg.a, b: seg.a, inherited: true });
    if (/:$/.test(st) && labels.length) listLabel = labels[labels.length - 1];
    else if (!bullet) listLabel = undefined;
    const times: TimeExpr[] = timesIn(st).map((x) => ({ ...x, a: x.a + seg.a, b: x.b + seg.a }));
    const inTime = (n: NumberToken) => times.some((x) => x.a <= n.na && n.nb <= x.b);
    // A sub-unit named at the start of a line applies to the whole line ("- Thôn Đông: hiện có 9 hộ nghèo; giảm 3 hộ").
    const lineA = doc.foldedAt(doc.original.lastIndexOf("\n", doc.f.start[seg.a] - 1) + 1);
    const lineText = t.slice(lineA, seg.b).replace(/^[\s\-+*•]+/, "");
    const leadM = new RegExp(String.raw`^(?:${UNIT_WORDS}) ((?:[a-z]+ ?){1,4}?) ?:`).exec(lineText);
    const lead = leadM ? { 0: leadM[0], at: lineA + (t.slice(lineA, seg.b).length - lineText.length) } : undefined;
    // A time named in the first clause of a sentence ("Đầu giai đoạn (cuối năm 2021), … ; 18.907 hộ cận nghèo")
    // dates the clauses after it.
    const prevSeg = doc.segments[doc.segments.indexOf(seg) - 1];
    if (!times.some((x) => !x.comparison) && prevSeg && t[prevSeg.b - 1] === ";" && carried.length) times.push(...carried.map((x) => ({ ...x, a: seg.a, b: seg.a })));
    carried = times.filter((x) => !x.comparison && x.kind !== "period");
    let prev: { n: NumberToken; verb?: "change" | "level" | "from"; pop?: Label } | undefined;
    for (const n of nums) {
      if (n.partOfCode || inTime(n) || doc.isClaimed(n.na)) continue;
      const r = readNumber(doc, ctx, seg, n, { labels, times, nums, prev, lead: lead ? { name: lead[0], a: lead.at } : undefined, section: sectionAt(n.a) });
      if (!r) continue;
      out.push(r);
      prev = { n, verb: r.kind ? (r.kind === "level" ? (r.how.includes("from") ? "from" : "level") : "change") : prev?.verb, pop: r.indicator ? labelOf(labels, n, t) ?? prev?.pop : prev?.pop };
    }
  }
  return out;
}

function shift(n: NumberToken, d: number): NumberToken {
  return { ...n, a: n.a + d, b: n.b + d, na: n.na + d, nb: n.nb + d, high: n.high && { ...n.high, na: n.high.na + d, nb: n.high.nb + d } };
}

/** The label right after a number ("45 hộ nghèo", "0,4% tỷ lệ hộ nghèo"), else the last one before it. */
function labelOf(labels: Label[], n: NumberToken, t: string): Label | undefined {
  const after = labels.find((l) => l.a >= n.nb && l.a <= n.b + 2 && /^[ %a-z]*$/.test(t.slice(n.nb, l.a)));
  // "chiếm 3,18% tổng số hộ": the households after a share are its denominator, not its population.
  if (after && !(after.population === "total" && (n.unit === "percent" || n.unit === "pp"))) return after;
  return labels.filter((l) => l.b <= n.na).pop();
}

interface Around {
  labels: Label[];
  times: TimeExpr[];
  nums: NumberToken[];
  prev?: { n: NumberToken; verb?: "change" | "level" | "from"; pop?: Label };
  lead?: { name: string; a: number };
  section: Section;
}

function readNumber(doc: Doc, ctx: ReadingContext, seg: Segment, n: NumberToken, around: Around): Reading | undefined {
  const t = doc.text;
  const base = { n, seg };
  const leave = (why: string, how = "left out"): Reading => ({ ...base, why, how });
  if (/\bthu nhap\b/.test(t.slice(Math.max(seg.a, n.na - 60), n.na))) return leave("income");
  if (n.unit === "money") return undefined; // budget.ts reads amounts
  if (n.unit === "other") return undefined; // houses, models, turns: counts.ts reads the outputs it knows
  const idx = around.nums.indexOf(n);
  const prevNum = around.nums[idx - 1];
  const nextNum = around.nums[idx + 1];
  const from = Math.max(seg.a, prevNum ? prevNum.b : seg.a);
  const pre = t.slice(from, n.na);
  const post = t.slice(n.b, nextNum ? nextNum.na : seg.b);
  const sentenceBefore = t.slice(seg.a, n.na);

  // Numbers that are never figures of poverty: an achievement percent, income, insurance, a threshold.
  if (n.unit === "percent" && /^ ?(?:chi tieu|ke hoach|muc tieu|so voi (?:ke hoach|chi tieu|muc tieu)|nhiem vu)/.test(post)) return leave("achievement percent: share of a target or plan met");
  if (/\bthu nhap\b/.test(pre)) return leave("income");
  if (/\bbao hiem y te\b|\bbhyt\b/.test(pre + post.slice(0, 40)) && !/ty le (?:ho )?(?:can )?ngheo/.test(pre)) return undefined; // coverage.ts
  if (/\b(?:tren|duoi|hon|vuot) $/.test(pre) && /\bcac (?:xa|huyen|thon)\b|\bxa co\b|\bhuyen co\b|\buu tien\b/.test(sentenceBefore)) return leave("threshold: a rate that selects places, not a figure of one");

  // "835 hộ thoát nghèo", "96 hộ nghèo mới", "12 hộ tái nghèo": a flow printed after its number.
  if (n.unit === "households" && /^ ?(?:(?:ngheo|can ngheo) )?(?:thoat|tai ngheo|phat sinh|moi phat sinh|chuyen|ngheo moi|dang ky thoat)\b|^ ?ngheo moi\b/.test(t.slice(n.b, n.b + 25))) return leave("flow: households that changed status");
  const label = labelOf(around.labels, n, t);
  const afterLabel = label && label.a >= n.nb;
  const local = t.slice(Math.max(from, label && !afterLabel ? label.b : from), n.na);

  // Population.
  let pop = label?.population;
  let aside = label?.aside;
  if (label && !afterLabel) {
    // Words between the label and the number can still make the figure a part or a flow ("Trong đó: khu vực thành thị 1.287 hộ").
    for (const [re, why] of ASIDE_LOCAL) if (re.test(local)) { aside = why; break; }
  }
  // "toàn xã có 2.345 hộ": households after "có" with no population of their own in the clause are all households.
  const labelNear = label && !afterLabel && !/[,;]/.test(t.slice(label.b, n.na));
  if (!label || (!afterLabel && !labelNear && n.unit === "households" && /\b(?:co|gom|tong so|tren tong so|trong tong so|tong cong) $/.test(pre) && !/^ ?(?:ngheo|can ngheo)\b/.test(t.slice(n.b, n.b + 12)))) {
    if (n.unit === "households" && /\b(?:co|tong so|tren tong so|trong tong so|tong so ho|tong cong)\s*(?:la\s*)?:?\s*$/.test(pre)) {
      pop = "total";
      aside = undefined;
    }
  }
  // No population: a coverage, an output or nothing the families know; the families after the reading try it, and
  // the left-out list gets it if none does.
  if (!pop) return undefined;
  // "trong đó …" lists without a population of their own, and flows named between label and number.
  if (/\btrong do\b[^;]*$/.test(sentenceBefore) && /\b(?:thoat|phat sinh|chuyen|tai ngheo)\b/.test(local)) aside = "flow: households that changed status during the year";

  // Unit → measure.
  let indicator: string | undefined, group = POP_GROUP[pop];
  if (pop === "poor" && label && /^ a\b/.test(t.slice(label.b, label.b + 3))) group = "poor_a";
  const isPct = n.unit === "percent" || n.unit === "pp";
  if (pop === "combined") indicator = "poverty_rate";
  else if (isPct) {
    if (pop === "total") return leave("other indicator: a share of all households");
    indicator = pop === "near_poor" ? "near_poverty_rate" : "poverty_rate";
  } else if (n.unit === "households") indicator = pop === "total" ? "total_households" : pop === "near_poor" ? "near_poor_households" : "poor_households";
  else if (n.unit === "persons") {
    if (pop === "total") return leave("population: persons of all households");
    indicator = pop === "near_poor" ? "near_poor_persons" : "poor_persons";
  } else return leave("no unit: a bare number beside a poverty label");

  // Level or change: the verb closest before the number in its own clause, else the one the previous number used.
  const verbText = t.slice(Math.max(seg.a, n.na - 60), n.na).split(/[;()]/).pop() ?? "";
  const v = lastVerb(verbText);
  let verb: "change" | "level" | "from" | undefined = v?.verb;
  // "giảm từ 1,5 - 2%": a range of a change, not the start of a from–to.
  if (verb === "from" && n.high) verb = "change";
  // "giảm tỷ lệ hộ nghèo là 0,25%": the verb before the label makes the figure a change.
  if (verb === "level" && label && !afterLabel && label.rate && /\b(?:giam|tang)\s*$/.test(t.slice(Math.max(seg.a, label.a - 8), label.a)) && /^\s*(?:[a-z ]{0,40}?\b)?(?:la|o muc)\s*$/.test(t.slice(label.b, n.na))) verb = "change";
  if (!verb && around.prev && prevNum && around.prev.n === prevNum && /^(?:[ ,]*(?:va|,)\s|[^a-z]*$|\s*(?:(?:ty le )?(?:so )?(?:ho )?(?:can )?ngheo)?\s*(?:va|,)\s*$)/.test(t.slice(prevNum.b, n.na))) verb = around.prev.verb;
  // "đạt 103% chỉ tiêu kế hoạch (0,3%)": a benchmark printed alone measures the change its sentence reports.
  if (!verb && /\((?:[a-z ]{0,20})$/.test(pre) && /\b(?:chi tieu|muc tieu|ke hoach)\b/.test(t.slice(Math.max(seg.a, n.na - 60), n.na)) && /\b(?:giam|tang)\b/.test(sentenceBefore)) verb = "change";
  // "giảm 30% số hộ nghèo": a percent of a count; "100% hộ nghèo được …" is a coverage (coverage.ts).
  const relative = n.unit === "percent" && verb === "change" && afterLabel && !label!.rate;
  if (n.unit === "percent" && afterLabel && !label!.rate && !relative) return undefined;
  // A percent under a population named before it is its rate only through a share word ("hộ nghèo 45 hộ, chiếm
  // 1,92%", "Hộ nghèo: 97 hộ, tỷ lệ 3,04%", "tỷ lệ 4,2% với 3.418 hộ"); "trẻ em thuộc hộ nghèo … đạt 96%" is a coverage.
  if (isPct && label && !afterLabel && !label.rate && !/\b(?:chiem|ty le|muc)\b|:\s*$/.test(local) && !(prevNum && prevNum.unit === "households" && /^[\s,(]*(?:(?:can )?ngheo)?[\s,(]*$/.test(t.slice(prevNum.b, n.na)))) return undefined;
  if (n.unit === "households" && afterLabel && verb !== "change" && /\b(?:cho(?! biet| hay| thay)|ho tro|giup do|cap|vay|xay dung|sua chua|tham gia|dao tao|tu van|ket noi|ban giao|tang)\b[^,;:]*$/.test(pre)) return leave("programme output: households a programme reached");
  const decrease = v ? v.decrease : /\bgiam\b/.test(verbText);

  // Sub-unit: named at the start of the line, or just before the figure in its clause ("xã Đắk Rông Hạ có tỷ lệ …").
  let subUnit: string | undefined;
  const clauseStart = Math.max(seg.a, t.lastIndexOf(";", n.na) + 1, t.lastIndexOf(",", label && !afterLabel ? label.a : n.na) + 1);
  const clause = t.slice(clauseStart, n.na);
  const named = [...clause.matchAll(SUB_UNIT)].filter((m) => !/^(?:nay|do|tren|trong|ve|co|la|va|con)\b/.test(m[2]) && !/\bdia $/.test(clause.slice(0, m.index)));
  // A place name is printed with capitals ("xã Đắk Rông Hạ"): "huyện giao", "huyện với" are not names.
  const capitalised = (at: number, text: string) => {
    const words = doc.value(at, at + text.trim().length).split(/\s+/);
    const unitLen = (/^(?:thi tran|thi xa|thanh pho|to dan pho|khu pho)\b/.test(text) ? 2 : 1);
    const nameWords: string[] = [];
    for (const w of words.slice(unitLen)) {
      if (!/^\p{Lu}/u.test(w)) break;
      nameWords.push(w);
    }
    return nameWords.length ? `${words.slice(0, unitLen).join(" ")} ${nameWords.join(" ")}`.replace(/[:,]$/, "") : undefined;
  };
  const cands = [...named.reverse().map((m) => ({ text: m[0], at: clauseStart + m.index })), ...(around.lead ? [{ text: around.lead.name.replace(/:$/, ""), at: around.lead.a }] : [])];
  for (const cand of cands) {
    const name = capitalised(cand.at, cand.text);
    if (!name) continue;
    const key = placeKey(fold(name).text.replace(new RegExp(`^(?:${UNIT_WORDS}) `), ""));
    if (!key || key === ctx.localityKey) continue;
    subUnit = name;
    break;
  }

  // A list item under a heading that names the figure belongs to the sub-unit the item names; without one it is a
  // group of sub-units ("Các huyện còn lại").
  if (label?.inherited && !subUnit) return leave("sub-unit not named: a figure for a group of sub-units");

  // Modality: the number's own clause, then the sentence, the time it names, the section, the document type.
  const benchmark = /\b(?:chi tieu|muc tieu|ke hoach)(?: [a-z]+){0,8} \(?(?:[a-z]+ ){0,3}$/.test(t.slice(Math.max(seg.a, n.na - 80), n.na)) && !/\b(?:dat|vuot|hoan thanh)\b[^%]*$/.test(pre.slice(-12)) && (RESULT_WORDS.test(sentenceBefore) || around.section.kind === "result" || /\(/.test(pre));
  const segTimes = around.times.filter((x) => !x.comparison && !(x.kind === "period" && /chuan ngheo(?: [a-z]+){0,4} $/.test(t.slice(Math.max(0, x.a - 40), x.a))));
  const before = segTimes.filter((x) => x.b <= n.na), after = segTimes.filter((x) => x.a >= n.b);
  // "… còn 73 hộ nghèo theo kết quả rà soát cuối năm 2024": a review date right after the figure is its own.
  const own = after.find((x) => x.a - n.b < 60 && /\b(?:ket qua ra soat|tai thoi diem|tinh den|thoi diem)(?: [a-z,]+){0,6} ?$/.test(t.slice(n.b, x.a)));
  const time = own ?? (before.length ? before[before.length - 1] : after[0]);
  let mood: "aim" | "result";
  let moodWhy: string;
  if (benchmark) [mood, moodWhy] = ["aim", "the target a result is measured against"];
  else if (AIM_WORDS.test(local) || AIM_WORDS.test(pre)) [mood, moodWhy] = ["aim", "aim words in its clause"];
  else if (RESULT_WORDS.test(local) || PRESENT.test(pre) || /^[^;%\d]{0,25}\b(?:dat|vuot) \d/.test(post) || /^[^;\d]{0,12}\btheo ket qua (?:ra soat|tong hop)\b/.test(post) || /^\s*(?:\([^)]*\)\s*)?,?\s*(?:so voi|cung ky)\b/.test(post) && ctx.docType !== "plan") [mood, moodWhy] = ["result", "result words in its clause"];
  else if (AIM_WORDS.test(sentenceBefore) && !RESULT_WORDS.test(sentenceBefore)) [mood, moodWhy] = ["aim", "aim words in its sentence"];
  else if (RESULT_WORDS.test(sentenceBefore)) [mood, moodWhy] = ["result", "result words in its sentence"];
  else if (time && time.year < ctx.aimYear && ctx.docType !== "review_decision") [mood, moodWhy] = ["result", `a year before ${ctx.aimYear}`];
  else if (around.section.kind) [mood, moodWhy] = [around.section.kind, `section "${around.section.heading.slice(0, 40)}"`];
  else if (ctx.docType === "plan" || ctx.docType === "council_resolution") [mood, moodWhy] = verb === "change" || (verb === "level" && /\b(?:con|xuong|duoi)\b/.test(verbText)) ? ["aim", `${ctx.docType} wording`] : ["result", "a stated level"];
  else [mood, moodWhy] = ["result", `a ${ctx.docType.replace("_", " ")} reports results`];
  // A stated stock ("Hộ nghèo: 97 hộ", "chiếm 3,04%") is a fact even in a target section unless the clause aims.
  if (mood === "aim" && verb !== "change" && !/\b(?:con|xuong|duoi|dat|dua|o muc)\b/.test(verbText) && !AIM_WORDS.test(local + pre) && !benchmark && around.section.kind !== "aim") mood = "result";
  if (mood === "aim" && verb === "from") mood = "result";
  if (ctx.docType === "review_decision" && !benchmark && !AIM_WORDS.test(sentenceBefore)) mood = "result";

  const dateOf = (aim: boolean) => {
    // A yearly aim of a multi-year programme is dated at the end of its period.
    if (aim && n.perYear && ctx.periodEnd && benchmark) return ctx.periodEnd;
    if (aim && benchmark) return yearEnd(time?.year ?? around.section.year ?? ctx.resultYear);
    // "giảm 31 hộ so với cuối năm 2022 (88 hộ)": the bracketed figure is the comparison year's.
    const cmp = around.times.filter((x) => x.comparison && x.b <= n.na && /^\s*\(\s*$/.test(t.slice(x.b, n.na))).pop();
    if (!aim && cmp) return cmp.date;
    if (time) return time.date;
    if (aim) return yearEnd(around.section.kind === "aim" && around.section.year ? around.section.year : ctx.aimYear);
    if (ctx.asOf && (!around.section.year || around.section.year === Number(ctx.asOf.slice(0, 4)))) return ctx.asOf;
    return yearEnd(around.section.year && around.section.kind !== "aim" ? around.section.year : ctx.resultYear);
  };
  const comparator = /\b(?:it nhat|toi thieu|tu)\s*$/.test(verbText) || /^ ?tro len\b/.test(post) ? "ge" : /\bduoi\s*$/.test(verbText) ? "lt" : /\b(?:tren)\s*$/.test(verbText) ? "gt" : /\b(?:khong qua|toi da)\s*$/.test(verbText) ? "le" : "eq";
  const how = `${isPct ? "rate" : n.unit === "households" ? "count" : "persons"} ${verb ?? "level"}${verb === "from" ? " (from)" : ""}; ${mood}: ${moodWhy}`;

  if (pop === "combined") {
    if (verb === "change") return leave("past result: change in the combined rate of poor + near-poor households");
    return { ...base, why: "combined rate: poor + near-poor households", apart: "combined", how: "combined rate kept apart", record: "statistic", date: dateOf(false), group: "poor_and_near_poor", indicator: isPct ? "poverty_rate" : "poor_households" };
  }
  if (aside) {
    const area = aside === URBAN ? "urban" : aside === RURAL ? "rural" : undefined;
    if (area) return { ...base, why: aside, apart: area, how: "sub-area kept apart", record: "statistic", indicator, group, date: dateOf(false) };
    if (aside === MINORITY) return { ...base, why: aside, apart: "sub_population", how: "sub-population kept apart", record: "statistic", indicator, group, date: dateOf(false) };
    return leave(aside);
  }
  if (verb === "change" || relative) {
    const kind = relative ? "change_relative" : isPct ? "change_pp" : n.unit === "households" ? "count" : undefined;
    if (!kind) return leave("past result: a change in persons");
    const ind = relative ? (pop === "near_poor" ? "near_poor_households" : "poor_households") : indicator;
    if (mood === "result") return { ...base, record: "past_change", indicator: ind, group, kind, date: dateOf(false), subUnit, how, why: `past result: ${decrease ? "fall" : "rise"} achieved` };
    return { ...base, record: "target", indicator: ind, group, kind, date: dateOf(true), comparator, subUnit, how };
  }
  if (mood === "aim") return { ...base, record: "target", indicator, group, kind: "level", date: dateOf(true), comparator, subUnit, how };
  return { ...base, record: "statistic", indicator, group, date: dateOf(false), subUnit, how };
}

// "hiện xã còn 61 hộ nghèo": the present state, whatever the sentence aims at ("thực hiện" is not "hiện").
const PRESENT = /(?<!\b(?:thuc|the|xuat) )\bhien (?:nay )?(?:[a-z]+ ){0,2}(?:co|con|la)\b/;

const ASIDE_LOCAL: [RegExp, string][] = [
  [/\bthanh thi\b/, URBAN],
  [/\bnong thon\b/, RURAL],
  [/\bdan toc thieu so\b|\bdong bao\b/, MINORITY],
  [/\b(?:thoat (?:can )?ngheo|phat sinh|chuyen sang|tai ngheo)\b/, "flow: households that changed status"],
  [/\bbao tro xa hoi\b|\bkha nang\b|\bnguoi co cong\b/, "subset: part of the poor households"],
];

/** The verb closest before a number: a change ("giảm", "tăng", "thấp hơn"), a level ("còn", "là", "chiếm", ":") or a from ("từ"). */
export function lastVerb(text: string): { verb: "change" | "level" | "from"; decrease: boolean } | undefined {
  const re = /\b(giam|tang|thap hon|cao hon|ha)\b|\b(con|xuong con|xuong duoi|xuong|la|chiem|o muc|bang|dat|co|gom|duoi|tren)\b|(:)|\b(tu)\b/g;
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(re)) last = m as RegExpExecArray;
  if (!last) return undefined;
  const tail = text.slice(last.index);
  if (last[4]) {
    // "giảm từ 1,64%": the start of a from–to; "từ 1,5% trở lên" after "giảm" is a bound on a change.
    return /\b(?:giam|tang|ha)\s+tu\s*$/.test(text.slice(Math.max(0, last.index - 10))) ? { verb: "from", decrease: true } : { verb: "change", decrease: /\bgiam\b/.test(text) };
  }
  if (last[1]) return { verb: "change", decrease: !/tang|cao hon/.test(last[1]) };
  // "dưới"/"trên" after a change verb bound the change ("giảm trên 3%"); alone they bound a level.
  if (/^(?:duoi|tren)$/.test(last[2] ?? "") && /\b(?:giam|tang)\s+(?:[a-z]+ ){0,6}$/.test(text.slice(0, last.index)) && !/\b(?:con|xuong)\b/.test(text.slice(0, last.index))) return { verb: "change", decrease: /giam/.test(text) };
  void tail;
  return { verb: "level", decrease: false };
}

/** Turn readings into draft candidates and left-out entries; claims every number it read. */
export function readingCandidates(doc: Doc, readings: Reading[], skipped: Skipped[]): Candidate[] {
  const t = doc.text;
  const out: Candidate[] = [];
  for (const r of mergeReadings(doc, readings)) {
    doc.claim(r.n.na);
    if (r.n.high) doc.claim(r.n.high.na);
    if (r.merged) continue;
    const printed = doc.value(r.n.na, pctEnd(doc, r.n));
    if (r.why && !r.apart && r.record !== "past_change") {
      skipped.push({ line: doc.line(r.n.na), value: printed, why: r.why });
      continue;
    }
    const span: [number, number] = [r.seg.a, r.seg.b];
    const unit = r.n.unit === "households" ? "households" : r.n.unit === "persons" ? "persons" : r.kind === "change_pp" ? "pp" : "percent";
    const sub = r.subUnit ? { sub_unit: r.subUnit } : {};
    let c: Candidate | undefined;
    const how = { pattern: `reading_${r.record}`, reason: r.how, confidence: r.subUnit ? 0.75 : 0.85, matchSpan: [r.n.a, r.n.b] as [number, number] };
    if (r.apart) {
      c = candidate(doc, "other_figures", { kind: r.apart, indicator: r.indicator, group: r.group, date: r.date, value: printed, unit, why: r.why, ...sub }, span, r.n.a, how);
    } else if (r.record === "statistic") {
      c = candidate(doc, "statistics", { indicator: r.indicator, group: r.group, date: r.date, value: printed, unit, ...sub }, span, r.n.a, how);
    } else if (r.record === "past_change") {
      const change = changeFields(doc, r);
      const hh = r.households ? { change_households: doc.value(r.households.n.na, r.households.n.nb) } : {};
      c = candidate(doc, "past_changes", { indicator: r.indicator, group: r.group, kind: r.kind, date: r.date, ...change, ...hh, unit, ...sub }, span, r.n.a, how);
    } else if (r.record === "target") {
      const base = { indicator: r.indicator, group: r.group, kind: r.kind, comparator: r.comparator ?? "eq", target_date: r.date, unit, ...sub };
      const hh = r.households ? { change_households: doc.value(r.households.n.na, r.households.n.nb) } : {};
      const from = r.baseline && r.change ? { baseline_value: doc.value(r.baseline.n.na, pctEnd(doc, r.baseline.n)), baseline_date: r.baseline.date, ...changeFields(doc, r.change) } : {};
      const levelHh = r.households ? { ...hh, direction: /\btang\b/.test(t.slice(r.n.b, r.households.n.na)) ? "increase" : "decrease" } : {};
      if (r.kind === "level") c = candidate(doc, "targets", { ...base, kind: r.n.unit === "households" ? "count" : "level", target_value: printed, ...levelHh, ...from }, span, r.n.a, how);
      else c = candidate(doc, "targets", { ...base, ...changeFields(doc, r), ...hh }, span, r.n.a, how);
    }
    if (c) out.push(c);
    else skipped.push({ line: doc.line(r.n.na), value: printed, why: "read, but no quote could be cut for it" });
  }
  return out;
}

function pctEnd(doc: Doc, n: NumberToken): number {
  const t = doc.text;
  const end = n.high ? n.high.nb : n.nb;
  const m = /^ ?%/.exec(t.slice(end, end + 2));
  return m ? end + m[0].length : end;
}

/** The change fields of a plan-file record: magnitude as printed (both ends of a range) and direction. */
function changeFields(doc: Doc, r: Reading): Record<string, string | undefined> {
  const t = doc.text;
  const decrease = /\b(?:giam|thap hon|ha)\b/.test(t.slice(Math.max(r.seg.a, r.n.na - 80), r.n.na)) || !/\b(?:tang|cao hon)\b/.test(t.slice(Math.max(r.seg.a, r.n.na - 80), r.n.na));
  const printed = doc.value(r.n.na, pctEnd(doc, r.n));
  const field = r.kind === "change_relative" ? "change_relative_pct" : r.kind === "count" ? "change_households" : "change_pp";
  return { [field]: printed, direction: decrease ? "decrease" : "increase", ...(r.n.perYear ? { per_year: "true" } : {}) };
}
