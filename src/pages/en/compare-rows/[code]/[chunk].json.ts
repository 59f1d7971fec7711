/** A run of a province's plans with their rows on its compare page, fetched when a reader picks one (src/lib/compare-rows.ts). */
import type { APIRoute } from "astro";
import { compareRowsFile, compareRowsRoutes } from "../../../../lib/compare-rows.ts";

export const getStaticPaths = () => compareRowsRoutes();
export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(compareRowsFile("en", props.code, props.chunk)), { headers: { "Content-Type": "application/json" } });
