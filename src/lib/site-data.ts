/**
 * The data the pages read: the public data files written by `npm run data`, parsed with the same zod schemas.
 * Pages read exactly what the site publishes, so a figure on a page and in /data/ cannot drift apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import {
  DeprivationRow, DerivedRow, DocumentRow, IndicatorRef, LocalityRow, PlanRow, ProjectRef, QualityRow, StandardRef, StatisticRow, TargetRow,
} from "./schema.ts";

const Reference = z.object({
  indicators: z.array(IndicatorRef),
  standards: z.array(StandardRef),
  projects: z.object({ programme_vi: z.string(), programme_en: z.string(), act: z.string(), projects: z.array(ProjectRef) }),
});

/** Everything a page may show. */
export interface SiteData {
  localities: LocalityRow[];
  plans: PlanRow[];
  targets: TargetRow[];
  statistics: StatisticRow[];
  deprivations: DeprivationRow[];
  quality: QualityRow[];
  derived: DerivedRow[];
  documents: z.infer<typeof DocumentRow>[];
  reference: z.infer<typeof Reference>;
}

let cache: SiteData | undefined;

/** Load public/data (the build runs from the project root); throws a clear message if `npm run data` has not run. */
export function loadSiteData(dir = join(process.cwd(), "public", "data")): SiteData {
  if (cache) return cache;
  const read = <S extends z.ZodType>(name: string, schema: S): z.infer<S> => {
    let text: string;
    try {
      text = readFileSync(join(dir, name), "utf8");
    } catch {
      throw new Error(`${join(dir, name)} is missing: run \`npm run data\` first`);
    }
    return schema.parse(JSON.parse(text));
  };
  cache = {
    localities: read("localities.json", z.array(LocalityRow)),
    plans: read("plans.json", z.array(PlanRow)),
    targets: read("targets.json", z.array(TargetRow)),
    statistics: read("statistics.json", z.array(StatisticRow)),
    deprivations: read("deprivations.json", z.array(DeprivationRow)),
    quality: read("quality.json", z.array(QualityRow)),
    derived: read("derived.json", z.array(DerivedRow)),
    documents: read("documents.json", z.array(DocumentRow)),
    reference: read("reference.json", Reference),
  };
  return cache;
}
