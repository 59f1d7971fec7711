/**
 * The one schema module: every data file, generated file and URL parameter is described here with zod, and the
 * TypeScript types used by scripts, pages and tests are inferred from these schemas (never written twice).
 */
import { z } from "zod";

// ---------------------------------------------------------------------------------------------------------------
// Shared vocabularies
// ---------------------------------------------------------------------------------------------------------------

/**
 * Longest slug segment. Ids become file and folder names of the built site (a page, a preview image), and a name
 * over 255 bytes stops the build; the longest commune name slugged is under 30 characters.
 */
export const MAX_SEGMENT = 64;
const segmentsFit = (s: string) => s.split("/").every((seg) => seg.length <= MAX_SEGMENT);
/** ASCII slug path such as `bac-giang/viet-yen/quang-minh`. */
export const LocalityId = z.string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/, "must be an ASCII slug path like bac-giang/viet-yen/quang-minh")
  .refine(segmentsFit, `each part of the id may be at most ${MAX_SEGMENT} characters`)
  .refine((s) => s.split("/").length <= 5, "an id has at most 5 parts (province/district/commune/group)");
/** ASCII slug such as `quang-minh-2024`. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an ASCII slug like quang-minh-2024").max(MAX_SEGMENT, `may be at most ${MAX_SEGMENT} characters`);

/** Whether `s` (YYYY-MM-DD) names a day of the calendar between 1990 and 2100, the span plans of the programme can name. */
export function isCalendarDate(s: string): boolean {
  const [y, m, d] = s.split("-").map(Number);
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
/** Calendar date, ISO 8601 (`2023-12-31`). YAML dates are read as strings, so this is always text. */
export const IsoDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine(isCalendarDate, { error: (iss) => `"${String(iss.input)}" is not a day of the calendar (or is outside 1990–2100)`, abort: true });
/** A sentence copied character for character from the source document (OCR noise included). */
export const Quote = z.string().trim().min(8, "quote is too short to locate in the source");
/**
 * A number exactly as the document prints it (`1.011`, `0,57%`, `03`), in quotes, parsed by vi-number.ts. A bare
 * number is refused: YAML reads `1.000` as 1 and `10.000` as 10, so the printed figure would be lost unseen.
 */
export const Published = z.string({
  error: (iss) => (typeof iss.input === "number"
    ? `a bare number (${String(iss.input)}) is not allowed: YAML reads 1.000 as 1; write the figure as printed, in quotes ("1.000")`
    : undefined),
}).max(40, "is too long for a printed figure");
/** Which occurrence of the quote in the source is meant (1-based): required when the same words are printed more than once. */
export const Occurrence = z.number().int().min(1).max(10_000).optional();

/** The two national multidimensional poverty standards the plans use (rates on different standards never compare). */
export const PovertyStandard = z.enum(["2016-2020", "2022-2025"]);
/** Administrative level of a locality. */
export const Level = z.enum(["province", "district", "commune", "residential_group"]);

/** The 12 deprivation indicators of the 2022–2025 standard (Nghị định 07/2021/NĐ-CP). */
export const DeprivationIndicator = z.enum([
  "employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_school_attendance",
  "housing_quality", "housing_area", "water_source", "sanitation", "telecom_use", "information_access_means",
]);

/** Every indicator id a plan figure may carry; each is documented in data/README.md and data/reference/indicators.yaml. */
export const Indicator = z.enum([
  // household and person counts, rates in percent (0.57 means 0.57%)
  "total_households", "poor_households", "near_poor_households", "poverty_rate", "near_poverty_rate",
  "poor_persons", "near_poor_persons", "poor_exit_capable_households", "poor_exit_capable_rate",
  "near_poor_exit_capable_households", "near_poor_exit_capable_rate", "poor_social_protection_households",
  "poor_households_meritorious_excluded", "poor_households_reduction",
  // coverage targets of the six dimensions
  "coverage_job_support", "coverage_health_insurance", "coverage_school_attendance", "coverage_vocational_training",
  "coverage_safe_housing", "coverage_clean_water", "coverage_hygienic_latrine", "coverage_telecom_internet",
  // other coverage-style targets
  "coverage_preferential_credit", "coverage_tuition_support", "coverage_legal_aid", "coverage_free_health_insurance_card",
  "coverage_temporary_houses_removed", "coverage_no_return_to_poverty", "coverage_meritorious_above_average",
  "cadres_trained", "sustainable_job_member",
  // outputs and money
  "houses_built", "poverty_models", "job_links", "budget",
  // deprivations (also used in deprivations.json)
  ...DeprivationIndicator.options,
]);

/** Who a figure is about. */
export const Group = z.enum([
  "all", "poor", "near_poor", "poor_and_near_poor", "poor_near_poor_newly_exited", "poor_a", "newly_exited",
  "poor_students", "cadres", "meritorious_families", "poor_near_poor_newly_exited_low_income",
]);
/** What kind of target a statement sets (a pp change and a relative change are different things). */
export const TargetKind = z.enum(["level", "change_pp", "change_relative", "count", "coverage", "budget"]);
/** How the target value is bounded: "giảm còn 0,43%" is eq; "trên 96%" gt; "ít nhất 92%", "tối thiểu 05" ge. */
export const Comparator = z.enum(["eq", "ge", "gt", "le", "lt"]);
/** Unit of a value. Rates and coverage are `percent`; rate changes are `pp`; money is million đồng. */
export const Unit = z.enum(["households", "persons", "percent", "pp", "vnd_million", "houses", "models", "workers"]);
/** Direction of a published change: the documents print magnitudes, the data stores decreases as negative. */
export const Direction = z.enum(["decrease", "increase"]);
/** Severity of a data-quality finding. */
export const Severity = z.enum(["error", "warning", "info"]);

// ---------------------------------------------------------------------------------------------------------------
// Curated input files (data/)
// ---------------------------------------------------------------------------------------------------------------

/** What became of a unit in the 2024–2025 reorganisations. */
export const Succession = z.object({
  /** Date the change took effect. */
  date: IsoDate,
  /**
   * Name of the unit it became part of (with diacritics). Not for the reorganisation of 1 July 2025 when the
   * gazetteer has the unit: what it became then is derived from the gazetteer's mapping, never written by hand.
   */
  into_name: z.string().min(1).nullable().default(null),
  /** Official (GSO) code of that unit, when known. */
  into_code: z.string().nullable().default(null),
  /** Province after the change. */
  province_after: z.string().nullable().default(null),
  /** Legal act that made the change. */
  act: z.string().min(1),
  /** Vietnamese one-line description. */
  note_vi: z.string().min(1),
  /** English one-line description. */
  note_en: z.string().min(1),
  /** Where this was read (see DOMAIN.md); shown beside the fact. */
  source: z.string().min(1),
}).strict();

/** One administrative unit in data/localities.yaml. */
export const LocalityInput = z.object({
  /** ASCII slug path; its parent is the path without the last segment. */
  id: LocalityId,
  /** Name with diacritics (NFC), without the type word: "Quảng Minh". */
  name: z.string().min(1),
  /** Type word as used in Vietnamese: "phường", "thị xã", "tổ dân phố". */
  type_vi: z.string().min(1),
  /** Type in English: "ward", "town", "residential group". */
  type_en: z.string().min(1),
  /** Administrative level. */
  level: Level,
  /** Parent locality id, or null for a province. */
  parent: LocalityId.nullable(),
  /** Official GSO code before the 2025 reorganisation, when known. */
  code: z.string().nullable().default(null),
  /** What became of it (newest last). */
  succession: z.array(Succession).default([]),
}).strict();
export const LocalitiesFile = z.object({ localities: z.array(LocalityInput).min(1) }).strict();

/** A note on a plan (for example data the plan mentions but does not contain). */
export const PlanNote = z.object({
  /** Machine code, e.g. `attachment_missing`. */
  code: z.string().regex(/^[a-z_]+$/),
  /** Severity as a data-quality finding. */
  severity: Severity.default("info"),
  /** Explanation in Vietnamese. */
  message_vi: z.string().min(1),
  /** Explanation in English. */
  message_en: z.string().min(1),
  /** The sentence of the plan the note is about. */
  quote: Quote,
  /** Which occurrence of the quote is meant. */
  occurrence: Occurrence,
}).strict();

/** A published statistic (a fact about a date, not a target). */
export const StatisticInput = z.object({
  /** Locality the figure is about; defaults to the plan's locality. */
  locality_id: LocalityId.optional(),
  /** A sub-unit named in the text (a village, a commune of a district) not yet in data/localities.yaml: its name as printed. */
  sub_unit: z.string().min(1).optional(),
  /** Indicator id. */
  indicator: Indicator,
  /** Population group. */
  group: Group,
  /** Reference date of the figure (end of year as YYYY-12-31 when the plan says "cuối năm"). */
  date: IsoDate,
  /** The figure as printed. */
  value: Published,
  /** Unit of the figure. */
  unit: Unit,
  /** Sentence the figure comes from. */
  quote: Quote,
  /** Which occurrence of the quote is meant. */
  occurrence: Occurrence,
}).strict();

/** A target the plan sets. Published magnitudes are positive; `direction` gives the sign of changes. */
export const TargetInput = z.object({
  /** Locality the target is for; defaults to the plan's locality. */
  locality_id: LocalityId.optional(),
  /** A sub-unit named in the text, not yet in data/localities.yaml: its name as printed. */
  sub_unit: z.string().min(1).optional(),
  /** Indicator id. */
  indicator: Indicator,
  /** Population group. */
  group: Group,
  /** Kind of target. */
  kind: TargetKind,
  /** Bound on the target value. */
  comparator: Comparator.default("eq"),
  /** Baseline as printed in the same statement, if any. */
  baseline_value: Published.optional(),
  /** Date of the baseline. */
  baseline_date: IsoDate.optional(),
  /** Target value as printed, if any (for change targets the change is the target). */
  target_value: Published.optional(),
  /** Date by which the target should be met. */
  target_date: IsoDate,
  /** Change in percentage points as printed (magnitude). */
  change_pp: Published.optional(),
  /** Change in households as printed (magnitude). */
  change_households: Published.optional(),
  /** Relative change in percent as printed (magnitude). */
  change_relative_pct: Published.optional(),
  /** Whether the printed change is a decrease or an increase. */
  direction: Direction.optional(),
  /** Unit of target_value (or of the change for change targets). */
  unit: Unit,
  /** Sentence the target comes from. */
  quote: Quote,
  /** Which occurrence of the quote is meant. */
  occurrence: Occurrence,
}).strict().superRefine((t, ctx) => {
  const hasChange = t.change_pp !== undefined || t.change_households !== undefined || t.change_relative_pct !== undefined;
  if (hasChange && !t.direction) ctx.addIssue({ code: "custom", path: ["direction"], message: "a change needs direction: decrease or increase" });
  if (t.target_value === undefined && !hasChange) ctx.addIssue({ code: "custom", path: ["target_value"], message: "a target needs target_value or a change" });
  if (t.baseline_value !== undefined && !t.baseline_date) ctx.addIssue({ code: "custom", path: ["baseline_date"], message: "baseline_value needs baseline_date" });
  if (t.kind === "change_pp" && t.change_pp === undefined) ctx.addIssue({ code: "custom", path: ["change_pp"], message: "kind change_pp needs change_pp" });
  if (t.kind === "change_relative" && t.change_relative_pct === undefined) ctx.addIssue({ code: "custom", path: ["change_relative_pct"], message: "kind change_relative needs change_relative_pct" });
});

/** One deprivation line: households of a group deprived in one of the 12 indicators, with the printed share. */
export const DeprivationInput = z.object({
  /** Locality; defaults to the plan's locality. */
  locality_id: LocalityId.optional(),
  /** Date of the measurement. */
  date: IsoDate,
  /** poor or near_poor. */
  group: z.enum(["poor", "near_poor"]),
  /** One of the 12 indicators. */
  indicator: DeprivationIndicator,
  /** Households deprived, as printed. */
  households: Published,
  /** Share as printed (percent). */
  stated_pct: Published,
  /** Sentence the line comes from. */
  quote: Quote,
  /** Which occurrence of the quote is meant. */
  occurrence: Occurrence,
}).strict();

/** How one column of an appendix table maps to a statistic or a target. */
export const TableColumn = z.object({
  /** 0-based column index in the TSV. */
  index: z.number().int().min(0),
  /** Indicator id of the cells. */
  indicator: Indicator,
  /** Population group. */
  group: Group,
  /** `statistic` (a fact at `date`) or `target` (to be reached by `date`). */
  record: z.enum(["statistic", "target"]),
  /** Kind, for targets. */
  kind: TargetKind.optional(),
  /** Date of the figure or of the target. */
  date: IsoDate,
  /** Unit of the cells. */
  unit: Unit,
  /** Decimal mark the column uses: the Quảng Minh table writes rates as `0.69`, counts as `1.011`. */
  decimal: z.enum([",", "."]).default(","),
  /** Header text of the column, as published (for labels and checks). */
  header: z.string().min(1),
}).strict();

/** An appendix table kept as published in data/tables/ and mapped here, never retyped. */
export const TableMapping = z.object({
  /** File name in data/tables/. */
  file: z.string().regex(/^[a-z0-9-]+\.(tsv|csv)$/),
  /** Title as printed. */
  title: z.string().min(1),
  /** Number of header rows before the data. */
  header_rows: z.number().int().min(0),
  /** Column holding the row's unit name. */
  name_column: z.number().int().min(0),
  /** Row label of the totals row, if the table has one. */
  total_label: z.string().optional(),
  /** Unit name as printed → locality id. */
  rows: z.record(z.string(), LocalityId),
  /** Column mappings. */
  columns: z.array(TableColumn).min(1),
}).strict();

/** What kind of document a plan file was drafted from: a plan, or a document that reports results without targets. */
export const DocType = z.enum(["plan", "review_decision", "report", "council_resolution", "news"]);

/**
 * A change that already happened ("giảm 1,74% so với năm 2022", "giảm 23 hộ"): a statistic of its own kind, kept apart
 * from the targets so a result is never read as an aim.
 */
export const PastChangeInput = z.object({
  locality_id: LocalityId.optional(),
  sub_unit: z.string().min(1).optional(),
  indicator: Indicator,
  group: Group,
  /** change_pp (points), count (households) or change_relative (percent of a count). */
  kind: z.enum(["change_pp", "count", "change_relative"]),
  /** End of the period the change is over. */
  date: IsoDate,
  change_pp: Published.optional(),
  change_households: Published.optional(),
  change_relative_pct: Published.optional(),
  direction: Direction,
  /** "%/năm": an average per year. */
  per_year: z.union([z.boolean(), z.literal("true")]).optional(),
  unit: Unit,
  quote: Quote,
  occurrence: Occurrence,
}).strict();

/**
 * A figure kept apart from the locality's rates: the combined poor-plus-near-poor rate, an urban or rural area's
 * figure, or a sub-population's (ethnic minority households).
 */
export const OtherFigureInput = z.object({
  kind: z.enum(["combined", "urban", "rural", "sub_population"]),
  sub_unit: z.string().min(1).optional(),
  indicator: Indicator,
  group: Group,
  date: IsoDate.optional(),
  value: Published,
  unit: Unit,
  why: z.string().min(1),
  quote: Quote,
  occurrence: Occurrence,
}).strict();

/** A curated plan file in data/plans/. */
export const PlanFile = z.object({
  /** Kind of document (absent: a plan). */
  doc_type: DocType.optional(),
  /** Plan id, e.g. `quang-minh-2024`. */
  id: Slug,
  /** Locality the plan covers. */
  locality_id: LocalityId,
  /** Year the plan is for. */
  year: z.number().int().min(2000).max(2100),
  /** Document number as printed ("498/KH-UBND"; the number part may be blank), or null when none is printed. */
  number: z.string().min(1).nullable(),
  /** Line that carries the number. */
  number_quote: Quote,
  /** Date of issue, or null when the copy has none. */
  issued: IsoDate.nullable(),
  /** Where the date is printed (null when there is none). */
  issued_quote: Quote.nullable(),
  /** Issuing body (vi). */
  issuer: z.string().min(1),
  /** Issuing body (en). */
  issuer_en: z.string().min(1),
  /** Title (vi), as printed with diacritics restored only where the copy has them. */
  title: z.string().min(1),
  /** Title (en). */
  title_en: z.string().min(1),
  /** Standard the plan's figures use. */
  poverty_standard: PovertyStandard,
  /** Sentence that shows which standard applies (or the year that implies it). */
  standard_note: z.string().min(1),
  /** File name in data/sources/. */
  source_file: z.string().regex(/^[a-z0-9-]+\.txt$/),
  /** Whether the source is an OCR copy without diacritics. */
  ocr: z.boolean().default(false),
  /** The higher-level plan this one implements. */
  parent_plan: z.object({ text: z.string().min(1), quote: Quote }).strict().optional(),
  /** Notes about the document. */
  notes: z.array(PlanNote).default([]),
  /** Published statistics. */
  statistics: z.array(StatisticInput).default([]),
  /** Targets. */
  targets: z.array(TargetInput).default([]),
  /** Deprivation lines. */
  deprivations: z.array(DeprivationInput).default([]),
  /** Appendix tables. */
  tables: z.array(TableMapping).default([]),
  /** Changes already achieved (never targets). */
  past_changes: z.array(PastChangeInput).default([]),
  /** Combined, urban/rural and sub-population figures, kept apart from the locality's rates. */
  other_figures: z.array(OtherFigureInput).default([]),
}).strict();

/** A label in both languages. */
const Bilingual = { name_vi: z.string().min(1), name_en: z.string().min(1) };

/** data/reference/indicators.yaml: every indicator id with labels. */
export const IndicatorRef = z.object({
  id: Indicator,
  ...Bilingual,
  /** Dimension of the multidimensional standard the indicator belongs to, if any. */
  dimension: z.enum(["employment", "health", "education", "housing", "water_sanitation", "information"]).nullable().default(null),
  /** One-line definition (vi). */
  description_vi: z.string().min(1),
  /** One-line definition (en). */
  description_en: z.string().min(1),
}).strict();
export const IndicatorsFile = z.object({ indicators: z.array(IndicatorRef) }).strict();

/** data/reference/standards.yaml: the two standards, their dimensions and indicators. */
export const StandardRef = z.object({
  id: PovertyStandard,
  /** Legal act. */
  act: z.string().min(1),
  ...Bilingual,
  /** Years it applies to. */
  years: z.string().min(1),
  /** Income lines (VND per person per month). */
  income_lines: z.object({ rural: z.number(), urban: z.number() }).strict(),
  /** Rule for "poor" (vi/en). */
  poor_rule_vi: z.string().min(1),
  poor_rule_en: z.string().min(1),
  /** Where the facts come from. */
  source: z.string().min(1),
  dimensions: z.array(z.object({
    id: z.string().regex(/^[a-z_]+$/),
    ...Bilingual,
    indicators: z.array(z.object({ id: z.string().regex(/^[a-z_]+$/), code: z.string(), ...Bilingual }).strict()),
  }).strict()),
}).strict();
export const StandardsFile = z.object({ standards: z.array(StandardRef).length(2) }).strict();

/** data/reference/projects.yaml: the national programme's projects. */
export const ProjectRef = z.object({ id: z.string().regex(/^DA\d(\.TDA\d)?$/), ...Bilingual }).strict();
export const ProjectsFile = z.object({ programme_vi: z.string(), programme_en: z.string(), act: z.string(), projects: z.array(ProjectRef) }).strict();

// ---------------------------------------------------------------------------------------------------------------
// The gazetteer (data/reference/gazetteer/): public lists of every unit, as their authors publish them
// ---------------------------------------------------------------------------------------------------------------

/** A GSO code: 2 digits for a province, 3 for an old district, 5 for a commune-level unit. */
export const GsoCode = z.string().regex(/^\d{2}(?:\d|\d{3})?$/, "must be a GSO code of 2, 3 or 5 digits");
const GazName = z.string().min(1).max(120);
const GazUnit = { Code: GsoCode, Name: GazName, NameEn: GazName, FullName: GazName, FullNameEn: GazName, CodeName: z.string() };
/** units-before-2025-07-01.json: provinces → districts → communes (an island district has `Ward: null`). */
export const GazetteerBefore = z.array(z.object({
  ...GazUnit,
  District: z.array(z.object({
    ...GazUnit, ProvinceCode: GsoCode,
    Ward: z.array(z.object({ ...GazUnit, DistrictCode: GsoCode }).strict()).nullable(),
  }).strict()),
}).strict());
/** units-from-2025-07-01.json: provinces → communes (no district level). */
export const GazetteerFrom = z.array(z.object({
  ...GazUnit,
  Wards: z.array(z.object({ ...GazUnit, ProvinceCode: GsoCode }).strict()),
}).strict());
/** old-commune-to-new.json: where each old province and commune went. */
export const GazetteerSplits = z.object({
  data: z.array(z.object({
    level1_id: GsoCode, name: GazName, splits: z.array(z.object({ new_id: GsoCode, name: GazName }).strict()).min(1),
    level3s: z.array(z.object({ level3_id: GsoCode, name: GazName, splits: z.array(z.object({ new_id: GsoCode, name: GazName }).strict()).min(1) }).strict()),
    /** Old districts that had no communes (the island districts), mapped as a whole. */
    level2s: z.array(z.object({ level2_id: GsoCode, name: GazName, splits: z.array(z.object({ new_id: GsoCode, name: GazName }).strict()).min(1) }).strict()).optional(),
  }).strict()),
  stats: z.record(z.string(), z.number()),
}).strict();
/** new-commune-from-old.json: what each new province and commune was formed from. */
const Merge = z.object({ old_id: GsoCode, name: GazName, type: z.enum(["full", "partial"]) }).strict();
export const GazetteerMerges = z.object({
  data: z.array(z.object({
    level1_id: GsoCode, name: GazName, merges: z.array(Merge).min(1),
    level2s: z.array(z.object({ level2_id: GsoCode, name: GazName, merges: z.array(Merge).min(1) }).strict()),
  }).strict()),
  stats: z.record(z.string(), z.number()),
}).strict();

/** One link of a unit's lineage: the unit on the other side of 1 July 2025, and whether all of it went there. */
export const Lineage = z.object({
  /** GSO code of the unit on the other side. */
  code: GsoCode,
  /** `full`: all of the old unit went into the new one; `partial`: part of it (the old unit was divided). */
  type: z.enum(["full", "partial"]),
}).strict();

// map: the provinces' boundaries (data/reference/gazetteer/provinces/*.geojson), as their source publishes them
const Longitude = z.number().min(-180).max(180);
const Latitude = z.number().min(-90).max(90);
/** A position: longitude then latitude, in degrees (WGS 84); an elevation, if given, is ignored. */
const Position = z.tuple([Longitude, Latitude], z.number());
/** A closed ring: at least four positions, the last the same as the first. */
const Ring = z.array(Position).min(4).refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], "a ring must end where it starts (the last position equal to the first)");
const PolygonCoords = z.array(Ring).min(1);
/** One province's boundary file: a FeatureCollection of one Feature whose `properties.code` is the province's GSO code. */
export const ProvinceBoundaryFile = z.object({
  type: z.literal("FeatureCollection"),
  bbox: z.array(z.number()).optional(),
  features: z.array(z.object({
    type: z.literal("Feature"),
    id: z.union([z.string(), z.number()]).optional(),
    bbox: z.array(z.number()).optional(),
    properties: z.looseObject({ code: z.string().regex(/^\d{2}$/, "must be a province's 2-digit GSO code"), name: GazName }),
    geometry: z.discriminatedUnion("type", [
      z.object({ type: z.literal("Polygon"), coordinates: PolygonCoords }).strict(),
      z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(PolygonCoords).min(1) }).strict(),
    ]),
  }).strict()).length(1, "must hold exactly one feature, the province"),
}).strict();
export type ProvinceBoundaryFile = z.infer<typeof ProvinceBoundaryFile>;

