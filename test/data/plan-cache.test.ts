/**
 * The data step's per-plan cache (scripts/lib/plan-cache.ts): a warm build serves every unchanged plan from it and
 * writes exactly what a build without any cache writes; an entry that is missing, stale (the plan, its source or
 * its table edited; the locality tree or the code changed) or corrupt (truncated, a byte altered) is rebuilt, never
 * served; a forced build reads none of it.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { buildData, type BuildOptions } from "../../scripts/build-data.ts";
import { planFileNow } from "../../scripts/lib/plan-cache.ts";
import { mutate } from "./broken-helpers.ts";
import { ROOT, snapshot, tempDir } from "./helpers.ts";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function project(): string {
  const root = tempDir("cache");
  roots.push(root);
  cpSync(join(ROOT, "data"), join(root, "data"), { recursive: true });
  return root;
}

const PLAN = "quang-minh-2024.yaml";
const PLANS = 5;

/** Builds `root` into its own output with the cache in `<root>/cache`. */
function cached(root: string, options: BuildOptions = {}) {
  return buildData(root, join(root, "out"), { cacheDir: join(root, "cache"), ...options });
}

/** What a build without any cache writes for the data as it now is in `root`. */
async function cold(root: string): Promise<Map<string, Buffer>> {
  const out = join(root, `cold-${Math.random().toString(36).slice(2)}`);
  await buildData(root, out, { cacheDir: false });
  const files = snapshot(out);
  rmSync(out, { recursive: true, force: true });
  rmSync(join(root, `.${out.split("/").pop()}.versions`), { recursive: true, force: true });
  return files;
}

