/**
 * What text a data file may hold. Names, titles and notes are shown on pages, in chart files and preview images:
 * they may hold only what such text is written with (a whitelist, so a trick nobody thought of is refused too).
 * Quotes are copied from the document and checked against it, so they may hold what a document prints, but never
 * characters that hide or reorder text, nor anything that opens a tag.
 */

/** Letters and marks of any script, digits, spaces, and the punctuation plans and notes are written with. */
const NAME_CHARS = String.raw`\p{L}\p{M}\p{N} .,;:!?()[\]'"‘’“”\-‐–—/%&+=_§°·…×≈≥≤→`;
const NAME_TEXT = new RegExp(`^[${NAME_CHARS}]*$`, "u");
/** The first character outside NAME_TEXT. */
const NOT_NAME_CHAR = new RegExp(`[^${NAME_CHARS}]`, "u");
/** Control characters (line breaks and tabs aside), and the marks that hide or reorder what a reader sees. */
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;
/** `<` followed by what opens a tag, a comment, a CDATA section or a processing instruction. Linear: no repetition. */
const TAG_OPEN = /<[\p{L}_:!?/]/u;

/** "U+202E" */
export const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** A placeholder the extractor writes ("TODO: …"), also as "Todo:", "todo" or full-width "ＴＯＤＯ". */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === "string" && /^\s*(?:TODO|FIXME|TBD)\b/i.test(value.normalize("NFKC"));
}

/** Marks that reorder text (bidirectional controls): never in a document as published, nor in a quote of one. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The problem with a line of a source text or table, or with a quote of one; undefined when it has none. */
export function sourceProblem(value: string): string | undefined {
  const bidi = BIDI.exec(value);
  if (bidi) return `contains the bidirectional control ${codePoint(bidi[0])}, which reorders what a reader sees`;
  const tag = TAG_OPEN.exec(value);
  if (tag) return `holds markup ("${value.slice(tag.index, tag.index + 12)}…"): a published plan has none; copy the document's text, not a web page's source`;
  return undefined;
}

/** A quote may hold what its document prints: the checks of a source line, plus no broken text or control characters. */
export function quoteProblem(value: string): string | undefined {
  if (!value.isWellFormed()) return "contains a lone surrogate (broken UTF-16): copy the sentence again from the source";
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u.exec(value);
  if (control) return `contains the control character ${codePoint(control[0])}`;
  return sourceProblem(value);
}

/** Problems any text may have; undefined when it has none. */
export function hiddenProblem(value: string): string | undefined {
  if (!value.isWellFormed()) return "contains a lone surrogate (broken UTF-16): retype the text";
  const hidden = HIDDEN.exec(value);
  if (hidden) return `contains the invisible character ${codePoint(hidden[0])}, which can hide or reorder what a reader sees`;
  const tag = TAG_OPEN.exec(value);
  if (tag) return `must be plain text, not markup ("${value.slice(tag.index, tag.index + 12)}…")`;
  return undefined;
}

/** The problem with a name, title or note (any text field but a quote), or undefined. */
export function nameProblem(value: string): string | undefined {
  if (value.length > 0 && value.trim() === "") return "is blank: write the text, or leave the field out where it is optional";
  if (isPlaceholder(value)) return `still a placeholder ("${value.slice(0, 40)}"): write the value from the plan`;
  const hidden = hiddenProblem(value);
  if (hidden) return hidden;
  if (!NAME_TEXT.test(value)) {
    const c = NOT_NAME_CHAR.exec(value)![0];
    return `contains "${c}" (${codePoint(c)}), which names and labels may not hold: letters, digits, spaces and . , ; : ! ? ( ) [ ] ' " - – / % & + = are allowed`;
  }
  return undefined;
}
