/**
 * Serve dist/ with `astro preview` on a free port for the bench. astro is spawned directly (not through npm/npx),
 * detached into its own process group, and stopped by killing that whole group: killing only an npx/npm PID would
 * leave the server running. It runs with --ignore-lock (see below) so it neither blocks on nor disturbs other preview
 * servers of the same project.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export interface Preview {
  /** e.g. http://127.0.0.1:43123 (no trailing slash). */
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on `host`. */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error("could not get a free port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Is any process of group `pgid` still alive? */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Start `astro preview` of project `root` serving `outDir` (default: the project's dist/) and wait until it answers. */
export async function startPreview(root: string, env: NodeJS.ProcessEnv, outDir?: string, timeoutMs = 60_000): Promise<Preview> {
  const host = "127.0.0.1";
  const port = await freePort(host);
  // --ignore-lock: Astro 7 allows one locked preview server per project and refuses to start beside another (a test run's,
  // someone's `npm start`); it also keeps the server in the foreground, where Astro would otherwise background itself
  // when it detects an agent, leaving a daemon outside our process group.
  const child = spawn(join(root, "node_modules/.bin/astro"), ["preview", "--host", host, "--port", String(port), "--ignore-lock", ...(outDir ? ["--outDir", outDir] : [])], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not spawn astro preview");
  let log = "";
  let exit: string | undefined;
  child.stdout.on("data", (d: Buffer) => { log += d.toString(); });
  child.stderr.on("data", (d: Buffer) => { log += d.toString(); });
  child.on("exit", (code, signal) => { exit = signal ? `signal ${signal}` : `code ${code}`; });
  child.on("error", (e) => { exit = e.message; });

  let stopped = false;
  const killNow = () => { if (!stopped) try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ } };
  process.once("exit", killNow); // last resort if the bench dies without calling stop()

  const stop = async (): Promise<void> => {
    if (stopped) return;
    try { process.kill(-pid, "SIGTERM"); } catch { /* already gone */ }
    for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
    if (groupAlive(pid)) try { process.kill(-pid, "SIGKILL"); } catch { /* gone */ }
    for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
    stopped = true;
    process.removeListener("exit", killNow);
    child.stdout.destroy();
    child.stderr.destroy();
  };

  const deadline = Date.now() + timeoutMs;
  let origin = `http://${host}:${port}`;
  for (;;) {
    if (exit !== undefined) { await stop(); throw new Error(`astro preview exited (${exit}):\n${log.trim()}`); }
    // astro may have moved to another port if ours was taken meanwhile: believe only its "Local <url>" line (its log
    // can also name another project's preview server, which is not ours)
    const said = log.match(/Local\s+http:\/\/127\.0\.0\.1:(\d+)/);
    if (said) origin = `http://${host}:${said[1]}`;
    try {
      if (said) {
        const res = await fetch(`${origin}/`, { signal: AbortSignal.timeout(2000) });
        await res.arrayBuffer();
        if (res.ok) break;
      }
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`astro preview did not answer on ${origin} within ${timeoutMs / 1000} s:\n${log.trim()}`); }
    await sleep(200);
  }
  return { origin, pid, stop };
}
