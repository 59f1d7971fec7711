/** QR codes (qrcode-generator): the path is computed here for both the build (SVG text) and the browser (elements). */
import qrcode from "qrcode-generator";

/** SVG path data of the QR code of `text` in a `size` px square with a 4-module quiet zone. */
export function qrPath(text: string, size: number): string {
  const qr = qrcode(0, "M");
  qr.addData(text, "Byte");
  qr.make();
  const n = qr.getModuleCount();
  const cell = (size / (n + 8)).toFixed(2);
  const at = (i: number) => (((i + 4) * size) / (n + 8)).toFixed(2);
  let d = "";
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${at(c)} ${at(r)}h${cell}v${cell}h-${cell}z`;
  return d;
}

/** An SVG QR code of `text`, `size` px square, with an accessible label. */
export function qrSvg(text: string, label: string, size = 160): string {
  const esc = label.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="${esc}"><rect width="100%" height="100%" fill="#fff"/><path d="${qrPath(text, size)}" fill="#000"/></svg>`;
}
