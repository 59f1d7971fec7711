/**
 * Two builds at once: the second data step stops at once with a message naming the first (its pid, how to clear a
 * stale lock), writes nothing, and the first one's output is whole. A lock left by a process that is gone is taken
 * over; a build stopped by a signal gives its lock back. Each test runs the real command line on a copy of data/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { ROOT, snapshot, tempDir } from "./helpers.ts";

const NODE = process.execPath;
const SCRIPT = join(ROOT, "scripts", "build-data.ts");
const roots: string[] = [];
let reference: Map<string, Buffer>;

afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A project with a copy of data/ and nothing built yet. */
function project(): string {
  const root = tempDir("lock");
  roots.push(root);
  cpSync(join(ROOT, "data"), join(root, "data"), { recursive: true });
  return root;
}

/** The data step's command line on `root`. */
const start = (root: string): ChildProcess => spawn(NODE, [SCRIPT], { env: { ...process.env, PPT_ROOT: root }, stdio: ["ignore", "pipe", "pipe"] });

function ended(child: ChildProcess): Promise<{ code: number | null; stderr: string; stdout: string }> {
  let stderr = "", stdout = "";
  child.stderr!.on("data", (b) => (stderr += b));
  child.stdout!.on("data", (b) => (stdout += b));
  return new Promise((done) => child.on("close", (code) => done({ code, stderr, stdout })));
}

async function until(ok: () => boolean, what: string) {
  for (let i = 0; i < 600; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function expectWhole(root: string) {
  const out = snapshot(join(root, "public", "data"));
  expect([...out.keys()]).toEqual([...reference.keys()]);
  for (const [file, bytes] of reference) expect(out.get(file)!.equals(bytes), `${file} differs from a build made alone`).toBe(true);
}

beforeAll(async () => {
  const root = project();
  await buildData(root, join(root, "out"), { cacheDir: false });
  reference = snapshot(join(root, "out"));
});

test("a second data step while one runs refuses, naming the first one's pid and the lock to remove if it is stale", async () => {
  const root = project();
  const first = start(root);
  const firstEnd = ended(first);
  const lock = join(root, ".build.lock");
  await until(() => existsSync(lock), "the first build to take the lock");
  // Held still while the second one starts, so that the two overlap on any machine, however loaded.
  first.kill("SIGSTOP");
  try {
    const second = spawnSync(NODE, [SCRIPT], { env: { ...process.env, PPT_ROOT: root }, encoding: "utf8" });
    expect(second.status).toBe(75);
    expect(second.stderr).toContain(`another build is running (pid ${first.pid}`);
    expect(second.stderr).toContain("scripts/build-data.ts");
    expect(second.stderr).toContain(`If no process ${first.pid} is running (the lock is stale), remove ${lock} and start again`);
    expect(second.stdout).toBe("");
  } finally {
    first.kill("SIGCONT");
  }
  const r = await firstEnd;
  expect(r.code, r.stderr).toBe(0);
  expectWhole(root);
  expect(existsSync(lock), "the lock is released when the build ends").toBe(false);
});

test("two data steps started together: one builds, any other refuses, and the output is whole", async () => {
  const root = project();
  const runs = await Promise.all([ended(start(root)), ended(start(root))]);
  expect(runs.map((r) => r.code)).toContain(0);
  for (const r of runs) if (r.code !== 0) expect(r.stderr).toMatch(/^data: another build is running \(pid \d+/);
  expectWhole(root);
  expect(existsSync(join(root, ".build.lock"))).toBe(false);
});

test("a lock left by a process that is gone is taken over", async () => {
  const root = project();
  // A pid that certainly ran and ended.
  const gone = spawnSync(NODE, ["-e", "0"]).pid;
  writeFileSync(join(root, ".build.lock"), `${JSON.stringify({ pid: gone, start: null, command: "scripts/build-data.ts", since: "2026-01-01T00:00:00.000Z" })}\n`);
  const r = await ended(start(root));
  expect(r.code, r.stderr).toBe(0);
  expectWhole(root);
  expect(existsSync(join(root, ".build.lock"))).toBe(false);
});

test("a data step stopped by SIGTERM gives its lock back; one killed (SIGKILL) leaves it to be taken over", async () => {
  const root = project();
  const lock = join(root, ".build.lock");
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    const child = start(root);
    const end = ended(child);
    await until(() => existsSync(lock), "the build to take the lock");
    const holder = JSON.parse(readFileSync(lock, "utf8"));
    expect(holder.pid).toBe(child.pid);
    child.kill(signal);
    await end;
    expect(existsSync(lock), `after ${signal}`).toBe(signal === "SIGKILL");
  }
  const r = await ended(start(root));
  expect(r.code, r.stderr).toBe(0);
  expectWhole(root);
});
