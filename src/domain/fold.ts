/** Text folding used to match quotes against sources and to search names without accents. */

/** NFC and every run of whitespace folded to one space, trimmed: how quotes are compared with sources. */
export function foldSpace(s: string): string {
  return s.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Lower-case, diacritics removed (đ → d), whitespace folded: "Phan Rang – Tháp Chàm" → "phan rang - thap cham". */
export function foldAccents(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[–—]/g, "-")
    .replace(/\s+/gu, " ")
    .trim();
}
