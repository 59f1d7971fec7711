/**
 * `astro build` into a fresh folder, swapped in for dist/ only when the build succeeded: a failed build (a page
 * that throws, a name too long for the file system) leaves the previous site whole, with no `.prerender` chunks
 * or half-written pages in it. Arguments are passed to astro (e.g. `--silent`).
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanStale, swapFolder } from "./lib/output-swap.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const tmp = `${dist}.tmp-${process.pid}`;
// What killed builds left beside dist/.
cleanStale(dist);
rmSync(tmp, { recursive: true, force: true });
// This Node (24, from npm) runs astro: its own launcher would find the machine's older Node first on PATH.
const run = spawnSync(process.execPath, [join(root, "node_modules", ".bin", "astro"), "build", ...process.argv.slice(2), "--outDir", tmp], { cwd: root, stdio: "inherit" });
if (run.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error("site: the build failed; dist/ is left as it was");
  process.exit(run.status ?? 1);
}
swapFolder(tmp, dist);
