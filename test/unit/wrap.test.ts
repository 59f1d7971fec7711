/** Text wrapped for the stand-alone images (downloads, preview cards): no line longer than asked, a URL included. */
import { expect, test } from "vitest";
import { wrap } from "../../src/render/compose-svg.ts";

test("a URL longer than a line is cut into lines, and words still wrap at spaces", () => {
  const url = "http://127.0.0.1:4321/compare/?indicator=coverage_health_insurance#compare-coverage_health_insurance";
  const lines = wrap(`Theo dõi kế hoạch giảm nghèo · ${url}`, 66);
  expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(66);
  expect(lines.join("").replace(/ /g, "")).toBe(`Theodõikếhoạchgiảmnghèo·${url}`);
  expect(wrap("Số liệu và chỉ tiêu", 10)).toEqual(["Số liệu và", "chỉ tiêu"]);
});
