/**
 * The reading of headline figures (reading.ts, grammar.ts, flat-tables.ts) on sentences written for these tests, one
 * group per failure kind of the issue "The extractor reads documents it has never seen". The places, numbers and
 * documents are made up; none is copied from the extract cases.
 */
import { describe, expect, test } from "vitest";
import { draftedRecords, type CaseRecord } from "../../scripts/lib/extract/cases.ts";
import { Doc } from "../../scripts/lib/extract/doc.ts";
import { extractDraft, type Draft } from "../../scripts/lib/extract/draft.ts";
import { docTypeOf, labelsIn, numbersIn, timesIn } from "../../scripts/lib/extract/grammar.ts";
import { extractHeader } from "../../scripts/lib/extract/header.ts";
import { lastVerb } from "../../scripts/lib/extract/reading.ts";
import { fold } from "../../scripts/lib/extract/text.ts";
import { localities } from "./extract-helpers.ts";

const head = {
  plan: "ỦY BAN NHÂN DÂN XÃ KIM SA\nSố: 21/KH-UBND\nKim Sa, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nGiảm nghèo bền vững năm 2025\n",
  report: "ỦY BAN NHÂN DÂN XÃ KIM SA\nSố: 7/BC-UBND\nKim Sa, ngày 08 tháng 01 năm 2025\nBÁO CÁO\nKết quả công tác giảm nghèo năm 2024\n",
  decision: "ỦY BAN NHÂN DÂN HUYỆN LAM BÌNH\nSố: 4/QĐ-UBND\nLam Bình, ngày 06 tháng 01 năm 2025\nQUYẾT ĐỊNH\nPhê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2024\nQUYẾT ĐỊNH:\n",
};
const draft = (text: string): Draft => extractDraft(text, { sourceFile: "test-doc.txt", localities });
const records = (d: Draft): Partial<CaseRecord>[] => draftedRecords(d).map(({ record, indicator, kind, value, value_low, value_high, date, sub_unit }) => ({ record, indicator, ...(kind ? { kind } : {}), ...(value !== undefined ? { value } : { value_low, value_high }), date, ...(sub_unit ? { sub_unit } : {}) }));
const plan = (d: Draft) => d.plan as Record<string, Record<string, string>[]>;
const has = (d: Draft, r: Partial<CaseRecord>) => expect(records(d)).toContainEqual(expect.objectContaining(r));

describe("grammars, each on its own", () => {
  const nums = (s: string) => numbersIn(fold(s).text).map((n) => [n.value, n.unit, ...(n.high ? [n.high.value] : [])]);
  test("numbers with their unit, stray spaces and ranges", () => {
    expect(nums("còn 1.204 khẩu, 0,61 % và 12, 07%")).toEqual([[1204, "persons"], [0.61, "percent"], [12.07, "percent"]]);
    expect(nums("giảm 1,5 - 2%/năm")).toEqual([[1.5, "percent", 2]]);
    expect(nums("giảm 23 hộ, 3 điểm phần trăm, 5 mô hình")).toEqual([[23, "households"], [3, "pp"], [5, "other"]]);
    expect(numbersIn(fold("Số: 12/KH-UBND; 7/12 xã").text).filter((n) => !n.partOfCode).map((n) => n.value)).toEqual([]);
  });
  test("time expressions: as-of dates, years, the start of a year, comparison years", () => {
    const times = (s: string) => timesIn(fold(s).text).map((x) => [x.date, x.kind, x.comparison]);
    expect(times("đến ngày 20/10/2024 so với năm 2023")).toEqual([["2024-10-20", "asof", false], ["2023-12-31", "year", true]]);
    expect(times("tại thời điểm 31/12/2021")).toEqual([["2021-12-31", "asof", false]]);
    expect(times("đầu năm 2025")).toEqual([["2024-12-31", "start", false]]);
    // "phấn đấu năm 2025" is an aim for 2025, not "đầu năm 2025".
    expect(times("phấn đấu năm 2025")).toEqual([["2025-12-31", "year", false]]);
  });
  test("labels: populations, combined rates, flows and sub-areas", () => {
    const labels = (s: string) => labelsIn(fold(s).text).map((l) => [l.population, l.rate, l.aside ?? null]);
    expect(labels("tỷ lệ hộ nghèo và hộ cận nghèo chung")).toEqual([["combined", true, "combined rate: poor + near-poor households"]]);
    expect(labels("số hộ cận nghèo")).toEqual([["near_poor", false, null]]);
    expect(labels("tổng số hộ dân cư")).toEqual([["total", false, null]]);
    expect(labels("hộ nghèo khu vực thành thị")[0][2]).toMatch(/urban/);
    expect(labels("hộ nghèo thoát nghèo trong năm")[0][2]).toMatch(/^flow/);
  });
  test("the verb before a number: a change, a level or the start of a from–to", () => {
    expect(lastVerb(fold("tỷ lệ hộ nghèo giảm ").text)?.verb).toBe("change");
    expect(lastVerb(fold("giảm tỷ lệ hộ nghèo xuống còn ").text)?.verb).toBe("level");
    expect(lastVerb(fold("giảm từ ").text)?.verb).toBe("from");
  });
  test("document types from the top lines", () => {
    const type = (s: string) => docTypeOf(s.split("\n").map((l) => fold(l).text));
    expect(type(head.plan)).toBe("plan");
    expect(type(head.report)).toBe("report");
    expect(type(head.decision)).toBe("review_decision");
    expect(type("HĐND XÃ KIM SA - Nghị quyết số 30/NQ-HĐND ngày 18/12/2024\nVề nhiệm vụ năm 2025")).toBe("council_resolution");
    expect(type("Xã Kim Sa còn 80 hộ nghèo\nCập nhật: 09/01/2025\nTheo kết quả rà soát …")).toBe("news");
  });
});

