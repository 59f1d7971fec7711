/**
 * Small grammars the reading (reading.ts) is built from, each usable and tested on its own: numbers with their unit,
 * time expressions, population labels and modality words. They run on folded text (text.ts: no diacritics, lower
 * case, one space between words), so a phrase is written once for NFC, NFD, stripped and OCR copies alike.
 */

// ---------------------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------------------

/** What a number counts, from the word printed after it. */
export type NumberUnit = "percent" | "pp" | "households" | "persons" | "money" | "other" | "bare";

/** One number of a text, with its unit and, for a range, its other end. */
export interface NumberToken {
  /** Folded span of the whole expression (number, unit and range). */
  a: number;
  b: number;
  /** Folded span of the printed number (the first end of a range). */
  na: number;
  nb: number;
  /** Printed value as the folded text has it ("1.204", "0,61", "12,07" for "12, 07"). */
  printed: string;
  value: number;
  unit: NumberUnit;
  /** "%/năm", "mỗi năm". */
  perYear: boolean;
  /** The other end of a range ("1,5 - 2%"), with its span. */
  high?: { na: number; nb: number; printed: string; value: number };
  /** A number glued into a date, a document number or a ratio ("7/12", "09/2011/QĐ-TTg"). */
  partOfCode: boolean;
}

/** Value of a number printed the Vietnamese way: "." between thousands, "," before decimals, stray spaces allowed. */
export function numberValue(printed: string): number {
  const s = printed.replace(/\s+/g, "");
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ""));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  return Number(s.replace(",", "."));
}

// A decimal comma followed by a space is still a decimal when a percent sign closes it ("12, 07%"); a grouped number
// keeps its dots ("27.460"); a plain number may be read from a glued unit ("5,6%").
// A copy may also print a space inside a grouped number ("31. 482 hộ").
const NUM_RE = /(?<![\d.,/])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:\. \d{3})+(?= ho\b| nguoi\b| nhan khau\b)|\d+, \d+(?= ?%)|\d+(?:,\d+)?)(?![\d]|[.,]\d)/g;
const UNIT_RE: [RegExp, NumberUnit][] = [
  [/^ ?(?:%|phan tram)/, "percent"],
  [/^ ?diem phan tram\b|^ ?diem %/, "pp"],
  [/^ ?(?:ho|ho gia dinh)\b/, "households"],
  [/^ ?(?:nguoi )?lao dong\b/, "other"],
  [/^ ?(?:nhan khau|khau|nguoi)\b/, "persons"],
  [/^ ?(?:trieu|ty|nghin|ngan) (?:dong|vnd)\b|^ ?(?:trieu|ty) ?d\b/, "money"],
  [/^ ?(?:luot|can|ngoi|mo hinh|the|xa|thon|ban|ap|to|nam|thang|ngay|tuoi|ha|tan|km|m2|gio|phut|dong)\b/, "other"],
];

