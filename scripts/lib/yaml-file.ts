/**
 * Read a YAML data file and validate it with a zod schema, turning every problem into a DataError that names
 * the file, the field path and the line (found from the YAML node the field came from).
 */
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { DataError, DataErrors, fieldPath } from "./data-error.ts";

/** A validated file plus a way to find the line of any field in it. */
export interface LoadedYaml<T> {
  data: T;
  file: string;
  /** Line of the field at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** Read bytes as strict UTF-8 (invalid bytes are an error, not replacement characters). */
export function readUtf8(file: string, rel: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new DataErrors([new DataError(rel, "", undefined, `cannot read file (${(e as NodeJS.ErrnoException).code ?? "error"})`)]);
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

/**
 * The file's value parsed by js-yaml with the YAML 1.2 core schema (as `yaml` reads it), or undefined when js-yaml is
 * missing, rejects the file, or the file defines anchors (their expansion is bounded on the `yaml` path only).
 */
function parseFast(text: string): { value: unknown } | undefined {
  if (!fastYaml) return undefined;
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
export function loadYaml<S extends z.ZodType>(file: string, rel: string, schema: S): LoadedYaml<z.infer<S>> {
  const text = readUtf8(file, rel);
  if (text.trim() === "") throw new DataErrors([new DataError(rel, "", 1, "file is empty")]);
  const fast = parseFast(text);
  if (fast) {
    const parsed = schema.safeParse(fast.value);
    if (parsed.success) {
      let finder: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
      const lineOf = (path: readonly PropertyKey[]) => {
        if (!finder) {
          const lines = new LineCounter();
          finder = lineFinder(parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }), lines);
        }
        return finder(path);
      };
      return { data: parsed.data, file: rel, lineOf };
    }
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    // Name the key the error sits on (e.g. a duplicate key), when the error points at one.
    const keyAt = (pos: number) => /^\s*([\w-]+)\s*:/.exec(text.slice(pos, text.indexOf("\n", pos) >>> 0))?.[1] ?? "";
    throw new DataErrors(doc.errors.map((e) => new DataError(rel, keyAt(e.pos[0]), counter.linePos(e.pos[0]).line, `YAML syntax: ${e.message.split("\n")[0]}`)));
  }
  const lineOf = lineFinder(doc, counter);
  const raw = doc.toJS({ maxAliasCount: 100 });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new DataErrors(
      parsed.error.issues.map((i) => new DataError(rel, fieldPath(i.path), lineOf(i.path), i.message)),
    );
  }
  return { data: parsed.data, file: rel, lineOf };
}

