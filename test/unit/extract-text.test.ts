import { describe, expect, test } from "vitest";
import { Doc } from "../../scripts/lib/extract/doc.ts";
import { cut, fold } from "../../scripts/lib/extract/text.ts";

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
});

describe("Doc: segments and quotes", () => {
  test("list markers are left out of segments and quotes; a sentence may cross a blank line", () => {
    const doc = new Doc("- + Thiếu hụt chỉ số phương tiện phục vụ tiếp cận thông tin: 12 hộ, tỷ lệ\n\n70,59%.\n\na) Tỷ lệ hộ nghèo giảm 1%;");
    expect(doc.segments.map((s) => doc.seg(s))).toEqual([
      "thieu hut chi so phuong tien phuc vu tiep can thong tin: 12 ho, ty le 70,59%.",
      "ty le ho ngheo giam 1%;",
    ]);
    const q = doc.quote(doc.segments[0].a, doc.segments[0].b)!;
    expect(q).toEqual({ quote: "Thiếu hụt chỉ số phương tiện phục vụ tiếp cận thông tin: 12 hộ, tỷ lệ 70,59%.", occurrence: 1, line: 1 });
  });

  test("a repeated sentence gets the occurrence the build's SourceText counts", () => {
    const line = "Thiếu hụt chỉ số dinh dưỡng: 00 hộ, tỷ lệ 00%;";
    const doc = new Doc(`${line}\nMột câu khác.\n${line}`);
    const last = doc.segments[doc.segments.length - 1];
    expect(doc.quote(last.a, last.b)).toEqual({ quote: line, occurrence: 2, line: 3 });
  });

  test("a heading line without a full stop ends its segment", () => {
    const doc = new Doc("**I. KHÁI QUÁT VỀ THỰC TRẠNG HỘ NGHÈO**\n\nkết quả rà soát có 700 hộ nghèo");
    expect(doc.segments.map((s) => doc.seg(s))).toContain("ket qua ra soat co 700 ho ngheo");
  });
});
