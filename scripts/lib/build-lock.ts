/**
 * One build at a time per output: the data step and the site build each hold a lock file while they run, so a
 * second build started meanwhile stops at once with a message naming the first, instead of both writing the same
 * folders. The lock is a file created complete in one step (written under a name of its own, then hard-linked to
 * the lock's name, which fails if one exists). It is removed when the build ends, however it ends short of a
 * SIGKILL; a lock left by a process that is gone (killed, power cut) is taken over by the next build.
 */
import { existsSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

/** What the lock file holds: who holds it, so the message can name them and a stale lock can be recognised. */
interface Holder {
  pid: number;
  /** The process's start time (clock ticks since boot, /proc/<pid>/stat): a reused pid is not the holder. */
  start: string | null;
  command: string;
  since: string;
}

/** A second build while one is running. */
export class BuildLocked extends Error {}

/** Start time of process `pid` from /proc (Linux); null where there is no /proc or the process is gone. */
function startOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote `h` still runs (the same pid and, where known, the same start time). */
function running(h: Holder): boolean {
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = startOf(h.pid);
  return h.start === null || start === null || start === h.start;
}

function read(file: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, "utf8")) as Holder;
    return Number.isInteger(h.pid) ? h : undefined;
  } catch {
    return undefined;
  }
}

const held = new Set<string>();
let hooked = false;

/** Remove every lock this process holds (on exit, and on the signals that end a build short of SIGKILL). */
function releaseAll() {
  for (const file of held) release(file);
}

function hook() {
  if (hooked) return;
  hooked = true;
  process.on("exit", releaseAll);
}

/** For a command-line build: Ctrl-C, a closed terminal or a `kill` also release the lock before the process ends. */
export function releaseOnSignals() {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.once(signal, () => {
      releaseAll();
      process.exit(code);
    });
  }
}

function refusal(file: string, h: Holder, what: string): BuildLocked {
  return new BuildLocked(
    `${what}: another build is running (pid ${h.pid}, \`${h.command}\`, since ${h.since}), so this one stops without writing anything. ` +
      `Wait for it to finish. If no process ${h.pid} is running (the lock is stale), remove ${file} and start again.`,
  );
}

/**
 * Take the lock `file` for this process, or throw BuildLocked naming the build that holds it. A lock whose holder
 * is gone is taken over. `what` names this build in the message ("data", "site").
 */
export function acquire(file: string, what: string): void {
  if (held.has(file)) throw refusal(file, read(file) ?? { pid: process.pid, start: null, command: "this process", since: "now" }, what);
  const mine: Holder = { pid: process.pid, start: startOf(process.pid), command: process.argv.slice(1).map((a) => a.replace(/^.*\/(scripts|node_modules)\//, "$1/")).join(" "), since: new Date().toISOString() };
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, `${JSON.stringify(mine)}\n`);
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        linkSync(draft, file);
        held.add(file);
        hook();
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const holder = read(file);
      if (holder && running(holder)) throw refusal(file, holder, what);
      // Stale (or unreadable): move it aside under our own name, then look at what was moved. Another build may have
      // taken over the same stale lock in between, and then we moved its live lock: put that one back and stop.
      const aside = `${file}.stale-${process.pid}`;
      try {
        renameSync(file, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw e;
      }
      const moved = read(aside);
      if (moved && running(moved)) {
        try {
          linkSync(aside, file);
        } catch {
          // It took the lock again already.
        }
        rmSync(aside, { force: true });
        throw refusal(file, moved, what);
      }
      rmSync(aside, { force: true });
    }
    throw new BuildLocked(`${what}: could not take the build lock ${file} (it kept changing hands); try again`);
  } finally {
    rmSync(draft, { force: true });
  }
}

/** Give the lock back (only if this process holds it: never someone else's). */
export function release(file: string): void {
  if (!held.delete(file)) return;
  if (existsSync(file) && read(file)?.pid === process.pid) rmSync(file, { force: true });
}

/** Run `fn` holding the lock `file`. */
export async function withLock<T>(file: string, what: string, fn: () => Promise<T> | T): Promise<T> {
  acquire(file, what);
  try {
    return await fn();
  } finally {
    release(file);
  }
}
