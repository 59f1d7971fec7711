/** Meeting mode: arrow keys and the ← → buttons step through slides by changing the slide control (URL state). */
const select = document.querySelector<HTMLSelectElement>('select[data-param="slide"]');
if (select) {
  const step = (d: number) => {
    const next = Math.min(select.options.length, Math.max(1, Number(select.value) + d));
    if (String(next) === select.value) return;
    select.value = String(next);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };
  // Capture phase: after a click on a radio, button or the slide list, → must still change slides, not the control.
  document.addEventListener("keydown", (e) => {
    const el = e.target as HTMLElement;
    const typing = el.tagName === "TEXTAREA" || (el instanceof HTMLInputElement && !["radio", "checkbox", "button"].includes(el.type));
    if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === " " && (el.tagName === "BUTTON" || el.tagName === "SELECT" || el instanceof HTMLInputElement || el.tagName === "A" || el.tagName === "SUMMARY")) return;
    if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") step(1);
    else if (e.key === "ArrowLeft" || e.key === "PageUp") step(-1);
    else if (e.key === "Home") step(-99);
    else if (e.key === "End") step(99);
    else return;
    e.preventDefault();
    e.stopPropagation();
  }, true);
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-step]")) b.addEventListener("click", () => step(Number(b.dataset.step)));
}
