/**
 * Astro's own cost per route on this machine, apart from anything our pages do: `astro build` of an empty site with
 * a given number of routes (half tiny .astro pages, half static endpoints returning a two-line CSV, roughly the mix
 * of the real site), in a scratch project under the OS temp dir. Run by `bench/scale.ts --floor=…`, which reports
 * the figures with the scale section.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ASTRO, measure, ROOT, RouteTimes, type Run } from "./lib/measure.ts";

/** A build of the empty site: `routes` is how many it was asked for (`ok` also means it built exactly that many). */
export interface FloorRun extends Run { routes: number }

/** The routes read their number from the environment, so one scratch project serves every size. */
const ROUTES_ENV = "PPT_FLOOR_ROUTES";

/** The empty site. Pages get the lower half of the routes, endpoints the rest, so odd totals still add up. */
const FILES: Record<string, string> = {
  "package.json": `${JSON.stringify({ type: "module", private: true })}\n`,
  // Caches kept in the scratch project, as scale.ts's scratch projects keep theirs: Astro's and Vite's would otherwise
  // land in node_modules, which is the repository's own through the link.
  "astro.config.mjs": `export default { output: "static", trailingSlash: "always", build: { format: "directory" }, devToolbar: { enabled: false }, cacheDir: "./.astro-cache", vite: { cacheDir: "./.vite-cache" } };\n`,
  "src/pages/p/[id].astro": `---
export function getStaticPaths() {
  const n = Math.floor(Number(process.env.${ROUTES_ENV}) / 2);
  return Array.from({ length: n }, (_, i) => ({ params: { id: String(i) } }));
}
const { id } = Astro.params;
---
<html lang="vi"><head><meta charset="utf-8"><title>Trang {id}</title></head><body><h1>Trang {id}</h1></body></html>
`,
  "src/pages/e/[id].ts": `export function getStaticPaths() {
  const total = Number(process.env.${ROUTES_ENV});
  return Array.from({ length: total - Math.floor(total / 2) }, (_, i) => ({ params: { id: \`\${i}.csv\` } }));
}
export function GET({ params }) {
  return new Response(\`id,value\\n\${params.id},1\\n\`, { headers: { "content-type": "text/csv; charset=utf-8" } });
}
`,
};

function scaffold(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
}

/**
 * Build the empty site once for each total of routes in `counts`, from a fresh scratch project each time (no cache
 * carried from one size to the next). A build that makes a different number of routes than asked fails: its time
 * would not mean what the report says.
 */
export async function astroFloor(counts: number[], timeoutS: number): Promise<FloorRun[]> {
  const dir = join(tmpdir(), "ppt-floor");
  const runs: FloorRun[] = [];
  try {
    for (const routes of counts) {
      scaffold(dir);
      const built = new RouteTimes();
      const run = await measure(ASTRO, ["build"], dir, { [ROUTES_ENV]: String(routes) }, timeoutS, (line) => built.add(line));
      const miscounted = run.ok && built.routes !== routes;
      runs.push({ ...run, routes, ok: run.ok && !miscounted, tail: miscounted ? `${run.tail}\nbuilt ${built.routes} routes, expected ${routes}` : run.tail });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

/** Milliseconds per route: the slope between the smallest and the largest build, which cancels Astro's start-up. */
export function msPerRoute(runs: FloorRun[]): number | undefined {
  const sorted = [...runs].sort((a, b) => a.routes - b.routes);
  const [lo, hi] = [sorted[0], sorted.at(-1)];
  if (!lo?.ok || !hi?.ok || hi.routes === lo.routes) return undefined;
  return ((hi.seconds - lo.seconds) * 1000) / (hi.routes - lo.routes);
}
