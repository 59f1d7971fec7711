import { describe, expect, test } from "vitest";
import { agreesWhenRounded, round, roundingInterval } from "../../src/domain/round.ts";

describe("round: half away from zero without binary drift", () => {
  test("round(0.145, 2) is 0.15 (naive Math.round(0.145 * 100) / 100 gives 0.14)", () => {
    expect(Math.round(0.145 * 100) / 100).toBe(0.14);
    expect(round(0.145, 2)).toBe(0.15);
  });

  test("negative halves round away from zero and -0 becomes 0", () => {
    expect(round(-0.145, 2)).toBe(-0.15);
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
  });

  test("3/17 of poor households is 17.65%, 16/17 is 94.12%", () => {
    expect(round((3 / 17) * 100, 2)).toBe(17.65);
    expect(round((16 / 17) * 100, 2)).toBe(94.12);
  });

  test("defaults to 2 decimals", () => {
    expect(round(17 / 2991 * 100)).toBe(0.57);
  });
});

describe("roundingInterval", () => {
  test("0,57% printed with 2 decimals stands for [0.565, 0.575]", () => {
    const [lo, hi] = roundingInterval(0.57, 2);
    expect(lo).toBeCloseTo(0.565, 10);
    expect(hi).toBeCloseTo(0.575, 10);
  });
});

describe("agreesWhenRounded", () => {
  test("0,57% agrees with 17 of 2991 households (0.5684%)", () => {
    expect(agreesWhenRounded(0.57, 2, (17 / 2991) * 100)).toBe(true);
  });

  test("58,8% does not agree with 3 of 17 households (17.65%)", () => {
    expect(agreesWhenRounded(58.8, 1, (3 / 17) * 100)).toBe(false);
  });

  test("94,12% agrees with 16 of 17 households", () => {
    expect(agreesWhenRounded(94.12, 2, (16 / 17) * 100)).toBe(true);
  });

  test("precision matters: 0,6% agrees with 0.5684 at 1 decimal but 0,57% does not at 1 decimal", () => {
    expect(agreesWhenRounded(0.6, 1, 0.5684)).toBe(true);
    expect(agreesWhenRounded(0.57, 1, 0.5684)).toBe(false);
  });
});
