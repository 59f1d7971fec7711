/** inlineJson: data inlined in a page cannot end its script element, and reads back as the same value. */
import { expect, test } from "vitest";
import { inlineJson } from "../../src/render/inline-json.ts";

test("no </script>, no line separators, same value", () => {
  const value = { a: "</script><script>alert(1)</script>", b: "x\u2028y\u2029z", c: "Tỷ lệ & <b>" };
  const s = inlineJson(value);
  expect(s).not.toMatch(/<|>|\u2028|\u2029/);
  expect(JSON.parse(s)).toEqual(value);
});
