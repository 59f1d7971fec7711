/**
 * Figures as the score counts them: one per statistic, target, deprivation line and mapped table cell, keyed by
 * locality, indicator, group, kind ("statistic" for statistics, "deprivation" for deprivation lines) and value as a
 * number, so a draft and a curated file can be compared whatever quote or printed form each chose.
 */
import type { z } from "zod";
import type { PlanFile } from "../../../src/domain/schema.ts";
import { maybeViNumber } from "../../../src/domain/vi-number.ts";

type Plan = z.input<typeof PlanFile>;

/** One comparable figure. */
export interface Figure {
  key: string;
  /** Rates, counts, changes and coverage targets (everything but budgets and deprivation lines). */
  headline: boolean;
  /** Where it came from, for reports. */
  from: "statistics" | "targets" | "deprivations" | "tables";
}

const n = (v: unknown, decimal: "," | "." = ",") => (v === undefined || v === null ? "" : String(maybeViNumber(String(v), decimal)?.value ?? v));

/** The figures of a plan file; `tableText(file)` returns an appendix table's text (or undefined when missing). */
export function figuresOf(plan: Plan, tableText: (file: string) => string | undefined): Figure[] {
  const loc = plan.locality_id;
  const out: Figure[] = [];
  const add = (parts: unknown[], headline: boolean, from: Figure["from"]) => out.push({ key: parts.map(String).join("|"), headline, from });
  for (const s of plan.statistics ?? []) add([s.locality_id ?? loc, s.indicator, s.group, "statistic", n(s.value)], s.indicator !== "budget", "statistics");
  for (const t of plan.targets ?? []) {
    const value = t.target_value ?? (t.kind === "change_relative" ? t.change_relative_pct : t.change_pp ?? t.change_relative_pct ?? t.change_households);
    add([t.locality_id ?? loc, t.indicator, t.group, t.kind, n(value)], t.kind !== "budget" && t.indicator !== "budget", "targets");
  }
  for (const d of plan.deprivations ?? []) add([d.locality_id ?? loc, d.indicator, d.group, "deprivation", `${n(d.households)}/${n(d.stated_pct)}`], false, "deprivations");
  for (const tbl of plan.tables ?? []) {
    const text = tableText(tbl.file);
    if (text === undefined) continue;
    const sep = tbl.file.endsWith(".csv") ? "," : "\t";
    const lines = text.split("\n").filter((l, i, a) => l.trim() !== "" || i < a.length - 1);
    for (const line of lines.slice(tbl.header_rows)) {
      if (line.trim() === "") continue;
      const cells = line.split(sep);
      const rowLoc = tbl.rows[(cells[tbl.name_column] ?? "").trim()];
      if (!rowLoc) continue;
      for (const c of tbl.columns) {
        const kind = c.record === "statistic" ? "statistic" : c.kind ?? (c.unit === "percent" ? "level" : "count");
        add([rowLoc, c.indicator, c.group, kind, n((cells[c.index] ?? "").trim(), c.decimal ?? ",")], c.indicator !== "budget", "tables");
      }
    }
  }
  return out;
}

/** How many figures of `draft` match one of `curated` (each curated figure matches at most once). */
export function matchCount(curated: Figure[], draft: Figure[], only: (f: Figure) => boolean = () => true): { curated: number; draft: number; matched: number } {
  const left = new Map<string, number>();
  const c = curated.filter(only), d = draft.filter(only);
  for (const f of c) left.set(f.key, (left.get(f.key) ?? 0) + 1);
  let matched = 0;
  for (const f of d) {
    const k = left.get(f.key) ?? 0;
    if (k > 0) {
      matched++;
      left.set(f.key, k - 1);
    }
  }
  return { curated: c.length, draft: d.length, matched };
}
