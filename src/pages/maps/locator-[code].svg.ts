/**
 * The locator of each province (34 files, the same for both languages): drawn once here and shown with <img> by
 * every page in the province (src/components/Locator.astro), so thousands of pages share 34 small cached files
 * instead of each carrying its own drawing.
 */
import type { APIRoute } from "astro";
import { locatorSvg } from "../../render/locator.ts";
import { boundariesKey } from "../../load/page-key.ts";
import { loadUnits } from "../../load/site-data.ts";

type Props = { code: string };

export function getStaticPaths() {
  const cacheKey = boundariesKey();
  return loadUnits().filter((u) => u.period === "after" && u.level === "province").map((u) => ({ params: { code: u.code }, props: { code: u.code }, cacheKey }));
}

export const GET: APIRoute<Props> = ({ props }) => new Response(locatorSvg(props.code), { headers: { "content-type": "image/svg+xml" } });
