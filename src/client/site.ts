/**
 * The only script every page loads: the language switch keeps the current view (query and anchor), the "copy
 * link" buttons copy the URL of the view, and chart marks show their exact figures on pointer or focus.
 */
import { initState } from "./state.ts";
import { initTooltips } from "./tooltip.ts";

function keepState() {
  for (const a of document.querySelectorAll<HTMLAnchorElement>("a[data-keep-state]")) {
    const base = a.getAttribute("href")!.split(/[?#]/)[0];
    a.href = base + location.search + location.hash;
  }
}

function copyLinks() {
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-copy-link]")) {
    b.hidden = false;
    b.addEventListener("click", async () => {
      const status = b.nextElementSibling as HTMLElement | null;
      try {
        await navigator.clipboard.writeText(location.href);
        if (status) status.textContent = b.dataset.copied ?? "";
      } catch {
        // Clipboard can be refused (permissions, http); select the URL in a prompt-free way instead.
        if (status) status.textContent = location.href;
      }
    });
  }
}

initState(keepState);
keepState();
copyLinks();
initTooltips();
