import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { VALUE_FIELDS } from "../../scripts/lib/extract/doc.ts";
import { figuresOf, matchCount } from "../../scripts/lib/extract/figures.ts";
import { SourceText } from "../../scripts/lib/provenance.ts";
import { readData } from "../../scripts/lib/read-data.ts";
import { foldSpace } from "../../src/domain/fold.ts";
import { PlanFile } from "../../src/domain/schema.ts";
import { curated, draftOf, keys, nfd, PLANS, root as rootSlash, source, stripped } from "./extract-helpers.ts";

const root = rootSlash.replace(/\/$/, "");

describe.each(Object.entries(PLANS))("draft of %s", (file, id) => {
  const text = source(file);
  const draft = draftOf(text, file);
  const src = new SourceText(text);

  test("passes the schema (PlanFile) as written", () => {
    const parsed = PlanFile.safeParse(parse(draft.yaml));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data!.id).toBe(id);
  });

  test("every quote is found by the build's SourceText, at the line the comment gives", () => {
    const plan = PlanFile.parse(parse(draft.yaml));
    for (const c of draft.candidates) expect(src.locate(c.quote, c.occurrence), c.quote).toMatchObject({ line: c.line });
    for (const q of [plan.number_quote, plan.issued_quote, plan.parent_plan?.quote, ...plan.notes.map((n) => n.quote)]) if (q) expect(src.locate(q), q).toBeDefined();
    for (const t of draft.tables) for (const line of t.tsv.trimEnd().split("\n")) expect(src.locate(line), line).toBeDefined();
  });

  test("never invents a figure: every value is printed in its quote", () => {
    for (const c of draft.candidates) {
      for (const [k, v] of Object.entries(c.record)) if (v !== undefined && VALUE_FIELDS.has(k)) expect(foldSpace(c.quote)).toContain(foldSpace(v));
    }
  });

  test("NFD, CRLF and diacritic-free copies give the same figures", () => {
    const want = keys(draft);
    expect(keys(draftOf(nfd(text), file))).toEqual(want);
    expect(keys(draftOf(text.replace(/\n/g, "\r\n"), file))).toEqual(want);
    expect(keys(draftOf(stripped(text), file))).toEqual(want);
  });

  test("every record says its line, confidence and pattern in a comment", () => {
    const comments = draft.yaml.split("\n").filter((l) => /^ {2}# line \d+ · confidence 0\.\d\d · pattern \w+/.test(l));
    expect(comments).toHaveLength(draft.candidates.length);
  });

  test("is deterministic", () => {
    expect(draftOf(text, file).yaml).toBe(draft.yaml);
  });
});

describe("score against the curated plans", () => {
  test("headline recall ≥ 90% with precision ≥ 95% overall, and on every plan", () => {
    let cur = 0, dr = 0, hit = 0;
    for (const [file, id] of Object.entries(PLANS)) {
      const plan = curated(id);
      const draft = draftOf(source(file), file);
      const m = matchCount(
        figuresOf(plan, (f) => readFileSync(`${root}/data/tables/${f}`, "utf8")),
        figuresOf(draft.plan as never, (f) => draft.tables.find((t) => t.file === f)?.tsv),
        (f) => f.headline,
      );
      expect(m.matched / m.curated, id).toBeGreaterThanOrEqual(0.9);
      expect(m.matched / m.draft, id).toBeGreaterThanOrEqual(0.95);
      cur += m.curated;
      dr += m.draft;
      hit += m.matched;
    }
    expect(hit / cur).toBeGreaterThanOrEqual(0.9);
    expect(hit / dr).toBeGreaterThanOrEqual(0.95);
  });
});

