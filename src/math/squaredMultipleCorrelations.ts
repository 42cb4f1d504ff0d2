import { correlationInverse } from "./correlationInverse.js";

/**
 * Squared multiple correlation of each variable with all the others, from a correlation
 * matrix: smc_i = 1 - 1 / (R⁻¹)_ii, clipped to [0, 1].
 *
 * R⁻¹ is the Moore–Penrose inverse when R is singular, as in psych's `Pinv`, so a singular R
 * still gives an answer. R: `psych::smc(R)` (psych 2.2.9; its repair of NA correlations is
 * not reproduced: R must be complete).
 * Reference: Guttman (1956), Psychometrika 21, 273–285, doi:10.1007/BF02289137.
 *
 * @category Math
 * @example
 * squaredMultipleCorrelations(Float64Array.from([1, 0.5, 0.5, 1]), 2); // => [0.25, 0.25]
 */
export function squaredMultipleCorrelations(correlation: Float64Array, size: number): number[] {
  const { inverse } = correlationInverse(correlation, size);
  return Array.from({ length: size }, (_, i) => clipSmc(1 - 1 / inverse.get(i, i)));
}

/** psych sets an smc above 1 to 1 and below 0 to 0. */
function clipSmc(value: number): number {
  return Math.min(1, Math.max(0, value));
}
