/** Rounding in one place, so every output rounds the same way (half away from zero, as plans do by hand). */

/** Round x to d decimals, half away from zero, without binary drift (0.145 → 0.15). */
export function round(x: number, d = 2): number {
  const f = 10 ** d;
  const y = Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9) / f;
  return Object.is(y, -0) ? 0 : y;
}

/** The interval of true values that print as `stated` with `decimals` decimals. */
export function roundingInterval(stated: number, decimals: number): [number, number] {
  const half = 0.5 * 10 ** -decimals;
  return [stated - half, stated + half];
}

/** A published figure is consistent with a recomputed one when the recomputed one rounds to it. */
export function agreesWhenRounded(stated: number, decimals: number, computed: number): boolean {
  return Math.abs(round(computed, decimals) - stated) < 10 ** -(decimals + 6);
}
