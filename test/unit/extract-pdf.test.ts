/**
 * PDF input, both paths, on PDFs the test makes itself: a plan's source printed to a text PDF by Chromium (read with
 * pdftotext), and a short decision printed, rasterised by pdftoppm and printed again as images only (read with
 * tesseract -l vie). Each runs the real CLI, which checks the draft against the schema and every quote against the
 * text it kept.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, test } from "vitest";
import { figuresOf, matchCount } from "../../scripts/lib/extract/figures.ts";
import { printTextPdf, scanPdf } from "../../scripts/lib/extract/print-pdf.ts";
import { curated, root, source } from "./extract-helpers.ts";

const node = existsSync(`${root}node_modules/.bin/node`) ? `${root}node_modules/.bin/node` : process.execPath;
const dir = mkdtempSync(join(tmpdir(), "ppt-extract-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const extract = (pdf: string, out: string) => spawnSync(node, [`${root}scripts/extract.ts`, pdf, "--out", out], { encoding: "utf8" });

describe("extract reads PDFs", () => {
  test("a text PDF: pdftotext, the text kept beside the draft, the plan's figures as from its text", () => {
    const pdf = join(dir, "2024-pho-minh-duc-pho-quang-ngai.pdf");
    printTextPdf(source("2024-pho-minh-duc-pho-quang-ngai.txt"), pdf);
    const out = join(dir, "text");
    const r = extract(pdf, out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/read 2024-pho-minh-duc-pho-quang-ngai\.pdf with pdftotext/);
    const kept = readFileSync(join(out, "2024-pho-minh-duc-pho-quang-ngai.txt"), "utf8");
    expect(kept).toMatch(/Phổ Minh/);
    const draft = parse(readFileSync(join(out, "pho-minh-2024.yaml"), "utf8"));
    expect(draft.source_file).toBe("2024-pho-minh-duc-pho-quang-ngai.txt");
    // Page wrapping moves line ends, not figures: the headline figures are those of the curated plan.
    const m = matchCount(figuresOf(curated("pho-minh-2024"), () => undefined), figuresOf(draft, () => undefined), (f) => f.headline);
    expect(m.matched).toBe(m.curated);
    expect(m.draft).toBe(m.curated);
    // Run again: the kept text and the draft are never overwritten.
    const again = extract(pdf, out);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already a draft of 2024-pho-minh-duc-pho-quang-ngai\.txt/);
  });

  test("a scan (no text layer): tesseract with the Vietnamese model", () => {
    const text = [
      "ỦY BAN NHÂN DÂN XÃ LIÊN HÀ", "Số: 88/QĐ-UBND", "Liên Hà, ngày 03 tháng 01 năm 2025", "QUYẾT ĐỊNH",
      "Phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2024", "QUYẾT ĐỊNH:",
      "Điều 1. Phê duyệt kết quả rà soát năm 2024 như sau:", "1. Tổng số hộ dân cư: 2.640 hộ.",
      "2. Hộ nghèo: 118 hộ, chiếm tỷ lệ 4,47%.", "3. Hộ cận nghèo: 203 hộ, chiếm tỷ lệ 7,69%.",
    ].join("\n");
    const printed = join(dir, "printed.pdf"), scan = join(dir, "2025-lien-ha.pdf");
    printTextPdf(text, printed);
    scanPdf(printed, scan);
    const out = join(dir, "scan");
    const r = extract(scan, out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/with tesseract \(1 page\(s\)\).*OCR: check every figure/);
    const draft = parse(readFileSync(join(out, "lien-ha-2024.yaml"), "utf8"));
    expect([draft.doc_type, draft.issued]).toEqual(["review_decision", "2025-01-03"]);
    // The number is kept as the OCR printed it (tesseract may read Đ as Ð) for the reviewer to correct.
    expect(draft.number).toMatch(/^88\/Q/);
    expect(draft.statistics.map((s: Record<string, string>) => [s.indicator, s.value, s.date])).toEqual([
      ["total_households", "2.640", "2024-12-31"], ["poor_households", "118", "2024-12-31"], ["poverty_rate", "4,47%", "2024-12-31"],
      ["near_poor_households", "203", "2024-12-31"], ["near_poverty_rate", "7,69%", "2024-12-31"],
    ]);
  });
});
