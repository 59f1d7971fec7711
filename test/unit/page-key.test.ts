/**
 * The incremental build's page keys (src/load/page-key.ts) on copies of the real public data: a key changes exactly
 * when a file its pages read changes. Editing Quảng Minh's province renders again Bắc Giang's pages, not Đồng Nai's.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { nationalKey, planKey, provinceKey } from "../../src/load/page-key.ts";

const DATA = join(new URL("../../", import.meta.url).pathname, "public", "data");
const scratch = mkdtempSync(join(tmpdir(), "ppt-page-key-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const copy = (name: string) => {
  const dir = join(scratch, name);
  cpSync(DATA, dir, { recursive: true, dereference: true });
  return dir;
};

test("the same bytes give the same keys; an edited province changes its own keys and the national one only", () => {
  const [a, b] = [copy("a"), copy("b")];
  expect(provinceKey("bac-giang", a)).toBe(provinceKey("bac-giang", b));
  expect(nationalKey(a)).toBe(nationalKey(b));
  // An edit to Bắc Giang's targets (any byte: the key reads files, never parses them).
  const c = copy("c");
  appendFileSync(join(c, "provinces", "bac-giang", "targets.json"), " ");
  expect(provinceKey("bac-giang", c)).not.toBe(provinceKey("bac-giang", a));
  expect(planKey("quang-minh-2024", "bac-giang", c)).not.toBe(planKey("quang-minh-2024", "bac-giang", a));
  expect(provinceKey("dong-nai", c)).toBe(provinceKey("dong-nai", a));
  expect(planKey("long-khanh-2024", "dong-nai", c)).toBe(planKey("long-khanh-2024", "dong-nai", a));
  // The national pages read every province: an edit to any one changes their key, and the national lists too.
  expect(nationalKey(c)).not.toBe(nationalKey(a));
  const d = copy("d");
  appendFileSync(join(d, "plans.json"), " ");
  expect(nationalKey(d)).not.toBe(nationalKey(a));
  expect(provinceKey("dong-nai", d)).toBe(provinceKey("dong-nai", a));
});

test("a plan's key follows its own document; the gazetteer's units are read by every page", () => {
  const [a, e] = [copy("a2"), copy("e")];
  appendFileSync(join(e, "plans", "quang-minh-2024.json"), " ");
  expect(planKey("quang-minh-2024", "bac-giang", e)).not.toBe(planKey("quang-minh-2024", "bac-giang", a));
  expect(provinceKey("bac-giang", e)).toBe(provinceKey("bac-giang", a));
  const f = copy("f");
  appendFileSync(join(f, "units.json"), " ");
  for (const k of [provinceKey("dong-nai", f), nationalKey(f)]) expect([provinceKey("dong-nai", a), nationalKey(a)]).not.toContain(k);
});
