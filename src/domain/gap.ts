/**
 * Gaps between a baseline and a target. Percentage points and percent are different things: a rate going from
 * 0,97% to 0,72% changes by −0,25 percentage points, and by −25,77% relative to where it started.
 */
import { round } from "./round.ts";

/** Change in percentage points between two rates (target − baseline), rounded to the finer printed precision. */
export function changePp(baseline: number, target: number, decimals = 2): number {
  return round(target - baseline, decimals);
}

/** Change relative to the baseline, in percent, two decimals; undefined for a zero baseline. */
export function changeRelativePct(baseline: number, target: number): number | undefined {
  return baseline === 0 ? undefined : round(((target - baseline) / baseline) * 100, 2);
}

/** Apply a printed magnitude with its direction: decreases are negative. */
export function signed(magnitude: number, direction: "decrease" | "increase" | undefined): number {
  return direction === "decrease" ? -Math.abs(magnitude) : Math.abs(magnitude);
}
