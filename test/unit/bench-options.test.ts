/**
 * bench:scale runs for up to an hour; its options are checked before anything runs, so a typo fails at once with the
 * option named, instead of killing every step (a timeout of NaN) or surfacing after the last size.
 */
import { expect, test } from "vitest";
import { parseOptions } from "../../bench/scale.ts";

test("the options as given, and the defaults", () => {
  expect(parseOptions(["--sizes=0.2,5", "--timeout=1200", "--build-max=5", "--floor=2000,20000", "--skip-routes=search,compare-rows", "--keep"])).toEqual({
    sizes: [0.2, 5], timeout: 1200, buildMax: 5, keep: true, dataOnly: false, skipRoutes: ["search", "compare-rows"], floorCounts: [2000, 20000],
  });
  expect(parseOptions([])).toEqual({ sizes: [1, 5, 20, 50, 100], timeout: 600, buildMax: Infinity, keep: false, dataOnly: false, skipRoutes: [], floorCounts: undefined });
});

test.each([
  [["--timeout=abc"], '--timeout=abc: "abc" is not a number of seconds above 0'],
  [["--sizes=5,x"], '--sizes=5,x: "x" is not a percent of the country above 0 and at most 100'],
  [["--sizes=101"], '--sizes=101: "101" is not a percent'],
  [["--build-max=-1"], '--build-max=-1: "-1" is not a percent of at least 0'],
  [["--floor=2000"], "--floor=2000: needs at least two different totals"],
  [["--floor=20,1.5"], '--floor=20,1.5: "1.5" is not a whole number of routes'],
  [["--skip-routes=nope"], "--skip-routes: src/pages/nope does not exist"],
  [["--size=5"], "Unknown option '--size'"],
])("%j is refused: %s", (argv, message) => {
  expect(() => parseOptions(argv)).toThrow(message);
});
