/** A plan's rows on its province's compare page, fetched when a reader picks it (src/lib/compare-rows.ts). */
import type { APIRoute } from "astro";
import { compareRows, compareRowsRoutes } from "../../lib/compare-rows.ts";

export const getStaticPaths = () => compareRowsRoutes();
export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(compareRows("vi", props.code, props.plan)), { headers: { "Content-Type": "application/json" } });
