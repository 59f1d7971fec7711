/**
 * The CSV of one locality's page (`localityCsvPath` in src/domain/public-paths.ts): every row its charts draw, so that a
 * reader without JavaScript, or a crawler, gets the page's data in one file. Its statistics, targets and deprivation
 * counts, and those of its residential groups (which have no page of their own: they are sections of their
 * commune's), each with the plan it comes from (id, number, citation) and the line of the plan it was read from.
 */
import { z } from "zod";
import { planCitation, planNumber } from "../../src/view/cite.ts";
import type { DeprivationRow, PlanRow, StatisticRow, TargetRow } from "../../src/domain/schema.ts";

/** One row of a locality's CSV: the columns of the three national tables it draws from, side by side. */
export const LocalityCsvRow = z.object({
  table: z.enum(["statistics", "targets", "deprivations"]).describe("The national table the row is also in (statistics.csv, targets.csv, deprivations.csv)."),
  locality_id: z.string().describe("The locality the figure is about: the page's own, or one of its residential groups."),
  plan_id: z.string().describe("The plan the figure was read from (its page is /plans/<plan_id>/)."),
  plan_number: z.string().nullable().describe("The plan's document number, as printed; empty when the plan left it blank."),
  plan_citation: z.string().describe("The plan as it is cited: number, date and issuer."),
  indicator: z.string().describe("What is measured (the indicator, or the deprivation dimension for deprivation rows)."),
  group: z.string().describe("Which households: poor, near-poor, or all."),
  date: z.string().describe("Date of the figure (for targets, the date the target is set for)."),
  value: z.number().nullable().describe("The figure (for targets, the target value); empty for deprivation rows and for targets set as a change."),
  value_text: z.string().nullable().describe("The figure as printed (statistics only)."),
  unit: z.string().describe("Unit of value."),
  kind: z.string().nullable().describe("Kind of target (level, change in points, relative change, count, coverage, budget); empty for other rows."),
  comparator: z.string().nullable().describe("How the target is meant (at most, at least, exactly, about); empty for other rows."),
  baseline_value: z.number().nullable().describe("The target's baseline value; empty for other rows."),
  baseline_date: z.string().nullable().describe("Date of the target's baseline."),
  change_pp: z.number().nullable().describe("The target's change in percentage points (decreases negative)."),
  change_relative_pct: z.number().nullable().describe("The target's relative change in percent (decreases negative)."),
  households: z.number().nullable().describe("Households lacking the dimension (deprivation rows only)."),
  stated_pct: z.number().nullable().describe("Their share as the plan printed it (deprivation rows only)."),
  ref: z.string().describe("Id of the figure: its anchor on the plan's page (/plans/<plan_id>/#<ref>)."),
  quote: z.string().describe("The sentence of the plan the figure was read from, as printed."),
  source_line: z.number().int().describe("First line of the quote in the plan's document."),
  source_line_end: z.number().int().describe("Last line of the quote."),
}).strict();
export type LocalityCsvRow = z.infer<typeof LocalityCsvRow>;

export const LOCALITY_CSV_COLUMNS = Object.keys(LocalityCsvRow.shape);

/** The CSV rows of one plan, in the order statistics, targets, deprivations (each already sorted as its national file). */
export function localityCsvRows(plan: PlanRow, statistics: readonly StatisticRow[], targets: readonly TargetRow[], deprivations: readonly DeprivationRow[]): LocalityCsvRow[] {
  const cite = { plan_id: plan.id, plan_number: planNumber(plan), plan_citation: planCitation(plan, "vi") };
  const none = { value_text: null, kind: null, comparator: null, baseline_value: null, baseline_date: null, change_pp: null, change_relative_pct: null, households: null, stated_pct: null };
  const where = (r: { ref: string; quote: string; source_line: number; source_line_end: number }) => ({ ref: r.ref, quote: r.quote, source_line: r.source_line, source_line_end: r.source_line_end });
  return [
    ...statistics.map((s) => ({ table: "statistics" as const, locality_id: s.locality_id, ...cite, indicator: s.indicator, group: s.group, date: s.date, ...none, value: s.value, value_text: s.value_text, unit: s.unit, ...where(s) })),
    ...targets.map((x) => ({
      table: "targets" as const, locality_id: x.locality_id, ...cite, indicator: x.indicator, group: x.group, date: x.target_date, ...none, value: x.target_value, unit: x.unit,
      kind: x.kind, comparator: x.comparator, baseline_value: x.baseline_value, baseline_date: x.baseline_date, change_pp: x.change_pp, change_relative_pct: x.change_relative_pct, ...where(x),
    })),
    ...deprivations.map((d) => ({ table: "deprivations" as const, locality_id: d.locality_id, ...cite, indicator: d.indicator, group: d.group, date: d.date, ...none, value: null, unit: "households", households: d.households, stated_pct: d.stated_pct, ...where(d) })),
  ];
}