// ---------------------------------------------------------------------------------------------------------------
// Public data files (dist/data/), snake_case
// ---------------------------------------------------------------------------------------------------------------

/** localities.json rows. */
export const LocalityRow = z.object({
  id: LocalityId,
  name: z.string(),
  type_vi: z.string(),
  type_en: z.string(),
  level: Level,
  parent: LocalityId.nullable(),
  code: z.string().nullable(),
  /** Full name with type and ancestors, vi (\"phường Quảng Minh, thị xã Việt Yên, tỉnh Bắc Giang\"). */
  full_name_vi: z.string().describe("Full name with type and ancestors, vi (\"phường Quảng Minh, thị xã Việt Yên, tỉnh Bắc Giang\")."),
  /** Full name, en. */
  full_name_en: z.string().describe("Full name, en."),
  /** Accent-folded lower-case name, for search. */
  search_key: z.string().describe("Accent-folded lower-case name, for search."),
  /** Plans that cover this locality or give figures for it. */
  plan_ids: z.array(Slug).describe("Plans that cover this locality or give figures for it."),
  /** Notes on what became of the unit, with their sources (data/localities.yaml). */
  succession: z.array(Succession).describe("Notes on what became of the unit, with the act and sources."),
  /** The units from 1 July 2025 it went into, full or partial, as the gazetteer's mapping gives them (empty when the gazetteer does not list the unit). */
  successors: z.array(Lineage).describe("Units from 1 July 2025 it went into (GSO code, full or partial), from the gazetteer's mapping."),
}).strict();

