import { describe, expect, test } from "vitest";
import { extractCounts, extractOutputs } from "../../scripts/lib/extract/counts.ts";
import { nfd, records as run } from "./extract-helpers.ts";

describe("counts: households, persons and the rate beside them", () => {
  // Quảng Minh, lines 35 and 37.
  const typed = "1. Hộ nghèo năm 2023 theo chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2022-2025 trên địa bàn thị xã có 17 hộ nghèo với 29 nhân khẩu, chiếm tỷ lệ 0,57%.\n\n2. Hộ cận nghèo có 44 hộ với 141 nhân khẩu, chiếm tỷ lệ 1,47%.";
  const ocr = "1. H¢ nghéo nam 2023 theo chuan nghéo tiép can da chiéu ap dung cho giai doan 2022-2025 trén dia ban thi xa c6 17 ho nghéo véi 29 nhan khau, chiém ty 1¢ 0,57%.\n\n2. Ho can nghéo c6 44 ho véi 141 nhan khiu, chiém ty 1€ 1,47%.";
  const want = [
    { indicator: "poor_households", group: "poor", date: "2023-12-31", value: "17", unit: "households" },
    { indicator: "poor_persons", group: "poor", date: "2023-12-31", value: "29", unit: "persons" },
    { indicator: "poverty_rate", group: "poor", date: "2023-12-31", value: "0,57%", unit: "percent" },
    { indicator: "near_poor_households", group: "near_poor", date: "2023-12-31", value: "44", unit: "households" },
    { indicator: "near_poor_persons", group: "near_poor", date: "2023-12-31", value: "141", unit: "persons" },
    { indicator: "near_poverty_rate", group: "near_poor", date: "2023-12-31", value: "1,47%", unit: "percent" },
  ];
  test.each([["typed", typed], ["NFD", nfd(typed)], ["OCR", ocr]])('"17 hộ nghèo với 29 nhân khẩu, chiếm tỷ lệ 0,57%" (%s)', (_, text) => {
    expect(run(text, extractCounts)).toEqual(want);
  });

  // Thanh Liêm, line 13: a count with an exclusion in brackets, then a second count after ";".
  const tl = "kết quả rà soát hộ nghèo, hộ cận nghèo cuối năm 2020 toàn huyện có 700 hộ nghèo (không tính 31 hộ nghèo có thành viên thuộc chính sách ưu đãi người có công) chiếm 1,64% tổng số hộ toàn huyện; 1357 hộ cận nghèo, chiếm 3,18% tổng số hộ toàn huyện.";
  test.each([["typed", tl], ["NFD", nfd(tl)], ["no diacritics", "ket qua ra soat ho ngheo, ho can ngheo cuoi nam 2020 toan huyen co 700 ho ngheo (khong tinh 31 ho ngheo co thanh vien thuoc chinh sach uu dai nguoi co cong) chiem 1,64% tong so ho toan huyen; 1357 ho can ngheo, chiem 3,18% tong so ho toan huyen."]])(
    '"700 hộ nghèo (không tính 31 hộ …) chiếm 1,64%; 1357 hộ cận nghèo" (%s)', (_, text) => {
      expect(run(text, extractCounts, { year: 2021, issued: null })).toEqual([
        { indicator: "poor_households_meritorious_excluded", group: "poor", date: "2020-12-31", value: "31", unit: "households" },
        { indicator: "poor_households", group: "poor", date: "2020-12-31", value: "700", unit: "households" },
        { indicator: "poverty_rate", group: "poor", date: "2020-12-31", value: "1,64%", unit: "percent" },
        { indicator: "near_poor_households", group: "near_poor", date: "2020-12-31", value: "1357", unit: "households" },
        { indicator: "near_poverty_rate", group: "near_poor", date: "2020-12-31", value: "3,18%", unit: "percent" },
      ]);
    });

  // Quảng Minh, line 41.
  const labelled = "- Hộ nghèo thuộc diện bảo trợ xã hội và các đối tượng khó thoát nghèo: 13 hộ; Hộ nghèo có khả năng thoát nghèo: 04 hộ.";
  test.each([["typed", labelled], ["NFD", nfd(labelled)], ["OCR", "- H¢ nghéo thudc dién bao tro xa hoi va cac doi tugng kho thoat nghéo: 13 ho; Ho nghéo c6 kha nang thoat nghéo: 04 ho."]])('labelled counts "…: 13 hộ; …: 04 hộ" (%s)', (_, text) => {
    expect(run(text, extractCounts)).toEqual([
      { indicator: "poor_social_protection_households", group: "poor", date: "2023-12-31", value: "13", unit: "households" },
      { indicator: "poor_exit_capable_households", group: "poor", date: "2023-12-31", value: "04", unit: "households" },
    ]);
  });

  test('wordings the five plans do not use: "còn N hộ nghèo", "hộ cận nghèo là N hộ"', () => {
    expect(run("Cuối năm 2023 toàn huyện còn 1.204 hộ nghèo, chiếm tỷ lệ 2,61%; hộ cận nghèo là 987 hộ, chiếm tỷ lệ 2,14%.", extractCounts)).toEqual([
      { indicator: "poor_households", group: "poor", date: "2023-12-31", value: "1.204", unit: "households" },
      { indicator: "poverty_rate", group: "poor", date: "2023-12-31", value: "2,61%", unit: "percent" },
      { indicator: "near_poor_households", group: "near_poor", date: "2023-12-31", value: "987", unit: "households" },
      { indicator: "near_poverty_rate", group: "near_poor", date: "2023-12-31", value: "2,14%", unit: "percent" },
    ]);
  });

  test('"hỗ trợ 12 hộ nghèo" is not a count of poor households', () => {
    expect(run("Hỗ trợ 12 hộ nghèo sửa chữa nhà ở.", extractCounts)).toEqual([]);
  });
});

