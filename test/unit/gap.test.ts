import { describe, expect, test } from "vitest";
import { changePp, changeRelativePct, signed } from "../../src/domain/gap.ts";

describe("changePp: percentage points", () => {
  test("Phan Rang: 0,97% → 0,72% is −0.25 pp", () => {
    expect(changePp(0.97, 0.72)).toBe(-0.25);
  });

  test("Quảng Minh: 0,57% → 0,43% is −0.14 pp and 1,47% → 0,97% is −0.5 pp", () => {
    expect(changePp(0.57, 0.43)).toBe(-0.14);
    expect(changePp(1.47, 0.97)).toBe(-0.5);
  });

  test("Thanh Liêm: 1,64% → 1,49% is −0.15 pp (no binary drift)", () => {
    expect(1.49 - 1.64).not.toBe(-0.15);
    expect(changePp(1.64, 1.49)).toBe(-0.15);
  });

  test("rounds to the decimals asked for", () => {
    expect(changePp(2.5, 2.16, 1)).toBe(-0.3);
  });
});

describe("changeRelativePct: percent of the baseline", () => {
  test("Phan Rang: 0,97% → 0,72% is −25.77% relative (not −0.25)", () => {
    expect(changeRelativePct(0.97, 0.72)).toBe(-25.77);
  });

  test("Phan Rang near-poor: 2,50% → 2,16% is −13.6%", () => {
    expect(changeRelativePct(2.5, 2.16)).toBe(-13.6);
  });

  test("an increase is positive", () => {
    expect(changeRelativePct(50, 75)).toBe(50);
  });

  test("undefined for a zero baseline", () => {
    expect(changeRelativePct(0, 0.4)).toBeUndefined();
  });
});

describe("signed", () => {
  test("decreases are negative, increases positive, whatever the printed sign", () => {
    expect(signed(0.25, "decrease")).toBe(-0.25);
    expect(signed(-0.25, "decrease")).toBe(-0.25);
    expect(signed(16, "increase")).toBe(16);
    expect(signed(-16, "increase")).toBe(16);
  });
});
