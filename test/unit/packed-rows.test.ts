/** Rows packed for a page's JSON islands come back exactly, in the same key order (a CSV's column order). */
import { expect, test } from "vitest";
import { packRows, unpackRows } from "../../src/view/packed-rows.ts";

test("packed rows unpack to the same rows, keys in order, shared values written once", () => {
  const rows = [
    { locality_id: "a", households: 7, rate: 0.69, plan_number: null, source: "Kế hoạch của UBND phường Quảng Minh" },
    { locality_id: "b", households: 19, rate: null, plan_number: null, source: "Kế hoạch của UBND phường Quảng Minh" },
  ];
  const packed = packRows(rows);
  expect(packed.same).toEqual({ plan_number: null, source: "Kế hoạch của UBND phường Quảng Minh" });
  expect(JSON.stringify(packed).match(/Quảng Minh/g)).toHaveLength(1);
  const back = unpackRows(JSON.parse(JSON.stringify(packed)));
  expect(back).toEqual(rows);
  expect(back.map((r) => Object.keys(r))).toEqual(rows.map((r) => Object.keys(r)));
  expect(unpackRows(packRows([]))).toEqual([]);
  expect(unpackRows(packRows([rows[0]!]))).toEqual([rows[0]]);
});
