/**
 * Implied total households from a count and the rate the plan prints for it. Rates are rounded in print, so the
 * total is a range: every whole number of households T for which count ÷ T, rounded like the rate, gives the rate.
 */
import { round, roundingInterval } from "./round.ts";

/** A total inferred from a count and a rounded rate. */
export interface ImpliedTotal {
  /** count ÷ rate with the rate taken as printed. */
  value: number;
  /** Smallest whole total consistent with the printed rounding. */
  low: number;
  /** Largest whole total consistent with the printed rounding (null when the rate could be 0). */
  high: number | null;
}

/** Implied total for `count` households making up `ratePct` percent, printed with `decimals` decimals. */
export function impliedTotal(count: number, ratePct: number, decimals: number): ImpliedTotal | undefined {
  if (!(count > 0) || !(ratePct > 0)) return undefined;
  const [lo, hi] = roundingInterval(ratePct, decimals);
  const low = Math.floor((count * 100) / hi) + 1;
  const high = lo > 0 ? Math.floor((count * 100) / lo) : null;
  return { value: round((count * 100) / ratePct, 1), low, high };
}

/** Intersection of two implied ranges, or undefined when they do not overlap. */
export function intersect(a: ImpliedTotal, b: ImpliedTotal): { low: number; high: number | null } | undefined {
  const low = Math.max(a.low, b.low);
  const high = a.high === null ? b.high : b.high === null ? a.high : Math.min(a.high, b.high);
  return high !== null && low > high ? undefined : { low, high };
}
