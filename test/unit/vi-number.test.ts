import { describe, expect, test } from "vitest";
import { maybeViNumber, parseViNumber, ViNumberError } from "../../src/domain/vi-number.ts";

describe("parseViNumber: numbers as the plans print them", () => {
  test('"1.011" is one thousand and eleven, no decimals (Khả Lý Thượng households)', () => {
    expect(parseViNumber("1.011")).toEqual({ value: 1011, decimals: 0, percent: false, text: "1.011" });
  });

  test('"0,57%" is 0.57 percent with 2 decimals (Quảng Minh poverty rate)', () => {
    expect(parseViNumber("0,57%")).toEqual({ value: 0.57, decimals: 2, percent: true, text: "0,57%" });
  });

  test('"00" is 0 and "01" is 1 (zero-padded counts)', () => {
    expect(parseViNumber("00")).toMatchObject({ value: 0, decimals: 0, percent: false });
    expect(parseViNumber("01")).toMatchObject({ value: 1, decimals: 0, percent: false });
  });

  test('"58,8%" is 58.8 with 1 decimal', () => {
    expect(parseViNumber("58,8%")).toMatchObject({ value: 58.8, decimals: 1, percent: true });
  });

  test('"0.69" with decimal "." is 0.69 with 2 decimals (appendix table rates)', () => {
    expect(parseViNumber("0.69", ".")).toMatchObject({ value: 0.69, decimals: 2, percent: false });
  });

  test('with the default "," decimal mark "1.011" is a thousands group but "1.01" is not a number', () => {
    expect(parseViNumber("1.011", ",").value).toBe(1011);
    expect(() => parseViNumber("1.01")).toThrow(ViNumberError);
  });

  test('"2.991" is 2991 (Quảng Minh total) and "1357" is 1357 (Thanh Liêm near-poor, ungrouped)', () => {
    expect(parseViNumber("2.991")).toMatchObject({ value: 2991, decimals: 0 });
    expect(parseViNumber("1357")).toMatchObject({ value: 1357, decimals: 0 });
  });

  test.each(["abc", "1,2,3", "", "0,5.5", "0,4,3%", "%", "1.0111"])("junk %j throws ViNumberError", (junk) => {
    expect(() => parseViNumber(junk)).toThrow(ViNumberError);
  });

  test("the error message quotes the text it could not read", () => {
    expect(() => parseViNumber("0,4,3%")).toThrow(/"0,4,3%" is not a number as printed/);
  });
});

describe("maybeViNumber", () => {
  test.each(["abc", "1,2,3", "", "0,5.5"])("returns undefined on junk %j", (junk) => {
    expect(maybeViNumber(junk)).toBeUndefined();
  });

  test("returns undefined on non-text values", () => {
    expect(maybeViNumber(null)).toBeUndefined();
    expect(maybeViNumber(undefined)).toBeUndefined();
    expect(maybeViNumber({})).toBeUndefined();
  });

  test("parses what parseViNumber parses", () => {
    expect(maybeViNumber("1,47%")?.value).toBe(1.47);
    expect(maybeViNumber("0.50", ".")).toMatchObject({ value: 0.5, decimals: 2 });
  });
});
