/**
 * `npm run bench:linear`: the data step's input readers must take time linear in their input. Each case is run at
 * size n and 2n (best of 3); the report gives the ratio, which stays near 2 for a linear step (it was over 4 for
 * the quadratic ones: a megabyte of short source lines took 18 s, 40,000 unknown YAML keys 9 s, a `<` and 100,000
 * spaces 7 s in the old markup regex). Writes the "linear" section of bench/RESULTS.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { SourceText } from "../scripts/lib/provenance.ts";
import { readDataFile } from "../scripts/lib/safe-file.ts";
import { nameProblem, sourceProblem } from "../scripts/lib/text-checks.ts";
import { loadYaml } from "../scripts/lib/yaml-file.ts";
import { DataErrors } from "../scripts/lib/data-error.ts";
import { writeSection } from "../scripts/lib/results-file.ts";

const dir = mkdtempSync(join(tmpdir(), "ppt-linear-"));
const best = (f: () => void) => Math.min(...[0, 1, 2].map(() => { const t = performance.now(); f(); return performance.now() - t; }));

const cases: { name: string; unit: string; n: number; run: (n: number) => () => void }[] = [
  { name: "source text of short lines, folded for quote lookups", unit: "MB", n: 4, run: (mb) => {
    const text = "ab\n".repeat((mb << 20) / 3);
    return () => void new SourceText(text).locate("ab ab ab", 1);
  } },
  { name: "YAML file with unknown keys, read and refused", unit: "keys", n: 40_000, run: (n) => {
    const file = join(dir, `keys-${n}.yaml`);
    writeFileSync(file, `a: 1\n${Array.from({ length: n }, (_, i) => `k${i}: 1`).join("\n")}\n`);
    return () => {
      try {
        loadYaml(file, "keys.yaml", z.object({ a: z.number() }).strict(), dir);
      } catch (e) {
        if (!(e instanceof DataErrors)) throw e;
      }
    };
  } },
  { name: "`<` and spaces in a name, checked", unit: "characters", n: 200_000, run: (n) => {
    const s = `<${" ".repeat(n)}`.repeat(4);
    return () => void (nameProblem(s), sourceProblem(s));
  } },
  { name: "source file read through the data/ guard (×20)", unit: "MB", n: 16, run: (mb) => {
    const file = join(dir, `src-${mb}.txt`);
    writeFileSync(file, "x".repeat(mb << 20));
    return () => { for (let i = 0; i < 20; i++) readDataFile(file, "src.txt", dir, "source"); };
  } },
];

const rows = cases.map((c) => {
  const a = best(c.run(c.n / 2)), b = best(c.run(c.n));
  return `| ${c.name} | ${(c.n / 2).toLocaleString("en")} ${c.unit} | ${a.toFixed(1)} ms | ${c.n.toLocaleString("en")} ${c.unit} | ${b.toFixed(1)} ms | ${(b / a).toFixed(2)} |`;
});
rmSync(dir, { recursive: true, force: true });
const md = [
  "## Input readers: time when the input doubles",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on this 2-core machine with \`npm run bench:linear\` (best of 3). A linear step shows a ratio near 2.`,
  "",
  "| step | n | time | 2n | time | ratio |",
  "|---|---|---|---|---|---|",
  ...rows,
].join("\n");
console.log(md);
if (!process.argv.includes("--no-write")) writeSection("linear", md);