function expectSame(root: string, expected: Map<string, Buffer>) {
  const got = snapshot(join(root, "out"));
  expect([...got.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of expected) expect(got.get(file)!.equals(bytes), `${file} differs from a build without cache`).toBe(true);
}

const entry = (root: string, plan = PLAN) => join(root, "cache", `${plan}.entry`);

describe("per-plan cache", () => {
  test("a cold build fills it, a warm one serves every plan from it, both write what a build without cache writes", async () => {
    const root = project();
    const reference = await cold(root);
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: 0 });
    expectSame(root, reference);
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
    expectSame(root, reference);
    // Sharded on worker threads, the pieces from the cache join the same way.
    expect((await cached(root, { shardPlans: 2, workers: 2 })).cache).toEqual({ plans: PLANS, hits: PLANS });
    expectSame(root, reference);
  });

  test("a missing, truncated or altered entry, or another plan's entry in its place, is rebuilt and rewritten", async () => {
    const root = project();
    const reference = await cold(root);
    await cached(root);
    const good = readFileSync(entry(root));
    const breakings: [string, () => void][] = [
      ["missing", () => rmSync(entry(root))],
      ["truncated", () => truncateSync(entry(root), Math.floor(good.length / 2))],
      ["cut before its payload", () => truncateSync(entry(root), good.indexOf(0x0a))],
      ["empty", () => writeFileSync(entry(root), "")],
      ["a byte of its payload altered", () => {
        const bad = Buffer.from(good);
        bad[bad.length - 10] ^= 0x01;
        writeFileSync(entry(root), bad);
      }],
      ["another plan's entry", () => cpSync(entry(root, "pho-minh-2024.yaml"), entry(root))],
    ];
    for (const [what, breakIt] of breakings) {
      breakIt();
      expect((await cached(root)).cache, what).toEqual({ plans: PLANS, hits: PLANS - 1 });
      expectSame(root, reference);
      // Written again: the same fragments (its header carries the time it was written).
      const again = readFileSync(entry(root));
      expect(again.subarray(again.indexOf(0x0a)).equals(good.subarray(good.indexOf(0x0a))), `${what}: the entry is written again`).toBe(true);
    }
  });

  test("an entry rewritten in place with its modification time put back is checked whole, and rebuilt", async () => {
    const root = project();
    const reference = await cold(root);
    await cached(root);
    // A whole second, so that it can be put back exactly; the next build checks the entry whole (its change time
    // moved) and, the change being older than the racy window by then, the manifest records its stamp.
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(entry(root), hourAgo, hourAgo);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
    const before = statSync(entry(root));
    const bad = readFileSync(entry(root));
    bad[bad.length - 10] ^= 0x01;
    writeFileSync(entry(root), bad);
    utimesSync(entry(root), hourAgo, hourAgo);
    expect(statSync(entry(root)).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(entry(root)).size).toBe(before.size);
    // Its change time moved: the manifest's stamp no longer matches, so the payload is hashed and found wrong.
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS - 1 });
    expectSame(root, reference);
  });

  test("an entry the manifest vouches for whose payload is wrong is never published: its bytes are checked when used", async () => {
    const root = project();
    const reference = await cold(root);
    await cached(root);
    const bad = readFileSync(entry(root));
    bad[bad.length - 10] ^= 0x01;
    writeFileSync(entry(root), bad);
    // As if the damage had left the file's stamp as it was (a disk's, say): the manifest is made to match it.
    const manifest = JSON.parse(readFileSync(join(root, "cache", "manifest.json"), "utf8"));
    const st = statSync(entry(root));
    manifest.stamps[PLAN] = `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
    writeFileSync(join(root, "cache", "manifest.json"), JSON.stringify(manifest));
    // And no record of the live version: every file is written from the entries' bytes.
    rmSync(join(root, "cache", "published.json"));
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
    expectSame(root, reference);
    // Its entry was rebuilt when its bytes did not match: whole again.
    const again = readFileSync(entry(root));
    expect(again.subarray(again.indexOf(0x0a)).equals(bad.subarray(bad.indexOf(0x0a))), "the damaged entry is replaced").toBe(false);
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
    expectSame(root, reference);
  });

  test("the manifest carries each entry's header line; a damaged or foreign copy there is never trusted", async () => {
    const root = project();
    const reference = await cold(root);
    await cached(root);
    const file = join(root, "cache", "manifest.json");
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    const line = readFileSync(entry(root)).subarray(0, readFileSync(entry(root)).indexOf(0x0a)).toString("utf8");
    expect(manifest.heads[PLAN]).toBe(line);
    // A count changed in the copy (its own digest no longer matches), then another plan's line in its place: the
    // entry file is read instead, and the build is what a cold one gives.
    const other = Object.keys(manifest.heads).find((f) => f !== PLAN)!;
    for (const head of [line.replace(/"targets":(\d+)/, (_m: string, n: string) => `"targets":${Number(n) + 1}`), manifest.heads[other]]) {
      expect(head).not.toBe(line);
      writeFileSync(file, JSON.stringify({ ...manifest, heads: { ...manifest.heads, [PLAN]: head } }));
      expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
      expectSame(root, reference);
      expect(JSON.parse(readFileSync(file, "utf8")).heads[PLAN]).toBe(line);
    }
  });

  test("editing a plan, its source or its table rebuilds that plan only, and the output is what a cold build gives", async () => {
    const root = project();
    await cached(root);
    const edits: [string, () => void][] = [
      // One byte of the YAML (the English title).
      ["the plan", () => mutate(root, `data/plans/${PLAN}`, ["title_en: ", "title_en: X"])],
      // Its source: a line added at the end changes the published document.
      ["its source", () => appendFileSync(join(root, "data", "sources", "2024-quang-minh-viet-yen-bac-giang.txt"), "Dòng thêm vào cuối.\n")],
    ];
    for (const [what, edit] of edits) {
      edit();
      expect((await cached(root)).cache, what).toEqual({ plans: PLANS, hits: PLANS - 1 });
      expectSame(root, await cold(root));
    }
    // Its table: a byte that is in no cell the plan maps must still invalidate it (the whole file is the input).
    const table = readFileSync(join(root, "data", "plans", PLAN), "utf8").match(/file: (\S+\.(?:tsv|csv))/)![1];
    const path = join(root, "data", "tables", table);
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.endsWith("\n") ? text.slice(0, -1) : `${text}\n`);
    const r = await cached(root).then((s) => s.cache, (e: Error) => e.message);
    // The table is checked against the source line by line: whatever the build says now, it is what a cold build says.
    if (typeof r === "string") await expect(cold(root)).rejects.toThrow(r.split("\n")[0]);
    else {
      expect(r).toEqual({ plans: PLANS, hits: PLANS - 1 });
      expectSame(root, await cold(root));
    }
  });

  test("an input unchanged in size and modification time but rewritten (its change time moved) is read and rebuilt", async () => {
    const root = project();
    const source = join(root, "data", "sources", "2024-quang-minh-viet-yen-bac-giang.txt");
    // A whole second, so that it can be put back exactly.
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    utimesSync(source, hourAgo, hourAgo);
    // Entries written more than the racy window after the inputs last changed take the files' metadata as proof.
    await new Promise((r) => setTimeout(r, 2500));
    await cached(root);
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
    const before = statSync(source);
    const text = readFileSync(source);
    // Its last byte (the final line break) made a space: the same size; then the modification time put back.
    expect(text[text.length - 1]).toBe(0x0a);
    text[text.length - 1] = 0x20;
    writeFileSync(source, text);
    utimesSync(source, hourAgo, hourAgo);
    expect(statSync(source).size).toBe(before.size);
    expect(statSync(source).mtimeMs).toBe(before.mtimeMs);
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS - 1 });
    expectSame(root, await cold(root));
  });

  test("a change to the locality tree rebuilds every plan; a renamed locality (not in the tree's shape) rebuilds none", async () => {
    const root = project();
    await cached(root);
    // A new commune changes the tree every plan is checked against.
    const loc = join(root, "data", "localities.yaml");
    appendFileSync(loc, ["", "  - id: bac-giang/viet-yen/xa-thu", "    name: Thử", "    type_vi: xã", "    type_en: commune", "    level: commune", "    parent: bac-giang/viet-yen", ""].join("\n"));
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: 0 });
    expectSame(root, await cold(root));
    // A name is not part of any plan's piece (localities.json is written whole on every build).
    mutate(root, "data/localities.yaml", ["name: Thử", "name: Thử Lại"]);
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
    expectSame(root, await cold(root));
  });

  test("a forced build reads nothing from the cache, and rewrites it", async () => {
    const root = project();
    await cached(root);
    writeFileSync(entry(root), "not an entry");
    expect((await cached(root, { force: true })).cache).toEqual({ plans: PLANS, hits: 0 });
    expect(readFileSync(entry(root), "utf8")).not.toBe("not an entry");
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
  });

  test("the locality tree's entry is served only for the same bytes: a damaged one is rebuilt, an edited tree is checked again", async () => {
    const root = project();
    const tree = join(root, "cache", "base.entry");
    await cached(root);
    const good = readFileSync(tree);
    // Unchanged inputs: served, not rewritten.
    await cached(root);
    expect(readFileSync(tree).equals(good)).toBe(true);
    const nl = good.indexOf(0x0a);
    for (const [what, damage] of [
      ["truncated", () => truncateSync(tree, Math.floor(good.length / 2))],
      ["a byte of its payload altered", () => writeFileSync(tree, Buffer.concat([good.subarray(0, nl + 10), Buffer.from(good[nl + 10] === 0x61 ? "b" : "a"), good.subarray(nl + 11)]))],
      ["another key", () => writeFileSync(tree, Buffer.concat([Buffer.from(good.subarray(0, nl).toString().replace(/"key":"[0-9a-f]+"/, `"key":"${"0".repeat(64)}"`)), good.subarray(nl)]))],
      ["not an entry", () => writeFileSync(tree, "{}")],
    ] as const) {
      damage();
      await cached(root);
      expect(readFileSync(tree).equals(good), what).toBe(true);
      expectSame(root, await cold(root));
    }
    // An edit to localities.yaml is checked, not answered from the entry: a duplicate id is an error naming the file.
    const loc = join(root, "data", "localities.yaml");
    const dup = ["", "  - id: bac-giang", "    name: Bắc Giang", "    type_vi: tỉnh", "    type_en: province", "    level: province", "    parent: null", ""].join("\n");
    appendFileSync(loc, dup);
    await expect(cached(root)).rejects.toThrow(/duplicate locality id "bac-giang"/);
    // So is an edit to the gazetteer.
    writeFileSync(loc, readFileSync(loc, "utf8").slice(0, -dup.length));
    await cached(root);
    const gaz = join(root, "data", "reference", "gazetteer", "units-from-2025-07-01.json");
    writeFileSync(gaz, readFileSync(gaz, "utf8").replace('"Code": "01"', '"Code": "x1"'));
    await expect(cached(root)).rejects.toThrow(/units-from-2025-07-01\.json/);
  });

  test("a plan file is stamped, then read once through the build's guard: a plan reached through a link is neither cached nor built", async () => {
    const root = project();
    const dataDir = join(root, "data");
    const now = planFileNow(dataDir, PLAN)!;
    expect(now.bytes.equals(readFileSync(join(dataDir, "plans", PLAN)))).toBe(true);
    const st = statSync(join(dataDir, "plans", PLAN));
    expect(now.stamp).toBe(`${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`);
    // The bytes the build parses are those the entry records: a warm build after it serves them.
    await cached(root);
    expect((await cached(root)).cache).toEqual({ plans: PLANS, hits: PLANS });
    // A link in the plan's place: the cache does not read it, and the build refuses it, naming the file.
    const outside = join(root, "outside.yaml");
    cpSync(join(dataDir, "plans", PLAN), outside);
    rmSync(join(dataDir, "plans", PLAN));
    symlinkSync(outside, join(dataDir, "plans", PLAN));
    expect(planFileNow(dataDir, PLAN)).toBeUndefined();
    await expect(cached(root)).rejects.toThrow(/data\/plans\/quang-minh-2024\.yaml.*symbolic link/s);
  });

  test("the entry of a plan file that is gone is removed by the next build", async () => {
    const root = project();
    await cached(root);
    rmSync(join(root, "data", "plans", "thanh-liem-2021.yaml"));
    expect((await cached(root)).cache).toEqual({ plans: PLANS - 1, hits: PLANS - 1 });
    expect(existsSync(entry(root, "thanh-liem-2021.yaml"))).toBe(false);
    expect(existsSync(entry(root))).toBe(true);
  });
});

describe("the cache follows the code of the data step", () => {
  /** A copy of the project (code and data) whose data step runs from the copy, so its code can be changed. */
  function codeCopy(): string {
    const root = project();
    for (const d of ["scripts", "src"]) cpSync(join(ROOT, d), join(root, d), { recursive: true });
    cpSync(join(ROOT, "package.json"), join(root, "package.json"));
    symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
    mkdirSync(join(root, "public"), { recursive: true });
    return root;
  }
  const run = (root: string, env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [join(root, "scripts", "build-data.ts")], { encoding: "utf8", env: { ...process.env, ...env } });
    expect(r.status, r.stderr).toBe(0);
    return Number(/; (\d+) of \d+ plan files from the cache/.exec(r.stdout)![1]);
  };

  test("a change to a module the data step runs rebuilds every plan; a change to one it does not run rebuilds none; PPT_FORCE=1 forces", () => {
    const root = codeCopy();
    expect(run(root)).toBe(0);
    expect(run(root)).toBe(PLANS);
    // src/domain/round.ts is reached from build-data.ts only through other modules (derive.ts).
    appendFileSync(join(root, "src", "domain", "round.ts"), "\n// a change\n");
    expect(run(root)).toBe(0);
    expect(run(root)).toBe(PLANS);
    // A page is not part of the data step.
    appendFileSync(join(root, "src", "pages", "index.astro"), "\n");
    expect(run(root)).toBe(PLANS);
    expect(run(root, { PPT_FORCE: "1" })).toBe(0);
  });
});
