/**
 * Hostile and impossible input, as an outside attack on the data step sent it: each case breaks one thing in a copy
 * of data/ and checks the build refuses it naming file, field and line (or, for what is merely odd, publishes it
 * with a finding), and that the previous output stays byte for byte. Cases are kinds, not single strings: several
 * variants of each are tried.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { errorAt, expectFailure, fixture, lineOf, mutate } from "./broken-helpers.ts";
import { nationalRows, readJson, ROOT, snapshot } from "./helpers.ts";

const PLAN = "data/plans/quang-minh-2024.yaml";
const LOCALITIES = "data/localities.yaml";
const SOURCE = "data/sources/2024-quang-minh-viet-yen-bac-giang.txt";
const TABLE = "data/tables/quang-minh-2024-phu-luc.tsv";
const POOR_QUOTE = "trên địa bàn thị xã có 17 hộ nghèo với 29 nhân khẩu, chiếm tỷ lệ 0,57%";

/** Replace every occurrence of `from` in one file of the copy (it must occur at least once). */
function replaceAll(root: string, file: string, from: string, to: string): string {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`fixture: ${JSON.stringify(from)} is not in ${file}`);
  const out = text.split(from).join(to);
  writeFileSync(path, out);
  return out;
}

describe("1. markup in names: refused by a whitelist of what a name may hold", () => {
  const names = [
    "Kẽ ><_:script xmlns:_='http://www.w3.org/2000/svg'>alert(document.domain)</_:script>",
    "Kẽ <svg/onload=alert(1)>",
    "Kẽ <!-- x -->",
    "Kẽ ＜script＞",
    "Kẽ {{constructor}}",
    "Kẽ\u200b",
    "Kẽ `x`",
  ];
  for (const name of names) {
    test(`locality name ${JSON.stringify(name.slice(0, 30))}`, async () => {
      const f = await fixture();
      const text = mutate(f.root, LOCALITIES, ["    name: Kẽ\n", `    name: ${JSON.stringify(name)}\n`]);
      const errs = await expectFailure(f);
      const e = errorAt(errs, LOCALITIES, errs.errors[0].field, lineOf(text, JSON.stringify(name)));
      expect(e.field).toMatch(/^localities\[\d+\]\.name$/);
      expect(e.message).toMatch(/markup|may not hold|invisible/);
    });
  }

  test("a quote holding a tag, with the source changed to match, is refused in both", async () => {
    const f = await fixture();
    replaceAll(f.root, SOURCE, "có 17 hộ nghèo", "có 17 <_:script>hộ nghèo");
    replaceAll(f.root, PLAN, "có 17 hộ nghèo", "có 17 <_:script>hộ nghèo");
    const errs = await expectFailure(f);
    expect(errs.errors.some((e) => e.file === SOURCE && e.line !== undefined && /markup/.test(e.message))).toBe(true);
    expect(errs.errors.some((e) => e.file === PLAN && /^statistics\[0\]\.quote$/.test(e.field) && /markup/.test(e.message))).toBe(true);
  });

  test("a '<' followed by 100,000 spaces is read in linear time and refused by field", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ["issuer_en: People's Committee of Quảng Minh ward\n", `issuer_en: "People's Committee <${" ".repeat(100_000)}x"\n`]);
    const t0 = performance.now();
    const errs = await expectFailure(f);
    expect(errorAt(errs, PLAN, "issuer_en", lineOf(text, "issuer_en:")).message).toMatch(/"<"/);
    // Not a timing assertion of the suite: a sanity bound far above the linear cost (the old regex took 7 s).
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe("2. files outside data/ are never read: links and non-regular files are refused by name", () => {
  test("a source that is a symbolic link to /etc/passwd", async () => {
    const f = await fixture();
    unlinkSync(join(f.root, SOURCE));
    symlinkSync("/etc/passwd", join(f.root, SOURCE));
    const errs = await expectFailure(f);
    const e = errs.errors.find((x) => x.file === SOURCE)!;
    expect(e.message).toMatch(/symbolic link/);
    expect(errs.message).not.toMatch(/root:x:0:0/);
  });

  test("a plan file that is a link to /proc/self/environ, and localities.yaml linked to a file inside data/", async () => {
    const f = await fixture();
    symlinkSync("/proc/self/environ", join(f.root, "data/plans/evil.yaml"));
    renameSync(join(f.root, LOCALITIES), join(f.root, "data/localities-real.yaml"));
    symlinkSync("localities-real.yaml", join(f.root, LOCALITIES));
    const errs = await expectFailure(f);
    expect(errs.errors.find((x) => x.file === "data/plans/evil.yaml")!.message).toMatch(/symbolic link/);
    expect(errs.errors.find((x) => x.file === LOCALITIES)!.message).toMatch(/symbolic link/);
  });

  test("the sources folder, the tables folder and a table that are links", async () => {
    for (const [what, path] of [["folder", "data/sources"], ["folder", "data/tables"], ["file", TABLE]] as const) {
      const f = await fixture();
      const real = join(f.root, `outside-${what}`);
      renameSync(join(f.root, path), real);
      symlinkSync(real, join(f.root, path));
      const errs = await expectFailure(f);
      expect(errs.errors.some((e) => e.file.startsWith(path.split("/").slice(0, 2).join("/")) && /symbolic link/.test(e.message)), errs.message).toBe(true);
    }
  });

  test("a source that is a FIFO is refused at once; /dev/zero through a link too; a source over the size cap", async () => {
    const f = await fixture();
    unlinkSync(join(f.root, SOURCE));
    execFileSync("mkfifo", [join(f.root, SOURCE)]);
    const errs = await expectFailure(f);
    expect(errs.errors.find((e) => e.file === SOURCE)!.message).toMatch(/named pipe/);

    const g = await fixture();
    unlinkSync(join(g.root, SOURCE));
    symlinkSync("/dev/zero", join(g.root, SOURCE));
    expect((await expectFailure(g)).errors.find((e) => e.file === SOURCE)!.message).toMatch(/symbolic link/);

    const h = await fixture();
    writeFileSync(join(h.root, SOURCE), `${readFileSync(join(ROOT, SOURCE), "utf8")}\n${"x".repeat(17 << 20)}\n`);
    expect((await expectFailure(h)).errors.find((e) => e.file === SOURCE)!.message).toMatch(/at most 16 MB/);
  });

  test("data/plans that is a file names the folder, not ENOTDIR", async () => {
    const f = await fixture();
    rmSync(join(f.root, "data/plans"), { recursive: true });
    writeFileSync(join(f.root, "data/plans"), "not a folder\n");
    const errs = await expectFailure(f);
    expect(errs.errors.map((e) => e.format())).toContain("data/plans: is not a regular file, not a folder");
  });
});

describe("3. whatever the data step accepts must build: ids too long for a file name are refused", () => {
  test("a 300-character id segment", async () => {
    const f = await fixture();
    const long = "k".repeat(300);
    const text = replaceAll(f.root, LOCALITIES, "bac-giang/viet-yen/quang-minh/ke", `bac-giang/viet-yen/quang-minh/${long}`);
    replaceAll(f.root, PLAN, "bac-giang/viet-yen/quang-minh/ke", `bac-giang/viet-yen/quang-minh/${long}`);
    const errs = await expectFailure(f);
    const e = errs.errors.find((x) => x.file === LOCALITIES)!;
    expect(e.line).toBe(lineOf(text, long));
    expect(e.message).toMatch(/at most 64 characters/);
  });
});

describe("7–9. printed figures: quoted strings, real dates, possible values", () => {
  test("a bare number (value: 1.000 read by YAML as 1) is refused with a hint to quote it", async () => {
    for (const bare of ["1.000", "10.000", "17", "1e3"]) {
      const f = await fixture();
      const text = mutate(f.root, PLAN, ['    value: "17"\n', `    value: ${bare}\n`]);
      const e = errorAt(await expectFailure(f), PLAN, "statistics[0].value", lineOf(text, `value: ${bare}\n`));
      expect(e.message).toMatch(/bare number .*in quotes \("1\.000"\)/);
    }
  });

  test("impossible dates are refused at their line", async () => {
    for (const date of ["2024-02-30", "2023-13-45", "0000-00-00", "2023-02-29"]) {
      const f = await fixture();
      const text = mutate(f.root, PLAN, ['issued: "2024-02-22"', `issued: "${date}"`]);
      expect(errorAt(await expectFailure(f), PLAN, "issued", lineOf(text, `issued: "${date}"`)).message).toMatch(/not a day of the calendar/);
    }
  });

  const impossible: [label: string, from: string, to: string, field: string, message: RegExp][] = [
    ["a negative household count", "có 17 hộ nghèo", "có -5 hộ nghèo", "statistics[0].value", /negative/],
    ["a poverty rate of 250%", "chiếm tỷ lệ 0,57%", "chiếm tỷ lệ 250%", "statistics[2].value", /over 100%/],
    ["coverage of 150%", "Đảm bảo 100% hộ nghèo, hộ cận nghèo được cấp thẻ", "Đảm bảo 150% hộ nghèo, hộ cận nghèo được cấp thẻ", "", /over 100%/],
  ];
  for (const [label, from, to, field, message] of impossible) {
    test(`${label} is refused`, async () => {
      const f = await fixture();
      replaceAll(f.root, SOURCE, from, to);
      replaceAll(f.root, PLAN, from, to);
      const printed = /-5|250%|150%/.exec(to)![0];
      replaceAll(f.root, PLAN, `value: "${{ "-5": "17", "250%": "0,57%", "150%": "100%" }[printed]}"`, `value: "${printed}"`);
      const errs = await expectFailure(f);
      const hit = errs.errors.find((e) => e.file === PLAN && message.test(e.message) && (!field || e.field === field));
      expect(hit, errs.message).toBeDefined();
      expect(hit!.line).toBeGreaterThan(0);
    });
  }

  test('"0,57%" as a household count is refused: wrong unit', async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ['    value: "17"\n    unit: households', '    value: "0,57%"\n    unit: households']);
    expect(errorAt(await expectFailure(f), PLAN, "statistics[0].value", lineOf(text, 'value: "0,57%"\n    unit: households')).message).toMatch(/printed as a percentage/);
  });

  test("more poor households than households is published, with a finding", async () => {
    const f = await fixture();
    replaceAll(f.root, SOURCE, POOR_QUOTE, POOR_QUOTE.replace("có 17 hộ", "có 3.017 hộ"));
    replaceAll(f.root, PLAN, POOR_QUOTE, POOR_QUOTE.replace("có 17 hộ", "có 3.017 hộ"));
    mutate(f.root, PLAN, ['    value: "17"\n    unit: households', '    value: "3.017"\n    unit: households']);
    await buildData(f.root, f.out);
    const quality = nationalRows<{ code: string; stated: number; computed: number; locality_id: string }>(f.out, "quality");
    expect(quality.filter((q) => q.code === "count_exceeds_total")).toEqual([expect.objectContaining({ stated: 3017, computed: 2991, locality_id: "bac-giang/viet-yen/quang-minh" })]);
  });
});