describe("1. a past result is never drafted as a target", () => {
  test("in a report, a change 'so với cùng kỳ' and one 'đạt 110% chỉ tiêu' are past changes", () => {
    const d = draft(`${head.report}I. KẾT QUẢ\nNăm 2024 tỷ lệ hộ cận nghèo giảm 0,9% so với cùng kỳ.\nTỷ lệ hộ nghèo giảm 1,3%, đạt 108% chỉ tiêu kế hoạch.\n`);
    expect(plan(d).targets).toEqual([]);
    expect(plan(d).past_changes.map((c) => [c.indicator, c.change_pp, c.direction, c.date])).toEqual([
      ["near_poverty_rate", "0,9%", "decrease", "2024-12-31"], ["poverty_rate", "1,3%", "decrease", "2024-12-31"],
    ]);
    expect(d.skipped).toContainEqual(expect.objectContaining({ value: "108%", why: expect.stringMatching(/^achievement percent/) }));
  });
  test("'đến cuối năm 2022 giảm còn 5,4%' is a statistic of 2022, not an aim", () => {
    const d = draft(`${head.report}Đến cuối năm 2022, tỷ lệ hộ nghèo của xã giảm còn 5,4%.\n`);
    expect(records(d)).toEqual([{ record: "statistic", indicator: "poverty_rate", value: 5.4, date: "2022-12-31" }]);
  });
  test("the same words in a plan's objectives are a target", () => {
    const d = draft(`${head.plan}II. MỤC TIÊU\n- Giảm tỷ lệ hộ cận nghèo 0,9%.\n- Tỷ lệ hộ nghèo giảm còn 5,4% vào cuối năm 2025.\n`);
    expect(records(d)).toEqual([
      { record: "target", indicator: "near_poverty_rate", kind: "change_pp", value: -0.9, date: "2025-12-31" },
      { record: "target", indicator: "poverty_rate", kind: "level", value: 5.4, date: "2025-12-31" },
    ]);
  });
  test("a target quoted inside a result sentence is the benchmark of that year", () => {
    const d = draft(`${head.report}I. KẾT QUẢ\nNăm 2024 tỷ lệ hộ nghèo giảm 1,3%, vượt chỉ tiêu Nghị quyết giao (chỉ tiêu giảm 1%).\n`);
    expect(records(d)).toEqual([{ record: "target", indicator: "poverty_rate", kind: "change_pp", value: -1, date: "2024-12-31" }]);
    expect(plan(d).past_changes).toHaveLength(1);
  });
});

