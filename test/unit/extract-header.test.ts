import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { Doc } from "../../scripts/lib/extract/doc.ts";
import { extractHeader } from "../../scripts/lib/extract/header.ts";
import { extractTables } from "../../scripts/lib/extract/tables.ts";
import { curated, localities, PLANS, root, source, stripped } from "./extract-helpers.ts";

describe("header: number, date, locality, issuer, title, year", () => {
  test.each(Object.entries(PLANS))("%s agrees with the curated plan", (file, id) => {
    const want = curated(id);
    for (const text of [source(file), source(file).normalize("NFD")]) {
      const h = extractHeader(new Doc(text), file, localities);
      expect(h.id.value).toBe(want.id);
      expect(h.locality_id.value).toBe(want.locality_id);
      expect(h.year.value).toBe(want.year);
      expect(h.issued.value).toBe(want.issued);
      expect(h.number_quote.value).toBe(want.number_quote.normalize("NFC"));
      expect(h.poverty_standard.value).toBe(want.poverty_standard);
      expect(h.ocr.value).toBe(want.ocr);
      // The OCR copy's number is kept as printed ("122 /IKH-UBND") for the reviewer to correct.
      if (!want.ocr) {
        expect(h.number.value).toBe(want.number);
        expect(h.title.value).toBe(want.title);
        expect(h.issuer.value).toBe(want.issuer);
      }
    }
  });

  test("Phan Rang – Tháp Chàm: the OCR-garbled date becomes a note, not a guess", () => {
    const h = extractHeader(new Doc(source("2024-phan-rang-thap-cham-ninh-thuan.txt")), "2024-phan-rang-thap-cham-ninh-thuan.txt", localities);
    expect(h.issued.value).toBeNull();
    expect(h.notes).toMatchObject([{ code: "date_unreadable", quote: "Phan Rang -ThapCham, ngay! I thang 3 nam 2024" }]);
    expect(h.number.value).toBe("122 /IKH-UBND");
    expect(h.number.comment).toMatch(/CHECK/);
  });

  test("Quảng Minh: the blank header date is taken from the appendix and marked CHECK", () => {
    const h = extractHeader(new Doc(source("2024-quang-minh-viet-yen-bac-giang.txt")), "2024-quang-minh-viet-yen-bac-giang.txt", localities);
    expect(h.issued_quote.value).toBe("(Kèm theo Kế hoạch số: /KH-UBND ngày 22 /02/2024 của UBND phường Quảng Minh)");
    expect(h.issued.comment).toMatch(/CHECK.*appendix/);
  });

  test("an unknown locality gets a slug and a CHECK to add it to localities.yaml", () => {
    const h = extractHeader(new Doc("Số: 12/KH-UBND\n\nHòa Bình Xanh, ngày 05 tháng 01 năm 2025\n\nKẾ HOẠCH Giảm nghèo năm 2025\n"), "2025-hoa-binh-xanh-x.txt", localities);
    expect(h.locality_id.value).toBe("hoa-binh-xanh");
    expect(h.locality_id.comment).toMatch(/not in data\/localities.yaml/);
    expect(h.issued.value).toBe("2025-01-05");
    expect(h.id.value).toBe("hoa-binh-xanh-2025");
    expect(h.title.value).toBe("Kế hoạch giảm nghèo năm 2025");
  });
});

describe("tables: the tab-separated appendix", () => {
  test("Quảng Minh's appendix maps like the curated file, and its lines are copied as published", () => {
    const text = source("2024-quang-minh-viet-yen-bac-giang.txt");
    const [t, ...more] = extractTables(new Doc(text), "quang-minh-2024", { localityId: "bac-giang/viet-yen/quang-minh", year: 2024 }, localities);
    expect(more).toEqual([]);
    const want = curated("quang-minh-2024").tables[0];
    const strip = (cols: typeof want.columns) => cols.map(({ header: _h, ...c }) => ({ ...c, decimal: c.decimal ?? "," }));
    expect(strip(t.mapping.columns)).toEqual(strip(want.columns));
    expect(t.mapping).toMatchObject({ file: want.file, header_rows: want.header_rows, name_column: want.name_column, total_label: want.total_label, rows: want.rows, title: want.title });
    expect(t.tsv).toBe(readFileSync(`${root}data/tables/${want.file}`, "utf8"));
    expect(t.unknownRows).toEqual([]);
  });

  test("NFD and diacritic-free copies map the same columns", () => {
    const text = source("2024-quang-minh-viet-yen-bac-giang.txt");
    const plain = stripped(text);
    const cols = (s: string) => extractTables(new Doc(s), "quang-minh-2024", { localityId: "bac-giang/viet-yen/quang-minh", year: 2024 }, localities)[0].mapping.columns.map((c) => [c.index, c.indicator, c.group, c.record, c.date, c.decimal]);
    expect(cols(text.normalize("NFD"))).toEqual(cols(text));
    expect(cols(plain)).toEqual(cols(text));
  });
});
