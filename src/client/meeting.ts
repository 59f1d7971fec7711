/**
 * Meeting mode: the locality page at #meeting (slide 1) or #meeting-<n> shows one slide at a time in projector
 * sizes, by CSS alone (src/styles/meeting.css). This module, loaded only once the mode is entered, adds what needs
 * a script: arrow keys and the ← → buttons step through the slides, and a QR code of the current view (query and
 * slide) lets people in the room open the same thing on their phones.
 */
import { viewQuery } from "./state.ts";

const slides = () => [...document.querySelectorAll<HTMLElement>("main > .slide")];
const current = () => slides().findIndex((s) => `#${s.id}` === location.hash);

/** Go to slide `i` (0-based, clamped): a fragment change, so back and forward step through slides as well. */
function go(i: number) {
  const all = slides();
  const next = all[Math.min(all.length - 1, Math.max(0, i))];
  if (next && `#${next.id}` !== location.hash) location.hash = next.id;
}

/** The QR code of the current view, drawn lazily (its library is not part of the page's first load). */
function drawQr() {
  const box = document.querySelector<HTMLElement>("[data-meeting-qr]");
  if (!box) return;
  // Only the canonical view goes into the code: a hostile or very long query cannot overflow it.
  const url = location.origin + location.pathname + viewQuery() + location.hash;
  void import("./qr.ts").then(({ qrSvgElement }) => {
    try {
      box.replaceChildren(qrSvgElement(url, 200));
    } catch {
      box.replaceChildren();
    }
  });
}

/** Where the slide is shown: the pager's current link and the ← → buttons. */
function mark() {
  const i = current();
  for (const a of document.querySelectorAll<HTMLAnchorElement>(".meeting-bar a[data-slide]")) {
    if (Number(a.dataset.slide) === i + 1) a.setAttribute("aria-current", "step");
    else a.removeAttribute("aria-current");
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-step]")) {
    b.disabled = (b.dataset.step === "-1" && i <= 0) || (b.dataset.step === "1" && i >= slides().length - 1);
  }
}

function onKey(e: KeyboardEvent) {
  if (current() < 0) return;
  const el = e.target as HTMLElement;
  const typing = el.tagName === "TEXTAREA" || (el instanceof HTMLInputElement && !["radio", "checkbox", "button"].includes(el.type));
  if (typing || e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.key === " " && (el.tagName === "BUTTON" || el.tagName === "SELECT" || el instanceof HTMLInputElement || el.tagName === "A" || el.tagName === "SUMMARY")) return;
  const i = current();
  if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") go(i + 1);
  else if (e.key === "ArrowLeft" || e.key === "PageUp") go(i - 1);
  else if (e.key === "Home") go(0);
  else if (e.key === "End") go(slides().length - 1);
  else return;
  e.preventDefault();
  e.stopPropagation();
}

let wired = false;

/** Enter meeting mode (idempotent): a slide number past the deck shows its last slide, then keys and QR code. */
export function enterMeeting() {
  const n = /^#meeting-(\d+)$/.exec(location.hash);
  const all = slides();
  if (n && !all.some((s) => `#${s.id}` === location.hash) && all.length) {
    location.replace(`#${all[Math.min(all.length, Math.max(1, Number(n[1]))) - 1].id}`);
    return;
  }
  mark();
  drawQr();
  if (wired) return;
  wired = true;
  // Capture phase: after a click on a radio, button or the slide list, → must still change slides, not the control.
  document.addEventListener("keydown", onKey, true);
  for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-step]")) {
    b.hidden = false;
    b.addEventListener("click", () => go(current() + Number(b.dataset.step)));
  }
  // A control changed the view (state.ts has already written the URL): the QR code follows.
  document.addEventListener("change", () => current() >= 0 && drawQr());
  addEventListener("popstate", () => current() >= 0 && drawQr());
  addEventListener("hashchange", () => {
    if (current() < 0) return;
    mark();
    drawQr();
  });
}
