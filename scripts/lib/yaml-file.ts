/**
 * Read a YAML data file and validate it with a zod schema, turning every problem into a DataError that names
 * the file, the field path and the line (found from the YAML node the field came from).
 */
import { readFileSync } from "node:fs";
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";
import type { z } from "zod";
import { DataError, DataErrors, fieldPath } from "./data-error.ts";
import { readDataFile, type FileKind } from "./safe-file.ts";

/** A validated file plus a way to find the line of any field in it. */
export interface LoadedYaml<T> {
  data: T;
  file: string;
  /** Line of the field at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Where a data file must lie and what kind it is (its size cap): see safe-file.ts. */
export interface Guard {
  dataDir: string;
  kind: FileKind;
}

/**
 * Read bytes as strict UTF-8 (invalid bytes are an error, not replacement characters). With a guard, only a regular
 * file inside data/ of at most its kind's size is read (the data step); without one, any file (the extractor's input).
 */
export function readUtf8(file: string, rel: string, guard?: Guard, read?: Buffer): string {
  let bytes: Buffer;
  // `read`: the file's bytes as the caller read them through the same guard (the plan cache, which stamps them).
  if (read) bytes = read;
  else if (guard) bytes = readDataFile(file, rel, guard.dataDir, guard.kind);
  else {
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new DataErrors([new DataError(rel, "", undefined, `cannot read file (${(e as NodeJS.ErrnoException).code ?? "error"})`)]);
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new DataErrors([new DataError(rel, "", at, "file is not valid UTF-8")]);
  }
}

// UTF-8 never uses the byte 0x0a inside a multi-byte sequence, so lines can be checked one by one.
function firstInvalidUtf8(bytes: Buffer): number | undefined {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return undefined;
}

function lineFinder(doc: Document, counter: LineCounter) {
  return (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
      if (node && (node as Node).range) return counter.linePos((node as Node).range![0]).line;
      if (n === 0) break;
    }
    // A document with no content (only comments): the problem is the file itself, from its first line.
    return 1;
  };
}

/**
 * js-yaml parses about ten times faster than `yaml` (which keeps the source positions we need for line numbers);
 * a national dataset has tens of thousands of plan files. It is Astro's own dependency, so it is loaded if present:
 * without it every file takes the `yaml` path, with the same results.
 */
interface FastYaml {
  load(text: string, options: { schema: unknown; listener?: (event: string, state: { anchor: string | null }) => void }): unknown;
  CORE_SCHEMA: unknown;
}
const fastYaml: FastYaml | undefined = await import(/* not a declared dependency: see above */ "js-yaml" as string)
  .then((m: { default: FastYaml }) => m.default)
  .catch(() => undefined);

