/** Locality search against the real full names: any order, with or without type words and accents. */
import { expect, test } from "vitest";
import { searchMatches } from "../../src/lib/search-match.ts";

const PRTC = "thành phố Phan Rang – Tháp Chàm, tỉnh Ninh Thuận";
const QM = "phường Quảng Minh, thị xã Việt Yên, tỉnh Bắc Giang";
const LK = "thành phố Long Khánh, tỉnh Đồng Nai";

test.each([
  ["phan rang thap cham", PRTC], ["thap cham phan rang", PRTC], ["Phan Rang – Tháp Chàm", PRTC], ["tp phan rang", PRTC],
  ["phuong quang minh", QM], ["quang minh", QM], ["minh quang", QM], ["QUẢNG MINH viet yen", QM],
  ["tp long khanh", LK], ["thanh pho long khanh", LK], ["long kh", LK],
])("%s finds %s", (q, name) => expect(searchMatches(q, name)).toBe(true));

test.each([["phuong long khanh", LK], ["quang minh", LK]])("%s does not find %s", (q, name) => expect(searchMatches(q, name)).toBe(false));