describe("1b. modality words beyond the section", () => {
  test("'hiện … còn' is the present state even in a sentence about aims; 'đề xuất' is an aim", () => {
    const d = draft(`Xã Kim Sa triển khai nhiệm vụ giảm nghèo\nTại hội nghị bàn nhiệm vụ năm 2025, lãnh đạo xã cho biết hiện xã còn 73 hộ nghèo theo kết quả rà soát cuối năm 2024.\nĐề xuất năm 2025 giảm 15 hộ nghèo.\n`);
    expect(records(d)).toEqual([
      { record: "statistic", indicator: "poor_households", value: 73, date: "2024-12-31" },
      { record: "target", indicator: "poor_households", kind: "count", value: -15, date: "2025-12-31" },
    ]);
  });
  test("a level target keeps the households it stands for", () => {
    const d = draft(`${head.plan}II. MỤC TIÊU\nPhấn đấu tỷ lệ hộ nghèo còn 2,4%, tương đương giảm 19 hộ nghèo.\n`);
    expect(plan(d).targets).toMatchObject([{ kind: "level", target_value: "2,4%", change_households: "19", direction: "decrease" }]);
  });
  test("households at risk of falling into poverty are a subset, not the stock", () => {
    const d = draft(`${head.report}Có 6 hộ cận nghèo có nguy cơ tái nghèo do thiên tai.\n`);
    expect(records(d)).toEqual([]);
    expect(d.skipped[0]).toMatchObject({ value: "6", why: expect.stringMatching(/^(subset|flow)/) });
  });
});

describe("2. dates are read from the text, never from the file name or a comparison year", () => {
  test("an as-of date in the sentence; a comparison year is not a date", () => {
    const d = draft(`${head.report}Tính đến ngày 20/10/2024, xã còn 140 hộ nghèo, giảm 25 hộ so với năm 2022.\n`);
    expect(records(d)).toEqual([{ record: "statistic", indicator: "poor_households", value: 140, date: "2024-10-20" }]);
    expect(plan(d).past_changes[0]).toMatchObject({ kind: "count", change_households: "25", date: "2024-10-20" });
  });
  test("a decision of January 2025 approves the review of 2024; its 'tại thời điểm' date applies", () => {
    const d = draft(`${head.decision}Điều 1. Phê duyệt kết quả rà soát năm 2024 (tại thời điểm 15/11/2024):\n1. Hộ nghèo: 512 hộ, chiếm 3,2%.\n`);
    expect(records(d)).toEqual([
      { record: "statistic", indicator: "poor_households", value: 512, date: "2024-11-15" },
      { record: "statistic", indicator: "poverty_rate", value: 3.2, date: "2024-11-15" },
    ]);
  });
  test("a target year in the sentence, else the plan's year; 'cuối năm' of the baseline", () => {
    const d = draft(`${head.plan}I. THỰC TRẠNG\nCuối năm 2024 xã có 95 hộ nghèo.\nII. MỤC TIÊU\n- Đến năm 2026 tỷ lệ hộ nghèo còn dưới 2%.\n- Giảm 20 hộ cận nghèo.\n`);
    expect(records(d)).toEqual([
      { record: "statistic", indicator: "poor_households", value: 95, date: "2024-12-31" },
      { record: "target", indicator: "poverty_rate", kind: "level", value: 2, date: "2026-12-31" },
      { record: "target", indicator: "near_poor_households", kind: "count", value: -20, date: "2025-12-31" },
    ]);
  });
});

describe("3. labels are not confused", () => {
  test("a count of poor households is not all households; all households are", () => {
    const d = draft(`${head.decision}Toàn huyện có 8.400 hộ; hộ nghèo 312 hộ.\n`);
    expect(records(d).map((r) => [r.indicator, r.value])).toEqual([["total_households", 8400], ["poor_households", 312]]);
  });
  test("the combined rate and an urban or rural rate are kept apart from the locality's rates", () => {
    const d = draft(`${head.decision}Tỷ lệ hộ nghèo và hộ cận nghèo chung là 9,9%; tỷ lệ hộ nghèo khu vực nông thôn là 6,1%.\n`);
    expect(records(d)).toEqual([]);
    expect(plan(d).other_figures.map((f) => [f.kind, f.value])).toEqual([["combined", "9,9%"], ["rural", "6,1%"]]);
  });
  test("a flow is not a stock; income per head is not a budget", () => {
    const d = draft(`${head.report}Trong năm có 44 hộ thoát nghèo, 5 hộ tái nghèo. Thu nhập bình quân đầu người đạt 51,2 triệu đồng.\n`);
    expect(records(d)).toEqual([]);
    expect(plan(d).targets).toEqual([]);
    expect(d.skipped.map((s) => [s.value, s.why.split(":")[0]])).toEqual([["44", "flow"], ["5", "flow"], ["51,2", "income"]]);
  });
});

