/**
 * Naming a numeric slip: when a wrong estimate lands near a value that a typical mistake produces (the
 * question's `mistakes`), the result says which mistake that is.
 */
import type { NumericMistake } from '../content/types';
import { withinTolerance } from './grade';

/** How close to a listed mistake an answer must be to be named as that slip, at the least (relative). */
export const SLIP_TOLERANCE = 0.02;

/**
 * The listed mistake nearest to `given`, when `given` is wrong and within the question's tolerance (or
 * 2%, whichever is larger) of that mistake's value; undefined otherwise.
 */
export function slipFor(
  numeric: { readonly answer: number; readonly tolerance: number; readonly mistakes?: readonly NumericMistake[] },
  given: number,
): NumericMistake | undefined {
  if (!Number.isFinite(given) || withinTolerance(given, numeric.answer, numeric.tolerance)) return undefined;
  const near = Math.max(numeric.tolerance, SLIP_TOLERANCE);
  let best: NumericMistake | undefined;
  let bestDistance = Infinity;
  for (const m of numeric.mistakes ?? []) {
    if (!withinTolerance(given, m.value, near)) continue;
    const distance = Math.abs(given - m.value);
    if (distance < bestDistance) {
      best = m;
      bestDistance = distance;
    }
  }
  return best;
}
