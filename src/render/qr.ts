/** QR codes (qrcode-generator): the path of the modules, drawn in the browser by src/client/qr.ts. */
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