describe("the CLI and the build", () => {
  // The project's own Node 24 runs .ts files; the system one may be older.
  const node = existsSync(`${root}/node_modules/.bin/node`) ? `${root}/node_modules/.bin/node` : process.execPath;

  test("writes the draft and its table beside the curated files, never over them", () => {
    const out = mkdtempSync(join(tmpdir(), "ppt-extract-"));
    try {
      execFileSync(node, [`${root}/scripts/extract.ts`, `${root}/data/sources/2024-quang-minh-viet-yen-bac-giang.txt`, "--out", out], { encoding: "utf8" });
      expect(existsSync(join(out, "quang-minh-2024.yaml"))).toBe(true);
      expect(readFileSync(join(out, "quang-minh-2024-phu-luc.tsv"), "utf8")).toBe(readFileSync(`${root}/data/tables/quang-minh-2024-phu-luc.tsv`, "utf8"));
      const before = readFileSync(`${root}/data/plans/quang-minh-2024.yaml`, "utf8");
      const r = spawnSync(node, [`${root}/scripts/extract.ts`, `${root}/data/sources/2024-quang-minh-viet-yen-bac-giang.txt`, "--out", `${root}/data/plans`], { encoding: "utf8" });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/curated file/);
      expect(readFileSync(`${root}/data/plans/quang-minh-2024.yaml`, "utf8")).toBe(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("never overwrites a draft: the same source is refused by name, another document gets a free name", () => {
    const dir = mkdtempSync(join(tmpdir(), "ppt-extract-drafts-"));
    try {
      // Two review decisions of one year from a commune data/localities.yaml does not have.
      const doc = (n: string) => `ỦY BAN NHÂN DÂN XÃ TÂN KHÁNH\nSố: ${n}/QĐ-UBND\nTân Khánh, ngày 05 tháng 01 năm 2025\nQUYẾT ĐỊNH\nPhê duyệt kết quả rà soát năm 2024\nHộ nghèo: ${n} hộ.\n`;
      writeFileSync(join(dir, "a-tan-khanh.txt"), doc("31"));
      writeFileSync(join(dir, "b-tan-khanh.txt"), doc("47"));
      const run = (f: string) => spawnSync(node, [`${root}/scripts/extract.ts`, join(dir, f), "--out", join(dir, "drafts")], { encoding: "utf8" });
      expect(run("a-tan-khanh.txt").status).toBe(0);
      const first = readFileSync(join(dir, "drafts", "tan-khanh-2024.yaml"), "utf8");
      const again = run("a-tan-khanh.txt");
      expect(again.status).not.toBe(0);
      expect(again.stderr).toMatch(/tan-khanh-2024\.yaml is already a draft of a-tan-khanh\.txt; a draft is never overwritten/);
      const other = run("b-tan-khanh.txt");
      expect(other.status).toBe(0);
      expect(other.stderr).toMatch(/writing tan-khanh-2024-2\.yaml/);
      expect(readFileSync(join(dir, "drafts", "tan-khanh-2024.yaml"), "utf8")).toBe(first);
      const second = parse(readFileSync(join(dir, "drafts", "tan-khanh-2024-2.yaml"), "utf8"));
      expect([second.id, second.source_file, second.statistics[0].value]).toEqual(["tan-khanh-2024-2", "b-tan-khanh.txt", "47"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a draft moved into data/plans/ (curated file removed) passes the build's checks once its TODOs are written", () => {
    const tmp = mkdtempSync(join(tmpdir(), "ppt-extract-build-"));
    try {
      cpSync(`${root}/data`, join(tmp, "data"), { recursive: true });
      const drafts = Object.entries(PLANS).map(([file, id]) => ({ id, draft: draftOf(source(file), file) }));
      const place = (fill: (yaml: string) => string) => {
        for (const { id, draft } of drafts) {
          rmSync(join(tmp, "data", "plans", `${id}.yaml`), { force: true });
          for (const t of draft.tables) rmSync(join(tmp, "data", "tables", t.file), { force: true });
          writeFileSync(join(tmp, "data", "plans", `${id}.yaml`), fill(draft.yaml));
          for (const t of draft.tables) writeFileSync(join(tmp, "data", "tables", t.file), t.tsv);
        }
      };
      // Moved as drafted: the build refuses the placeholders, naming each one.
      place((yaml) => yaml);
      expect(() => readData(tmp)).toThrow(/data\/plans\/quang-minh-2024\.yaml:\d+: title_en: still a placeholder \("TODO: English title"\)/);
      // As data/README.md asks: every TODO value written first.
      place((yaml) => yaml.replace(/"TODO: English title"/g, '"Plan for sustainable poverty reduction"'));
      const data = readData(tmp);
      expect(data.plans.map((p) => p.id).sort()).toEqual(Object.values(PLANS).sort());
      expect(data.targets.length).toBeGreaterThan(50);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