/** units.json rows: every unit of Vietnam before and from 1 July 2025, from the gazetteer. */
export const UnitRow = z.object({
  /** GSO code; codes are unique within a period, and a new unit may keep an old unit's code. */
  code: GsoCode.describe("GSO code; unique within a period (a new unit may keep an old unit's code)."),
  /** `before`: a unit of the 63-province map (as of 01/03/2025); `after`: of the 34-province map from 1 July 2025. */
  period: z.enum(["before", "after"]).describe("before: as of 01/03/2025 (63 provinces); after: from 1 July 2025 (34 provinces)."),
  level: z.enum(["province", "district", "commune"]).describe("Administrative level."),
  /** Name without the type word ("Quảng Minh"). */
  name: z.string().describe("Name without the type word."),
  /** Type word as printed: "xã", "phường", "thị trấn", "đặc khu", "huyện", "tỉnh"… */
  type_vi: z.string().describe("Type word, vi."),
  /** Full name as the gazetteer prints it ("Phường Quảng Minh"). */
  full_name: z.string().describe("Full name, vi, as the gazetteer prints it."),
  full_name_en: z.string().describe("Full name, en, as the gazetteer prints it."),
  /** Code of the unit one level up (null for a province). */
  parent: GsoCode.nullable().describe("Code of the unit one level up; null for a province."),
  /** Code of the province it lies in. */
  province: GsoCode.describe("Code of its province."),
  /** Whether the unit is in the 01/03/2025 snapshot (false: merged before it, known only from the mapping). */
  in_snapshot: z.boolean().describe("false: an old unit merged before 01/03/2025, known only from the mapping."),
  /** For an old unit: the new unit(s) it went into. For a new unit: the old units it was formed from. */
  lineage: z.array(Lineage).describe("Old unit: the new unit(s) it went into; new unit: the old units it was formed from (full or partial)."),
  /** Accent-folded name, with its type word and its province's name, for search. */
  search_key: z.string().describe("Accent-folded name with type word and province, for search."),
}).strict();

