/**
 * Tooltips for chart marks: the build puts the exact figures, in the reader's language, in each mark's <title>
 * (native tooltips work without this script); this shows them at once, on pointer and on keyboard focus.
 */
export function initTooltips() {
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
    tip.style.left = `${Math.min(scrollX + r.left, scrollX + innerWidth - 360)}px`;
    tip.style.top = `${scrollY + r.bottom + 6}px`;
    tip.hidden = false;
  };
  document.addEventListener("pointerover", show);
  document.addEventListener("focusin", show);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") tip.hidden = true;
  });
}
