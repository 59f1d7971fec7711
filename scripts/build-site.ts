/**
 * `astro build` into a fresh folder, made what dist/ shows only when the build succeeded: a failed or killed build
 * (a page that throws, a name too long for the file system, a SIGKILL at any moment) leaves the previous site whole,
 * with no `.prerender` chunks or half-written pages in it. dist/ is a link to a complete version folder in
 * .dist-versions/, replaced by renaming a new link over it (the same swap as public/data: see lib/output-swap.ts), so
 * there is no moment without a whole site. The build holds the project's build lock (shared with the data step, whose
 * output it reads). Arguments are passed to astro (e.g. `--silent`, `--force`).
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { acquire, BuildLocked, release } from "./lib/build-lock.ts";
import { cleanStale, freshTemp, publishVersion } from "./lib/output-swap.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
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
const child = spawn(process.execPath, [join(root, "node_modules", ".bin", "astro"), "build", ...process.argv.slice(2), "--outDir", tmp], { cwd: root, stdio: "inherit" });
// Stopped from outside (Ctrl-C, `kill`): stop astro too, release the lock, publish nothing.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  process.once(signal, () => {
    child.kill("SIGKILL");
    release(lock);
    process.exit(code);
  });
}
const status = await new Promise<number>((done) => child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0))));
if (status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  release(lock);
  console.error("site: the build failed; dist/ is left as it was");
  process.exit(status);
}
publishVersion(tmp, dist, versions);
release(lock);