/** plans.json rows. */
export const PlanRow = z.object({
  id: Slug,
  locality_id: LocalityId,
  year: z.number().int(),
  number: z.string().nullable(),
  issued: IsoDate.nullable(),
  issuer: z.string(),
  issuer_en: z.string(),
  title: z.string(),
  title_en: z.string(),
  poverty_standard: PovertyStandard,
  standard_note: z.string(),
  source_file: z.string(),
  ocr: z.boolean(),
  parent_plan: z.string().nullable(),
  /** Line of the document number. */
  number_line: z.number().int().describe("Line of the document number."),
  /** Line of the issue date, if any. */
  issued_line: z.number().int().nullable().describe("Line of the issue date, if any."),
}).strict();

const Provenance = {
  /** Stable id of the figure, also its anchor on the plan page. */
  ref: z.string().describe("Stable id of the figure, also its anchor on the plan page."),
  /** The sentence, as printed. */
  quote: z.string().describe("The sentence, as printed."),
  /** First line of the quote in the source file (1-based). */
  source_line: z.number().int().min(1).describe("First line of the quote in the source file (1-based)."),
  /** Last line of the quote. */
  source_line_end: z.number().int().min(1).describe("Last line of the quote."),
};

/** targets.json rows. Changes are signed: decreases are negative. */
export const TargetRow = z.object({
  plan_id: Slug,
  locality_id: LocalityId,
  indicator: Indicator,
  group: Group,
  kind: TargetKind,
  comparator: Comparator,
  baseline_value: z.number().nullable(),
  baseline_date: IsoDate.nullable(),
  target_value: z.number().nullable(),
  target_date: IsoDate,
  change_pp: z.number().nullable(),
  change_households: z.number().nullable(),
  change_relative_pct: z.number().nullable(),
  /** Which of the fields above were computed by a rule (see the Method page) rather than printed. */
  computed_fields: z.array(z.string()).describe("Which of the fields above were computed by a rule (see the Method page) rather than printed."),
  /** Decimals the plan printed for the baseline (2 for "2,50%"), so pages keep its precision; null when not printed. */
  baseline_decimals: z.number().int().min(0).nullable().optional().describe("Decimals the plan printed for the baseline (2 for \"2,50%\"); null when not printed."),
  /** Decimals the plan printed for the target; null when not printed. */
  target_decimals: z.number().int().min(0).nullable().optional().describe("Decimals the plan printed for the target; null when not printed."),
  unit: Unit,
  ...Provenance,
}).strict();

