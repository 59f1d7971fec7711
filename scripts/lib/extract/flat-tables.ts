/**
 * Tables printed as text lines rather than tab-separated cells: cells split by " | ", or by spaces only (a table
 * flattened by copying from a PDF). Two shapes: one row per sub-unit ("1 | Huyện Tân Điền | 40.280 | 2.105 | 5,23")
 * under a header naming the columns, or one row per indicator ("Số hộ nghèo (hộ) | 912 | 701") under a header of
 * dates. Column and row labels are read with the same label and time grammars as sentences.
 */
import { candidate, yearEnd, type Candidate, type Doc, type Skipped } from "./doc.ts";
import { numbersIn, timesIn, type NumberToken } from "./grammar.ts";
import type { ReadingContext } from "./reading.ts";

interface Column {
  population?: "poor" | "near_poor" | "total";
  rate: boolean;
  change: boolean;
  year?: number;
  /** "Tỷ lệ (%)" after a count column: the rate of that column's population. */
  text: string;
}

const COLUMN_START = /\b(?:tong so ho(?: dan cu)?|so ho(?: (?:can )?ngheo)?|ty le(?: (?:ho )?(?:can )?ngheo)?|ho (?:can )?ngheo|ho dan cu)\b/g;
const TOTAL_ROW = /^(?:tong cong|cong|tong|tong so|toan (?:tinh|huyen|xa|phuong|thi tran|thi xa|thanh pho|quan))\b/;

function columnOf(text: string, prev?: Column): Column {
  const population = /can ngheo/.test(text) ? "near_poor" : /ngheo/.test(text) ? "poor" : /tong so ho|dan cu/.test(text) ? "total" : undefined;
  const years = timesIn(text).filter((x) => !x.comparison).map((x) => x.year);
  return {
    population: population ?? (/ty le/.test(text) ? prev?.population : undefined),
    rate: /ty le|%/.test(text),
    change: /\b(?:giam|tang)\b/.test(text),
    year: years.length ? years[years.length - 1] : undefined,
    text,
  };
}

/** Split a folded line into cells: by "|" when it has them, else undefined. */
const pipeCells = (l: string) => (/\|/.test(l) ? l.split("|").map((c) => c.trim()) : undefined);

