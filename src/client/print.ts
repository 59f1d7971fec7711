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
    url.textContent = location.href;
    box.replaceChildren(qrSvgElement(location.href, 96));
  });
}
