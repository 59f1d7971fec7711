/**
 * Tab-separated appendix tables. The table is copied line for line into a TSV beside the draft (the build wants
 * tables as published), and its columns are mapped from their stacked headers: the group ("HỘ NGHÈO", "HỘ CẬN
 * NGHÈO"), the period ("Phê duyệt cuối năm 2023", "Có khả năng thoát nghèo 2024", "Cuối năm 2024") and the measure
 * ("Số hộ", "Tỷ lệ %"). Rows map to localities: the totals row to the plan's, the others to residential groups.
 */
import type { LocalityInput, TableMapping } from "../../../src/domain/schema.ts";
import { maybeViNumber } from "../../../src/domain/vi-number.ts";
import type { Doc } from "./doc.ts";
import { fold, matchName } from "./text.ts";

/** Folded, with OCR-garbled words read back (headers and labels of a scanned table). */
const folded = (s: string) => fold(s).text;

/** A table found in the source: its TSV text, the mapping for the plan file and notes for the reviewer. */
export interface FoundTable {
  /** File name for data/tables/. */
  file: string;
  /** The table's lines as published. */
  tsv: string;
  mapping: TableMapping;
  /** First line of the table in the source. */
  line: number;
  /** What the reviewer should check (YAML comments). */
  comments: string[];
  /** Row labels whose locality id is a guess not in data/localities.yaml. */
  unknownRows: string[];
}

const TOTAL = /^(?:cong|tong|tong cong|tong so|toan (?:phuong|xa|thi tran|huyen|thanh pho|thi xa))$/;
const UNITS = "tdp|to dan pho|to|thon|xom|khu pho|khu|ban|ap|phuong|xa|thi tran";
const UNIT_WORD = new RegExp(`^(?:${UNITS})\\s+`);
const UNIT_ONLY = new RegExp(`^(?:${UNITS})$`);

/** A row label without its leading unit word ("TDP Đông Long" → "Đông Long"), as printed. */
function bareName(label: string): string {
  const words = label.trim().split(/\s+/);
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) if (UNIT_ONLY.test(folded(words.slice(0, k).join(" ")))) return words.slice(k).join(" ");
  return label.trim();
}

const numeric = (cell: string) => cell.trim() !== "" && (maybeViNumber(cell.trim(), ",") ?? maybeViNumber(cell.trim(), ".")) !== undefined;
const letters = (cell: string) => (cell.match(/\p{L}/gu) ?? []).length;

/** A row of data: a name cell and mostly numbers. */
function isDataRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== "");
  const nums = filled.filter(numeric).length;
  return filled.some((c) => letters(c) >= 2 && !numeric(c)) && nums >= 2 && nums >= (filled.length - 2) * 0.6;
}

/** The plan's appendix tables; `planId` and `plan` (its locality) name files and rows. */
export function extractTables(doc: Doc, planId: string, plan: { localityId: string; year: number; resultsOnly?: boolean }, localities: LocalityInput[]): FoundTable[] {
  const lines = doc.original.split("\n");
  const out: FoundTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if ((lines[i].match(/\t/g) ?? []).length < 2) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (lines[j].match(/\t/g) ?? []).length >= 2) j++;
    const block = lines.slice(i, j).map((l) => l.replace(/\r$/, ""));
    const found = mapTable(block, i + 1, lines, planId, plan, localities, out.length);
    if (found) {
      out.push(found);
      // The table's numbers are the table's: no prose pattern may report them.
      const a = doc.foldedAt(lines.slice(0, i).join("\n").length), b = doc.foldedAt(lines.slice(0, j).join("\n").length);
      doc.claimRange(a, b);
    }
    i = j;
  }
  return out;
}

