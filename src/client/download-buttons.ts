/**
 * The download buttons of every chart (first load, so kept to a few lines): shown once script runs, since the files
 * are made in the browser; a click loads downloads.ts, which makes the file. A CSV link whose address a page script
 * already set to a file of its own (the compare page's picked plans) downloads that file as it is.
 */
export function initDownloads() {
  for (const p of document.querySelectorAll<HTMLElement>("p.downloads[hidden]")) p.hidden = false;
  document.addEventListener("click", (e) => {
    const control = (e.target as Element).closest?.<HTMLElement>("[data-download]");
    if (!control || (control instanceof HTMLAnchorElement && control.href.startsWith("blob:"))) return;
    e.preventDefault();
    void import("./downloads.ts").then(({ download }) => download(control));
  });
}
