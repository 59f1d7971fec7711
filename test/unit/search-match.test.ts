/** Locality search against the real full names: any order, with or without type words and accents. */
import { expect, test } from "vitest";
import { searchMatches } from "../../src/view/search-match.ts";

const PRTC = { name: "Phan Rang – Tháp Chàm", type: "thành phố", parents: "tỉnh Ninh Thuận" };
const QM = { name: "Quảng Minh", type: "phường", parents: "thị xã Việt Yên, tỉnh Bắc Giang" };
const LK = { name: "Long Khánh", type: "thành phố", parents: "tỉnh Đồng Nai" };
const PM = { name: "Phổ Minh", type: "phường", parents: "thị xã Đức Phổ, tỉnh Quảng Ngãi" };

test.each([
  ["phan rang thap cham", PRTC], ["thap cham phan rang", PRTC], ["Phan Rang – Tháp Chàm", PRTC], ["tp phan rang", PRTC],
  ["phuong quang minh", QM], ["quang minh", QM], ["minh quang", QM], ["QUẢNG MINH viet yen", QM],
  ["tp long khanh", LK], ["thanh pho long khanh", LK], ["long kh", LK],
])("%s finds %o", (q, unit) => expect(searchMatches(q, unit)).toBe(true));

test.each([["phuong long khanh", LK], ["quang minh", LK], ["quang minh", PM], ["viet yen", QM]])("%s does not find %o", (q, unit) => expect(searchMatches(q, unit)).toBe(false));
