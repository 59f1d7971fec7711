import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { Doc } from "../../scripts/lib/extract/doc.ts";
import { READING_PHRASES, WORDS } from "../../scripts/lib/extract/lexicon.ts";
import { confusionCost, cut, fold, matchName } from "../../scripts/lib/extract/text.ts";
import { PLANS, root, source } from "./extract-helpers.ts";

const READING_WORDS = new Set(READING_PHRASES.flatMap((p) => p.split(" ")));

// The Phan Rang – Tháp Chàm copy (OCR, no diacritics) and the same sentence as typed.
const OCR = "Phan dau cudi nam 2024, gidm ty 1¢ ho nghéo 1a 0,25% (giam tir 0,97% xudng\ncon 0,72%)";
const TYPED = "Phấn đấu cuối năm 2024, giảm tỷ lệ hộ nghèo là 0,25% (giảm từ 0,97% xuống còn 0,72%)";

describe("fold: the text the patterns run on", () => {
  test("typed, NFD and OCR copies of one sentence fold to the same text", () => {
    const want = "phan dau cuoi nam 2024, giam ty le ho ngheo la 0,25% (giam tu 0,97% xuong con 0,72%)";
    expect(fold(TYPED).text).toBe(want);
    expect(fold(TYPED.normalize("NFD")).text).toBe(want);
    expect(fold(OCR).text).toBe(want);
  });

  test("every folded character maps back to the original, so a match cuts the original words", () => {
    for (const src of [TYPED, TYPED.normalize("NFD"), OCR]) {
      const f = fold(src);
      const a = f.text.indexOf("ty le"), b = f.text.indexOf("0,25%") + 5;
      expect(cut(f, a, b)).toBe(src === OCR ? "ty 1¢ ho nghéo 1a 0,25%" : "tỷ lệ hộ nghèo là 0,25%");
    }
  });

  test("OCR repairs are recorded (a match over them is less certain) and clean text is not touched", () => {
    expect(fold(OCR).repaired.length).toBeGreaterThan(0);
    expect(fold(TYPED).repaired).toEqual([]);
    expect(fold(TYPED.normalize("NFD")).repaired).toEqual([]);
  });

  test("whitespace runs, line breaks and CRLF fold to one space", () => {
    expect(fold("giảm  còn\r\n\r\n0,43%").text).toBe("giam con 0,43%");
  });

  test("folds a document of 300,000 characters (a provincial plan with appendices) and cuts its last sentence", () => {
    // Typed text has no OCR repair, so the character map is copied in one stretch: as one push(...slice) that
    // overflowed the call stack.
    const long = `${TYPED}\n`.repeat(3600);
    const f = fold(long);
    expect(long.length).toBeGreaterThan(300_000);
    expect(f.repaired).toEqual([]);
    expect(f.start).toHaveLength(f.text.length);
    const a = f.text.lastIndexOf("ty le"), b = f.text.lastIndexOf("0,25%") + 5;
    expect(cut(f, a, b)).toBe("tỷ lệ hộ nghèo là 0,25%");
  });
});

describe("Doc: segments and quotes", () => {
  test("list markers are left out of segments and quotes; a sentence may cross a blank line", () => {
    const doc = new Doc("- + Thiếu hụt chỉ số phương tiện phục vụ tiếp cận thông tin: 12 hộ, tỷ lệ\n\n70,59%.\n\na) Tỷ lệ hộ nghèo giảm 1%;");
    expect(doc.segments.map((s) => doc.seg(s))).toEqual([
      "thieu hut chi so phuong tien phuc vu tiep can thong tin: 12 ho, ty le 70,59%.",
      "ty le ho ngheo giam 1%;",
    ]);
    const q = doc.quote(doc.segments[0].a, doc.segments[0].b)!;
    expect(q).toEqual({ quote: "Thiếu hụt chỉ số phương tiện phục vụ tiếp cận thông tin: 12 hộ, tỷ lệ 70,59%.", occurrence: 1, count: 1, line: 1 });
  });

  test("a repeated sentence gets the occurrence the build's SourceText counts", () => {
    const line = "Thiếu hụt chỉ số dinh dưỡng: 00 hộ, tỷ lệ 00%;";
    const doc = new Doc(`${line}\nMột câu khác.\n${line}`);
    const last = doc.segments[doc.segments.length - 1];
    expect(doc.quote(last.a, last.b)).toEqual({ quote: line, occurrence: 2, count: 2, line: 3 });
  });

  test("a heading line without a full stop ends its segment", () => {
    const doc = new Doc("**I. KHÁI QUÁT VỀ THỰC TRẠNG HỘ NGHÈO**\n\nkết quả rà soát có 700 hộ nghèo");
    expect(doc.segments.map((s) => doc.seg(s))).toContain("ket qua ra soat co 700 ho ngheo");
  });
});