function mapTable(block: string[], firstLine: number, lines: string[], planId: string, plan: { localityId: string; year: number; resultsOnly?: boolean }, localities: LocalityInput[], n: number): FoundTable | undefined {
  const known = new Set(localities.map((l) => l.id));
  const children = localities.filter((l) => l.parent === plan.localityId).map((l) => [l.name, l.id] as [string, string]);
  const rows = block.map((l) => l.split("\t"));
  const headerRows = rows.findIndex(isDataRow);
  if (headerRows < 1) return undefined;
  const data = rows.slice(headerRows);
  if (!data.every(isDataRow)) return undefined;
  // The name column is where data rows carry words.
  const nameVotes = new Map<number, number>();
  for (const r of data) r.forEach((c, k) => letters(c) >= 2 && !numeric(c) && nameVotes.set(k, (nameVotes.get(k) ?? 0) + 1));
  const nameColumn = [...nameVotes].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0][0];

  // Stacked headers: a label covers the empty cells to its right, within the span of the label above it.
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const filled: string[][] = [];
  for (let r = 0; r < headerRows; r++) {
    const row: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = (rows[r][c] ?? "").trim();
      const sameParent = r === 0 || filled[r - 1][c] === filled[r - 1][c - 1];
      row.push(cell || (c > 0 && sameParent ? row[c - 1] : ""));
    }
    filled.push(row);
  }
  // A numbering row ("A B I 2 3 …") carries no words.
  const labelRows = filled.filter((_, r) => rows[r].some((c) => letters(c) >= 2));

  const comments: string[] = [];
  const columns: TableMapping["columns"] = [];
  for (let c = nameColumn + 1; c < width; c++) {
    const cells = data.map((r) => (r[c] ?? "").trim());
    if (!cells.some((x) => x !== "")) continue;
    const parts = labelRows.map((r) => r[c]).filter((x, k, a) => x && a.indexOf(x) === k);
    const header = parts.join(", ");
    const h = folded(header);
    const percent = /ty le|%/.test(h);
    const decimal: "," | "." = cells.every((x) => maybeViNumber(x, ",") !== undefined) ? "," : cells.every((x) => maybeViNumber(x, ".") !== undefined) ? "." : ",";
    if (!cells.every((x) => maybeViNumber(x, decimal) !== undefined)) {
      comments.push(`column ${c} (${header || "no header"}) left out: not every cell is a number`);
      continue;
    }
    const base = { index: c, header: header || `column ${c}` };
    const years = [...h.matchAll(/\b(\d{4})\b/g)].map((m) => Number(m[1]));
    const y = years.length ? years[years.length - 1] : undefined;
    if (/tong so ho/.test(h) && !/ngheo/.test(h)) {
      columns.push({ ...base, indicator: "total_households", group: "all", record: "statistic", date: `${y ?? plan.year - 1}-12-31`, unit: "households", decimal });
      continue;
    }
    const near = /can ngheo/.test(h);
    if (!/ngheo/.test(h) || (!percent && !/\bso ho\b|\bho\b/.test(h))) {
      comments.push(`column ${c} (${header || "no header"}) left out: no group or measure recognised`);
      continue;
    }
    const exit = /kha nang thoat/.test(h);
    // A review decision or report tabulates results: its columns are targets only when they say so.
    const past = /phe duyet|dau nam/.test(h) || (y !== undefined && y < plan.year) || (!!plan.resultsOnly && !/muc tieu|chi tieu|ke hoach|phan dau/.test(h));
    const indicator = exit
      ? `${near ? "near_poor" : "poor"}_exit_capable_${percent ? "rate" : "households"}`
      : percent ? (near ? "near_poverty_rate" : "poverty_rate") : near ? "near_poor_households" : "poor_households";
    const group = near ? "near_poor" : "poor";
    const unit = percent ? "percent" : "households";
    if (past && !exit) columns.push({ ...base, indicator: indicator as never, group, record: "statistic", date: `${y ?? plan.year - 1}-12-31`, unit, decimal });
    else columns.push({ ...base, indicator: indicator as never, group, record: "target", kind: percent ? "level" : "count", date: `${y ?? plan.year}-12-31`, unit, decimal });
  }
  if (!columns.length) return undefined;

  const rowsMap: Record<string, string> = {};
  const unknownRows: string[] = [];
  let totalLabel: string | undefined;
  for (const r of data) {
    const label = (r[nameColumn] ?? "").trim();
    const f = folded(label);
    if (TOTAL.test(f)) {
      rowsMap[label] = plan.localityId;
      totalLabel = label;
      continue;
    }
    const id = `${plan.localityId}/${f.replace(UNIT_WORD, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
    // A scanned row name may be garbled ("TDP Pong Iong"): read it as the one known sub-locality it spells.
    const known_ = known.has(id) ? id : matchName(bareName(label), children, 3);
    rowsMap[label] = known_ ?? id;
    if (!known_) unknownRows.push(label);
  }
  // The title is the line printed above the table, without its "(Kèm theo …)" reference.
  let t = firstLine - 2;
  while (t >= 0 && lines[t].trim() === "") t--;
  const titleLine = t >= 0 ? lines[t].replace(/[*_]*\(.*$/, "").replace(/[*#_]/g, "").trim().normalize("NFC") : "";
  const name = /^phu luc\b/.test(folded(titleLine)) ? "phu-luc" : "bang";
  const file = `${planId}-${name}${n ? `-${n + 1}` : ""}.tsv`;
  if (unknownRows.length) comments.push(`CHECK rows: ${unknownRows.map((r) => `"${r}"`).join(", ")} are not in data/localities.yaml (add them as residential groups, or fix the ids)`);
  return {
    file, tsv: `${block.join("\n")}\n`, line: firstLine, comments, unknownRows,
    mapping: {
      file, title: titleLine || "TODO: title of the table", header_rows: headerRows, name_column: nameColumn,
      ...(totalLabel ? { total_label: totalLabel } : {}), rows: rowsMap, columns,
    } as TableMapping,
  };
}
