import { describe, expect, test } from "vitest";
import { extractBudget } from "../../scripts/lib/extract/budget.ts";
import { extractCounts, extractOutputs } from "../../scripts/lib/extract/counts.ts";
import { extractCoverage } from "../../scripts/lib/extract/coverage.ts";
import { extractDeprivations } from "../../scripts/lib/extract/deprivations.ts";
import type { Context } from "../../scripts/lib/extract/doc.ts";
import { extractRates, extractRelative } from "../../scripts/lib/extract/rates.ts";
import { scorePlans, total, recall, precision } from "../../scripts/lib/extract/score.ts";
import { fold } from "../../scripts/lib/extract/text.ts";
import { ctx, nfd, ocr, PLANS, records, root, source, stripped, type Family } from "./extract-helpers.ts";

/** Lines `from`–`to` (1-based) of a source, as printed: real sentences, not retyped ones. */
const lines = (file: string, from: number, to = from) => source(file).split("\n").slice(from - 1, to).join("\n");

const QM = "2024-quang-minh-viet-yen-bac-giang.txt", PM = "2024-pho-minh-duc-pho-quang-ngai.txt";
const LK = "2024-long-khanh-dong-nai.txt", TL = "2021-thanh-liem-ha-nam.txt";
const y2021: Context = { year: 2021, issued: null };
const issued: Context = { year: 2024, issued: "2024-04-01" };

// One or more real sentences per pattern family, each with the family that reads it and the plan's context.
const SENTENCES: [string, string, Family, Context][] = [
  ["counts: households, persons and rate (Quảng Minh 35–37)", lines(QM, 35, 37), extractCounts, ctx],
  ["counts: labelled (Quảng Minh 41)", lines(QM, 41), extractCounts, ctx],
  ["counts: exclusion in brackets (Thanh Liêm 13)", lines(TL, 13), extractCounts, y2021],
  ["rates: levels (Quảng Minh 23–24)", lines(QM, 23, 24), extractRates, ctx],
  ["rates: mức giảm with households (Phổ Minh 41)", lines(PM, 41), extractRates, ctx],
  ["rates: from–to (Thanh Liêm 21)", lines(TL, 21), extractRates, y2021],
  ["rates: relative changes (Long Khánh 31–35)", lines(LK, 31, 35), extractRelative, ctx],
  ["coverage: water and latrines (Long Khánh 52)", lines(LK, 52), extractCoverage, ctx],
  ["coverage: school attendance (Phổ Minh 63)", lines(PM, 63), extractCoverage, ctx],
  ["outputs: job links (Phổ Minh 59)", lines(PM, 59), extractOutputs, ctx],
  ["deprivations (Quảng Minh 43–62)", lines(QM, 43, 62), extractDeprivations, ctx],
  ["budget (Long Khánh 128)", lines(LK, 128), extractBudget, issued],
];
const SEEDS = [1, 2, 3, 4, 5];

describe.each(SENTENCES)("%s", (_, text, family, c) => {
  const want = records(text, family, c);

  test("the published sentence gives figures (or the test would prove nothing)", () => {
    expect(want.length).toBeGreaterThan(0);
  });

  test("NFD gives the same figures", () => {
    expect(nfd(text)).not.toBe(text);
    expect(records(nfd(text), family, c)).toEqual(want);
  });

  test("diacritics stripped gives the same figures", () => {
    expect(stripped(text)).not.toBe(text);
    expect(records(stripped(text), family, c)).toEqual(want);
  });

  // A sentence must come through whole; a long block (the 17 deprivation lines) may lose one figure in ten to a
  // garbled word (e.g. "chất lượng nhà ở" read "chat luang nha é"), but never gain a wrong one.
  test.each(SEEDS)("OCR-like noise, seed %i, gives the same figures (a long block: at most one in ten lost)", (seed) => {
    const got = records(ocr(text, seed), family, c);
    const key = (r: object) => JSON.stringify(r);
    const wanted = new Set(want.map(key));
    expect(got.filter((r) => !wanted.has(key(r)))).toEqual([]);
    expect(want.length - got.length).toBeLessThanOrEqual(Math.floor(want.length / 10));
    if (want.length < 10) expect(got).toEqual(want);
  });

  test("the OCR noise is really there: some seed garbles words beyond the lost accents", () => {
    const plain = (t: string) => fold(t, { ocr: false }).text;
    expect(SEEDS.filter((s) => plain(ocr(text, s)) !== plain(stripped(text))).length).toBeGreaterThan(0);
  });
});

describe("the OCR noise model", () => {
  const numbers = (s: string) => [...s.matchAll(/(?<![\p{L}\d.,])\d+(?:[.,]\d+)*%?(?![\p{L}\d])/gu)].map((m) => m[0]);
  const punctuation = (s: string) => s.replace(/[^%,.;:()\n\t/]/g, "");

  test.each(Object.keys(PLANS))("%s: every number, punctuation mark and line break survives", (file) => {
    const text = source(file);
    for (const seed of [0, 1]) {
      const noisy = ocr(text, seed);
      expect(numbers(noisy)).toEqual(numbers(text));
      expect(punctuation(noisy)).toEqual(punctuation(text.normalize("NFC")));
    }
  });

  test("is deterministic and depends on the seed", () => {
    const text = source(QM);
    expect(ocr(text, 7)).toBe(ocr(text, 7));
    expect(ocr(text, 7)).not.toBe(ocr(text, 8));
  });

  test("leaves about one word in five unreadable, as the real OCR copy does", () => {
    // Words of the typed plans that are not words of the clean text fold: the real copy has 20% (vocabulary of the
    // other four plans); the noise is calibrated to it.
    const words = (s: string) => fold(s, { ocr: false }).text.split(/[^a-z0-9¢€&¥]+/).filter((w) => /[a-z]/.test(w));
    const text = source(QM), clean = new Set(words(stripped(text)));
    const noisy = words(ocr(text, 0));
    const share = noisy.filter((w) => !clean.has(w)).length / noisy.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
  });
});

describe("whole plans in OCR-like noise", () => {
  test("the aim (headline recall ≥ 90%, precision ≥ 95%) holds overall on two draws", () => {
    for (const seed of [0, 3000]) {
      const h = total(scorePlans(root, ["ocr"], seed), "headline");
      expect(recall(h), `seed ${seed}`).toBeGreaterThanOrEqual(0.9);
      expect(precision(h), `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
