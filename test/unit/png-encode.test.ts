// The cards' PNG encoder: its files must read back, pixel for pixel, in another PNG reader (resvg's, from the png
// crate), and an image it cannot hold is refused rather than written wrong.
import { Resvg } from "@resvg/resvg-js";
import { expect, test } from "vitest";
import { encodeOpaquePng } from "../../src/render/png-encode.ts";
import { FONTS } from "../../src/render/png.ts";

const draw = (svg: string) => new Resvg(svg, { background: "white", fitTo: { mode: "original" }, font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: "Noto Sans" } }).render();

test("a drawn card's pixels come back unchanged from its PNG", () => {
  const image = draw(`<svg xmlns="http://www.w3.org/2000/svg" width="301" height="157"><rect x="10" y="10" width="120" height="40" fill="#1d4e89"/><text x="20" y="120" font-size="28" fill="#b42318">Hộ nghèo 17 / 2 991</text></svg>`);
  const pixels = image.pixels;
  const png = encodeOpaquePng(pixels, image.width, image.height)!;
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const back = draw(`<svg xmlns="http://www.w3.org/2000/svg" width="301" height="157"><image width="301" height="157" href="data:image/png;base64,${png.toString("base64")}"/></svg>`);
  expect([back.width, back.height]).toEqual([301, 157]);
  const again = back.pixels;
  let differ = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i] !== again[i]) differ++;
  expect(differ).toBe(0);
  // Not a blank image: the text and the bar are there.
  expect(new Set(pixels).size).toBeGreaterThan(20);
});

test("an image with a transparent pixel, or pixels of the wrong size, is refused", () => {
  const rgba = new Uint8Array(4 * 3 * 2).fill(255);
  expect(encodeOpaquePng(rgba, 3, 2)).toBeInstanceOf(Buffer);
  rgba[4 * 4 + 3] = 0;
  expect(encodeOpaquePng(rgba, 3, 2)).toBeUndefined();
  expect(() => encodeOpaquePng(rgba, 4, 2)).toThrow(/32 bytes|24 bytes/);
});
