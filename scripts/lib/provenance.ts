/**
 * Find a quote in its source document. Both sides are compared after NFC and folding every run of whitespace to
 * one space, so a quote may cross the document's line breaks; everything else must match character for character.
 */
import { foldSpace } from "../../src/lib/fold.ts";

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
  private readonly lineAt: number[];

  constructor(text: string) {
    this.lines = text.split("\n");
    let folded = "";
    const lineAt: number[] = [];
    this.lines.forEach((raw, i) => {
      for (const ch of raw.normalize("NFC")) {
        if (/\s/u.test(ch)) {
          if (folded && !folded.endsWith(" ")) {
            folded += " ";
            lineAt.push(i + 1);
          }
        } else {
          folded += ch;
          for (let k = 0; k < ch.length; k++) lineAt.push(i + 1);
        }
      }
      if (folded && !folded.endsWith(" ")) {
        folded += " ";
        lineAt.push(i + 1);
      }
    });
    this.folded = folded;
    this.lineAt = lineAt;
  }

  /** Locate the `occurrence`-th match of `quote` (1-based); undefined when there are fewer matches. */
  locate(quote: string, occurrence = 1): Location | undefined {
    const q = foldSpace(quote);
    if (!q) return undefined;
    const starts: number[] = [];
    for (let i = this.folded.indexOf(q); i !== -1; i = this.folded.indexOf(q, i + 1)) starts.push(i);
    const at = starts[occurrence - 1];
    if (at === undefined) return undefined;
    return { line: this.lineAt[at], lineEnd: this.lineAt[at + q.length - 1], count: starts.length };
  }
}
