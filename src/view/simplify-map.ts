/**
 * Simplification of the provinces' boundaries (topojson-simplify, Visvalingam's effective areas), shared by the data
 * step (the national map's detail) and the site (the locator's coarser detail, from the same published topology).
 * A plain area threshold turns a small island's ring into two points, which draws nothing: the Hoàng Sa and Trường Sa
 * archipelagos are hundreds of such rings and must stay on every map of Vietnam. So each arc keeps its most
 * significant interior point whatever its area, and a closed arc (an island) its two: every ring stays a polygon.
 */
import { presimplify, simplify } from "topojson-simplify";
import { quantize } from "topojson-client";
import type { Objects, Topology } from "topojson-specification";

/** A topology whatever its objects' properties (the provinces carry none). */
export type AnyTopology = Topology<Objects<{}>>;

/** Points of an arc while it is simplified: longitude, latitude, effective area (degrees²). */
type Weighted = [number, number, number];

/**
 * `topology` (quantized or not) without the points whose effective area is under `minArea` (square degrees), every
 * ring kept, quantized again to `quantization` steps across its extent.
 */
export function simplifyKeepingRings(topology: AnyTopology, minArea: number, quantization: number): AnyTopology {
  const pre = presimplify(topology);
  for (const arc of pre.arcs as unknown as Weighted[][]) {
    const first = arc[0], last = arc[arc.length - 1];
    const keep = first[0] === last[0] && first[1] === last[1] ? 2 : 1;
    const interior = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
    for (const p of interior.slice(0, keep)) p[2] = Infinity;
  }
  // simplify() keeps presimplify's bbox, which quantize() needs to place the grid.
  return quantize(simplify(pre, minArea), quantization) as AnyTopology;
}

/** Number of positions in a topology's arcs (what the drawing's weight grows with). */
export function arcPositions(topology: AnyTopology): number {
  return topology.arcs.reduce((n, a) => n + a.length, 0);
}
