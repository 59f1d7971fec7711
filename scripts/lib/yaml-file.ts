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
    return undefined;
  };
}

/** Parse and validate one YAML file; throws DataErrors listing every problem with file, field and line. */
export function loadYaml<S extends z.ZodType>(file: string, rel: string, schema: S): LoadedYaml<z.infer<S>> {
  const text = readUtf8(file, rel);
  if (text.trim() === "") throw new DataErrors([new DataError(rel, "", 1, "file is empty")]);
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

