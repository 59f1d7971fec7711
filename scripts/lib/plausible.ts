/**
 * What a printed figure can be, given its unit: a check on the figure as printed, before it is published. What cannot
 * be (a negative count, a rate over 100%, a percentage printed where households are meant) is refused with the
 * field; what is merely odd (more poor households than households) is published with a finding (derive.ts).
 */
import type { ViNumber } from "../../src/domain/vi-number.ts";

/** Units that count things: whole and never negative. */
const COUNTS = new Set(["households", "persons", "houses", "models", "workers"]);
const UNIT_WORD: Record<string, string> = { households: "households", persons: "persons", houses: "houses", models: "models", workers: "workers", percent: "a percentage", pp: "percentage points", vnd_million: "million đồng" };

/**
 * The problem with figure `v` read in a field whose unit is `unit`, or undefined. `magnitude` marks the fields of a
 * change (printed as a size, its sign given by `direction`); `decrease` bounds a relative decrease at 100%.
 */
export function implausible(v: ViNumber, unit: string, opts: { magnitude?: boolean; decrease?: boolean } = {}): string | undefined {
  if (v.percent && unit !== "percent" && unit !== "pp") return `"${v.text}" is printed as a percentage, but the field's unit is ${UNIT_WORD[unit] ?? unit}: is it the right figure, or the right field?`;
  if (v.value < 0) return opts.magnitude ? `"${v.text}": write the size of the change without a sign, and give direction: decrease or increase` : `"${v.text}" is negative: a count, a rate or an amount cannot be`;
  if (COUNTS.has(unit) && !Number.isInteger(v.value)) return `"${v.text}" is not a whole number of ${UNIT_WORD[unit]}`;
  // Vietnam has about 27 million households and 100 million people: a larger count is a typo, and would overflow sums.
  if (COUNTS.has(unit) && v.value > 200_000_000) return `"${v.text}" is larger than any count a plan can print`;
  if (unit === "vnd_million" && v.value > 1e9) return `"${v.text}" million đồng is larger than any budget a plan can print`;
  if (unit === "percent" && v.value > 100 && (!opts.magnitude || opts.decrease)) return `"${v.text}" is over 100%: a rate or a share cannot be`;
  if (unit === "pp" && v.value > 100) return `"${v.text}" is over 100 percentage points: a change of rate cannot be`;
  return undefined;
}
