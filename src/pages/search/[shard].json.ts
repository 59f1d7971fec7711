/** The search index of every unit, one small file per two first letters (src/view/search-index.ts). */
import type { APIRoute } from "astro";
import { searchShardRoutes } from "../../view/search-routes.ts";

export const getStaticPaths = () => searchShardRoutes("vi");
export const GET: APIRoute = ({ props }) => new Response(JSON.stringify(props.entries), { headers: { "Content-Type": "application/json" } });
