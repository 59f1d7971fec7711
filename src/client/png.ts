/**
 * PNG downloads are drawn here, in the reader's browser, from the chart's framed SVG (same title, chart and source
 * line). Building a PNG for every state of every chart at build time cost three quarters of the build and does not
 * scale to a national site.
 */
const WIDTH = 1280;

/** Rasterise the SVG at `svgUrl` 1280 px wide on white and save it as `file`. */
export async function savePng(svgUrl: string, file: string) {
  const img = new Image();
  img.src = svgUrl;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH;
  canvas.height = Math.round((img.naturalHeight * WIDTH) / img.naturalWidth);
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) return;
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
