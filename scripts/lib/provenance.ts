/**
 * Find a quote in its source document. Both sides are compared after NFC and folding every run of whitespace to
 * one space, so a quote may cross the document's line breaks; everything else must match character for character.
 */
import { foldSpace } from "../../src/domain/fold.ts";

/** Where a quote was found. */
export interface Location {
  /** First line (1-based). */
  line: number;
  /** Last line. */
  lineEnd: number;
  /** How many times the quote occurs in the document. */
  count: number;
}

/** A source document prepared for quote lookups. */
export class SourceText {
  readonly lines: string[];
  private readonly folded: string;
  /** Where each line's text starts in `folded` (every character of `folded` belongs to the line it was read from). */
  private readonly lineStart: number[];

  constructor(text: string) {
    this.lines = text.split("\n");
    // Built from parts with a running length: appending to one string and asking it `endsWith` flattens the whole
    // string each time, which made a megabyte of short lines take 18 s.
    const parts: string[] = [];
    const lineStart: number[] = [];
    let length = 0, endsWithSpace = true;
    for (const raw of this.lines) {
      lineStart.push(length);
      let line = raw.normalize("NFC").replace(/\s+/gu, " ");
      // A run of whitespace across a line break is one space; the document's leading whitespace is dropped.
      if (line.startsWith(" ") && endsWithSpace) line = line.slice(1);
      if (line) {
        parts.push(line);
        length += line.length;
        endsWithSpace = line.endsWith(" ");
      }
      if (length > 0 && !endsWithSpace) {
        parts.push(" ");
        length++;
        endsWithSpace = true;
      }
    }
    this.folded = parts.join("");
    this.lineStart = lineStart;
  }

  /** 1-based line of the character at `pos` in the folded text. */
  private lineAt(pos: number): number {
    let lo = 0, hi = this.lineStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    // The last line starting at or before `pos`: lines that added nothing share their start with the next line.
    return lo + 1;
  }

  /** Locate the `occurrence`-th match of `quote` (1-based); undefined when there are fewer matches. */
  locate(quote: string, occurrence = 1): Location | undefined {
    const q = foldSpace(quote);
    if (!q) return undefined;
    const starts: number[] = [];
    for (let i = this.folded.indexOf(q); i !== -1; i = this.folded.indexOf(q, i + 1)) starts.push(i);
    const at = starts[occurrence - 1];
    if (at === undefined) return undefined;
    return { line: this.lineAt(at), lineEnd: this.lineAt(at + q.length - 1), count: starts.length };
  }
}
