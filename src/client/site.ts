/**
 * The only script every page loads: the language switch keeps the current view (query and anchor), the "copy
 * link" buttons copy the URL of the view, and chart marks show their exact figures on pointer or focus.
 */
import { initEmbed } from "./embed.ts";
import { initDownloads } from "./download-buttons.ts";
import { initPrint } from "./print.ts";
import { initState, viewQuery } from "./state.ts";
import { initTooltips } from "./tooltip.ts";

/** Links, citations and embed codes follow the current view (its query string). */
function keepState() {
  for (const a of document.querySelectorAll<HTMLAnchorElement>("a[data-keep-state]")) {
    const [base, hash = ""] = a.getAttribute("href")!.split("#");
    a.href = base.split("?")[0] + viewQuery() + (hash ? `#${hash}` : location.hash);
  }
  for (const fig of document.querySelectorAll<HTMLElement>("figure[data-page-url]")) {
    const view = fig.querySelector("[data-view-url]");
    if (view) view.textContent = `${fig.dataset.pageUrl}${viewQuery()}#${fig.id}`;
    const code = fig.querySelector<HTMLTextAreaElement>("[data-embed-snippet]");
    if (code) code.value = code.value.replace(/src="[^"]*"/, `src="${fig.dataset.embedUrl}${viewQuery()}#${fig.id}"`);
  }
}

/** The URL of the current view, at a chart when `anchor` names one. */
function viewUrl(anchor?: string): string {
  return location.origin + location.pathname + viewQuery() + (anchor ? `#${anchor}` : location.hash);
}

/** Native share where the browser has it (phones): the view's URL and its title. */
function shareButtons() {
  if (!("share" in navigator)) return;
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-share]")) {
    b.hidden = false;
    b.addEventListener("click", () => void navigator.share({ title: b.dataset.title, url: viewUrl(b.dataset.anchor) }).catch(() => undefined));
  }
}

function copyLinks() {
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-copy-link]")) {
    b.hidden = false;
    b.addEventListener("click", async () => {
      const status = b.parentElement?.querySelector<HTMLElement>(".copy-status") ?? null;
      try {
        await navigator.clipboard.writeText(viewUrl(b.dataset.anchor));
        if (status) status.textContent = b.dataset.copied ?? "";
      } catch {
        // Clipboard can be refused (permissions, http); select the URL in a prompt-free way instead.
        if (status) status.textContent = viewUrl(b.dataset.anchor);
      }
    });
  }
}

/** "Copy embed code": the snippet as the textarea shows it (with the current view). */
function copySnippets() {
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-copy-snippet]")) {
    const code = b.parentElement?.querySelector<HTMLTextAreaElement>("[data-embed-snippet]");
    if (!code) continue;
    b.hidden = false;
    b.addEventListener("click", async () => {
      const status = b.parentElement?.querySelector<HTMLElement>(".copy-status") ?? null;
      try {
        await navigator.clipboard.writeText(code.value);
        if (status) status.textContent = b.dataset.copied ?? "";
      } catch {
        code.select();
      }
    });
  }
}

/** "Print brief" buttons: printing needs script, so they show only when it runs. */
function printButtons() {
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-print-brief]")) {
    b.hidden = false;
    b.addEventListener("click", () => print());
  }
}

/** Citations carry the day the reader saw the view (the build cannot know it), in the page's language. */
function accessDates() {
  for (const el of document.querySelectorAll<HTMLElement>("[data-access-date]")) {
    // The catalogue's date style of the page's language (as src/i18n/format.ts uses it at build time).
    const month = el.dataset.month === "2-digit" ? "2-digit" : "short";
    const today = new Intl.DateTimeFormat(el.dataset.intl, { day: month === "2-digit" ? "2-digit" : "numeric", month, year: "numeric" }).format(new Date());
    el.textContent = (el.dataset.template ?? "").replace("{date}", today);
    el.hidden = false;
  }
}

initState(keepState);
shareButtons();
accessDates();
printButtons();
copySnippets();
keepState();
copyLinks();
initTooltips();
initPrint();
initEmbed();
initDownloads();
