/**
 * Fixtures for the broken-input tests: a copy of data/ with a good build already made, a way to break one file, and
 * checks that the build then fails naming file, field and line while the previous output stays byte for byte.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, expect } from "vitest";
import { buildData } from "../../scripts/build-data.ts";
import { DataErrors, type DataError } from "../../scripts/lib/data-error.ts";
import { ROOT, snapshot, tempDir } from "./helpers.ts";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** A copy of data/ with a good build already in <root>/public/data. */
export async function fixture() {
  const root = tempDir("broken");
  roots.push(root);
  cpSync(join(ROOT, "data"), join(root, "data"), { recursive: true });
  const out = join(root, "public", "data");
  await buildData(root, out);
  return { root, out, before: snapshot(out) };
}

/** 1-based line of the first character of `text` in `content`. */
export function lineOf(content: string, text: string): number {
  const at = content.indexOf(text);
  if (at === -1) throw new Error(`fixture: ${JSON.stringify(text)} is not in the mutated file`);
  return content.slice(0, at).split("\n").length;
}

/** Replace text in one file of the copy; each `from` must occur exactly once (so the fixture fails loudly if data/ changes). */
export function mutate(root: string, file: string, ...edits: [from: string, to: string][]): string {
  const path = join(root, file);
  let text = readFileSync(path, "utf8");
  for (const [from, to] of edits) {
    const n = text.split(from).length - 1;
    if (n !== 1) throw new Error(`fixture: ${JSON.stringify(from)} occurs ${n} times in ${file}, expected once`);
    text = text.replace(from, () => to);
  }
  writeFileSync(path, text);
  return text;
}

/** Run the build expecting DataErrors; returns them after checking the output was left alone. */
export async function expectFailure(f: Awaited<ReturnType<typeof fixture>>): Promise<DataErrors> {
  let caught: unknown;
  try {
    await buildData(f.root, f.out);
  } catch (e) {
    caught = e;
  }
  expect(caught, "the build should fail").toBeInstanceOf(DataErrors);
  // The previous output is untouched, byte for byte, and no temporary folder is left behind.
  const after = snapshot(f.out);
  expect([...after.keys()]).toEqual([...f.before.keys()]);
  for (const [file, bytes] of f.before) expect(after.get(file)!.equals(bytes), `${file} changed`).toBe(true);
  expect(readdirSync(dirname(f.out)).filter((n) => /\.(tmp|old)-/.test(n))).toEqual([]);
  return caught as DataErrors;
}

/** The one error at file/field/line, with its formatted text `file:line: field: message`. */
export function errorAt(errs: DataErrors, file: string, field: string, line: number): DataError {
  const hits = errs.errors.filter((e) => e.file === file && e.field === field && e.line === line);
  expect(hits, `no error at ${file}:${line} ${field}; got:\n${errs.message}`).toHaveLength(1);
  const prefix = `${file}:${line}: ${field ? `${field}: ` : ""}`;
  expect(hits[0].format().startsWith(prefix)).toBe(true);
  expect(errs.message).toContain(prefix);
  return hits[0];
}