/** Read the flattened tables of a document. */
export function extractFlatTables(doc: Doc, ctx: ReadingContext, skipped: Skipped[]): Candidate[] {
  const lines = doc.original.split("\n");
  const starts: number[] = [];
  let pos = 0;
  for (const l of lines) {
    starts.push(pos);
    pos += l.length + 1;
  }
  const folded = (i: number) => doc.text.slice(doc.foldedAt(starts[i]), doc.foldedAt(starts[i] + lines[i].length)).trim();
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = folded(i);
    if (/\t/.test(lines[i])) continue; // tables.ts reads tab-separated tables
    const cells = pipeCells(h);
    const heads = cells ? cells : undefined;
    // Header of a sub-unit table: two or more column words; of an indicator table: cells that are dates.
    const starts_ = [...h.matchAll(COLUMN_START)];
    const byDate = heads && heads.length >= 3 && heads.slice(1).every((c) => timesIn(c).length === 1 && !/ngheo|ho\b/.test(c));
    // A header names columns and nothing else: no figures (years and "(%)" aside), no sentence punctuation.
    if (!byDate && (starts_.length < 3 || /[;.,]\s|\d(?!\d{3}\b)/.test(h.replace(/\b\d{4}\b/g, "")) || h.length > 220)) continue;
    let cols: Column[] = [];
    if (!byDate) {
      if (heads) {
        let prev: Column | undefined;
        for (const c of heads) {
          // The row-number and name columns carry no population or measure ("TT", "Xã", "Đơn vị").
          if (!/[a-z]/.test(c) || !/ngheo|\bho\b|ty le|%/.test(c)) continue;
          prev = columnOf(c, prev);
          cols.push(prev);
        }
      } else {
        let prev: Column | undefined;
        starts_.forEach((m, k) => {
          prev = columnOf(h.slice(m.index, starts_[k + 1]?.index ?? h.length), prev);
          cols.push(prev);
        });
      }
      if (!cols.every((c) => c.population)) continue;
    }
    // Data rows follow the header.
    let j = i + 1;
    for (; j < lines.length; j++) {
      const f = folded(j);
      if (!f) break;
      const rowCells = pipeCells(f);
      const nums = numbersIn(f).filter((n) => !n.partOfCode);
      const numCells = rowCells ? rowCells.filter((c) => /^\d[\d.,]*$/.test(c)).length : undefined;
      if (!nums.length || (rowCells && !numCells)) break;
      // The row's name: the words before its figures, without the row number.
      const firstFig = rowCells ? f.indexOf(rowCells.find((c, k) => k > 0 && /^\d[\d.,]*$/.test(c) && /[a-z]/.test(rowCells.slice(0, k).join(""))) ?? "\u0000") : -1;
      const nameEnd = rowCells ? firstFig : nums[f.replace(/^\s*\d+\s+/, "").length === f.length ? 0 : 1]?.na ?? -1;
      if (nameEnd <= 0) break;
      const nameFolded = f.slice(0, nameEnd).replace(/^[\s|]*(?:\d+[\s|]*)?/, "").replace(/[|\s]+$/, "").trim();
      if (!/[a-z]/.test(nameFolded)) break;
      const figs = nums.filter((n) => n.na >= nameEnd);
      const rowA = doc.foldedAt(starts[j]);
      const shiftN = (n: NumberToken) => ({ na: n.na + rowA + (doc.text.slice(rowA).length - doc.text.slice(rowA).trimStart().length), nb: n.nb + rowA + (doc.text.slice(rowA).length - doc.text.slice(rowA).trimStart().length) });
      const total = TOTAL_ROW.test(nameFolded);
      const nameStart = f.indexOf(nameFolded);
      const lead = doc.text.slice(rowA).length - doc.text.slice(rowA).trimStart().length;
      const name = doc.value(rowA + lead + nameStart, rowA + lead + nameStart + nameFolded.length);
      const rowB = doc.foldedAt(starts[j] + lines[j].length);
      const emit = (n: NumberToken, col: Column, date: string) => {
        const s = shiftN(n);
        doc.claim(s.na);
        const printed = doc.value(s.na, s.nb);
        const pop = col.population!;
        const indicator = col.rate ? (pop === "near_poor" ? "near_poverty_rate" : pop === "poor" ? "poverty_rate" : undefined) : pop === "total" ? "total_households" : pop === "near_poor" ? "near_poor_households" : "poor_households";
        if (!indicator) return skipped.push({ line: j + 1, value: printed, why: "table cell of no indicator the reading knows" });
        const group = pop === "total" ? "all" : pop;
        const unit = col.rate ? "percent" : "households";
        const sub = total || byDate ? {} : { sub_unit: name };
        const year = Number(date.slice(0, 4));
        const aim = col.change ? year >= ctx.aimYear || ctx.docType === "plan" : year >= ctx.aimYear && ctx.docType !== "review_decision";
        const how = { pattern: "table_row", reason: `table row "${name}", column "${col.text}"`, confidence: total ? 0.85 : 0.75, matchSpan: [s.na, s.nb] as [number, number] };
        let c: Candidate | undefined;
        if (col.change && !aim) return skipped.push({ line: j + 1, value: printed, why: "past result: a change in a table" });
        if (col.change) c = candidate(doc, "targets", { indicator, group, kind: col.rate ? "change_pp" : "count", comparator: "eq", target_date: date, [col.rate ? "change_pp" : "change_households"]: printed, direction: /tang/.test(col.text) ? "increase" : "decrease", unit: col.rate ? "pp" : "households", ...sub }, [rowA, rowB], s.na, how);
        else if (aim) c = candidate(doc, "targets", { indicator, group, kind: col.rate ? "level" : "count", comparator: "eq", target_value: printed, target_date: date, unit, ...sub }, [rowA, rowB], s.na, how);
        else c = candidate(doc, "statistics", { indicator, group, date, value: printed, unit, ...sub }, [rowA, rowB], s.na, how);
        if (c) out.push(c);
        return 0;
      };
      if (byDate) {
        // One row per indicator: the row label names it, the header cells date it.
        const label = columnOf(nameFolded);
        if (!label.population) continue;
        const dates = heads!.slice(1).map((c) => timesIn(c)[0].date);
        if (figs.length !== dates.length) continue;
        figs.forEach((n, k) => emit(n, label, dates[k]));
      } else {
        if (figs.length !== cols.length) continue;
        figs.forEach((n, k) => emit(n, cols[k], cols[k].year !== undefined ? yearEnd(cols[k].year!) : ctx.asOf ?? yearEnd(ctx.resultYear)));
      }
    }
    i = j - 1;
  }
  return out;
}
