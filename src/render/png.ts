/**
 * SVG → PNG at build time with resvg, using Noto Sans shipped from npm (it covers Vietnamese), never system fonts,
 * so diacritics render the same on every machine.
 */
import { createRequire } from "node:module";
import { renderAsync } from "@resvg/resvg-js";
import { encodeOpaquePng } from "./png-encode.ts";

const require = createRequire(import.meta.url);
/** The fonts every card is drawn with (full files; scripts/lib/card-fonts.ts makes lighter subsets of them). */
export const FONTS = [
  require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  // Noto Sans has no → or ≈; Noto Sans Math fills the gaps. A text line that needs it is shaped without the
  // stacking of Vietnamese marks, so lines with Vietnamese words keep to Noto Sans's glyphs (see preview-cards.ts).
  require.resolve("@expo-google-fonts/noto-sans-math/400Regular/NotoSansMath_400Regular.ttf"),
];

/**
 * Render SVG markup to PNG bytes at its own size, with `fonts` (the same three faces, in FONTS's order). Asynchronous:
 * resvg draws on libuv's thread pool, so several images can be drawn at once.
 */
export async function svgToPng(svg: string, fonts: readonly string[] = FONTS): Promise<Uint8Array> {
  const text = svg.replace(/font-family="[^"]*"/g, 'font-family="Noto Sans, Noto Sans Math"');
  const image = await renderAsync(text, {
    background: "white",
    fitTo: { mode: "original" },
    font: { fontFiles: [...fonts], loadSystemFonts: false, defaultFontFamily: "Noto Sans", sansSerifFamily: "Noto Sans" },
  });
  // The cards are drawn on a white background, so always opaque: resvg's own encoder is the fallback.
  return encodeOpaquePng(image.pixels, image.width, image.height) ?? image.asPng();
}
