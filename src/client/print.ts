/**
 * The print brief carries the URL and QR code of the current view (with its URL state). The QR code is drawn here,
 * not at build time (it cost 4 ms a page, a tenth of a national build); its library loads once the page is idle,
 * so that the "beforeprint" handler can draw it synchronously, before the browser lays out the printed page.
 * Without JavaScript the brief still prints the page's URL.
 */
type Modules = [typeof import("./qr.ts"), typeof import("./state.ts")];

export function initPrint() {
  const url = document.querySelector<HTMLElement>("[data-print-url]");
  const box = document.querySelector<HTMLElement>("[data-print-qr]");
  if (!url || !box) return;
  let modules: Modules | undefined;
  const load = () => Promise.all([import("./qr.ts"), import("./state.ts")]).then((m) => (modules = m));
  const draw = ([{ qrSvgElement }, { viewQuery }]: Modules) => {
    const href = location.origin + location.pathname + viewQuery();
    url.textContent = href;
    try {
      box.replaceChildren(qrSvgElement(href, 96));
    } catch {
      // A view whose URL does not fit a QR code prints its URL only.
      box.replaceChildren();
    }
  };
  const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
  idle(() => void load());
  addEventListener("beforeprint", () => {
    if (modules) draw(modules);
    else void load().then(draw);
  });
}