describe("OCR repair: a confusion model and the plans' lexicon", () => {
  test("glyphs are read back as the words they stand for, also where the real copy never garbled them", () => {
    // "cudi"/"gidm"/"tir" are the Phan Rang copy's; "nim 2024", "h6", "ngh€o", "s6", "ddt 95" are other readings of
    // the same glyph model.
    expect(fold("Phấn đấu cudi nim 2024 gidm ty 1¢ h6 ngh€o 1a 0,25% (giam tir 0,97% xudng con 0,72%)").text)
      .toBe("phan dau cuoi nam 2024 giam ty le ho ngheo la 0,25% (giam tu 0,97% xuong con 0,72%)");
    expect(fold("Tong s6 ho 1.250 ho; di hoc dung do tuoi ddt 95%").text).toBe("tong so ho 1.250 ho; di hoc dung do tuoi dat 95%");
  });

  test("a plausible word is only re-read when the phrase around it says so", () => {
    expect(fold("17 hé nghèo").text).toBe("17 ho ngheo");
    expect(fold("hé nghèo").text).toBe("ho ngheo");
    // "15 ha" is hectares, "cơ sở hạ tầng" is infrastructure: neither is a garbled "hộ".
    expect(fold("15 ha đất, cơ sở hạ tầng").text).toBe("15 ha dat, co so ha tang");
  });

  test("numbers are never touched", () => {
    expect(fold("1.011 hộ, 0,57%, 2022-2025").text).toBe("1.011 ho, 0,57%, 2022-2025");
  });

  test.each(Object.keys(PLANS).filter((f) => !f.includes("phan-rang")))("the typed plan %s is left as typed (only the spelling tỉ → tỷ)", (file) => {
    const text = source(file);
    const f = fold(text);
    expect(f.repaired.map(([a, b]) => text.slice(a, b)).filter((w) => w !== "tỉ")).toEqual([]);
  });

  test("confusionCost counts glyph readings", () => {
    expect(confusionCost("gidm", "giam")).toBe(1);
    expect(confusionCost("tir", "tu")).toBe(1);
    expect(confusionCost("1¢", "le")).toBe(2);
    expect(confusionCost("xyz", "le")).toBe(Infinity);
  });

  test("garbled place names match the one locality they spell", () => {
    const rows: [string, string][] = [["Khả Lý Thượng", "thuong"], ["Khả Lý Hạ", "ha"], ["Đông Long", "dong-long"], ["Đình Cả", "dinh-ca"], ["Kẽ", "ke"]];
    expect(matchName("Pong Iong", rows, 3)).toBe("dong-long");
    expect(matchName("Kha 1y H&", rows, 3)).toBe("ha");
    expect(matchName("D1nh C4", rows, 3)).toBe("dinh-ca");
    expect(matchName("Hòa Bình", rows, 3)).toBeUndefined();
  });

  test("every word the pattern families match on is in the lexicon, so OCR noise on it can be repaired", () => {
    // Regex fragments that are not words: "kh" (nhân kh[a-z]u), "and", "tho" (tho[ae]t); "de" is left out on purpose
    // (lexicon.ts).
    const fragments = new Set(["kh", "and", "tho", "de"]);
    const missing: string[] = [];
    for (const family of ["rates", "counts", "coverage", "deprivations", "budget", "doc", "header", "tables", "grammar", "reading", "flat-tables", "draft"]) {
      const src = readFileSync(`${root}scripts/lib/extract/${family}.ts`, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|\s)\/\/ .*$/gm, "");
      const bodies = [
        ...[...src.matchAll(/(?<=[=(,:[!&|?{;]\s*)\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n[])+)\/[dgimsuy]*/g)].map((m) => m[1]),
        ...[...src.matchAll(/String\.raw`([^`]*)`/g)].map((m) => m[1]),
      ];
      for (const b of bodies) {
        const words = b.replace(/\$\{[^}]*\}/g, " ").replace(/\\[a-zA-Z]/g, " ").replace(/\[[^\]]*\]/g, "#").replace(/\(\?(?:[:=!]|<[=!]|<\w+>)/g, "(").split(/[^a-z]+/);
        for (const w of words) if (w.length >= 2 && !WORDS.has(w) && !READING_WORDS.has(w) && !fragments.has(w)) missing.push(`${family}: ${w}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
