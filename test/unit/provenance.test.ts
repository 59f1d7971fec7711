import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { SourceText } from "../../scripts/lib/provenance.ts";

const root = new URL("../../", import.meta.url).pathname;
const source = (file: string) => new SourceText(readFileSync(`${root}data/sources/${file}`, "utf8"));
const phanRang = source("2024-phan-rang-thap-cham-ninh-thuan.txt");
const quangMinh = source("2024-quang-minh-viet-yen-bac-giang.txt");

describe("SourceText on tiny inputs", () => {
  const doc = new SourceText("first line\nsecond  line\tends\n\nfourth");

  test("finds a quote on one line", () => {
    expect(doc.locate("second line")).toEqual({ line: 2, lineEnd: 2, count: 1 });
  });

  test("finds a quote across a line break and a blank line", () => {
    expect(doc.locate("ends fourth")).toEqual({ line: 2, lineEnd: 4, count: 1 });
  });

  test("counts occurrences and picks the n-th", () => {
    expect(doc.locate("line", 1)).toMatchObject({ line: 1, count: 2 });
    expect(doc.locate("line", 2)).toMatchObject({ line: 2, count: 2 });
    expect(doc.locate("line", 3)).toBeUndefined();
  });

  test("empty and blank quotes are never found", () => {
    expect(doc.locate("")).toBeUndefined();
    expect(doc.locate(" \n ")).toBeUndefined();
  });

  test("lines are kept as given", () => {
    expect(doc.lines).toEqual(["first line", "second  line\tends", "", "fourth"]);
  });
});

describe("SourceText on the real documents", () => {
  test("Phan Rang OCR: a quote spanning lines 77–78 is found with line and lineEnd", () => {
    expect(phanRang.lines[76]).toContain("giam tir 0,97% xudng");
    expect(phanRang.lines[77]).toMatch(/^con 0,72%/);
    expect(phanRang.locate("giam tir 0,97% xudng con 0,72%")).toEqual({ line: 77, lineEnd: 78, count: 1 });
  });

  test("Phan Rang OCR: a quote on line 78 alone", () => {
    expect(phanRang.locate("giam tir 2,50% xuong con 2,16%")).toMatchObject({ line: 78, lineEnd: 78 });
  });

  test("an NFD quote is found in the NFC source", () => {
    const nfc = "Hộ cận nghèo có 44 hộ với 141 nhân khẩu, chiếm tỷ lệ 1,47%.";
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc);
    expect(quangMinh.locate(nfd)).toEqual(quangMinh.locate(nfc));
    expect(quangMinh.locate(nfd)).toMatchObject({ line: 37, lineEnd: 37 });
  });

  test("occurrence 2 of the nutrition line is the near-poor one on line 64", () => {
    const q = "Thiếu hụt chỉ số dinh dưỡng: 00 hộ, tỷ lệ 00%;";
    expect(quangMinh.locate(q, 1)).toEqual({ line: 47, lineEnd: 47, count: 2 });
    expect(quangMinh.locate(q, 2)).toEqual({ line: 64, lineEnd: 64, count: 2 });
    expect(quangMinh.locate(q, 3)).toBeUndefined();
  });

  test("a quote with one changed character is not found", () => {
    expect(quangMinh.locate("Hộ cận nghèo có 44 hộ với 141 nhân khẩu, chiếm tỷ lệ 1,47%.")).toBeDefined();
    expect(quangMinh.locate("Hộ cận nghèo có 45 hộ với 141 nhân khẩu, chiếm tỷ lệ 1,47%.")).toBeUndefined();
    expect(quangMinh.locate("Hộ cận nghẻo có 44 hộ với 141 nhân khẩu, chiếm tỷ lệ 1,47%.")).toBeUndefined();
    expect(phanRang.locate("giam tir 0,97% xudng con 0,73%")).toBeUndefined();
  });
});
