/** Build-time charts: each is a plain function (rows, options) => SVGSVGElement that takes the document to draw in. */
export { dumbbellChart, type DumbbellOptions } from "./dumbbell.ts";
export { groupBarsChart, type GroupBarsOptions, type GroupSort } from "./group-bars.ts";
export { deprivationChart, type DeprivationOptions } from "./deprivation.ts";
export { coverageChart, type CoverageOptions } from "./coverage.ts";
export { coverageHeatmap, type HeatmapOptions } from "./heatmap.ts";
export { COLORS, CLASS_NAME, FONT_SIZE, WIDTH } from "./common.ts";
export { drawChart, type Drawing } from "./draw.ts";
