import { describe, expect, test } from "vitest";
import { foldAccents, foldSpace } from "../../src/domain/fold.ts";

describe("foldAccents: names for search", () => {
  test('"Phan Rang – Tháp Chàm" → "phan rang - thap cham" (en dash folded)', () => {
    expect(foldAccents("Phan Rang – Tháp Chàm")).toBe("phan rang - thap cham");
  });

  test('"Phổ Minh" → "pho minh" (stacked diacritics)', () => {
    expect(foldAccents("Phổ Minh")).toBe("pho minh");
  });

  test('"Đình Cả" → "dinh ca" (đ is a letter, not an accent)', () => {
    expect(foldAccents("Đình Cả")).toBe("dinh ca");
    expect(foldAccents("đồng")).toBe("dong");
  });

  test("NFD input folds the same as NFC input", () => {
    for (const name of ["Quảng Minh", "Khả Lý Thượng", "Đình Cả", "Kẽ", "Phan Rang – Tháp Chàm"]) {
      const nfd = name.normalize("NFD");
      expect(nfd).not.toBe(name);
      expect(foldAccents(nfd)).toBe(foldAccents(name));
    }
  });

  test("whitespace runs fold to one space, trimmed", () => {
    expect(foldAccents("  Thanh\t Liêm\n")).toBe("thanh liem");
  });
});

describe("foldSpace: how quotes are compared", () => {
  test("keeps accents and case, folds whitespace and normalises to NFC", () => {
    expect(foldSpace(" tỷ lệ\n\n70,59%. ")).toBe("tỷ lệ 70,59%.");
    expect(foldSpace("Hộ nghèo".normalize("NFD"))).toBe("Hộ nghèo");
  });
});
