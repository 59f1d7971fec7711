/**
 * A build killed at any moment (SIGKILL, to the whole process group, as a CI timeout or a power cut leaves it)
 * leaves the previous public/data/ and dist/ whole: every file byte for byte as it was, or (when the kill came after
 * the swap) every file of the new build, never a mix and never nothing; and the next build succeeds. The kill times are
 * drawn from a seeded generator over the length of a build measured here. Runs on a copy of the project (code and
 * data), so that the repository's own dist/ is never touched while other tests read it.
 */
import { createHash } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { prng } from "../../scripts/lib/prng.ts";
import { mutate } from "../data/broken-helpers.ts";
import { ROOT, snapshot, tempDir } from "../data/helpers.ts";

const root = tempDir("killed");
// Removing a copied project with its builds (tens of thousands of files) can outlast the default 10 s hook on a busy 2-core machine.
afterAll(() => rmSync(root, { recursive: true, force: true }), 120_000);

/** A copy of the project: its own scripts, pages, data and config, the repository's node_modules (caches kept in the copy). */
function copyProject() {
  for (const d of ["scripts", "src", "data"]) cpSync(join(ROOT, d), join(root, d), { recursive: true });
  for (const f of ["package.json", "tsconfig.json"]) cpSync(join(ROOT, f), join(root, f));
  cpSync(join(ROOT, "astro.config.mjs"), join(root, "astro.base.mjs"));
  writeFileSync(join(root, "astro.config.mjs"), [
    'import config from "./astro.base.mjs";',
    // Astro and Vite keep their caches under node_modules by default: the repository's own, through the link.
    'export default { ...config, cacheDir: "./.astro-cache", vite: { ...config.vite, cacheDir: "./.vite-cache" } };',
    "",
  ].join("\n"));
  mkdirSync(join(root, "public"), { recursive: true });
  for (const name of readdirSync(join(ROOT, "public"))) if (name !== "data" && !name.startsWith("data.")) cpSync(join(ROOT, "public", name), join(root, "public", name), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
}

const steps = { data: join(root, "scripts", "build-data.ts"), site: join(root, "scripts", "build-site.ts") };
const outputs = { data: join(root, "public", "data"), site: join(root, "dist") };

/** Run a step to the end; its exit code and the seconds it took. */
function complete(step: keyof typeof steps, args: string[] = []) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [steps[step], ...args], { cwd: root, encoding: "utf8" });
  return { status: r.status, stderr: r.stderr, seconds: (performance.now() - t0) / 1000 };
}

/** Start a step in a process group of its own and SIGKILL the whole group after `ms`. */
function killAfter(step: keyof typeof steps, ms: number, args: string[] = []): Promise<void> {
  const child = spawn(process.execPath, [steps[step], ...args], { cwd: root, stdio: "ignore", detached: true });
  return new Promise((done) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // It had already ended.
      }
    }, ms);
    child.on("exit", () => {
      clearTimeout(timer);
      // Anything it started (astro) is gone too.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // none left
      }
      setTimeout(done, 50);
    });
  });
}

/** Which of `candidates` the folder now holds, file for file ("none" for anything else: a mix, a missing file). */
function whichOf(dir: string, candidates: Record<string, Map<string, Buffer>>): string {
  if (!existsSync(dir)) return "missing";
  const now = snapshot(dir);
  for (const [name, files] of Object.entries(candidates)) {
    if (now.size === files.size && [...files].every(([f, b]) => now.get(f)?.equals(b))) return name;
  }
  const [name, files] = Object.entries(candidates)[0];
  const changed = [...files].filter(([f, b]) => !now.get(f)?.equals(b)).map(([f]) => f);
  const added = [...now.keys()].filter((f) => !files.has(f));
  return `none (against ${name}: ${changed.length} changed or missing, e.g. ${changed.slice(0, 3).join(", ")}; ${added.length} added, e.g. ${added.slice(0, 3).join(", ")})`;
}

