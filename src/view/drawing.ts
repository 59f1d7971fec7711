/**
 * A chart described as data: which chart of src/charts draws it and the rows (and options) it draws. Chart specs
 * describe every state this way and never draw: the build draws the states it shows (render/drawn.ts, one drawing per
 * distinct description, shared by every page, embed and preview card that shows it), the browser draws any other
 * state from the same description, inlined as JSON beside the chart (src/client/view-draw.ts, the compare page).
 */
import type { CoverageRow, DeprivationViewRow, GroupBarRow, RateTargetRow } from "./view.ts";

/** Order of the residential-group bars. */
export type GroupSort = "name" | "baseline" | "exit" | "target";

/** One province on the overview map. */
export interface MapProvince {
  code: string;
  /** Accessible name of its link and its tooltip: name, plans, rate. */
  label: string;
  /** Link to its page. */
  href: string;
  /** Localities with a plan in the dataset. */
  planned: number;
  /** Latest poverty rate (%) under the latest standard, or null. */
  rate: number | null;
}

/** Every chart that draws from rows alone, in the build and in the browser alike. */
export type Drawing =
  | { chart: "dumbbell"; rows: RateTargetRow[] }
  | { chart: "coverage"; rows: CoverageRow[]; highlight?: string }
  | { chart: "group-bars"; rows: GroupBarRow[]; sort?: GroupSort }
  | { chart: "deprivation"; rows: DeprivationViewRow[] }
  | { chart: "heatmap"; rows: CoverageRow[] };

/** The province map: drawn only by the build, from the boundaries it reads there (the browser never redraws it). */
export interface MapDrawing {
  chart: "map";
  provinces: MapProvince[];
  /** The standard's name, for the colour key. */
  standard: string;
  /** The one-sentence summary the map carries as its description. */
  summary: string;
}

/** What a chart state is drawn from. */
export type ChartDrawing = Drawing | MapDrawing;
