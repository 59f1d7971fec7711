/**
 * PDFs made the way an office makes them, for tests and `npm run extract:score -- --pdf`: a text printed to PDF by
 * Chromium (a text PDF, as a word processor exports it), and that PDF's pages rasterised by pdftoppm and printed again
 * as images only (a scan, with no text layer), so both of the extractor's PDF paths run on known texts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function chromiumPdf(html: string, out: string) {
  const dir = mkdtempSync(join(tmpdir(), "ppt-print-"));
  try {
    const page = join(dir, "page.html");
    writeFileSync(page, html);
    execFileSync("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", `--user-data-dir=${join(dir, "profile")}`, `--print-to-pdf=${out}`, `file://${page}`], { stdio: ["ignore", "ignore", "pipe"] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Print a plain text to a text PDF (A4, serif, lines wrapped by the page as a word processor wraps them). */
export function printTextPdf(text: string, out: string): void {
  chromiumPdf(`<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:2cm}body{font:12pt "DejaVu Serif",serif}pre{white-space:pre-wrap;font:inherit;margin:0}</style><pre>${escape(text)}</pre>`, out);
}

/** Rasterise a PDF's pages (`dpi`) and print them back as a PDF of images only: a scan without a text layer. */
export function scanPdf(pdf: string, out: string, dpi = 200): void {
  const dir = mkdtempSync(join(tmpdir(), "ppt-scan-"));
  try {
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-png", pdf, join(dir, "p")]);
    const pages = readdirSync(dir).filter((f) => f.endsWith(".png")).sort();
    chromiumPdf(`<!doctype html><style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;page-break-after:always}</style>${pages.map((p) => `<img src="file://${join(dir, p)}">`).join("")}`, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