test("killed at random points, the data step and the site build leave the previous output whole, and the next build succeeds", { timeout: 360_000 }, async () => {
  copyProject();
  const rand = prng(16_2026);
  const seen: string[] = [];

  // The data step: a good build, then the data edited, so that a build that got to its swap shows the new output.
  const first = complete("data");
  expect(first.status, first.stderr).toBe(0);
  const before = snapshot(outputs.data);
  mutate(root, "data/plans/quang-minh-2024.yaml", ["title_en: ", "title_en: Edited "]);
  const scratch = join(root, "scratch-data");
  // What the edited data gives, built elsewhere (the same code, no cache).
  const ref = spawnSync(process.execPath, ["-e", `import(${JSON.stringify(join(root, "scripts", "build-data.ts"))}).then((m) => m.buildData(${JSON.stringify(root)}, ${JSON.stringify(scratch)}, { cacheDir: false }))`], { encoding: "utf8" });
  expect(ref.status, ref.stderr).toBe(0);
  const after = snapshot(scratch);
  expect(whichOf(outputs.data, { before, after })).toBe("before");
  // Once a build got past its swap, the edited data's output is the previous one for the kills after it.
  let current = "before";
  for (let i = 0; i < 6; i++) {
    const ms = Math.round(rand() * first.seconds * 1000);
    await killAfter("data", ms);
    const state = whichOf(outputs.data, { before, after });
    seen.push(`data killed at ${ms} ms: ${state}`);
    expect([current, "after"], seen.join("\n")).toContain(state);
    current = state;
  }
  const next = complete("data");
  expect(next.status, next.stderr).toBe(0);
  expect(whichOf(outputs.data, { before, after })).toBe("after");
  // Nothing the killed runs left behind remains: one version, no temporaries, no lock.
  expect(readdirSync(join(root, ".data-versions")), seen.join("\n")).toHaveLength(1);
  expect(existsSync(join(root, ".build.lock"))).toBe(false);

  // The site: a good build, then killed at random points of a second one (a page edited, so the new site differs).
  const site = complete("site", ["--silent"]);
  expect(site.status, site.stderr).toBe(0);
  // A rendered page is written once, into Astro's cache, and hard-linked into the site; built again unchanged, the
  // site's pages are those cached copies, linked again (scripts/patches/astro+7.3.4.patch).
  const page = join(outputs.site, "en", "plans", "quang-minh-2024", "index.html");
  // Astro's copy, named by the digest of the page's path.
  const key = createHash("sha1").update("en/plans/quang-minh-2024/index.html").digest("hex");
  const cached = join(root, ".astro-cache", "pages", key.slice(0, 2), key);
  expect(statSync(page).ino).toBe(statSync(cached).ino);
  const warm = complete("site", ["--silent"]);
  expect(warm.status, warm.stderr).toBe(0);
  expect(statSync(page).ino).toBe(statSync(cached).ino);
  const siteBefore = snapshot(outputs.site);
  // The page as the previous site serves it, held as a reader's server would while the next build runs.
  const held = join(root, "held-page.html");
  linkSync(page, held);
  const heldBefore = readFileSync(held);
  writeFileSync(join(root, "public", "site", "killed-test.txt"), "a file only the next build has\n");
  // And a plan edited, so the next builds render its pages again: their cached copies, linked into the site above,
  // must be replaced, never rewritten in place.
  mutate(root, "data/plans/quang-minh-2024.yaml", ["title_en: Edited ", "title_en: Edited again "]);
  expect(complete("data").status).toBe(0);
  // A kill after the swap leaves the new site, which is known only once a build completes (two builds of the same
  // input are byte-identical: reproducible.test.ts): from then on it is the previous site the next kills must keep.
  let siteCurrent = { name: "before", files: siteBefore };
  const moved: string[] = [];
  for (let i = 0; i < 3; i++) {
    // Within the time of a warm build (these are warm, the edited plan's pages aside): a kill after the swap only
    // shows the new site, which the data step's kills above already cover.
    const ms = Math.round(rand() * warm.seconds * 1000);
    await killAfter("site", ms, ["--silent"]);
    let state = whichOf(outputs.site, { [siteCurrent.name]: siteCurrent.files });
    if (state !== siteCurrent.name && siteCurrent.name === "before") {
      siteCurrent = { name: "new", files: snapshot(outputs.site) };
      moved.push(`site killed at ${ms} ms`);
      state = "new (to be compared with the next build)";
    }
    seen.push(`site killed at ${ms} ms: ${state}`);
    expect(state, seen.join("\n")).not.toMatch(/^none/);
  }
  const siteNext = complete("site", ["--silent"]);
  expect(siteNext.status, siteNext.stderr).toBe(0);
  const siteAfter = snapshot(outputs.site);
  if (moved.length) expect(whichOf(outputs.site, { new: siteCurrent.files }), `${moved[0]}: the site then was neither the previous one nor a whole new one\n${seen.join("\n")}`).toBe("new");
  expect(siteAfter.get("killed-test.txt")?.toString()).toBe("a file only the next build has\n");
  expect(readFileSync(page, "utf8")).toContain("Edited again");
  // The new build rendered that page again, and left the previous site's copy as it was.
  expect(readFileSync(held).equals(heldBefore)).toBe(true);
  expect(readdirSync(join(root, ".dist-versions"))).toHaveLength(1);
  expect(readdirSync(root).filter((n) => /^dist\./.test(n))).toEqual([]);
  console.log(seen.join("\n"));

  // What the incremental builds made is what a full build makes of the same data, file for file: no page kept from
  // the cache says what its data no longer say (e.g. another province's plan page naming the national data version).
  const full = complete("site", ["--silent", "--force"]);
  expect(full.status, full.stderr).toBe(0);
  const fullSite = snapshot(outputs.site);
  expect(whichOf(outputs.site, { incremental: siteAfter })).toBe("incremental");
  expect(fullSite.size).toBe(siteAfter.size);
});