/** Every number of a folded text with its unit; ranges ("1,5 - 2%", "từ 1 - 1,5%") become one token. */
export function numbersIn(t: string): NumberToken[] {
  const raw = [...t.matchAll(NUM_RE)].map((m) => ({ a: m.index, b: m.index + m[0].length, printed: m[1] }));
  const out: NumberToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    const n = raw[i];
    const after = t.slice(n.b, n.b + 30);
    const before = t.slice(Math.max(0, n.a - 2), n.a);
    const partOfCode = /^\/\d|^\/[a-z]/.test(t.slice(n.b, n.b + 2)) || /\/$/.test(before) || /^-[a-z]/.test(t.slice(n.b, n.b + 2));
    let unit: NumberUnit = "bare";
    let ub = n.b;
    for (const [re, u] of UNIT_RE) {
      const m = re.exec(after);
      if (m) {
        unit = u;
        ub = n.b + m[0].length;
        break;
      }
    }
    // A range: "1,5 - 2%", "1 - 1,5%", "1,5% - 2%", "từ 1,5 đến 2%": the unit is printed after the second end.
    let high: NumberToken["high"];
    const next = raw[i + 1];
    if (next && (unit === "bare" || unit === "percent")) {
      const gap = t.slice(ub, next.a);
      if (/^ ?(?:-|den|toi) ?$/.test(gap)) {
        const um = /^ ?%/.exec(t.slice(next.b, next.b + 3));
        if (um || unit === "percent") {
          high = { na: next.a, nb: next.b, printed: next.printed, value: numberValue(next.printed) };
          unit = "percent";
          ub = next.b + (um ? um[0].length : 0);
          i++;
        }
      }
    }
    const perYearM = /^ ?\/ ?nam\b|^ ?(?:moi|mot|hang) nam\b/.exec(t.slice(ub, ub + 12));
    if (perYearM) ub += perYearM[0].length;
    out.push({ a: n.a, b: ub, na: n.a, nb: n.b, printed: n.printed, value: numberValue(n.printed), unit, perYear: !!perYearM, high, partOfCode });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Time expressions
// ---------------------------------------------------------------------------------------------------------------

/** A time expression: the date it names, how it names it, and whether it is a comparison ("so với năm 2022"). */
export interface TimeExpr {
  a: number;
  b: number;
  /** ISO date. */
  date: string;
  /** `asof`: an as-of date ("tính đến ngày 31/12/2023", "thời điểm 30/11/2023"); `year`: a year ("cuối năm 2024"); `start`: "đầu năm 2024" (the end of the year before); `period`: "giai đoạn 2021-2025" (its end). */
  kind: "asof" | "year" | "start" | "period";
  year: number;
  /** A year after "so với": a comparison, never a figure's date. */
  comparison: boolean;
}

const pad = (n: string | number) => String(n).padStart(2, "0");
const validYear = (y: number) => y >= 1990 && y <= 2100;

/** Time expressions of a folded text, in order. */
export function timesIn(t: string): TimeExpr[] {
  const out: TimeExpr[] = [];
  const comparisonAt = (a: number) => /\bso voi (?:[a-z]+ ){0,6}$/.test(t.slice(Math.max(0, a - 60), a)) && !/\bso voi .*\b(?:con|la|xuong)\b/.test(t.slice(Math.max(0, a - 60), a));
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => x < b && a < y);
  const push = (e: TimeExpr) => {
    if (!free(e.a, e.b)) return;
    taken.push([e.a, e.b]);
    out.push(e);
  };
  // Full dates: "31/12/2023", "ngày 20/10/2024", "ngày 31 tháng 12 năm 2023".
  for (const m of t.matchAll(/\b(?:ngay )?(\d{1,2}) ?\/ ?(\d{1,2}) ?\/ ?(\d{4})\b|\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b/g)) {
    const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    if (!validYear(Number(y)) || Number(mo) > 12 || Number(d) > 31) continue;
    push({ a: m.index, b: m.index + m[0].length, date: `${y}-${pad(mo)}-${pad(d)}`, kind: "asof", year: Number(y), comparison: comparisonAt(m.index) });
  }
  for (const m of t.matchAll(/\bgiai doan (\d{4}) ?- ?(\d{4})\b/g)) {
    push({ a: m.index, b: m.index + m[0].length, date: `${m[2]}-12-31`, kind: "period", year: Number(m[2]), comparison: false });
  }
  // "đầu năm 2024" is the review of the end of 2023; "đầu năm" alone is left to context.
  // ("phấn đấu năm 2024" is an aim for 2024, not "đầu năm".)
  for (const m of t.matchAll(/(?<!\bphan )\bdau (?:nam|ky) (\d{4})\b/g)) {
    const y = Number(m[1]) - 1;
    push({ a: m.index, b: m.index + m[0].length, date: `${y}-12-31`, kind: "start", year: y, comparison: comparisonAt(m.index) });
  }
  for (const m of t.matchAll(/\b(?:(?:den |vao |tinh den )?(?:cuoi|het) )?nam (\d{4})\b/g)) {
    const y = Number(m[1]);
    if (!validYear(y)) continue;
    push({ a: m.index, b: m.index + m[0].length, date: `${y}-12-31`, kind: "year", year: y, comparison: comparisonAt(m.index) });
  }
  return out.sort((x, y) => x.a - y.a);
}

