/** Meeting mode: arrow keys and the ← → buttons step through slides by changing the slide control (URL state). */
const select = document.querySelector<HTMLSelectElement>('select[data-param="slide"]');
if (select) {
  const step = (d: number) => {
    const next = Math.min(select.options.length, Math.max(1, Number(select.value) + d));
    if (String(next) === select.value) return;
    select.value = String(next);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  };
  document.addEventListener("keydown", (e) => {
    const tag = (e.target as HTMLElement).tagName;
    if (tag === "SELECT" || tag === "INPUT" || tag === "TEXTAREA" || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") step(1);
    else if (e.key === "ArrowLeft" || e.key === "PageUp") step(-1);
    else if (e.key === "Home") step(-99);
    else if (e.key === "End") step(99);
    else return;
    e.preventDefault();
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-step]")) b.addEventListener("click", () => step(Number(b.dataset.step)));
}
