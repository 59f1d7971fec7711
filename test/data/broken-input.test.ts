/**
 * Broken inputs: one fixture per failure mode. Each test copies data/ to a temp root, builds a good output, breaks
 * one file, and checks that the build fails with a DataError naming file, field and line, and leaves the previous
 * output exactly as it was.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { DataErrors } from "../../scripts/lib/data-error.ts";
import { errorAt, expectFailure, fixture, lineOf, mutate } from "./broken-helpers.ts";
import { ROOT, snapshot } from "./helpers.ts";

const PLAN = "data/plans/quang-minh-2024.yaml";
const TABLE = "data/tables/quang-minh-2024-phu-luc.tsv";
const SOURCE = "data/sources/2024-quang-minh-viet-yen-bac-giang.txt";

describe("a broken input fails the build with file, field and line, and keeps the previous output", () => {
  test("a quote changed so it is not in the source: quote not found", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ["tỷ lệ hộ nghèo chung trên địa bàn phường giảm còn 0,43%", "tỷ lệ hộ nghèo chung trên toàn phường giảm còn 0,43%"]);
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, PLAN, "targets[0].quote", lineOf(text, "trên toàn phường giảm còn"));
    expect(e.line).toBe(93);
    expect(e.message).toMatch(/^quote not found in data\/sources\/2024-quang-minh-viet-yen-bac-giang\.txt/);
    expect(e.message).toContain("trên toàn phường");
  });

  test("a quote that occurs twice asked for a third time: names the count", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, [
      'quote: "Thiếu hụt chỉ số dinh dưỡng: 00 hộ, tỷ lệ 00%;", occurrence: 2 }',
      'quote: "Thiếu hụt chỉ số dinh dưỡng: 00 hộ, tỷ lệ 00%;", occurrence: 3 }',
    ]);
    const errs = await expectFailure(f);
    const e = errorAt(errs, PLAN, "deprivations[14].quote", lineOf(text, "occurrence: 3"));
    expect(e.message).toBe(`quote occurs 2 time(s) in ${SOURCE}, not 3`);
  });

  test("a value that is not in its quote", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ['target_value: "0,43%"', 'target_value: "0,44%"']);
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, PLAN, "targets[0].target_value", lineOf(text, 'target_value: "0,44%"'));
    expect(e.line).toBe(90);
    expect(e.message).toBe('value "0,44%" does not appear in its quote');
  });

  test('an unparsable number ("0,4,3%")', async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ['target_value: "0,43%"', 'target_value: "0,4,3%"'], ["phường giảm còn 0,43%.", "phường giảm còn 0,4,3%."]);
    const errs = await expectFailure(f);
    const e = errorAt(errs, PLAN, "targets[0].target_value", lineOf(text, 'target_value: "0,4,3%"'));
    expect(e.message).toMatch(/^"0,4,3%" is not a number as printed/);
    // The edited quote is reported too (it is no longer in the source), at its own line.
    errorAt(errs, PLAN, "targets[0].quote", lineOf(text, "giảm còn 0,4,3%."));
  });

  test("a missing required field (issuer): reported at the plan's mapping", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ["issuer: UBND phường Quảng Minh\n", ""]);
    expect(text).not.toMatch(/^issuer:/m);
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, PLAN, "issuer", lineOf(text, "id: quang-minh-2024"));
    expect(e.message).toMatch(/expected string, received undefined/);
  });

  test("a TODO placeholder left by the extractor in a draft moved too early", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ["title_en: Plan for poverty reduction and social security work in 2024", "title_en: \"TODO: English title\""]);
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, PLAN, "title_en", lineOf(text, "TODO: English title"));
    expect(e.line).toBe(13);
    expect(e.message).toBe('still a placeholder ("TODO: English title"): write the value from the plan');
  });

  test('a wrong type (year: "twenty")', async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ["year: 2024\n", 'year: "twenty"\n']);
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, PLAN, "year", lineOf(text, 'year: "twenty"'));
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/expected number, received string/);
  });

  test("an unknown indicator", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ["indicator: poverty_rate\n    group: poor\n    kind: level", "indicator: poverty_ratio\n    group: poor\n    kind: level"]);
    const errs = await expectFailure(f);
    const e = errorAt(errs, PLAN, "targets[0].indicator", lineOf(text, "indicator: poverty_ratio"));
    expect(e.line).toBe(86);
    expect(e.message).toMatch(/^Invalid option: expected one of .*"poverty_rate"/);
  });

  test("an unknown locality id", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ["locality_id: bac-giang/viet-yen/quang-minh\n", "locality_id: bac-giang/viet-yen/quang-minx\n"]);
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, PLAN, "locality_id", lineOf(text, "quang-minx"));
    expect(e.line).toBe(4);
    expect(e.message).toBe('unknown locality "bac-giang/viet-yen/quang-minx" (add it to data/localities.yaml)');
  });

  test("a duplicate YAML key: reported at the second one, naming the key", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ["issuer: UBND phường Quảng Minh\n", "year: 2025\nissuer: UBND phường Quảng Minh\n"]);
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, PLAN, "year", lineOf(text, "year: 2025"));
    expect(e.line).toBe(10);
    expect(e.message).toMatch(/^YAML syntax: Map keys must be unique/);
  });

  test("invalid UTF-8 bytes in a plan file", async () => {
    const f = await fixture();
    const path = join(f.root, PLAN);
    const bytes = readFileSync(path);
    const text = bytes.toString("utf8");
    const at = Buffer.byteLength(text.slice(0, text.indexOf("title: ") + "title: ".length));
    writeFileSync(path, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(at)]));
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, PLAN, "", lineOf(text, "title: "));
    expect(e.line).toBe(12);
    expect(e.message).toBe("file is not valid UTF-8");
  });

  test("an empty plan file", async () => {
    const f = await fixture();
    writeFileSync(join(f.root, PLAN), "");
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    expect(errorAt(errs, PLAN, "", 1).message).toBe("file is empty");
  });

  test("a table row edited so it is no longer in the source", async () => {
    const f = await fixture();
    const text = mutate(f.root, TABLE, ["TDP Khả Lý Thượng\t1.011\t7", "TDP Khả Lý Thượng\t1.012\t7"]);
    const errs = await expectFailure(f);
    expect(errs.errors).toHaveLength(1);
    const e = errorAt(errs, TABLE, "", lineOf(text, "1.012"));
    expect(e.line).toBe(5);
    expect(e.message).toBe(`line is not in ${SOURCE}; tables must be copied as published`);
  });
});

describe("a build cut into shards on worker threads", () => {
  test("reports the same problems, in the same order, as one pass, and keeps the previous output", async () => {
    const f = await fixture();
    // Three shards of two plans: the problems sit in the first and the last, which two workers build.
    mutate(f.root, "data/plans/long-khanh-2024.yaml", ["year: 2024", 'year: "twenty"']);
    mutate(f.root, "data/plans/thanh-liem-2021.yaml", ["year: 2021", "year: 2021.5"]);
    const once = (await expectFailure(f)).errors.map((e) => e.format());
    let caught: unknown;
    try {
      await buildData(f.root, f.out, { shardPlans: 2, workers: 2 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DataErrors);
    expect((caught as DataErrors).errors.map((e) => e.format())).toEqual(once);
    expect(once.map((e) => e.split(":")[0])).toEqual(["data/plans/long-khanh-2024.yaml", "data/plans/thanh-liem-2021.yaml"]);
    expect(await expectFailure(f)).toBeInstanceOf(DataErrors);
  });
});

describe("the CLI on a broken copy", () => {
  test("exits 1, names file, field and line on stderr, prints no stack trace and writes nothing", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ['target_value: "0,43%"', 'target_value: "0,44%"']);
    const line = lineOf(text, 'target_value: "0,44%"');
    const run = spawnSync(join(ROOT, "node_modules", ".bin", "node"), ["scripts/build-data.ts"], {
      cwd: ROOT,
      env: { ...process.env, PPT_ROOT: f.root },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`${PLAN}:${line}: targets[0].target_value: value "0,44%" does not appear in its quote`);
    expect(run.stderr).toMatch(/^data: 1 problem\(s\) in data\/, nothing written:/);
    expect(run.stderr).not.toMatch(/^ {4}at /m);
    expect(run.stdout).toBe("");
    // The CLI writes into PPT_ROOT/public/data: the good output there is untouched.
    const after = snapshot(f.out);
    expect([...after.keys()]).toEqual([...f.before.keys()]);
    for (const [file, bytes] of f.before) expect(after.get(file)!.equals(bytes), file).toBe(true);
    expect(readdirSync(dirname(f.out)).filter((n) => /\.(tmp|old)-/.test(n))).toEqual([]);
  });
});
