/**
 * The plan's header: number ("Số: 498/KH-UBND"), date of issue ("Long Khánh, ngày 01 tháng 4 năm 2024", or the
 * appendix's "Kèm theo Kế hoạch số … ngày 22/02/2024" when the header leaves it blank), locality and issuer (matched
 * against data/localities.yaml), title, year, poverty standard and the higher-level plan it implements.
 */
import { foldAccents } from "../../../src/domain/fold.ts";
import type { LocalityInput } from "../../../src/domain/schema.ts";
import type { Doc } from "./doc.ts";
import { docTypeOf, type DocType } from "./grammar.ts";
import { fold, matchName } from "./text.ts";

/** Level words of the issuer line, longest first: "thành phố" and "thị xã" are districts, "thị trấn" a commune. */
const LEVELS: [string, "province" | "district" | "commune"][] = [
  ["thi tran", "commune"], ["thi xa", "district"], ["thanh pho", "district"], ["tinh", "province"], ["huyen", "district"],
  ["quan", "district"], ["phuong", "commune"], ["xa", "commune"],
];
const LEVEL_RE = new RegExp(String.raw`\b(${LEVELS.map(([w]) => w).join("|")}) ((?:[a-z]+ ?){1,5})`);
const LEVEL_VI: Record<string, string> = { "thi tran": "thị trấn", "thi xa": "thị xã", "thanh pho": "thành phố", tinh: "tỉnh", huyen: "huyện", quan: "quận", phuong: "phường", xa: "xã" };
const TYPE_WORD: Record<DocType, string> = { plan: "Kế hoạch", review_decision: "Quyết định", report: "Báo cáo", council_resolution: "Nghị quyết", news: "" };
const TYPE_LINE = /^(?:ke hoach|quyet dinh|bao cao(?: so ket| tong ket)?|nghi quyet)\b/;

/** A header field's value plus what the reviewer should know about it. */
export interface HeaderField<T> {
  value: T;
  /** Shown as a YAML comment above the field ("CHECK: …"). */
  comment?: string;
}

/** A plan note the header found (blank number, unreadable date). */
export interface HeaderNote {
  code: string;
  severity: "info" | "warning";
  message_vi: string;
  message_en: string;
  quote: string;
  occurrence: number;
}

/** Everything header.ts finds. */
export interface Header {
  id: HeaderField<string>;
  locality_id: HeaderField<string>;
  year: HeaderField<number>;
  number: HeaderField<string | null>;
  number_quote: HeaderField<string>;
  issued: HeaderField<string | null>;
  issued_quote: HeaderField<string | null>;
  issuer: HeaderField<string>;
  issuer_en: HeaderField<string>;
  title: HeaderField<string>;
  title_en: HeaderField<string>;
  poverty_standard: HeaderField<"2016-2020" | "2022-2025" | "2011-2015">;
  /** Plan, review decision, report, council resolution or news item. */
  doc_type: HeaderField<DocType>;
  /** The locality's name and level as the document prints them (also when data/localities.yaml lacks it). */
  locality_name: HeaderField<string | null>;
  locality_level: HeaderField<"province" | "district" | "commune" | null>;
  standard_note: HeaderField<string>;
  source_file: HeaderField<string>;
  ocr: HeaderField<boolean>;
  parent_plan?: HeaderField<{ text: string; quote: string }>;
  notes: HeaderNote[];
  /** The locality, when data/localities.yaml has it. */
  locality?: LocalityInput;
}

const key = (s: string) => foldAccents(s).replace(/[^a-z0-9]/g, "");
const slug = (s: string) => foldAccents(s).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const pad = (n: string) => n.padStart(2, "0");

/** The first `n` lines of the document, as a folded range. */
function headRange(doc: Doc, n: number): [number, number] {
  let o = 0;
  for (let i = 0; i < n && o !== -1; i++) o = doc.original.indexOf("\n", o + 1);
  return [0, doc.foldedAt(o === -1 ? doc.original.length : o)];
}