describe("counts: houses, models and job links the plan aims for", () => {
  test.each([
    // Phổ Minh, line 45.
    ["models", "c) Phấn đấu xây dựng 01 mô hình giảm nghèo, phát triển sản xuất nhằm tạo sinh kế, việc làm, thu nhập bền vững, thích ứng với biến đổi khí hậu, dịch bệnh cho hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo;",
      { indicator: "poverty_models", group: "poor_near_poor_newly_exited", kind: "count", comparator: "eq", target_value: "01", target_date: "2024-12-31", unit: "models" }],
    // Phổ Minh, line 59.
    ["job links", "+ Tối thiểu 05 người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được hỗ trợ kết nối việc làm thành công;",
      { indicator: "job_links", group: "poor_near_poor_newly_exited", kind: "count", comparator: "ge", target_value: "05", target_date: "2024-12-31", unit: "workers" }],
    // Phan Rang – Tháp Chàm, line 484 (typed).
    ["houses", "Trong năm 2024, phấn đấu xây mới 10 căn nhà ở cho hộ nghèo.",
      { indicator: "houses_built", group: "poor", kind: "count", comparator: "eq", target_value: "10", target_date: "2024-12-31", unit: "houses" }],
  ])("%s", (_, text, want) => {
    expect(run(text, extractOutputs)).toEqual([want]);
    expect(run(nfd(text), extractOutputs)).toEqual([want]);
  });

  test("houses, OCR copy (the real line)", () => {
    expect(run("vé nha ¢ tr nhiéu chuong trinh khac nhau. Trong nam 2024, phan d4u xay méi 10 can\nnha & cho ho nghéo. Tiép tuc ra soat", extractOutputs)).toEqual([
      { indicator: "houses_built", group: "poor", kind: "count", comparator: "eq", target_value: "10", target_date: "2024-12-31", unit: "houses" },
    ]);
  });
});