/** statistics.json rows. */
export const StatisticRow = z.object({
  plan_id: Slug,
  locality_id: LocalityId,
  indicator: Indicator,
  group: Group,
  date: IsoDate,
  value: z.number(),
  /** The figure as printed. */
  value_text: z.string().describe("The figure as printed."),
  /** Decimals printed (rounding precision). */
  decimals: z.number().int().min(0).describe("Decimals printed (rounding precision)."),
  unit: Unit,
  ...Provenance,
}).strict();

/** deprivations.json rows. */
export const DeprivationRow = z.object({
  plan_id: Slug,
  locality_id: LocalityId,
  date: IsoDate,
  group: z.enum(["poor", "near_poor"]),
  indicator: DeprivationIndicator,
  households: z.number().int(),
  stated_pct: z.number(),
  /** households ÷ the group's household count × 100, rounded to 2 decimals; null when the group size is unknown. */
  computed_pct: z.number().nullable().describe("households ÷ the group's household count × 100, rounded to 2 decimals; null when the group size is unknown."),
  /** Group size used for computed_pct. */
  group_households: z.number().int().nullable().describe("Group size used for computed_pct."),
  /** Denominator the stated share implies (households ÷ stated share), when it is not the group size. */
  implied_denominator: z.number().nullable().describe("Denominator the stated share implies (households ÷ stated share), when it is not the group size."),
  /** Whether the stated share agrees with the computed one after rounding. */
  consistent: z.boolean().nullable().describe("Whether the stated share agrees with the computed one after rounding."),
  ...Provenance,
}).strict();