describe("4. common phrasings", () => {
  test("colon labels, persons, rate after the count", () => {
    const d = draft(`${head.decision}2. Hộ cận nghèo: 230 hộ, 801 nhân khẩu, tỷ lệ 4,4%.\n`);
    expect(records(d).map((r) => [r.indicator, r.value])).toEqual([["near_poor_households", 230], ["near_poor_persons", 801], ["near_poverty_rate", 4.4]]);
  });
  test("rate before count, and a date between label and number", () => {
    const d = draft(`${head.report}Toàn xã có tỷ lệ hộ nghèo 3,3% với 205 hộ. Hộ cận nghèo cuối năm 2024 là 260 hộ.\n`);
    expect(records(d).map((r) => [r.indicator, r.value, r.date])).toEqual([["poverty_rate", 3.3, "2024-12-31"], ["poor_households", 205, "2024-12-31"], ["near_poor_households", 260, "2024-12-31"]]);
  });
  test("the second half of a coordinated clause, and the households each change stands for", () => {
    const d = draft(`${head.plan}II. MỤC TIÊU\nPhấn đấu giảm 0,6% tỷ lệ hộ nghèo và 0,3% tỷ lệ hộ cận nghèo (tương đương 14 hộ nghèo và 7 hộ cận nghèo).\n`);
    expect(records(d)).toEqual([
      { record: "target", indicator: "poverty_rate", kind: "change_pp", value: -0.6, date: "2025-12-31" },
      { record: "target", indicator: "poor_households", kind: "count", value: -14, date: "2025-12-31" },
      { record: "target", indicator: "near_poverty_rate", kind: "change_pp", value: -0.3, date: "2025-12-31" },
      { record: "target", indicator: "near_poor_households", kind: "count", value: -7, date: "2025-12-31" },
    ]);
  });
  test("a range of a change, and stray spaces in printed numbers", () => {
    const d = draft(`${head.plan}II. MỤC TIÊU\n- Tỷ lệ hộ nghèo giảm từ 1 - 1,5%/năm.\nI. THỰC TRẠNG\nCuối năm 2024 có 1. 250 hộ cận nghèo, chiếm 6, 25 %.\n`);
    has(d, { record: "target", indicator: "poverty_rate", kind: "change_pp", value_low: -1.5, value_high: -1 });
    has(d, { record: "statistic", indicator: "near_poor_households", value: 1250 });
    has(d, { record: "statistic", indicator: "near_poverty_rate", value: 6.25 });
  });
  test("a hard-wrapped line that starts with a grouped number; a rate in brackets after its count", () => {
    const d = draft(`${head.report}I. KẾT QUẢ\nĐến cuối năm 2024, toàn xã có\n3.615 hộ dân cư; xã chỉ còn 58 hộ nghèo (1,6%).\n`);
    expect(records(d).map((r) => [r.indicator, r.value])).toEqual([["total_households", 3615], ["poor_households", 58], ["poverty_rate", 1.6]]);
  });
  test("a benchmark printed alone in brackets measures the change its sentence reports", () => {
    const d = draft(`${head.report}I. KẾT QUẢ\nTỷ lệ hộ nghèo giảm 0,72%, đạt 120% chỉ tiêu kế hoạch (0,6%).\n`);
    expect(records(d)).toEqual([{ record: "target", indicator: "poverty_rate", kind: "change_pp", value: -0.6, date: "2024-12-31" }]);
  });
  test("figures of named sub-units go to their sub-unit", () => {
    const d = draft(`${head.plan}II. MỤC TIÊU\nGiao chỉ tiêu giảm hộ nghèo cho các thôn:\n- Thôn Bắc Sơn: giảm 4 hộ nghèo.\n- Thôn Nà Lương: giảm 6 hộ nghèo.\nRiêng xã Kim Sa phấn đấu tỷ lệ hộ nghèo còn 2%.\n`);
    expect(records(d)).toEqual([
      { record: "target", indicator: "poor_households", kind: "count", value: -4, date: "2025-12-31", sub_unit: "Thôn Bắc Sơn" },
      { record: "target", indicator: "poor_households", kind: "count", value: -6, date: "2025-12-31", sub_unit: "Thôn Nà Lương" },
      { record: "target", indicator: "poverty_rate", kind: "level", value: 2, date: "2025-12-31" },
    ]);
  });
  test("a table flattened to text lines, one row per sub-unit", () => {
    const d = draft(`${head.decision}Điều 1. Kết quả rà soát năm 2024 theo từng xã:\nTT | Xã | Tổng số hộ | Hộ nghèo | Tỷ lệ (%)\n1 | Xã Đông Phong | 1.820 | 64 | 3,52\n2 | Xã Nậm Kha | 940 | 71 | 7,55\n | Toàn huyện | 2.760 | 135 | 4,89\n`);
    has(d, { record: "statistic", indicator: "poor_households", value: 71, sub_unit: "Xã Nậm Kha", date: "2024-12-31" });
    has(d, { record: "statistic", indicator: "poverty_rate", value: 4.89, date: "2024-12-31" });
    expect(records(d).filter((r) => !r.sub_unit)).toHaveLength(3);
  });
});

