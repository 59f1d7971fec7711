import { describe, expect, test } from "vitest";
import { extractBudget } from "../../scripts/lib/extract/budget.ts";
import { extractDeprivations } from "../../scripts/lib/extract/deprivations.ts";
import type { Context } from "../../scripts/lib/extract/doc.ts";
import { extract, nfd, stripped } from "./extract-helpers.ts";

// Budget shares are dated at the issue date.
const ctx: Context = { year: 2024, issued: "2024-04-01" };

describe("deprivations: \"Thiếu hụt chỉ số …: N hộ, tỷ lệ X%\"", () => {
  // Quảng Minh, lines 43–62 (abridged): the group comes from the heading above each list.
  const typed = [
    "- Kết quả đo lường về mức độ thiếu hụt các dịch vụ xã hội cơ bản của hộ nghèo:",
    "",
    "- + Thiếu hụt chỉ số việc làm: 03 hộ, tỷ lệ 58,8%;",
    "- + Thiếu hụt chỉ số dinh dưỡng: 00 hộ, tỷ lệ 00%;",
    "- + Thiếu hụt chỉ số phương tiện phục vụ tiếp cận thông tin: 12 hộ, tỷ lệ",
    "",
    "70,59%.",
    "",
    "- Kết quả đo lường về mức độ thiếu hụt các dịch vụ xã hội cơ bản của hộ cận nghèo:",
    "",
    "- + Thiếu hụt chỉ số dinh dưỡng: 00 hộ, tỷ lệ 00%;",
    "- + Thiếu hụt chỉ số diện tích nhà ở bình quân đầu người: 03 hộ, tỷ lệ 7,14%;",
  ].join("\n");
  const ocr = stripped(typed.replace(/hộ/g, "h¢").replace(/tỷ lệ/g, "ty 1¢").replace(/nghèo/g, "nghéo"));
  const want = [
    { group: "poor", date: "2023-12-31", indicator: "employment", households: "03", stated_pct: "58,8%" },
    { group: "poor", date: "2023-12-31", indicator: "nutrition", households: "00", stated_pct: "00%" },
    { group: "poor", date: "2023-12-31", indicator: "information_access_means", households: "12", stated_pct: "70,59%" },
    { group: "near_poor", date: "2023-12-31", indicator: "nutrition", households: "00", stated_pct: "00%" },
    { group: "near_poor", date: "2023-12-31", indicator: "housing_area", households: "03", stated_pct: "7,14%" },
  ];
  test.each([["typed", typed], ["NFD", nfd(typed)], ["OCR-like", ocr]])("%s", (_, text) => {
    const { cands } = extract(text, extractDeprivations, ctx);
    expect(cands.map((c) => c.record)).toEqual(want);
    // The repeated line of the near-poor list is the second occurrence of its words.
    expect(cands[3].occurrence).toBe(2);
    expect(cands[2].quote).toMatch(/^Thi.+70,59%\.$/u);
  });
});

describe("budget: million đồng", () => {
  // Long Khánh, line 128: the total is a budget target; the share after "trong đó" a statistic, not added.
  const typed = "Tổng nhu cầu vốn thực hiện: dự kiến 383 triệu đồng, (trong đó: Ngân sách tỉnh hỗ trợ 383 triệu đồng).";
  test.each([["typed", typed], ["NFD", nfd(typed)], ["OCR", "Tong nhu cau vén thuc hién: du kién 383 triéu dong, (trong d6: Ngan sach tinh hd tro 383 triéu déng)."]])("%s", (_, text) => {
    const { cands } = extract(text, extractBudget, ctx);
    expect(cands.map((c) => [c.section, c.record.indicator, c.record.target_value ?? c.record.value, c.record.date ?? c.record.target_date])).toEqual([
      ["targets", "budget", "383", "2024-12-31"],
      ["statistics", "budget", "383", "2024-04-01"],
    ]);
    expect(cands[0].quote).toMatch(/^T.+383 tri.u đ?d?.ng$/u);
  });

  test("amounts in tỷ đồng are listed, never converted", () => {
    const { cands, skipped } = extract("Tổng kinh phí 1,5 tỷ đồng.", extractBudget, ctx);
    expect(cands).toEqual([]);
    expect(skipped).toMatchObject([{ line: 1, value: "1,5 tỷ đồng" }]);
  });
});
