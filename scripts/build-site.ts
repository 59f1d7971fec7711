/**
 * `astro build` into a fresh folder, made what dist/ shows only when the build succeeded: a failed or killed build
 * (a page that throws, a name too long for the file system, a SIGKILL at any moment) leaves the previous site whole,
 * with no `.prerender` chunks or half-written pages in it. dist/ is a link to a complete version folder in
 * .dist-versions/, replaced by renaming a new link over it (the same swap as public/data: see lib/output-swap.ts), so
 * there is no moment without a whole site. The build holds the project's build lock (shared with the data step, whose
 * output it reads). Arguments are passed to astro (e.g. `--silent`, `--force`).
 *
 * public/data is not Astro's public folder (public/site is): it is hard-linked into the new version while astro runs.
 *
 * The preview images are drawn by a second process at the same time (scripts/build-previews.ts), into a folder of
 * their own that joins the new version when both have finished: Astro renders pages on one core, the cards are
 * drawn on the other.
 */
import { spawn } from "node:child_process";
import { existsSync, lstatSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { acquire, BuildLocked, release } from "./lib/build-lock.ts";
import { cleanStale, freshTemp, publishVersion } from "./lib/output-swap.ts";
import { addPublicData } from "./lib/public-layout.ts";

const here = dirname(fileURLToPath(import.meta.url));
// PPT_ROOT builds another project folder (bench:scale's scratch copy) with this checkout's scripts.
const root = process.env.PPT_ROOT ? resolve(process.env.PPT_ROOT) : resolve(here, "..");
const dist = join(root, "dist");
const versions = join(root, ".dist-versions");
const lock = join(root, ".build.lock");

try {
  acquire(lock, "site");
} catch (e) {
  if (!(e instanceof BuildLocked)) throw e;
  console.error(e.message);
  process.exit(75);
}
// What killed builds left: versions no link points at, temporaries of processes that are gone, and the
// `dist.tmp-<pid>` / `dist.old-<pid>` folders of the builds before dist/ was a link.
cleanStale(dist, versions);
const tmp = freshTemp(versions);
// This Node (24, from npm) runs astro: its own launcher would find the machine's older Node first on PATH.
const previews = `${tmp}-og`;
// --force: nothing kept is used, neither Astro's cache nor what the pages keep in .cache/site/ (load/kept.ts).
const force = process.argv.includes("--force");
const env = force ? { ...process.env, PPT_FORCE: "1" } : process.env;
// Vite bundles with rolldown, whose allocator (mimalloc) hands freed memory back to the system only after a delay, and
// astro's process goes on to render every page holding what it kept: ~150 MB of astro's ~1.5 GB at national size
// (measured on one province's pages: 1,503 → 1,350 MB, no slower). 0 returns it at once; a value set outside wins.
const astroEnv = { MIMALLOC_PURGE_DELAY: "0", ...env };
const children = [
  spawn(process.execPath, [join(root, "node_modules", ".bin", "astro"), "build", ...process.argv.slice(2), "--outDir", tmp], { cwd: root, stdio: "inherit", env: astroEnv }),
  // --expose-gc: the card process collects its drawn images' native memory as it goes (build-previews.ts).
  spawn(process.execPath, ["--expose-gc", join(here, "build-previews.ts"), previews, ...(force ? ["--force"] : [])], { cwd: root, stdio: "inherit", env }),
];
// public/data is linked into a folder of its own while astro renders (it empties its outDir when it starts), and moved
// into the new version once both children are done: a warm national build links ~100,000 files.
const publicData = `${tmp}-data`;
addPublicData(root, publicData);
// Stopped from outside (Ctrl-C, `kill`): stop both children too, release the lock, publish nothing.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.once(signal, () => {
    for (const c of children) c.kill("SIGKILL");
    release(lock);
    process.exit(code);
  });
}
const exited = (c: (typeof children)[number]) => new Promise<number>((done) => c.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0))));
// One failing child stops the other: there is nothing to publish either way.
const statuses = await Promise.all(children.map((c) => exited(c).then((s) => (s !== 0 && children.forEach((o) => o.kill("SIGKILL")), s))));
const status = statuses.find((s) => s !== 0) ?? 0;
if (status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(previews, { recursive: true, force: true });
  rmSync(publicData, { recursive: true, force: true });
  release(lock);
  console.error("site: the build failed; dist/ is left as it was");
  process.exit(status);
}
// The site has pages under /data/ too (the data page): they go into the linked folder, which then takes their place.
if (existsSync(join(publicData, "data"))) {
  if (existsSync(join(tmp, "data"))) moveInto(join(tmp, "data"), join(publicData, "data"));
  renameSync(join(publicData, "data"), join(tmp, "data"));
}
rmSync(publicData, { recursive: true, force: true });
renameSync(join(previews, "og"), join(tmp, "og"));
rmSync(previews, { recursive: true, force: true });
publishVersion(tmp, dist, versions);
release(lock);

/** Move every entry of folder `from` into folder `to` (merging folders), then remove `from`; a file in both is an error. */
function moveInto(from: string, to: string) {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const [a, b] = [join(from, e.name), join(to, e.name)];
    if (!existsSync(b)) renameSync(a, b);
    else if (e.isDirectory() && lstatSync(b).isDirectory()) moveInto(a, b);
    else throw new Error(`site: ${b.slice(to.length)} is both a page and a public data file`);
  }
  rmSync(from, { recursive: true, force: true });
}
