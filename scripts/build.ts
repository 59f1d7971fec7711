/**
 * `npm run build`: the data step, then the site. `npm run build -- --force` rebuilds everything: the data step
 * ignores its per-plan cache (and rewrites it) and astro gets `--force`; `PPT_FORCE=1` does the same. Other
 * arguments go to astro. Each step holds the build lock while it runs (see lib/build-lock.ts).
 */
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const force = args.includes("--force") || process.env.PPT_FORCE === "1";
const run = (script: string, argv: string[]) =>
  spawnSync(process.execPath, [join(root, "scripts", script), ...argv], { cwd: root, stdio: "inherit", env: { ...process.env, ...(force ? { PPT_FORCE: "1" } : {}) } }).status ?? 1;

const data = run("build-data.ts", []);
if (data !== 0) process.exit(data);
process.exit(run("build-site.ts", force && !args.includes("--force") ? [...args, "--force"] : args));