/** quality.json rows: findings of the consistency checks and plan notes. */
export const QualityRow = z.object({
  plan_id: Slug,
  locality_id: LocalityId,
  code: z.string(),
  severity: Severity,
  message_vi: z.string(),
  message_en: z.string(),
  stated: z.number().nullable(),
  computed: z.number().nullable(),
  /** Refs of the figures involved. */
  refs: z.array(z.string()).describe("Refs of the figures involved."),
  quote: z.string(),
  source_line: z.number().int().nullable(),
}).strict();

/** derived.json rows: figures computed from published ones by a documented rule. */
export const DerivedRow = z.object({
  plan_id: Slug,
  locality_id: LocalityId,
  /** Rule id, explained on the Method page (e.g. `implied_total`, `rate_from_counts`). */
  rule: z.string().describe("Rule id, explained on the Method page (e.g. `implied_total`, `rate_from_counts`)."),
  indicator: z.string(),
  group: Group,
  date: IsoDate,
  /** Point value (for ranges, the value the unrounded inputs give). */
  value: z.number().describe("Point value (for ranges, the value the unrounded inputs give)."),
  /** Lower bound when the published rounding leaves a range. */
  low: z.number().nullable().describe("Lower bound when the published rounding leaves a range."),
  /** Upper bound. */
  high: z.number().nullable().describe("Upper bound."),
  unit: z.string(),
  /** Refs of the published figures used. */
  inputs: z.array(z.string()).describe("Refs of the published figures used."),
  /** How it was computed, in words (en) with the numbers. */
  formula: z.string().describe("How it was computed, in words (en) with the numbers."),
}).strict();

