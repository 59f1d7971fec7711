import { describe, expect, test } from "vitest";
import { canonicalQuery, compareState, LocalityState, OverviewState, parseState } from "../../src/view/url-state.ts";

describe("URL state from hostile query strings", () => {
  const hostile = ["?group=<script>alert(1)</script>", "?group=javascript:alert(1)", `?sort=${"x".repeat(5000)}`, "?group=%ED%A0%80", "?group=ｐｏｏｒ", "?__proto__[x]=1", "?group=constructor"];
  test.each(hostile)("%s parses to the defaults", (q) => {
    expect(parseState(LocalityState, q)).toEqual(LocalityState.parse({}));
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test("a repeated parameter uses its first value", () => {
    expect(parseState(LocalityState, "?group=near_poor&group=poor")).toMatchObject({ group: "near_poor" });
    expect(parseState(LocalityState, "?group=<x>&group=near_poor")).toMatchObject({ group: "poor" });
  });
});

describe("canonicalQuery", () => {
  test("keeps only known parameters with valid, non-default values, in a fixed order", () => {
    expect(canonicalQuery([LocalityState], "?utm=1&sort=target&group=near_poor&x=<script>")).toBe("?group=near_poor&sort=target");
    expect(canonicalQuery([LocalityState], "?group=<script>&sort=name")).toBe("");
    expect(canonicalQuery([LocalityState], `?sort=exit&group=${"x".repeat(9000)}`)).toBe("?sort=exit");
    expect(canonicalQuery([OverviewState, LocalityState], "?measure=near_poor&group=near_poor")).toBe("?measure=near_poor&group=near_poor");
  });

  test("lists stay readable and valid", () => {
    const Compare = compareState(["a-2024", "b-2024", "c-2024"], ["poverty_rate", "coverage_clean_water"]);
    expect(canonicalQuery([Compare], "?plans=b-2024,a-2024&indicator=coverage_clean_water")).toBe("?plans=b-2024,a-2024&indicator=coverage_clean_water");
    expect(canonicalQuery([Compare], "?plans=b-2024,<script>")).toBe("");
  });

  test("a compare page picks its first eight plans by default, and a link names any other pick", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `p${i}-2024`) as [string, ...string[]];
    const Compare = compareState(ids, ["poverty_rate"]);
    expect(Compare.parse({}).plans).toEqual(ids.slice(0, 8));
    expect(canonicalQuery([Compare], `?plans=${ids.slice(0, 8).join(",")}`)).toBe("");
    expect(parseState(Compare, "?plans=p19-2024,p3-2024").plans).toEqual(["p19-2024", "p3-2024"]);
    expect(canonicalQuery([Compare], "?plans=p19-2024")).toBe("?plans=p19-2024");
  });
});