describe("5. every number ends in the draft or the left-out list, counts included", () => {
  test("programme outputs and subsets are listed with a reason", () => {
    const d = draft(`${head.report}I. KẾT QUẢ\nHỗ trợ bò giống cho 36 hộ nghèo; 12 hộ nghèo thuộc diện không có khả năng lao động; cấp 410 thẻ bảo hiểm y tế.\n`);
    expect(records(d)).toEqual([]);
    const listed = d.skipped.map((s) => s.value.replace(/\s.*$/, ""));
    expect(listed).toEqual(expect.arrayContaining(["36", "12", "410"]));
    for (const s of d.skipped) expect(s.why.length).toBeGreaterThan(5);
    expect(d.yaml).toMatch(/# line \d+: 36 \(programme output/);
  });
});

describe("6. header: province names, 2011–2015 standard, annex dates, titles", () => {
  const header = (text: string) => extractHeader(new Doc(text), "test-doc.txt", localities);
  test("a province document gets its province as locality", () => {
    const h = header("ỦY BAN NHÂN DÂN TỈNH BẢO LINH\nSố: 55/QĐ-UBND\nBảo Linh, ngày 12 tháng 01 năm 2025\nQUYẾT ĐỊNH\nPhê duyệt kết quả rà soát năm 2024 trên địa bàn tỉnh Bảo Linh\n");
    expect([h.locality_name.value, h.locality_level.value, h.locality_id.value]).toEqual(["Bảo Linh", "province", "bao-linh"]);
    expect(h.id.value).toBe("bao-linh-2024");
  });
  test("the 2011–2015 standard is named for older documents (Quyết định 09/2011/QĐ-TTg)", () => {
    const h = header(`${head.plan.replace(/2025/g, "2013")}Áp dụng chuẩn nghèo theo Quyết định số 09/2011/QĐ-TTg.\n`);
    expect(h.poverty_standard.value).toBe("2011-2015");
    expect(draft(`${head.plan.replace(/2025/g, "2013")}Xã có 300 hộ nghèo.\n`).plan.poverty_standard).toMatch(/^TODO: 2011-2015/);
  });
  test("an issue date printed only in the annex line", () => {
    const h = header("ỦY BAN NHÂN DÂN XÃ KIM SA\nSố: 21/KH-UBND\nKim Sa, ngày    tháng 3 năm 2025\nKẾ HOẠCH\nGiảm nghèo năm 2025\nPHỤ LỤC\n(Ban hành kèm theo Kế hoạch số 21/KH-UBND ngày 14/3/2025 của UBND xã Kim Sa)\n");
    expect(h.issued.value).toBe("2025-03-14");
  });
  test("the title stops at the first line of the text", () => {
    const h = header(`${head.decision}Căn cứ Luật Tổ chức chính quyền địa phương;\nĐiều 1. Phê duyệt …\n`);
    expect(h.title.value).toBe("Quyết định phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2024");
    expect(h.doc_type.value).toBe("review_decision");
  });
});
