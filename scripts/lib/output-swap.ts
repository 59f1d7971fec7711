/**
 * Replacing a build's output so that readers never see half of one: not after a failed or killed run, and not
 * between two renames. The public data folder is a symbolic link to a complete version folder; a new version is
 * written beside the others, then a new link is renamed over the old one (rename is atomic), and only then is the
 * old version removed: moved into a trash folder beside the versions, and removed there by a process of its own, so a
 * build is done when its new version is live (a national site's old version is ~170,000 files, seconds to remove).
 * Version folders live outside public/, so Astro never copies a temporary into the site.
 */
import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

/** Whether process `pid` is alive on this machine (a folder it is writing must not be removed). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid in a temporary's name (`tmp-1234-…`, `data.tmp-1234`), if any. */
const pidOf = (name: string) => Number(/(?:^|\.)tmp-(\d+)/.exec(name)?.[1] ?? /\.old-(\d+)$/.exec(name)?.[1] ?? NaN);

/** The version folder `link` points at, as an absolute path, or undefined when it is not a link. */
function target(link: string): string | undefined {
  try {
    return lstatSync(link).isSymbolicLink() ? resolve(dirname(link), readlinkSync(link)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Remove what earlier runs left: version folders no link points at, and temporaries of processes that are gone
 * (a killed run cannot clean up after itself). Also the `data.tmp-<pid>` and `data.old-<pid>` folders that runs
 * before the link wrote beside the output, which Astro would otherwise publish.
 */
export function cleanStale(link: string, versionsDir?: string) {
  const live = target(link);
  // What an earlier run's remover has not finished (or was killed before finishing); it may still be at it.
  if (versionsDir && existsSync(trashOf(versionsDir))) {
    for (const name of readdirSync(trashOf(versionsDir))) {
      try {
        rmSync(join(trashOf(versionsDir), name), { recursive: true, force: true });
      } catch {
        // Being removed at the same time: the next run finds what is left.
      }
    }
  }
  if (versionsDir && existsSync(versionsDir)) {
    for (const name of readdirSync(versionsDir)) {
      const path = join(versionsDir, name);
      if (path === live) continue;
      const pid = pidOf(name);
      if (Number.isFinite(pid) && alive(pid)) continue;
      rmSync(path, { recursive: true, force: true });
    }
  }
  const parent = dirname(link), base = basename(link);
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(`${base}.tmp-`) && !name.startsWith(`${base}.old-`) && !name.startsWith(`${base}.link-`)) continue;
    const pid = pidOf(name);
    if (Number.isFinite(pid) && alive(pid) && pid !== process.pid) continue;
    rmSync(join(parent, name), { recursive: true, force: true });
  }
}

let serial = 0;

/** A fresh, empty folder in `versionsDir` for this process to write a version into. */
export function freshTemp(versionsDir: string): string {
  const tmp = join(versionsDir, `tmp-${process.pid}-${++serial}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  return tmp;
}

/**
 * Make the complete folder `tmp` what `link` shows: rename it to a version name, point a new link at it, rename the
 * link over the old one, then remove the version the old link pointed at. A folder standing where the link goes
 * (an output from before links) is moved aside first: the only moment without output, once.
 */
export function publishVersion(tmp: string, link: string, versionsDir: string) {
  const version = join(versionsDir, `v-${process.pid}-${serial}-${Date.now().toString(36)}`);
  renameSync(tmp, version);
  const old = target(link);
  mkdirSync(dirname(link), { recursive: true });
  if (existsSync(link) && !lstatSync(link).isSymbolicLink()) {
    const aside = `${link}.old-${process.pid}`;
    renameSync(link, aside);
    rmSync(aside, { recursive: true, force: true });
  }
  const next = `${link}.link-${process.pid}`;
  rmSync(next, { force: true });
  symlinkSync(relative(dirname(link), version), next, "dir");
  renameSync(next, link);
  if (old && old !== version) discard(old, versionsDir);
}

/** The folder replaced versions are removed from (beside the versions: a listing of versions shows whole ones only). */
const trashOf = (versionsDir: string) => `${versionsDir}.trash`;

/** Remove a folder that is no longer live without waiting for it: one rename into the trash, then a detached remover. */
function discard(dir: string, versionsDir: string) {
  const to = join(trashOf(versionsDir), `${basename(dir)}-${process.pid}`);
  try {
    mkdirSync(trashOf(versionsDir), { recursive: true });
    renameSync(dir, to);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const remover = spawn(process.execPath, ["-e", `require("node:fs").rmSync(${JSON.stringify(to)}, { recursive: true, force: true })`], { detached: true, stdio: "ignore" });
  remover.on("error", () => rmSync(to, { recursive: true, force: true }));
  remover.unref();
}