describe("10–12. YAML and text hazards, each refused at file:line: field", () => {
  const cases: [label: string, from: string, to: string, field: string, message: RegExp][] = [
    ["an alias bomb", "issuer_en: People's Committee of Quảng Minh ward\n", "issuer_en: People's Committee of Quảng Minh ward\nx0: &a [1,1,1,1,1,1,1,1,1]\nx1: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nx2: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n", "x0", /anchor &a is not allowed/],
    ["a 308-digit number", "year: 2024\n", `year: 1${"0".repeat(307)}\n`, "year", /^Too big|<=2100|too big/i],
    ["a whitespace-only title", "title: Kế hoạch thực hiện công tác giảm nghèo và an sinh xã hội năm 2024\n", 'title: "   "\n', "title", /is blank/],
    ["a Todo: placeholder", "issuer: UBND phường Quảng Minh\n", 'issuer: "Todo: issuer"\n', "issuer", /placeholder/],
    ["a full-width ＴＯＤＯ placeholder", "issuer: UBND phường Quảng Minh\n", 'issuer: "ＴＯＤＯ"\n', "issuer", /placeholder/],
    ["a bidi override in a title", "title: Kế hoạch thực hiện công tác giảm nghèo và an sinh xã hội năm 2024\n", 'title: "Kế hoạch \\u202Enăm 2024"\n', "title", /U\+202E/],
    ["a lone surrogate", "issuer: UBND phường Quảng Minh\n", 'issuer: "UBND \\uD800 Quảng Minh"\n', "issuer", /lone surrogate/],
    ["a !!js/function tag", "issuer: UBND phường Quảng Minh\n", "issuer: !!js/function 'function(){}'\n", "issuer", /tag !!js\/function is not allowed/],
    ["a !!float tag on a figure", '    value: "17"\n', '    value: !!float "17"\n', "statistics[0].value", /tag !!float is not allowed/],
    ["%YAML 1.1 (ocr: yes read as true)", "id: quang-minh-2024\n", "%YAML 1.1\n---\nid: quang-minh-2024\nocr: yes\n", "", /directives/],
  ];
  for (const [label, from, to, field, message] of cases) {
    test(label, async () => {
      const f = await fixture();
      const text = mutate(f.root, PLAN, [from, to]);
      const errs = await expectFailure(f);
      const hit = errs.errors.find((e) => e.field === field && message.test(e.message));
      expect(hit, errs.message).toBeDefined();
      expect(hit!.file).toBe(PLAN);
      expect(hit!.line, errs.message).toBe(field === "" ? lineOf(text, to.split("\n")[0]) : lineOf(text, to.split("\n").find((l) => l.startsWith(field.split(/[.[]/)[0]) || l.includes(field.split(".").pop()!))!));
      expect(errs.message).not.toMatch(/internal error|"code":|Excessive alias/);
    });
  }

  test("a short quote printed more than once, without occurrence", async () => {
    const f = await fixture();
    const text = mutate(f.root, PLAN, ['    quote: "Đảm bảo 100% hộ nghèo, hộ cận nghèo được cấp thẻ Bảo hiểm y tế"\n', '    quote: "100% hộ nghèo"\n']);
    const errs = await expectFailure(f);
    const e = errs.errors.find((x) => /occurs 2 times .*add occurrence/.test(x.message))!;
    expect(e.format()).toMatch(/^data\/plans\/quang-minh-2024\.yaml:\d+: targets\[\d+\]\.quote: /);
    expect(e.line).toBe(lineOf(text, 'quote: "100% hộ nghèo"'));
  });

  test("40,000 unknown keys: refused, in time that grows linearly (see bench)", async () => {
    const f = await fixture();
    const keys = Array.from({ length: 40_000 }, (_, i) => `k${i}: 1`).join("\n");
    mutate(f.root, PLAN, ["issuer: UBND phường Quảng Minh\n", `issuer: UBND phường Quảng Minh\n${keys}\n`]);
    const t0 = performance.now();
    const errs = await expectFailure(f);
    expect(errs.errors[0].message).toMatch(/Unrecognized key/);
    expect(performance.now() - t0).toBeLessThan(8_000);
  });
});

describe("11. .yml plan files are plan files", () => {
  test("renaming a plan to .yml builds the same output", async () => {
    const f = await fixture();
    renameSync(join(f.root, PLAN), join(f.root, PLAN.replace(/\.yaml$/, ".yml")));
    await buildData(f.root, f.out);
    const after = snapshot(f.out);
    expect([...after.keys()]).toEqual([...f.before.keys()]);
    for (const [file, bytes] of f.before) expect(after.get(file)!.equals(bytes), file).toBe(true);
  });
});

describe("6. the output swap: no temporaries published, no moment without data", () => {
  test("stale temporaries of killed runs are removed; public/data is a link to the one complete version", async () => {
    const f = await fixture();
    const versions = join(f.root, ".data-versions");
    // What killed runs leave: an old-style temporary beside the output and a temporary version (dead pid).
    mkdirSync(join(dirname(f.out), "data.tmp-999999999"), { recursive: true });
    writeFileSync(join(dirname(f.out), "data.tmp-999999999", "plans.json"), "[]");
    mkdirSync(join(versions, "tmp-999999999-1"), { recursive: true });
    await buildData(f.root, f.out);
    expect(readdirSync(dirname(f.out))).toEqual(["data"]);
    expect(lstatSync(f.out).isSymbolicLink()).toBe(true);
    const live = readdirSync(versions);
    expect(live).toHaveLength(1);
    expect(readlinkSync(f.out)).toBe(`../.data-versions/${live[0]}`);
  });

  test("while builds replace the output, a reader always finds a complete public/data", async () => {
    const f = await fixture();
    // Reader and builds in one process would not interleave: run the reader as a child while this process builds.
    const child = spawn(process.execPath, ["-e", `
      const fs = require("node:fs"); const out = ${JSON.stringify(f.out)};
      let reads = 0, misses = 0; const end = Date.now() + 60000;
      while (Date.now() < end && !fs.existsSync(${JSON.stringify(join(f.root, "stop"))})) { reads++; try { JSON.parse(fs.readFileSync(out + "/plans.json", "utf8")); } catch { misses++; } }
      console.log(JSON.stringify({ reads, misses }));
    `]);
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    // "close", not "exit": the child may exit before its output has been read.
    const done = new Promise((r) => child.on("close", r));
    for (let i = 0; i < 5; i++) await buildData(f.root, f.out);
    writeFileSync(join(f.root, "stop"), "");
    await done;
    const { reads, misses } = JSON.parse(output);
    expect(reads).toBeGreaterThan(100);
    expect(misses).toBe(0);
    expect(existsSync(f.out)).toBe(true);
  });
});