// ---------------------------------------------------------------------------------------------------------------
// Population labels
// ---------------------------------------------------------------------------------------------------------------

/** Who a figure is about, as far as the headline records go. */
export type Population = "poor" | "near_poor" | "total" | "combined";

/** What a label phrase says about the figures it names. */
export interface Label {
  a: number;
  b: number;
  population: Population;
  /** "tỷ lệ …": the figure is a rate even without a % sign nearby. */
  rate: boolean;
  /** Taken from the heading of the list the figure is an item of. */
  inherited?: boolean;
  /** Why a figure under this label is not a headline record (flow, sub-area…), when it is not. */
  aside?: string;
}

/** Reasons shared with reading.ts, which keeps these figures apart rather than leaving them out. */
export const URBAN = "sub-area: urban area";
export const RURAL = "sub-area: rural area";
export const MINORITY = "sub-population: ethnic minority households";

// A flow or a part names households that changed status or a subset of them: never the stock.
const ASIDE: [RegExp, string][] = [
  [/\b(?:thoat (?:khoi )?(?:can )?ngheo|tho[ae]t ngheo)\b/, "flow: households that left poverty or near-poverty"],
  [/\b(?:phat sinh|tai ngheo|moi phat sinh|ngheo moi)\b/, "flow: households newly poor or back in poverty"],
  [/\bchuyen (?:sang|thanh|len|xuong)\b|\btu ho ngheo (?:len|sang)\b/, "flow: households that moved between groups"],
  [/\bbien dong\b/, "flow: change during the year"],
  [/\bthanh thi\b/, URBAN],
  [/\bnong thon\b/, RURAL],
  [/\bdan toc thieu so\b|\bdong bao\b|\bnguoi dan toc\b/, MINORITY],
  [/\bhuyen ngheo\b|\bxa (?:dac biet )?kho khan\b|\bvung\b/, "sub-area: poor districts or disadvantaged communes"],
  [/\bbao tro xa hoi\b|\bkhong co kha nang\b|\bco kha nang\b|\bchinh sach\b|\bnguoi co cong\b|\bco thanh vien\b|\bchu ho la\b|\bphu nu\b|\bkhuyet tat\b|\bnguy co\b/, "subset: part of the poor or near-poor households"],
  [/\bthieu hut\b/, "subset: households deprived in one indicator"],
];

const LABEL_RE = /\b(?:ty le (?:ho )?(?:ngheo|can ngheo)(?:(?:,| va) (?:ho )?can ngheo)?(?: chung)?|(?:tong )?so ho (?:ngheo|can ngheo)(?:(?:,| va) (?:so )?(?:ho )?can ngheo)?|ho (?:ngheo|can ngheo)(?:(?:,| va) (?:ho )?can ngheo(?: chung)?)?|tong so ho(?: dan cu| gia dinh)?|so ho dan cu|ho dan cu|tong so ho tren dia ban)\b/g;

