/**
 * No markup from data reaches a built SVG: a name holding tags, drawn by the real chart functions on the server DOM,
 * framed as the download and preview files are, must come out as text. Each file is read back with a strict XML parser
 * (sax), as a browser reads a standalone SVG, and every element must be one the charts draw.
 */
import sax from "sax";
import { describe, expect, test } from "vitest";
import { groupBarsChart } from "../../src/charts/index.ts";
import { svgHtml } from "../../src/render/chart-html.ts";
import { framedChart, previewCard } from "../../src/render/compose-svg.ts";
import { svgToPng } from "../../src/render/png.ts";
import { serverDocument } from "../../src/render/server-dom.ts";
import type { GroupBarRow } from "../../src/view/view.ts";
import { escapeAttr, serialize } from "../../src/render/xml.ts";

const HOSTILE = [
  "Kẽ ><_:script xmlns:_='http://www.w3.org/2000/svg'>alert(document.domain)</_:script>",
  'Đông "><script>alert(1)</script>',
  "Hạ & <![CDATA[x]]> <!-- c --> <svg onload=alert(1)>",
];
/** Elements the charts and the frames draw. */
const ALLOWED = new Set(["svg", "g", "rect", "text", "tspan", "title", "line", "path", "style", "circle", "defs", "clipPath", "use"]);

/** Elements and texts of `xml` read as a standalone XML document; throws on anything not well-formed. */
function readXml(xml: string): { elements: string[]; text: string; attrs: string[] } {
  const parser = sax.parser(true, { xmlns: false });
  const elements: string[] = [], attrs: string[] = [];
  let text = "";
  parser.onerror = (e) => { throw e; };
  parser.onopentag = (n) => {
    elements.push(n.name);
    for (const [k, v] of Object.entries(n.attributes)) attrs.push(`${k}=${String(v)}`);
  };
  parser.ontext = (t) => { text += t; };
  parser.oncdata = () => { throw new Error("CDATA section in output"); };
  parser.write(xml).close();
  return { elements, text, attrs };
}

const rows = (name: string): GroupBarRow[] => (["baseline", "exit", "target"] as const).map((series, i) => ({
  locality_id: "x/y", name, measure: "poor", series, households: 10 - i, rate: null, date: "2024-12-31", ref: `r-${i}`,
}));

describe("markup from data stays text in every SVG file", () => {
  test("attribute values escape & < > \" and line breaks; text escapes & < >", () => {
    const doc = serverDocument();
    const g = doc.createElementNS("http://www.w3.org/2000/svg", "g");
    g.setAttribute("aria-label", HOSTILE[0]);
    g.appendChild(doc.createTextNode("a < b & c > d"));
    expect(serialize(g)).toBe(`<g aria-label="${escapeAttr(HOSTILE[0])}">a &lt; b &amp; c &gt; d</g>`);
    expect(escapeAttr(`<"&>\n`)).toBe("&lt;&quot;&amp;&gt;&#10;");
  });

  for (const name of HOSTILE) {
    test(`a group named ${JSON.stringify(name.slice(0, 24))}…: page, download and preview SVG hold it as text only`, async () => {
      const svg = svgHtml(groupBarsChart(rows(name), { document: serverDocument(), locale: "vi" }));
      const download = framedChart(svg.file, `Biểu đồ ${name}`, [`Nguồn: ${name}`]);
      const card = previewCard({ site: "Site", title: name, subtitle: name, figures: [{ value: "17", label: name }], chartSvg: svg.file, footer: name });
      for (const file of [svg.page, download, card]) {
        const read = readXml(file);
        expect(read.elements.filter((e) => !ALLOWED.has(e))).toEqual([]);
        // The name is there, as the reader should see it.
        expect(read.text).toContain(name);
        expect(read.attrs.filter((a) => /^on/i.test(a))).toEqual([]);
      }
      // The page's tooltips carry it in an attribute, unchanged once read back.
      expect(readXml(svg.page).attrs.some((a) => a.startsWith("data-tip=") && a.includes(name))).toBe(true);
      // resvg reads SVG as strict XML too: the preview renders.
      const png = await svgToPng(card);
      expect(Buffer.from(png).subarray(1, 4).toString()).toBe("PNG");
    });
  }
});
