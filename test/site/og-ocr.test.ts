/**
 * Link-preview cards read back as a person reads them: tesseract (Debian's tesseract-ocr with its Vietnamese data)
 * reads every built card (dist/og, `npm test` builds first). Vietnamese marks stay stacked ("Tỷ lệ hộ nghèo", never
 * "Tỷ lẹ họ"), English cards carry no Vietnamese subtitle, no card is left without a figure.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";

const DIST = join(new URL("../../", import.meta.url).pathname, "dist", "og");
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".png") ? [join(dir, e.name)] : []));
const ocr = (file: string, lang: string) => execFileSync("tesseract", [file, "-", "-l", lang], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).normalize("NFC");

describe("link-preview cards", () => {
  const cards = files(DIST);
  test("every locality has a card in each language", () => expect(cards.length).toBeGreaterThanOrEqual(26));

  test("the Quảng Minh and Thanh Liêm cards read “Tỷ lệ hộ nghèo” with every mark", () => {
    for (const f of ["vi/localities/bac-giang/viet-yen/quang-minh.png", "vi/localities/ha-nam/thanh-liem.png"]) {
      const text = ocr(join(DIST, f), "vie");
      expect(text, f).toContain("Tỷ lệ hộ nghèo");
      expect(text, f).toContain("Hộ nghèo");
    }
  });

  for (const file of cards.filter((f) => f.includes("/vi/"))) {
    test(`${relative(DIST, file)}: no mark lost under a dot`, () => {
      const text = ocr(file, "vie");
      // "lẹ", "họ", "hẹ" are not words of these cards: they are "lệ", "hộ" with the circumflex lost.
      expect(text).not.toMatch(/(?<!\p{L})(lẹ|họ|hẹ)(?!\p{L})/u);
    });
  }

  test("province cards name the plans the dataset holds in the province, with their key figure", () => {
    const bg = ocr(join(DIST, "vi/localities/bac-giang.png"), "vie");
    expect(bg).toContain("Tỉnh Bắc Giang");
    expect(bg).toContain("1 kế hoạch giảm nghèo trong dữ liệu");
    expect(bg).toMatch(/0,57% . 0,43%/);
    expect(bg).toContain("Phường Quảng Minh: Tỷ lệ hộ nghèo");
    expect(bg).toContain("phường Quảng Minh");
    const dn = ocr(join(DIST, "en/localities/dong-nai.png"), "eng+vie");
    expect(dn).toContain("Đồng Nai province");
    expect(dn).toMatch(/[−-]35%/);
    // eng+vie reads the English card with the English model first, which drops the accent of "Khánh".
    expect(dn).toMatch(/Long Kh[áa]nh city: Poor households/);
    expect(dn).toContain("Plan no. 498/KH-UBND");
  });

  test("English cards are in English: the Quảng Minh card's subtitle names its town and province in English", () => {
    const text = ocr(join(DIST, "en/localities/bac-giang/viet-yen/quang-minh.png"), "eng+vie");
    expect(text).toMatch(/town, Bắc Giang province|town, Bac Giang province/);
    expect(text).not.toContain("thị xã");
  });
});
