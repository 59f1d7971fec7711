/**
 * Per-chart downloads, built as static files: every state of every chart as SVG, PNG and CSV (the rows it draws,
 * each with the plan's id, number and citation). Path: /downloads/<locale>/<page>/<chart>.<state>.<ext>
 */
import type { APIRoute } from "astro";
import { allCharts, downloadPath, type ChartSpec, type ChartVariant } from "../../lib/chart-specs.ts";
import { toCsv } from "../../lib/csv.ts";
import { framedChart } from "../../lib/compose-svg.ts";
import { LOCALES, localePath, t, type Locale } from "../../lib/i18n.ts";
import { absoluteUrl } from "../../lib/site-url.ts";
import { svgToPng } from "../../lib/png.ts";
import { serverDocument } from "../../lib/server-dom.ts";
import { loadSiteData } from "../../lib/site-data.ts";

type Props = { spec: ChartSpec; variant: ChartVariant; ext: "csv" | "svg" | "png"; locale: Locale };

export function getStaticPaths() {
  const data = loadSiteData();
  return LOCALES.flatMap((locale) =>
    allCharts(data, locale).flatMap((spec) =>
      spec.variants.flatMap((variant) =>
        (["csv", "svg", "png"] as const).map((ext) => ({
          params: { file: `${downloadPath(locale, spec, variant).replace(/^\/downloads\//, "")}.${ext}` },
          props: { spec, variant, ext, locale },
        })),
      ),
    ),
  );
}

/** The chart framed with its title, source line (plan citations) and the view's URL. */
function svgText(spec: ChartSpec, v: ChartVariant, locale: Locale): string {
  const query = v.when ? `?${v.when.replace(/ /g, "&")}` : "";
  const footer = [
    `${locale === "vi" ? "Nguồn" : "Source"}: ${spec.sources.map((s) => s.text).join("; ")}.`,
    `${t(locale, "site")} · ${absoluteUrl(localePath(locale, spec.page))}${query}#${spec.id}`,
  ];
  return framedChart(v.draw(serverDocument()).outerHTML, spec.title, footer);
}

export const GET: APIRoute<Props> = ({ props }) => {
  const { spec, variant, ext, locale } = props;
  if (ext === "csv") return new Response(toCsv(variant.csv), { headers: { "content-type": "text/csv; charset=utf-8" } });
  const svg = svgText(spec, variant, locale);
  if (ext === "svg") return new Response(svg, { headers: { "content-type": "image/svg+xml" } });
  return new Response(Buffer.from(svgToPng(svg, 1280)), { headers: { "content-type": "image/png" } });
};