/** A line starting with `%`, or a `!` where a node may start: possibly a directive or a tag. Text that only looks so takes the slow path. */
const MAYBE_DIRECTIVE_OR_TAG = /^%|(?:^|[\s:,[{-])!/m;

/**
 * What YAML can do that a data file must not: directives (`%YAML 1.1` turns `ocr: yes` into true), explicit tags
 * (`!!js/function` was dropped without a word, `!!float` turns a printed "1.000" into 1), anchors and aliases (a
 * few lines expand to gigabytes), and a key given twice (the second silently wins). Each is refused at its line.
 * Duplicate keys are found here with one set per mapping: the parser's own check compares every key with every
 * earlier one, which took 9 s for a mapping of 40,000 keys.
 */
function hazards(doc: Document, text: string, counter: LineCounter, rel: string): DataError[] {
  const out: DataError[] = [];
  const lineAt = (pos: number | undefined) => (pos === undefined ? undefined : counter.linePos(pos).line);
  if (doc.directives?.yaml.explicit || Object.keys(doc.directives?.tags ?? {}).some((h) => h !== "!" && h !== "!!")) {
    const at = /^%.*$/m.exec(text);
    out.push(new DataError(rel, "", lineAt(at?.index ?? 0), "YAML directives (%YAML, %TAG) are not allowed: data files are read as YAML 1.2 as they are (remove the line)"));
  }
  // An unresolved tag is reported below with the other tags.
  for (const w of doc.warnings) if (w.code !== "TAG_RESOLVE_FAILED") out.push(new DataError(rel, keyAt(text, w.pos[0]), lineAt(w.pos[0]), `YAML: ${w.message.split("\n")[0]}`));
  visit(doc, {
    Node(_, node, path) {
      const n = node as Node & { tag?: string; anchor?: string };
      const at = lineAt(n.range?.[0]), key = fieldOf([...path, node]);
      if (isAlias(n)) out.push(new DataError(rel, key, at, `YAML alias *${n.source} is not allowed: write the value out in full`));
      else if (n.anchor) out.push(new DataError(rel, key, at, `YAML anchor &${n.anchor} is not allowed: write each value out in full`));
      if (n.tag && !isAlias(n)) out.push(new DataError(rel, key, at, `YAML tag ${n.tag.replace(/^tag:yaml\.org,2002:/, "!!")} is not allowed: write the value as plain text${isScalar(n) ? ' (a figure in quotes: "1.000")' : ""}`));
      if (isMap(n)) {
        const seen = new Set<unknown>();
        for (const pair of n.items) {
          const k = isScalar(pair.key) ? pair.key.value : pair.key;
          if (seen.has(k)) {
            const pos = (pair.key as Node | null)?.range?.[0];
            out.push(new DataError(rel, key ? `${key}.${String(k)}` : String(k), lineAt(pos), `YAML syntax: Map keys must be unique; "${String(k)}" is given twice`));
          }
          seen.add(k);
        }
      }
    },
  });
  return out;
}

/** The key an error at `pos` sits on, when its line starts with one. */
const keyAt = (text: string, pos: number) => /^\s*([\w-]+)\s*:/.exec(text.slice(pos, text.indexOf("\n", pos) >>> 0))?.[1] ?? "";

/** The field path (`targets[2].value`) of the last node of a visitor's ancestor list. */
function fieldOf(ancestors: readonly unknown[]): string {
  const path: (string | number)[] = [];
  for (let i = 1; i < ancestors.length; i++) {
    const parent = ancestors[i - 1], child = ancestors[i];
    if (isPair(child)) path.push(String(isScalar(child.key) ? child.key.value : child.key));
    else if (isSeq(parent)) path.push(parent.items.indexOf(child as never));
  }
  return fieldPath(path);
}

/**
 * The file's value parsed by js-yaml with the YAML 1.2 core schema (as `yaml` reads it), or undefined when js-yaml is
 * missing, rejects the file, or the file defines anchors (their expansion is bounded on the `yaml` path only).
 */
function parseFast(text: string): { value: unknown } | undefined {
  // Directives and tags change what a value means (`%YAML 1.1` reads `yes` as true): such files take the `yaml` path, which refuses them.
  if (!fastYaml || MAYBE_DIRECTIVE_OR_TAG.test(text)) return undefined;
  let anchors = false;
  try {
    const value = fastYaml.load(text, { schema: fastYaml.CORE_SCHEMA, listener: (event, state) => {
      if (event === "close" && state.anchor !== null) anchors = true;
    } });
    return anchors ? undefined : { value };
  } catch {
    return undefined;
  }
}

/**
 * Parse and validate one YAML file; throws DataErrors listing every problem with file, field and line. A file that
 * js-yaml reads and the schema accepts is parsed again by `yaml` only if a later check needs a line number; any
 * other file goes through `yaml`, whose positions and messages name the problem.
 */
export function loadYaml<S extends z.ZodType>(file: string, rel: string, schema: S, dataDir?: string, kind: FileKind = "yaml", read?: Buffer): LoadedYaml<z.infer<S>> {
  const text = readUtf8(file, rel, dataDir ? { dataDir, kind } : undefined, read);
  if (text.trim() === "") throw new DataErrors([new DataError(rel, "", 1, "file is empty")]);
  const fast = parseFast(text);
  if (fast) {
    const parsed = schema.safeParse(fast.value);
    if (parsed.success) {
      let finder: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
      const lineOf = (path: readonly PropertyKey[]) => {
        if (!finder) {
          const lines = new LineCounter();
          finder = lineFinder(parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false }), lines);
        }
        return finder(path);
      };
      return { data: parsed.data, file: rel, lineOf };
    }
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    throw new DataErrors(doc.errors.map((e) => new DataError(rel, keyAt(text, e.pos[0]), counter.linePos(e.pos[0]).line, `YAML syntax: ${e.message.split("\n")[0]}`)));
  }
  const refused = hazards(doc, text, counter, rel);
  if (refused.length) throw new DataErrors(refused);
  const lineOf = lineFinder(doc, counter);
  // No aliases are left (hazards refuses them), so nothing can expand here.
  const raw = doc.toJS({ maxAliasCount: 0 });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new DataErrors(
      parsed.error.issues.map((i) => new DataError(rel, fieldPath(i.path), lineOf(i.path), i.message)),
    );
  }
  return { data: parsed.data, file: rel, lineOf };
}

