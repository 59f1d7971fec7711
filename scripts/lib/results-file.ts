/**
 * bench/RESULTS.md holds the latest measured figures, one section per benchmark. Each benchmark rewrites only its
 * own section (between `<!-- name:start -->` and `<!-- name:end -->`), so running one keeps the others' figures.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const FILE = new URL("../../bench/RESULTS.md", import.meta.url);
const HEADER = "# Benchmark results\n\nLatest figures from `npm run bench`, `npm run bench:scale` and `npm run extract:score`, run on the committed code.\nEach section says when and where it was measured.\n";

/** Replace (or append) the section `name` of bench/RESULTS.md with `markdown`. */
export function writeSection(name: string, markdown: string): void {
  const text = existsSync(FILE) ? readFileSync(FILE, "utf8") : HEADER;
  const start = `<!-- ${name}:start -->`, end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const i = text.indexOf(start), j = text.indexOf(end);
  const next = i !== -1 && j > i ? text.slice(0, i) + block + text.slice(j + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
}
