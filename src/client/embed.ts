/**
 * On an embed page: tell the embedding page our height so its iframe fits the content (the snippet we hand out
 * listens for this message), and again whenever the content changes size (toggles, details opened).
 */
export function initEmbed() {
  if (!document.querySelector("main.bare") || window.parent === window) return;
  const post = () => window.parent.postMessage({ type: "ppt-embed-height", height: Math.ceil(document.documentElement.scrollHeight), href: location.href }, "*");
  new ResizeObserver(post).observe(document.body);
  post();
}
