/** QR code of a URL as an SVG element, drawn in the browser (meeting mode, print brief). */
import { qrPath } from "../render/qr.ts";

/** Build the QR code of `text` as an <svg> of `size` px, labelled with the text itself. */
export function qrSvgElement(text: string, size = 160): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [k, v] of [["viewBox", `0 0 ${size} ${size}`], ["width", String(size)], ["height", String(size)], ["role", "img"], ["aria-label", text]]) svg.setAttribute(k, v);
  const bg = document.createElementNS(ns, "rect");
  bg.setAttribute("width", "100%");
  bg.setAttribute("height", "100%");
  bg.setAttribute("fill", "#fff");
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", qrPath(text, size));
  path.setAttribute("fill", "#000");
  svg.append(bg, path);
  return svg;
}
