/**
 * Per-chart downloads, built as static files: every state of every chart as SVG and CSV (the rows it draws,
 * each with the plan's id, number and citation). Path: /downloads/<locale>/<page>/<chart>.<state>.<ext>
 * PNGs are drawn from the SVG in the reader's browser (src/client/png.ts): at build time they did not scale.
 */
import type { APIRoute } from "astro";
import { chartOf, chartRoutes, variantKey, type ChartSpec, type ChartVariant } from "../../lib/chart-specs.ts";
import { toCsv } from "../../lib/csv.ts";
import { withBom } from "../../lib/csv-bom.ts";
import { framedChart } from "../../lib/compose-svg.ts";
import { LOCALES, localePath, t, type Locale } from "../../lib/i18n.ts";
import { absoluteUrl } from "../../lib/site-url.ts";
import { drawnSvg } from "../../lib/drawn.ts";
import { loadSiteData } from "../../lib/site-data.ts";

type Props = { page: string; chart: string; variant: string; ext: "csv" | "svg"; locale: Locale };

export function getStaticPaths() {
  const data = loadSiteData();
  return LOCALES.flatMap((locale) =>
    chartRoutes(data, locale).flatMap((r) =>
      r.variants.flatMap((v) =>
        (["csv", "svg"] as const).map((ext) => ({
          params: { file: `${v.download.replace(/^\/downloads\//, "")}.${ext}` },
          props: { page: r.page, chart: r.chart, variant: v.key, ext, locale },
        })),
      ),
    ),
  );
}

/** The chart framed with its title, source line (plan citations) and the view's URL. */
function svgText(spec: ChartSpec, v: ChartVariant, locale: Locale): string {
  const query = v.when ? `?${v.when.replace(/ /g, "&")}` : "";
  const footer = [
    t(locale, "source_line", { sources: spec.sources.map((s) => s.text).join("; ") }),
    `${t(locale, "site")} · ${absoluteUrl(localePath(locale, spec.page))}${query}#${spec.id}`,
  ];
  const chart = drawnSvg(loadSiteData(), locale, spec, v, "file");
  return framedChart(chart, spec.title, footer);
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { page, chart, variant, ext, locale } = props;
  const spec = chartOf(loadSiteData(), locale, page, chart);
  const v = spec.variants.find((x) => variantKey(x) === variant)!;
  if (ext === "csv") return new Response(withBom(toCsv(v.csv)), { headers: { "content-type": "text/csv; charset=utf-8" } });
  return new Response(svgText(spec, v, locale), { headers: { "content-type": "image/svg+xml" } });
};
