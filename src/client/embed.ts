/**
 * On an embed page: tell the embedding page our height so its iframe fits the content (the snippet we hand out
 * listens for this message), and again whenever the content changes size (toggles, details opened, another chart
 * picked by the fragment), smaller too. The page holds all its page's charts, but only the one the fragment picks
 * is laid out (the others are display:none), so the height of the content is the height of the shown chart.
 * The message carries the height and nothing else: the host may be anyone, so it learns nothing of the view.
 */

/** Height of the content itself: the document's scrollHeight never drops below the iframe, so it cannot shrink. */
export function contentHeight(main: HTMLElement): number {
  const style = getComputedStyle(document.body);
  return Math.ceil(main.getBoundingClientRect().bottom + window.scrollY + parseFloat(style.marginBottom) + parseFloat(style.paddingBottom));
}

export function initEmbed() {
  const main = document.querySelector<HTMLElement>("main.bare");
  if (!main || window.parent === window) return;
  // Post to the host's origin when the browser tells it (referrer), else to any: the payload is one number.
  let target = "*";
  try {
    if (document.referrer) target = new URL(document.referrer).origin;
  } catch {
    target = "*";
  }
  let last = 0;
  const post = () => {
    const height = contentHeight(main);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "ppt-embed-height", height }, target);
  };
  new ResizeObserver(post).observe(main);
  post();
}
