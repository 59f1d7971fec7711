/**
 * Before printing a locality page, the brief's URL and QR code switch to the current view (with its URL state);
 * the QR library loads only then, so it costs nothing on a normal visit.
 */
export function initPrint() {
  const url = document.querySelector<HTMLElement>("[data-print-url]");
  const box = document.querySelector<HTMLElement>("[data-print-qr]");
  if (!url || !box) return;
  addEventListener("beforeprint", async () => {
    const { qrSvgElement } = await import("./qr.ts");
    const { viewQuery } = await import("./state.ts");
    const href = location.origin + location.pathname + viewQuery();
    url.textContent = href;
    try {
      box.replaceChildren(qrSvgElement(href, 96));
    } catch {
      // keep the QR code of the page drawn at build time
    }
  });
}
