// subset-font ships no types; this is the one call the preview cards make (README of subset-font 2.9).
declare module "subset-font" {
  export default function subsetFont(font: Uint8Array, text: string, options?: { targetFormat?: "sfnt" | "truetype" | "woff" | "woff2" }): Promise<Buffer>;
}
