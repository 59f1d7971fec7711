/**
 * The site's public origin, for absolute URLs in citations, link previews and QR codes. Set SITE_URL when building
 * for deployment; the default is the local preview server.
 */
export const SITE_URL = (process.env.SITE_URL ?? "http://127.0.0.1:4321").replace(/\/+$/, "");

/** Absolute URL of a site path. */
export function absoluteUrl(path: string): string {
  return `${SITE_URL}${path.startsWith("/") ? path : `/${path}`}`;
}
