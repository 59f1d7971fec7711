import { describe, expect, test } from "vitest";
import { Doc, type Context } from "../../scripts/lib/extract/doc.ts";
import { extractRates, extractRelative } from "../../scripts/lib/extract/rates.ts";
import { ctx, extract, nfd, type Family } from "./extract-helpers.ts";

/** Records with the section and pattern they came from. */
const run = (text: string, family: Family, c: Context = ctx) => extract(text, family, c).cands.map((k) => ({ section: k.section, pattern: k.pattern, ...k.record }));

describe("rates: levels", () => {
  // Quảng Minh, lines 23–24.
  const typed = "- Cuối năm 2024 tỷ lệ hộ nghèo chung trên địa bàn phường giảm còn 0,43%.\n- Cuối năm 2024 tỷ lệ hộ cận nghèo chung trên địa bàn phường còn 0,97%.";
  const ocr = "- Cudi nam 2024 ty 1¢ ho nghéo chung trén dia ban phuong gidm con 0,43%.\n- Cudi nam 2024 ty 1€ ho can nghéo chung trén dia ban phuong con 0,97%.";
  const want = [
    { section: "targets", pattern: "rate_level", indicator: "poverty_rate", group: "poor", kind: "level", comparator: "eq", target_value: "0,43%", target_date: "2024-12-31", unit: "percent" },
    { section: "targets", pattern: "rate_level", indicator: "near_poverty_rate", group: "near_poor", kind: "level", comparator: "eq", target_value: "0,97%", target_date: "2024-12-31", unit: "percent" },
  ];
  test.each([["typed", typed], ["NFD", nfd(typed)], ["OCR", ocr]])('"giảm còn 0,43%" (%s)', (_, text) => {
    expect(run(text, extractRates)).toEqual(want);
  });

  test('"xuống dưới 1%" is a level with comparator lt', () => {
    expect(run("Phấn đấu tỷ lệ hộ nghèo giảm xuống còn dưới 1%.", extractRates)).toMatchObject([{ kind: "level", comparator: "lt", target_value: "1%" }]);
  });
});

describe("rates: changes in percentage points", () => {
  // Phổ Minh, line 41.
  const typed = "a) Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều thực hiện mức giảm 1,11% (tương ứng số hộ nghèo phải giảm là 16 hộ theo chỉ tiêu UBND thị xã Đức Phổ giao);";
  const ocr = "a) Ty 1¢ ho nghéo theo chuan nghéo da chiéu thuc hién mirc gidm 1,11% (tuong ung s6 ho nghéo phai gidm 1a 16 ho theo chi tiéu UBND thi xa Ptc Phé giao);";
  const want = { section: "targets", pattern: "rate_change_pp", indicator: "poverty_rate", group: "poor", kind: "change_pp", comparator: "eq", target_date: "2024-12-31", change_pp: "1,11%", change_households: "16", direction: "decrease", unit: "pp" };
  test.each([["typed", typed], ["NFD", nfd(typed)]])('"mức giảm 1,11% (tương ứng … 16 hộ)" (%s)', (_, text) => {
    expect(run(text, extractRates)).toEqual([want]);
  });

  test("OCR: the change is found; the household count too when the noise allows", () => {
    // "mirc gidm" is "mức giảm" with noise the repairs do not cover: the plain "giảm X%" pattern still finds the change.
    const got = run(ocr, extractRates);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ indicator: "poverty_rate", kind: "change_pp", change_pp: "1,11%", direction: "decrease" });
  });
});

