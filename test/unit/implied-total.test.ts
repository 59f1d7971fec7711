import { describe, expect, test } from "vitest";
import { impliedTotal, intersect } from "../../src/domain/implied-total.ts";

describe("impliedTotal: total households from a count and its rounded rate", () => {
  test("Thanh Liêm: 700 poor households at 1,64% → 42554..42813", () => {
    expect(impliedTotal(700, 1.64, 2)).toEqual({ value: 42682.9, low: 42554, high: 42813 });
  });

  test("Thanh Liêm: 1357 near-poor households at 3,18% → 42606..42740", () => {
    expect(impliedTotal(1357, 3.18, 2)).toMatchObject({ low: 42606, high: 42740 });
  });

  test("Phổ Minh: 16 households for 1,11 pp → 1435..1447", () => {
    expect(impliedTotal(16, 1.11, 2)).toEqual({ value: 1441.4, low: 1435, high: 1447 });
  });

  test("Phổ Minh: 5 households for 0,3 pp (1 decimal) → 1429..2000", () => {
    expect(impliedTotal(5, 0.3, 1)).toEqual({ value: 1666.7, low: 1429, high: 2000 });
  });

  test("every total in the range rounds back to the printed rate, and the neighbours do not", () => {
    const t = impliedTotal(16, 1.11, 2)!;
    const r = (T: number) => Math.round((16 / T) * 100 * 100) / 100;
    expect(r(t.low)).toBe(1.11);
    expect(r(t.high!)).toBe(1.11);
    expect(r(t.low - 1)).not.toBe(1.11);
    expect(r(t.high! + 1)).not.toBe(1.11);
  });

  test("a rate that could be 0 leaves the top open", () => {
    expect(impliedTotal(1, 0.4, 0)).toMatchObject({ high: null });
  });

  test("no total from a zero count or a zero rate", () => {
    expect(impliedTotal(0, 1.64, 2)).toBeUndefined();
    expect(impliedTotal(700, 0, 2)).toBeUndefined();
  });
});

describe("intersect", () => {
  test("the two Phổ Minh ranges overlap in 1435..1447", () => {
    expect(intersect(impliedTotal(16, 1.11, 2)!, impliedTotal(5, 0.3, 1)!)).toEqual({ low: 1435, high: 1447 });
  });

  test("the two Thanh Liêm ranges overlap in 42606..42740", () => {
    expect(intersect(impliedTotal(700, 1.64, 2)!, impliedTotal(1357, 3.18, 2)!)).toEqual({ low: 42606, high: 42740 });
  });

  test("disjoint ranges give undefined", () => {
    expect(intersect({ value: 10, low: 9, high: 11 }, { value: 20, low: 19, high: 21 })).toBeUndefined();
  });

  test("an open top takes the other bound", () => {
    expect(intersect({ value: 10, low: 5, high: null }, { value: 20, low: 8, high: 30 })).toEqual({ low: 8, high: 30 });
    expect(intersect({ value: 10, low: 5, high: null }, { value: 20, low: 8, high: null })).toEqual({ low: 8, high: null });
  });
});
