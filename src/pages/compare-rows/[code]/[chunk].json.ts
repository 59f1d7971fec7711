/** A run of a province's plans with their rows on its compare page, fetched when a reader picks one (src/view/compare-rows.ts). */
import type { APIRoute } from "astro";
import { compareRowsFile, compareRowsRoutes } from "../../../view/compare-rows.ts";

export const getStaticPaths = () => compareRowsRoutes();
export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(compareRowsFile("vi", props.code, props.chunk)), { headers: { "Content-Type": "application/json" } });