/** plans/<plan id>.json: a plan's source rendered as lines with the figure anchors that fall on them. */
export const DocumentRow = z.object({
  plan_id: Slug,
  source_file: z.string(),
  lines: z.array(z.string()),
  /** Figures quoted from the document: where each quote starts and ends. */
  marks: z.array(z.object({ ref: z.string(), line: z.number().int(), line_end: z.number().int(), quote: z.string() }).strict()).describe("Figures quoted from the document: where each quote starts and ends."),
}).strict();

// map
/**
 * provinces.topo.json: the 34 provinces' boundaries, simplified for drawing, as TopoJSON (quantized, delta-encoded
 * arcs); each geometry's `id` is the province's GSO code, as in units.json.
 */
export const ProvincesTopology = z.object({
  type: z.literal("Topology"),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe("West, south, east, north, in degrees."),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).strict()
    .describe("Quantization: position = translate + scale × the running sum of an arc's integer steps."),
  objects: z.object({
    provinces: z.object({
      type: z.literal("GeometryCollection"),
      geometries: z.array(z.discriminatedUnion("type", [
        z.object({ type: z.literal("Polygon"), id: GsoCode, arcs: z.array(z.array(z.number().int())) }).strict(),
        z.object({ type: z.literal("MultiPolygon"), id: GsoCode, arcs: z.array(z.array(z.array(z.number().int()))) }).strict(),
      ])).describe("One geometry per province; id is its GSO code (units.json, period after)."),
    }).strict(),
  }).strict(),
  arcs: z.array(z.array(z.tuple([z.number().int(), z.number().int()]))),
}).strict().describe("Boundaries of the 34 provinces from 1 July 2025, simplified for drawing (TopoJSON).");
export type ProvincesTopology = z.infer<typeof ProvincesTopology>;

export type LocalityInput = z.infer<typeof LocalityInput>;
export type PlanFile = z.infer<typeof PlanFile>;
export type TableMapping = z.infer<typeof TableMapping>;
export type LocalityRow = z.infer<typeof LocalityRow>;
export type UnitRow = z.infer<typeof UnitRow>;
export type PlanRow = z.infer<typeof PlanRow>;
export type TargetRow = z.infer<typeof TargetRow>;
export type StatisticRow = z.infer<typeof StatisticRow>;
export type DeprivationRow = z.infer<typeof DeprivationRow>;
export type QualityRow = z.infer<typeof QualityRow>;
export type DerivedRow = z.infer<typeof DerivedRow>;
export type DocumentRow = z.infer<typeof DocumentRow>;
export type IndicatorRef = z.infer<typeof IndicatorRef>;
export type StandardRef = z.infer<typeof StandardRef>;

/** The public data files and the schema of their rows (also what schema.json describes). */
export const PublicFiles = {
  localities: LocalityRow,
  units: UnitRow,
  plans: PlanRow,
  targets: TargetRow,
  statistics: StatisticRow,
  deprivations: DeprivationRow,
  quality: QualityRow,
  derived: DerivedRow,
} as const;
