/**
 * Parse numbers as Vietnamese plans print them: `1.011` (one thousand and eleven), `0,57%`, `00`, `01`, `58,8%`.
 * The decimal mark is `,` and `.` groups thousands, unless a table column says it uses `.` as decimal mark
 * (the Quảng Minh appendix prints rates as `0.69`).
 */

/** A parsed figure: its value, how many decimals were printed (its rounding), and whether it carried a % sign. */
export interface ViNumber {
  /** Numeric value (0.57 for "0,57%"). */
  value: number;
  /** Decimals printed: 2 for "0,57%", 0 for "1.011". */
  decimals: number;
  /** Whether the text ended with %. */
  percent: boolean;
  /** The text as given. */
  text: string;
}

/** Raised when a string is not a number in a published form; the message says what was expected. */
export class ViNumberError extends Error {}

const GROUPED = { ",": /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, ".": /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/ } as const;
const PLAIN = { ",": /^\d+(?:,\d+)?$/, ".": /^\d+(?:\.\d+)?$/ } as const;

/** Parse one published number; throws ViNumberError on anything else (never guesses). */
export function parseViNumber(text: string, decimal: "," | "." = ","): ViNumber {
  const raw = String(text);
  let s = raw.normalize("NFC").trim().replace(/\u00a0/g, " ");
  const percent = s.endsWith("%");
  if (percent) s = s.slice(0, -1).trim();
  const negative = s.startsWith("-") || s.startsWith("−");
  if (negative) s = s.slice(1);
  const thousands = decimal === "," ? "." : ",";
  if (!GROUPED[decimal].test(s) && !PLAIN[decimal].test(s)) {
    throw new ViNumberError(`"${raw}" is not a number as printed (expected digits, "${thousands}" between groups of three, "${decimal}" before decimals, optional %)`);
  }
  const [intPart, frac = ""] = s.split(decimal);
  const value = Number(`${intPart.split(thousands).join("")}.${frac || "0"}`);
  if (!Number.isFinite(value)) throw new ViNumberError(`"${raw}" is too large`);
  return { value: negative ? -value : value, decimals: frac.length, percent, text: raw };
}

/** Like parseViNumber but returns undefined instead of throwing (Plot's maybeX naming). */
export function maybeViNumber(text: unknown, decimal: "," | "." = ","): ViNumber | undefined {
  if (typeof text !== "string" && typeof text !== "number") return undefined;
  try {
    return parseViNumber(String(text), decimal);
  } catch {
    return undefined;
  }
}
