/**
 * The data page counts every table's rows and lists the data-quality findings (issue 16: from the one pass over the
 * province slices the national lists make, not a second read of the country per language). Counted here from the
 * published files of the five plans, so a count that drifts from the files fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import { nationalRows } from "../data/helpers.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const page = (path: string) => parseHTML(readFileSync(join(ROOT, "dist", path, "index.html"), "utf8")).document;
// A table's rows: the provinces' JSON files of it (the national file is a CSV).
const fileRows = (table: string) => nationalRows(join(ROOT, "dist", "data"), table).length;
const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

describe.each([["data", "dòng."], ["en/data", "rows."]])("%s", (path, rows) => {
  const d = page(path);
  test.each(["targets", "statistics", "deprivations", "quality", "derived"])("%s: the rows of its file", (table) => {
    const n = fileRows(table);
    expect(n).toBeGreaterThan(0);
    const p = text(d.querySelector(`#f-${table}`)?.parentElement?.querySelector("p"));
    expect(p).toContain(`${n.toLocaleString(path === "data" ? "vi-VN" : "en-GB")} ${rows}`);
  });
  test("the report lists every finding of the provinces' quality.json", () => {
    const report = d.querySelector("#quality")!.parentElement!;
    expect(report.querySelectorAll("tbody tr")).toHaveLength(fileRows("quality"));
  });
});