/** Population labels of a folded text, in order, with the words that qualify them (up to the next number). */
export function labelsIn(t: string): Label[] {
  const out: Label[] = [];
  for (const m of t.matchAll(LABEL_RE)) {
    const p = m[0];
    const both = /ngheo(?:,| va) (?:so )?(?:ho )?can ngheo/.test(p);
    const rate = p.startsWith("ty le");
    let population: Population = /\bdan cu\b|^tong so ho(?: gia dinh| tren dia ban)?$|^so ho dan cu/.test(p) ? "total" : both ? "combined" : /can ngheo/.test(p) ? "near_poor" : "poor";
    // "hộ nghèo, hộ cận nghèo" without "chung" or a rate is a list of two populations (a coverage or a count of each).
    if (population === "combined" && !rate && !/chung/.test(p) && !/^\s*(?:la|:)?\s*\d/.test(t.slice(m.index + p.length, m.index + p.length + 6))) population = "poor";
    const tail = t.slice(m.index + p.length, m.index + p.length + 70).split(/\d|[;:()]/)[0];
    const head = t.slice(Math.max(0, m.index - 45), m.index);
    const lead = head.split(/[;,:().]|\d/).pop() ?? "";
    let aside: string | undefined;
    for (const [re, why] of ASIDE) if (re.test(tail) || re.test(lead) || re.test(p)) { aside = why; break; }
    if (population === "combined") aside = "combined rate: poor + near-poor households";
    out.push({ a: m.index, b: m.index + p.length, population, rate, aside });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Modality
// ---------------------------------------------------------------------------------------------------------------

/** Words that make a clause an aim (a plan's target), and words that make it an account of what happened. */
export const AIM_WORDS = /\b(?:phan dau|chi tieu|muc tieu|du kien|dua ty le|nhiem vu|ke hoach (?:dat|giam|nam)|theo ke hoach|can dat|giao (?:chi tieu|cho)|dat muc|giam it nhat|tiep tuc giam|se (?:giam|tang|dat|con|xuong)|de xuat|dang ky giam)\b/;
export const RESULT_WORDS = /\b(?:da (?:giam|tang|dat|thuc hien|hoan thanh)|giam duoc|dat duoc|vuot|hoan thanh|cung ky|ket qua (?:ra soat|thuc hien|dat duoc)|qua ra soat|thap hon|cao hon|nhu vay|uoc (?:dat|thuc hien)|hien (?:co|con)|tan thanh danh gia)\b/;

/** What a section heading says about the figures under it. */
export function sectionKind(heading: string): "aim" | "result" | undefined {
  // The first section word wins: "Kết quả năm 2023 và phương hướng, nhiệm vụ năm 2024" is an account first.
  const aim = /\b(?:muc tieu|chi tieu|nhiem vu|phuong huong|ke hoach nam|giai phap|phan bo|giao chi tieu|du kien)\b/.exec(heading);
  const result = /\b(?:ket qua|thuc trang|tinh hinh|danh gia|ton tai|so ket|tong ket|hien trang|ra soat)\b/.exec(heading);
  if (aim && (!result || aim.index < result.index)) return "aim";
  return result ? "result" : undefined;
}

/** The document's type, from the word that names it at the top ("KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO", "NGHỊ QUYẾT"). */
export type DocType = "plan" | "review_decision" | "report" | "council_resolution" | "news";

/** Read the type from the first lines (folded, one per entry); news has no document-type line and no "Số:". */
export function docTypeOf(lines: string[]): DocType {
  const head = lines.slice(0, 14);
  // A one-line header: "HĐND XÃ … - Nghị quyết số 27/NQ-HĐND ngày 19/12/2024".
  const one = /\b(nghi quyet|ke hoach|bao cao|quyet dinh) so:? ?\d+ ?\//.exec(lines.slice(0, 2).join(" "));
  if (one) return ({ "nghi quyet": "council_resolution", "ke hoach": "plan", "bao cao": "report", "quyet dinh": "review_decision" } as const)[one[1] as "ke hoach"];
  for (const l of head) {
    const s = l.replace(/[*#_]/g, "").trim();
    if (/^nghi quyet\b/.test(s)) return "council_resolution";
    if (/^ke hoach\b/.test(s) && !/\bso\b.*\//.test(s)) return "plan";
    if (/^bao cao\b/.test(s) && !/\bso\b.*\//.test(s)) return "report";
    if (/^quyet dinh\b/.test(s) && !/:$/.test(s)) return "review_decision";
  }
  const numbered = head.some((l) => /(?<![a-z])so\s?:\s?\d*\s?\/\s?(kh|qd|bc|nq)\b/.test(l));
  if (numbered) {
    const n = head.join(" ");
    if (/\/nq\b/.test(n)) return "council_resolution";
    if (/\/kh\b/.test(n)) return "plan";
    if (/\/bc\b/.test(n)) return "report";
    if (/\/qd\b/.test(n)) return "review_decision";
  }
  return "news";
}