describe("rates: from–to statements", () => {
  // Phan Rang – Tháp Chàm, lines 77–78: the OCR copy is the real text; the typed one is how it reads.
  const ocr = "- Phan dau cudi nam 2024, gidm ty 1¢ ho nghéo 1a 0,25% (giam tir 0,97% xudng\ncon 0,72%) va giam ty 1€ ho can ngheo 1a 0,34% (giam tir 2,50% xuong con 2,16%).";
  const typed = "- Phấn đấu cuối năm 2024, giảm tỷ lệ hộ nghèo là 0,25% (giảm từ 0,97% xuống\ncòn 0,72%) và giảm tỷ lệ hộ cận nghèo là 0,34% (giảm từ 2,50% xuống còn 2,16%).";
  test.each([["OCR", ocr], ["typed", typed], ["NFD", nfd(typed)]])("change, baseline and level in one statement (%s)", (_, text) => {
    const got = run(text, extractRates);
    expect(got).toEqual([
      { section: "targets", pattern: "rate_change_from_to", indicator: "poverty_rate", group: "poor", kind: "level", comparator: "eq", baseline_value: "0,97%", baseline_date: "2023-12-31", target_value: "0,72%", target_date: "2024-12-31", change_pp: "0,25%", direction: "decrease", unit: "percent" },
      { section: "statistics", pattern: "rate_baseline", indicator: "poverty_rate", group: "poor", date: "2023-12-31", value: "0,97%", unit: "percent" },
      { section: "targets", pattern: "rate_change_from_to", indicator: "near_poverty_rate", group: "near_poor", kind: "level", comparator: "eq", baseline_value: "2,50%", baseline_date: "2023-12-31", target_value: "2,16%", target_date: "2024-12-31", change_pp: "0,34%", direction: "decrease", unit: "percent" },
      { section: "statistics", pattern: "rate_baseline", indicator: "near_poverty_rate", group: "near_poor", date: "2023-12-31", value: "2,50%", unit: "percent" },
    ]);
  });

  test("each of the two statements gets its own quote, as the curated file has them", () => {
    const cands = extractRates(new Doc(ocr), ctx);
    expect(cands[0].quote).toBe("Phan dau cudi nam 2024, gidm ty 1¢ ho nghéo 1a 0,25% (giam tir 0,97% xudng con 0,72%)");
    expect(cands[2].quote).toBe("giam ty 1€ ho can ngheo 1a 0,34% (giam tir 2,50% xuong con 2,16%).");
    expect(cands[0].confidence).toBeLessThan(extractRates(new Doc(typed), ctx)[0].confidence);
  });

  // Thanh Liêm, line 21.
  const tl = "Phấn đấu cuối năm 2021 tỷ lệ hộ nghèo toàn huyện giảm từ 1,64% xuống còn 1,49% (không tính số hộ nghèo có thành viên thuộc chính sách ưu đãi người có công).";
  test.each([["typed", tl], ["NFD", nfd(tl)], ["no diacritics", "Phan dau cuoi nam 2021 ty le ho ngheo toan huyen giam tu 1,64% xuong con 1,49% (khong tinh so ho ngheo)."]])('"giảm từ 1,64% xuống còn 1,49%" (%s)', (_, text) => {
    expect(run(text, extractRates, { year: 2021, issued: null })[0]).toEqual({
      section: "targets", pattern: "rate_from_to", indicator: "poverty_rate", group: "poor", kind: "level", comparator: "eq",
      baseline_value: "1,64%", baseline_date: "2020-12-31", target_value: "1,49%", target_date: "2021-12-31", unit: "percent",
    });
  });
});

describe("rates: relative changes", () => {
  // Long Khánh, lines 31 and 35.
  const typed = "- Phấn đấu giảm 35% hộ nghèo A/trên tổng số hộ nghèo giai đoạn 2022-2025.\n\n- Phân đầu giảm 35% hộ cận nghèo cuối năm 2023, áp dụng cho năm 2024";
  const ocr = "- Phan dau gidm 35% ho nghéo A/trén tong s6 ho nghéo giai doan 2022-2025.\n\n- Phan ddu gidm 35% h¢ can nghéo cudi nam 2023, ap dung cho nam 2024";
  test.each([["typed", typed], ["NFD", nfd(typed)], ["OCR", ocr]])('"giảm 35% hộ nghèo A" (%s)', (_, text) => {
    expect(run(text, extractRelative)).toEqual([
      { section: "targets", pattern: "change_relative", indicator: "poor_households", group: "poor_a", kind: "change_relative", comparator: "eq", target_date: "2024-12-31", change_relative_pct: "35%", direction: "decrease", unit: "percent" },
      { section: "targets", pattern: "change_relative", indicator: "near_poor_households", group: "near_poor", kind: "change_relative", comparator: "eq", baseline_date: "2023-12-31", target_date: "2024-12-31", change_relative_pct: "35%", direction: "decrease", unit: "percent" },
    ]);
  });

  test('a rate change ("tỷ lệ hộ nghèo giảm 1%") is not a relative change', () => {
    const doc = new Doc("Tỷ lệ hộ nghèo giảm 1% hộ nghèo so với năm trước.");
    extractRates(doc, ctx);
    expect(extractRelative(doc, ctx)).toEqual([]);
  });
});

describe("rates: wordings the five plans do not use", () => {
  test.each([
    ["Phấn đấu đến cuối năm 2024 giảm 0,6% tỷ lệ hộ nghèo, tương ứng 85 hộ.", { indicator: "poverty_rate", kind: "change_pp", change_pp: "0,6%", change_households: "85" }],
    ["- Phấn đấu giảm tỷ lệ hộ cận nghèo năm 2024 là 0,4%.", { indicator: "near_poverty_rate", kind: "change_pp", change_pp: "0,4%", direction: "decrease" }],
    ["- Tỷ lệ hộ nghèo cuối năm 2023 là 2,15%.", { indicator: "poverty_rate", date: "2023-12-31", value: "2,15%" }],
  ])("%s", (text, want) => {
    expect(run(text, extractRates)).toMatchObject([want]);
    expect(run(nfd(text), extractRates)).toMatchObject([want]);
  });

  test("an achieved change is not a target, and a range is not read", () => {
    expect(run("Ước thực hiện giảm tỷ lệ hộ nghèo năm 2023 là 0,52%, đạt kế hoạch.", extractRates)).toEqual([]);
    expect(run("Phấn đấu giảm tỷ lệ hộ nghèo từ 1-1,5% trong năm 2024.", extractRates)).toEqual([]);
  });
});
