/**
 * Tooltips for chart marks: the build puts the exact figures, in the reader's language, in each mark's <title>
 * (native tooltips work without this script); this shows them at once, on pointer and on keyboard focus.
 */

/**
 * Let the keyboard reach a chart's figures: one Tab stop per distinct tooltip (a dot and its label share one),
 * named by its figures. The chart stops being one image for assistive technology (its parts have names now) and
 * becomes a group with the same name.
 */
export function focusableMarks(root: ParentNode = document) {
  for (const svg of root.querySelectorAll<SVGSVGElement>("figure.chart .plot svg")) {
    if (svg.dataset.marks !== undefined) continue;
    svg.dataset.marks = "";
    const seen = new Set<string>();
    for (const el of svg.querySelectorAll<SVGElement>("[data-tip]")) {
      const tip = el.getAttribute("data-tip")!;
      if (seen.has(tip)) continue;
      seen.add(tip);
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "img");
      el.setAttribute("aria-label", tip);
    }
    if (seen.size) svg.setAttribute("role", "group");
  }
}

let marksReady = false;

/**
 * Tab stops are set up when the keyboard is first used (the Tab key's keydown comes before focus moves, so the first
 * Tab already reaches them), not at load: walking every mark of a page at load was part of its blocking time.
 */
function marksOnDemand() {
  if (marksReady) return;
  marksReady = true;
  focusableMarks();
}

/** A chart drawn after load (another state, drawn in the browser) gets its Tab stops if the keyboard is in use. */
export function newChartDrawn(root: ParentNode) {
  if (marksReady) focusableMarks(root);
}

export function initTooltips() {
  // The live region exists from the start: one added together with its text may not be announced.
  const tip = document.createElement("div");
  tip.className = "tip";
  tip.setAttribute("role", "status");
  tip.hidden = true;
  document.body.append(tip);
  const show = (e: Event) => {
    const el = (e.target as Element).closest?.("figure.chart svg [data-tip]");
    if (!el) return void (tip.hidden = true);
    tip.textContent = el.getAttribute("data-tip");
    const r = el.getBoundingClientRect();
    tip.style.left = `${Math.max(scrollX, Math.min(scrollX + r.left, scrollX + innerWidth - 360))}px`;
    tip.style.top = `${scrollY + r.bottom + 6}px`;
    tip.hidden = false;
  };
  document.addEventListener("pointerover", show);
  document.addEventListener("focusin", (e) => {
    marksOnDemand();
    show(e);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Tab") marksOnDemand();
    if (e.key === "Escape") tip.hidden = true;
  });
}
