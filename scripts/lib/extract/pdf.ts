/**
 * PDF input, as officials publish plans: a text PDF is read with poppler's `pdftotext`; a scanned one (pages with
 * almost no text layer) is rasterised with `pdftoppm` and read with `tesseract -l vie`. The text read is what the
 * draft's quotes are checked against, so it is kept as the source file.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** How a PDF was read. */
export interface PdfText {
  text: string;
  method: "pdftotext" | "tesseract";
  pages: number;
}

/** Letters per page below which a page is taken for a scan without a text layer. */
const SCANNED_LETTERS_PER_PAGE = 40;

function run(cmd: string, args: string[], what: string): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT") throw new Error(`${cmd} is not installed (${what}); on Debian: apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie`);
    throw new Error(`${cmd} failed on ${what}: ${String(err.stderr ?? err.message).trim().split("\n").slice(-2).join(" ")}`);
  }
}

/** Page count from `pdfinfo`. */
function pageCount(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(run("pdfinfo", [file], file));
  return m ? Number(m[1]) : 1;
}

/** Read a PDF's text: its text layer when it has one, else OCR of each page in Vietnamese. */
export function readPdf(file: string, opts: { forceOcr?: boolean } = {}): PdfText {
  const pages = pageCount(file);
  const layer = run("pdftotext", ["-enc", "UTF-8", file, "-"], file).replace(/\f/g, "\n").replace(/[ \t]+$/gm, "");
  const letters = (layer.match(/\p{L}/gu) ?? []).length;
  if (!opts.forceOcr && letters >= SCANNED_LETTERS_PER_PAGE * pages) return { text: layer.replace(/\n{3,}/g, "\n\n").trim() + "\n", method: "pdftotext", pages };
  const dir = mkdtempSync(join(tmpdir(), "ppt-ocr-"));
  try {
    run("pdftoppm", ["-r", "300", "-gray", "-png", file, join(dir, "page")], file);
    const images = readdirSync(dir).filter((f) => f.endsWith(".png")).sort();
    const text = images.map((img) => run("tesseract", [join(dir, img), "stdout", "-l", "vie", "--psm", "4"], `${file} (${img})`)).join("\n");
    return { text: text.replace(/\f/g, "\n").replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim() + "\n", method: "tesseract", pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
