/**
 * The build draws charts in linkedom, patched (scripts/patches/) to create a node's listener map only when a listener
 * is added: one map per node and per attribute was a sixth of a build's time and memory. Events must still work.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { serverDocument } from "../../src/render/server-dom.ts";
import { ROOT } from "../data/helpers.ts";

describe("server document", () => {
  test("runs the patched linkedom: no listener map in the EventTarget constructor", () => {
    for (const flavour of ["esm", "cjs"]) {
      const src = readFileSync(join(ROOT, "node_modules", "linkedom", flavour, "interface", "event-target.js"), "utf8");
      expect(src, `${flavour}: run npm ci (postinstall applies scripts/patches)`).toContain("if (!map) wm.set(this, map = new Map);");
      expect(src).not.toMatch(/constructor\(\) \{\s*wm\.set/);
    }
  });

  test("dispatches to listeners, once and bubbling, and removes them", () => {
    const document = serverDocument();
    const outer = document.createElement("div");
    const inner = document.createElement("span");
    outer.append(inner);
    const seen: string[] = [];
    const onInner = () => seen.push("inner");
    inner.addEventListener("ping", onInner);
    inner.addEventListener("ping", () => seen.push("once"), { once: true });
    outer.addEventListener("ping", (e) => seen.push(`outer:${(e.target as Element).nodeName.toLowerCase()}`));
    inner.dispatchEvent(new document.defaultView!.Event("ping", { bubbles: true }));
    inner.dispatchEvent(new document.defaultView!.Event("ping", { bubbles: true }));
    inner.removeEventListener("ping", onInner);
    inner.dispatchEvent(new document.defaultView!.Event("ping", { bubbles: true }));
    expect(seen).toEqual(["inner", "once", "outer:span", "inner", "outer:span", "outer:span"]);
  });

  test("lets a node that never had a listener dispatch and remove without error", () => {
    const document = serverDocument();
    const el = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    el.setAttribute("r", "4");
    expect(() => el.removeEventListener("click", () => {})).not.toThrow();
    expect(el.dispatchEvent(new document.defaultView!.Event("click"))).toBe(true);
    expect(el.getAttributeNode("r")!.value).toBe("4");
  });
});
