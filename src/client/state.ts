/**
 * URL state in the browser: this shows the view the URL asks for. The build draws only a chart's default state; a
 * state it left undrawn (`data-undrawn`) is drawn here on demand by a module loaded only then (view-draw.ts).
 * Controls carry `data-param`; views carry `data-when="group=poor sort=name"`; list selections mark elements
 * carrying `data-in="plans:<id>"`. Back/forward restore the state; invalid values fall back to defaults.
 */
import { canonicalQuery, compareState, formatState, LocalityState, OverviewState, parseState } from "../view/url-state.ts";

type State = Record<string, unknown>;

function schemaFor(root: HTMLElement) {
  const kind = root.dataset.state;
  if (kind === "locality") return LocalityState;
  if (kind === "overview") return OverviewState;
  if (kind === "compare") {
    const plans = (root.dataset.plans ?? "").split(",").filter(Boolean);
    const inds = (root.dataset.indicators ?? "").split(",").filter(Boolean);
    if (plans.length && inds.length) return compareState(plans as [string, ...string[]], inds as [string, ...string[]]);
  }
  return undefined;
}

function readControls(root: HTMLElement, base: State): State {
  const state: State = { ...base };
  const lists: Record<string, string[]> = {};
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-param]")) {
    const key = el.dataset.param!;
    if (el instanceof HTMLInputElement && el.type === "checkbox") {
      lists[key] ??= [];
      if (el.checked) lists[key].push(el.value);
    } else if (!(el instanceof HTMLInputElement && el.type === "radio") || el.checked) state[key] = el.value;
  }
  return { ...state, ...lists };
}

function apply(root: HTMLElement, state: State) {
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>("[data-param]")) {
    const v = state[el.dataset.param!];
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      el.checked = Array.isArray(v) ? v.includes(el.value) : v === el.value;
    } else {
      el.value = String(v);
      // A value the control does not offer (meeting mode's ?slide=50 on a 6-slide deck) clamps to the nearest end.
      if (el instanceof HTMLSelectElement && el.selectedIndex === -1 && el.options.length) {
        const n = Number(v);
        el.selectedIndex = Number.isFinite(n) && n > Number(el.options[0].value) ? el.options.length - 1 : 0;
      }
    }
  }
  for (const el of root.querySelectorAll<HTMLElement>("[data-when]")) {
    el.hidden = !el.dataset.when!.split(" ").every((cond) => {
      const [k, v] = cond.split("=");
      return String(state[k]) === v;
    });
  }
  const undrawn = [...root.querySelectorAll<HTMLElement>("[data-undrawn]")].filter((el) => !el.hidden);
  if (undrawn.length) void import("./view-draw.ts").then(({ drawVariant }) => undrawn.forEach(drawVariant));
  for (const el of root.querySelectorAll<HTMLElement>("[data-in]")) {
    const [k, v] = el.dataset.in!.split(":");
    const list = state[k];
    el.hidden = Array.isArray(list) && !list.includes(v);
  }
  // Page modules that redraw for a state (the compare page) listen for this.
  root.dispatchEvent(new CustomEvent("ppt-state", { detail: state }));
}

/** Wire every `[data-state]` root on the page; `onChange` runs after each change of view. */
export function initState(onChange: () => void) {
  for (const root of document.querySelectorAll<HTMLElement>("[data-state]")) {
    const schema = schemaFor(root);
    if (!schema) continue;
    const defaults = schema.parse({}) as State;
    const current = () => parseState(schema, location.search) as State;
    // Inside an iframe the host page's history is not ours to grow: each change replaces the entry.
    const record = (q: string) => (window.parent === window ? history.pushState : history.replaceState).call(history, null, "", location.pathname + q + location.hash);
    apply(root, current());
    // The controls now show the nearest valid view; the URL says the same.
    const shown = schema.parse(readControls(root, defaults)) as State;
    if (formatState(shown, defaults) !== formatState(current(), defaults)) {
      history.replaceState(null, "", location.pathname + formatState(shown, defaults) + location.hash);
      apply(root, shown);
    }
    root.addEventListener("change", (e) => {
      if (!(e.target as HTMLElement).dataset?.param) return;
      const next = schema.parse(readControls(root, defaults)) as State;
      record(formatState(next, defaults));
      apply(root, next);
      onChange();
    });
    addEventListener("popstate", () => {
      apply(root, current());
      onChange();
    });
  }
}

/** The query string of the current view, rebuilt from the parsed state of every [data-state] root (never raw). */
export function viewQuery(): string {
  const schemas = [...document.querySelectorAll<HTMLElement>("[data-state]")].map(schemaFor).filter((s) => s !== undefined);
  return canonicalQuery(schemas, location.search);
}