/** Vietnamese-specific letters per letter: about 0.2 in a typed plan, 0 in an OCR copy that lost its diacritics. */
export function looksLikeOcr(text: string): boolean {
  const t = text.normalize("NFC");
  const letters = (t.match(/\p{L}/gu) ?? []).length;
  const viet = (t.match(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu) ?? []).length;
  return letters > 200 && viet / letters < 0.02;
}

/** Find the header fields of a plan. */
export function extractHeader(doc: Doc, sourceFile: string, localities: LocalityInput[]): Header {
  const t = doc.text;
  const [, headEnd] = headRange(doc, 15);
  const head = t.slice(0, headEnd);
  const notes: HeaderNote[] = [];
  const ocr = looksLikeOcr(doc.original);
  const lines = doc.original.split("\n");
  const plain = (l: string) => l.normalize("NFC").replace(/[*#_]/g, "").replace(/\s+/g, " ").trim();
  const docType = docTypeOf(lines.slice(0, 16).map((l) => fold(plain(l)).text));

  // Number: "Số: 498/KH-UBND", "Số: /KH-UBND" (left blank), "S6:122 /IKH-UBND" (OCR).
  const so = /(?<![a-z])so\s?:\s?(\d*\s?\/\s?[a-z]+(?:-[a-z0-9]+)+)?/d.exec(head);
  let number: HeaderField<string | null>, numberQuote: HeaderField<string>;
  if (so?.indices?.[1]) {
    const [a, b] = so.indices[1];
    const printed = doc.value(a, b);
    number = { value: printed, comment: ocr ? "CHECK: OCR copy; write the number as it should read (digits, then the letters of the document type: 12/KH-UBND)" : /\d/.test(printed) ? undefined : "number left blank in the copy" };
    numberQuote = { value: doc.quote(so.index, b)?.quote ?? printed };
    if (!/\d/.test(printed)) notes.push({ code: "number_blank", severity: "info", message_vi: "Bản kế hoạch để trống số hiệu ở phần đầu.", message_en: "The copy leaves the document number blank in its header.", quote: numberQuote.value, occurrence: 1 });
  } else {
    const at = so ? so.index : 0;
    const lineText = doc.original.split("\n")[doc.line(at) - 1]?.trim() ?? "";
    const first = doc.original.split("\n").find((l) => l.trim().length >= 8)?.trim() ?? "";
    number = { value: null, comment: "no number printed (CHECK)" };
    numberQuote = { value: so && lineText.length >= 8 ? lineText.normalize("NFC") : first.normalize("NFC"), comment: so ? undefined : "CHECK: no \"Số:\" line found; quote the line that should carry the number" };
  }

  // Place and date: "<Place>, ngày 01 tháng 4 năm 2024" on one line.
  const dm = /\bngay(.{0,6}?)thang(.{0,6}?)nam (\d{4})/.exec(head);
  let issued: HeaderField<string | null> = { value: null }, issuedQuote: HeaderField<string | null> = { value: null };
  let place = "";
  if (dm) {
    const s0 = doc.f.start[dm.index];
    let from = doc.foldedAt(doc.original.lastIndexOf("\n", s0 - 1) + 1);
    if (so && so.index >= from && so.index < dm.index) from = so.index + so[0].length;
    while (from < dm.index && /[\s*#_]/.test(t[from])) from++;
    let to = dm.index;
    while (to > from && /[\s,*_]/.test(t[to - 1])) to--;
    place = to > from ? doc.value(from, to) : "";
    const [day, month, year] = [dm[1].trim(), dm[2].trim(), dm[3]];
    const q = doc.quote(from, dm.index + dm[0].length);
    if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month)) {
      issued = { value: `${year}-${pad(month)}-${pad(day)}` };
      issuedQuote = { value: q?.quote ?? null };
    } else if (day === "" && month === "") {
      issued = { value: null, comment: "the header leaves the date blank" };
    } else if (q) {
      issued = { value: null, comment: "CHECK: date of issue unreadable in the copy" };
      notes.push({ code: "date_unreadable", severity: "warning", message_vi: `Ngày ban hành không đọc được trong bản sao (“${q.quote}”); để trống.`, message_en: `The date of issue cannot be read in the copy (“${q.quote}”); left empty.`, quote: q.quote, occurrence: q.occurrence });
    }
  }
  if (issued.value === null && !so) {
    // A one-line header: "HĐND XÃ … - Nghị quyết số 27/NQ-HĐND ngày 19/12/2024".
    const one = /\b(?:nghi quyet|ke hoach|bao cao|quyet dinh) so:? ?(\d+ ?\/ ?[a-z]+(?:-[a-z0-9]+)+)(?: ngay (\d{1,2}) ?\/ ?(\d{1,2}) ?\/ ?(\d{4}))?/d.exec(t.slice(0, headRange(doc, 2)[1]));
    if (one?.indices?.[1]) {
      const q = doc.quote(one.index, one.index + one[0].length);
      number = { value: doc.value(one.indices[1][0], one.indices[1][1]) };
      if (q) numberQuote = { value: q.quote };
      if (one[4] && q) {
        issued = { value: `${one[4]}-${pad(one[3])}-${pad(one[2])}` };
        issuedQuote = { value: q.quote };
      }
    }
  }
  if (issued.value === null && !dm) {
    // A news item prints its publication date on a line of its own ("Cập nhật: 15/01/2025", "07/03/2024 | 08:15").
    const lines0 = doc.original.split("\n").slice(0, 4);
    for (const l of lines0) {
      const f = fold(l).text.trim();
      const m = /^\(?(?:(?:cap nhat|ngay dang|dang ngay|ngay)\s*:?\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s*[|,-]?\s*\d{1,2}:\d{2})?\)?$/.exec(f);
      if (m) {
        issued = { value: `${m[3]}-${pad(m[2])}-${pad(m[1])}`, comment: "publication date of the item" };
        issuedQuote = { value: l.trim().normalize("NFC") };
        break;
      }
    }
  }
  if (issued.value === null) {
    // The appendix often repeats the plan's number and date: "(Kèm theo Kế hoạch số: /KH-UBND ngày 22 /02/2024 …)".
    const ap = /\((?:ban hanh )?kem theo (?:ke hoach|quyet dinh|bao cao|nghi quyet|to trinh) so[^)]{0,60}?ngay (\d{1,2}) ?\/ ?(\d{1,2}) ?\/ ?(\d{4})[^)]{0,120}\)/.exec(t);
    const q = ap && doc.quote(ap.index, ap.index + ap[0].length);
    if (ap && q) {
      issued = { value: `${ap[3]}-${pad(ap[2])}-${pad(ap[1])}`, comment: `CHECK: the header leaves the date blank; taken from the appendix (line ${q.line})` };
      issuedQuote = { value: q.quote };
    }
  }

  // Locality: the place of the date line, else the most named "<type> <Name>" of a known locality.
  const byKey = new Map<string, LocalityInput[]>();
  for (const l of localities) if (l.level !== "residential_group") byKey.set(key(l.name), [...(byKey.get(key(l.name)) ?? []), l]);
  const deepest = (ls: LocalityInput[]) => [...ls].sort((x, y) => y.id.split("/").length - x.id.split("/").length)[0];
  // A scanned date line may garble the place ("Phan Rang -Thap Chim"): then take the one known name it spells.
  const names = [...byKey.keys()].map((k) => [k, k] as [string, string]);
  const placeKey = place && (byKey.has(key(place)) ? key(place) : matchName(place, names));
  let locality: LocalityInput | undefined = placeKey ? deepest(byKey.get(placeKey)!) : undefined;
  let localityComment = locality ? `matched "${place}" (date line) in data/localities.yaml` : undefined;
  if (!locality) {
    const counts = new Map<string, number>();
    for (const m of t.matchAll(/\b(?:phuong|xa|thi tran|huyen|thi xa|thanh pho|quan) ((?:[a-z]+ ?){1,5})/g)) {
      const words = m[1].trim().split(" ");
      for (let n = words.length; n >= 1; n--) {
        const k = words.slice(0, n).join("");
        const known = byKey.has(k) ? k : matchName(k, names);
        if (known) {
          counts.set(known, (counts.get(known) ?? 0) + 1);
          break;
        }
      }
    }
    const best = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
    if (best) {
      locality = deepest(byKey.get(best[0])!);
      localityComment = `CHECK: guessed from the text (named ${best[1]} time(s)); the date line names no known locality`;
    }
  }
  // The issuer's line names the level and the name ("ỦY BAN NHÂN DÂN TỈNH HÀ LÂM", "UBND THỊ XÃ AN PHƯỚC", the name
  // on the next line when the first stops at "ỦY BAN NHÂN DÂN"); the deepest one is the document's own locality. A
  // news item names it in its first line ("Huyện Mường Khoa: …", "Xã Ia Phơ Lang còn …").
  let printedWord: string | undefined;
  let printedName: string | null = null, printedLevel: "province" | "district" | "commune" | null = null;
  {
    // A two-column header ("ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …") is read one column at a time.
    const heads = lines.slice(0, 10).flatMap((l) => l.split(/\s{2,}|\t/)).map((l) => plain(l)).filter((l) => l && !/^(?:cong hoa|doc lap)/.test(fold(l).text));
    const issuerLines: string[] = [];
    heads.forEach((l, i) => {
      const f = fold(l).text.replace(/\s{2,}.*$/, "");
      if (/^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$/.test(f.trim()) && heads[i + 1]) issuerLines.push(fold(heads[i + 1]).text);
      else if (/^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|chu tich uy ban nhan dan) /.test(f)) issuerLines.push(f);
    });
    const fromLine = (f: string, orig?: string) => {
      void orig;
      const m = LEVEL_RE.exec(f.replace(/\s{2,}.*$/, ""));
      if (!m) return undefined;
      const level = LEVELS.find(([w]) => w === m[1])![1];
      // The name ends where a verb or a council's term begins ("Xã Ia Phơ Lang còn …", "HUYỆN EA RÔNG KHÓA XII").
      const words: string[] = [];
      for (const w of m[2].trim().split(" ")) {
        if (/^(?:con|vua|dat|no|giam|tang|phan|co|ky|xii|xiii|xiv|xi|x|ix|viii|ve|tren|thuc|trien|ban|da|se|luc|duoc|cong|chu|uy|hoi)$/.test(w)) break;
        // "Nam" is a name ("An Hòa Nam") unless a year follows ("năm 2024").
        if (w === "nam" && new RegExp(String.raw`\b${[...words, "nam"].join(" ")} \d{4}`).test(f)) break;
        if (w === "khoa" && /\bkhoa (?:[ivxl]+|\d+)\b/.test(f)) break;
        words.push(w);
      }
      if (!words.length) return undefined;
      return { level, word: m[1], key: words.join(" "), orig };
    };
    let best: { level: "province" | "district" | "commune"; word: string; key: string } | undefined;
    for (const l of issuerLines) {
      const r = fromLine(l);
      const rank = (x?: { level: string }) => (x ? ["province", "district", "commune"].indexOf(x.level) : -1);
      if (r && rank(r) >= rank(best)) best = r;
    }
    if (!best && docType === "news") best = fromLine(fold(heads.find((l) => l.length >= 8) ?? "").text.split(/[:,]/)[0]) ?? fromLine(fold(heads.find((l) => l.length >= 8) ?? "").text);
    if (best) {
      printedLevel = best.level;
      printedWord = best.word;
      // The name as printed: the original words the folded key came from, in title case when printed in capitals.
      const re = new RegExp(best.key.split(" ").map((w) => `${w}`).join("\\s+"));
      const at = re.exec(t);
      const raw = at ? doc.value(at.index, at.index + at[0].length) : best.key;
      printedName = raw === raw.toUpperCase() ? raw.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, s, c) => s + c.toUpperCase()) : raw;
    }
    if (!printedName && place) printedName = place.replace(/[\s*_]+$/u, "").trim();
  }
  if (!locality && printedName) {
    const k = key(printedName);
    if (byKey.has(k)) {
      locality = deepest(byKey.get(k)!);
      localityComment = `matched "${printedName}" (issuer line) in data/localities.yaml`;
    }
  }
  const placeName = (place || printedName || "").replace(/[\s*_]+$/u, "").trim();
  const localityId = locality?.id ?? (slug(placeName) || "unknown");
  if (!locality) localityComment = `CHECK: "${placeName || "?"}" is not in data/localities.yaml: add it there (step 2) and write its full id here`;
  const fullName = (l: LocalityInput) => `${l.type_vi} ${l.name.replace(/\s*–\s*/g, " - ")}`;
  const issuer: HeaderField<string> = locality ? { value: `UBND ${fullName(locality)}`, comment: "CHECK: from the locality; write it as the plan signs it" } : { value: `${docType === "council_resolution" ? "HĐND" : "UBND"} ${printedWord ? `${LEVEL_VI[printedWord]} ` : ""}${placeName || "?"}`, comment: "CHECK: issuer guessed from the place name" };
  const issuerEn: HeaderField<string> = locality ? { value: `People's Committee of ${locality.name.replace(/\s*–\s*/g, " - ")} ${locality.type_en}`, comment: "CHECK" } : { value: "TODO: English name of the issuer", comment: "CHECK" };

  // Title: the line(s) after the type word ("KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO", "NGHỊ QUYẾT"); a news item's first line.
  let title = "", titleLine = 0;
  for (let i = 0; i < Math.min(lines.length, 25); i++) {
    const f = fold(plain(lines[i])).text;
    if (!TYPE_LINE.test(f) || /\bso\b.*\/|:$/.test(f)) continue;
    const typeWords = /^(?:bao cao (?:so ket|tong ket))\b/.test(f) ? 3 : 2;
    const rest = plain(lines[i]).split(" ").slice(typeWords).join(" ").trim();
    const parts = rest ? [rest] : [];
    let j = i + 1;
    if (!rest) while (j < lines.length && plain(lines[j]) === "") j++;
    // The title is the next lines up to a blank line, a heading, the issuer's line or the legal bases: never the text.
    for (; !rest && j < lines.length && j <= i + 3 && plain(lines[j]) !== ""; j++) {
      const fj = fold(plain(lines[j])).text;
      if (parts.length && (/^(?:can cu|xet|[ivx]+\.|\d+\.|dieu \d|quyet dinh|quyet nghi|uy ban|hoi dong|chu tich|ubnd|tm\.)/.test(fj) || !/\p{Ll}/u.test(plain(lines[j])))) break;
      parts.push(plain(lines[j]));
    }
    title = parts.join(" ").replace(/[.\s]+$/, "").slice(0, 300);
    titleLine = i + 1;
    break;
  }
  if (!title && docType === "news") {
    const first = lines.findIndex((l) => plain(l).length >= 8);
    if (first >= 0) [title, titleLine] = [plain(lines[first]).slice(0, 300), first + 1];
  }
  const typeWord = TYPE_WORD[docType] || "";
  const titleValue = title ? (typeWord ? `${typeWord} ${title.charAt(0).toLowerCase()}${title.slice(1)}` : title).normalize("NFC") : "TODO: title of the document";

  // Year: the title's "năm YYYY", else the file name's year, else the date of issue.
  const titleYear = /\bnam (\d{4})\b/.exec(fold(title).text);
  const fileYear = /^(\d{4})-/.exec(sourceFile);
  // Without a title year, file year or date, the latest year the text names (never a default year).
  const named_ = [...t.matchAll(/\bnam (\d{4})\b/g)].map((m) => Number(m[1])).filter((y) => y >= 1990 && y <= 2100);
  const year = Number(titleYear?.[1] ?? fileYear?.[1] ?? issued.value?.slice(0, 4) ?? (named_.length ? Math.max(...named_) : new Date(0).getUTCFullYear()));
  const yearComment = titleYear ? undefined : fileYear ? "CHECK: from the file name" : "CHECK: no year found";

  // Standard: the one the text names (Quyết định 09/2011/QĐ-TTg for 2011–2015, 59/2015/QĐ-TTg for 2016–2020, Nghị
  // định 07/2021/NĐ-CP for 2022–2025), else by year: 2021 and before use 2016–2020 (Nghị định 07/2021/NĐ-CP, Article
  // 2 kept it for 2021), 2015 and before 2011–2015.
  const named = /\b09\/2011\/qd-ttg\b|chuan ngheo[^;.]{0,60}?2011 ?- ?2015/.test(t) ? "2011-2015" : /\b59\/2015\/qd-ttg\b|chuan ngheo[^;.]{0,60}?2016 ?- ?2020/.test(t) && !/chuan ngheo[^;.]{0,60}?202[12] ?- ?2025/.test(t) ? "2016-2020" : undefined;
  const standard = named ?? (year <= 2015 ? "2011-2015" : year <= 2021 ? "2016-2020" : "2022-2025");
  const stdSeg = doc.segments.find((s) => /chuan ngheo[^;]{0,80}?(?:2022 ?- ?2025|2016 ?- ?2020|2011 ?- ?2015)|\b(?:09\/2011|59\/2015)\/qd-ttg/.test(doc.seg(s)));
  const stdText = stdSeg ? doc.quote(stdSeg.a, stdSeg.b)?.quote : undefined;
  const standardNote = stdText && stdText.length < 300
    ? stdText
    : standard === "2011-2015"
      ? `Năm ${year} áp dụng chuẩn nghèo giai đoạn 2011-2015 (Quyết định 09/2011/QĐ-TTg).`
      : standard === "2016-2020"
      ? `Năm ${year} áp dụng chuẩn nghèo giai đoạn 2016-2020 (Quyết định 59/2015/QĐ-TTg; Điều 2 Nghị định 07/2021/NĐ-CP giữ chuẩn này cho năm 2021).`
      : `${docType === "plan" ? "Kế hoạch năm" : "Năm"} ${year}: chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định 07/2021/NĐ-CP).`;

  // Higher-level plan: "Thực hiện Kế hoạch số 67/KH-UBND ngày 19/02/2024 của UBND thị xã Việt Yên".
  const pp = /\b(?:thuc hien|can cu) (ke hoach so:? \d+\/\S+ ngay \d{1,2}\/\d{1,2}\/\d{4} cua [^;,]*?)(?= ve | v[e]? | nham |[;,]|$)/.exec(t.slice(0, Math.min(t.length, 4000)));
  let parent: HeaderField<{ text: string; quote: string }> | undefined;
  if (pp) {
    const q = doc.quote(pp.index, pp.index + pp[0].length);
    const txt = doc.value(pp.index + pp[0].length - pp[1].length, pp.index + pp[0].length);
    if (q) parent = { value: { text: txt.charAt(0).toUpperCase() + txt.slice(1), quote: q.quote }, comment: ocr ? "CHECK: OCR text; write `text` as it should read" : undefined };
  }

  const id = `${(locality?.id ?? localityId).split("/").pop()}-${year}`;
  return {
    id: { value: id },
    locality_id: { value: localityId, comment: localityComment },
    year: { value: year, comment: yearComment },
    number, number_quote: numberQuote, issued, issued_quote: issuedQuote,
    issuer, issuer_en: issuerEn,
    title: { value: titleValue, comment: title ? `${ocr ? "CHECK: OCR copy, as printed; " : ""}from line ${titleLine}` : "CHECK: no title found" },
    title_en: { value: "TODO: English title", comment: "CHECK: translate the title" },
    poverty_standard: { value: standard, comment: named ? "named in the text" : `from the year ${year}` },
    doc_type: { value: docType, comment: docType === "news" ? "CHECK: no document type or number printed: read as a news item" : undefined },
    locality_name: { value: printedName },
    locality_level: { value: printedLevel },
    standard_note: { value: standardNote, comment: stdText ? "the sentence that names the standard" : "CHECK: no sentence names the standard; written from the year" },
    source_file: { value: sourceFile },
    ocr: { value: ocr, comment: ocr ? "the copy has almost no Vietnamese diacritics: an OCR copy" : undefined },
    parent_plan: parent,
    notes,
    locality,
  };
}
