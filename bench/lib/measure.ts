/**
 * Running a build step and measuring it: wall time and peak memory (RSS of the whole process tree, sampled from
 * /proc), and Astro's own per-route times summed by kind of route. Used by bench/scale.ts and bench/floor.ts.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const NODE = join(ROOT, "node_modules", ".bin", "node");
export const ASTRO = join(ROOT, "node_modules", ".bin", "astro");

export interface Run {
  seconds: number; peakMb: number; ok: boolean; timedOut: boolean; tail: string; load: number;
  /** CPU seconds (user + system) of the whole process tree: unlike wall time, barely moved by other work on the machine. */
  cpu: number;
}

/** CPU seconds of this process's children that have ended (cutime + cstime in /proc/self/stat, clock ticks of 1/100 s). */
function childrenCpu(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return NaN;
  }
}

/** RSS in kB of `pid` and all its descendants, from /proc (Linux). */
function treeRssKb(pid: number): number {
  const children = new Map<number, number[]>();
  let total = 0;
  const rss = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, "utf8"));
      rss.set(Number(name), m ? Number(m[1]) : 0);
    } catch {
      // the process ended while we looked
    }
  }
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/**
 * Run a command, sampling the RSS of its process tree every 200 ms; kills it after `timeoutS` seconds. `onLine`
 * sees every line of its output. `load` is the machine's 1-minute load average when the command ended (other
 * work on the machine slows the figures down: compare it with the number of cores).
 */
export function measure(cmd: string, args: string[], cwd: string, env: Record<string, string>, timeoutS: number, onLine?: (line: string) => void): Promise<Run> {
  return new Promise((done) => {
    const t0 = performance.now();
    const cpu0 = childrenCpu();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, TZ: "UTC", ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let peak = 0, tail = "", timedOut = false, partial = "";
    const keep = (b: Buffer) => {
      const text = b.toString();
      tail = (tail + text).slice(-4000);
      if (!onLine) return;
      const lines = (partial + text).split("\n");
      partial = lines.pop()!;
      lines.forEach(onLine);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 200);
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, "SIGKILL");
    }, timeoutS * 1000);
    child.on("exit", (code) => {
      clearInterval(sampler);
      clearTimeout(timer);
      if (partial && onLine) onLine(partial);
      done({ seconds: (performance.now() - t0) / 1000, peakMb: peak / 1024, ok: code === 0 && !timedOut, timedOut, tail, load: loadavg()[0], cpu: childrenCpu() - cpu0 });
    });
  });
}

/** What kind of output a built route is, for the breakdown of the build's time. */
function routeKind(path: string): string {
  const p = path.replace(/^\/en\//, "/");
  if (p.startsWith("/downloads/")) return `downloads (.${/\.(\w+)\/?$/.exec(p)?.[1] ?? "?"})`;
  const first = p.split("/")[1] ?? "";
  if (["og", "embed", "meeting", "localities", "plans"].includes(first)) return `/${first}/`;
  return "other pages";
}

/** Time Astro reports for each route (`├─ /path (+12ms)`), summed by kind of route. */
export class RouteTimes {
  readonly byKind = new Map<string, { n: number; ms: number }>();
  add(line: string) {
    const m = /[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/.exec(line);
    if (!m) return;
    const ms = Number(m[2]) * (m[3] === "s" ? 1000 : 1);
    const k = routeKind(m[1]);
    const x = this.byKind.get(k) ?? { n: 0, ms: 0 };
    this.byKind.set(k, { n: x.n + 1, ms: x.ms + ms });
  }
  get routes() {
    return [...this.byKind.values()].reduce((a, x) => a + x.n, 0);
  }
  summary(): string {
    const total = [...this.byKind.values()].reduce((a, x) => a + x.ms, 0) || 1;
    return [...this.byKind].sort((a, b) => b[1].ms - a[1].ms)
      .map(([k, x]) => `${k} ${x.n.toLocaleString("en")} × ${(x.ms / x.n).toFixed(0)} ms = ${(x.ms / 1000).toFixed(0)} s (${((100 * x.ms) / total).toFixed(0)}%)`).join("; ");
  }
}
