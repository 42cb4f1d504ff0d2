import { correlationInverse } from "./correlationInverse.js";
import { squaredMultipleCorrelations } from "./squaredMultipleCorrelations.js";
import { withoutRowAndColumn } from "./withoutRowAndColumn.js";

/**
 * For each variable d, the squared multiple correlations of the other variables computed
 * without d (the smc of R with row and column d removed), as psych's alpha-if-dropped needs.
 *
 * With a positive-definite R one inverse serves all: removing d from R changes the inverse
 * of the rest to A - a aᵀ / a_dd (A = R⁻¹ without d, a = column d of R⁻¹), so
 * smc_{i|-d} = 1 - 1 / (R⁻¹_ii - (R⁻¹_id)² / R⁻¹_dd). A singular R falls back to one
 * pseudo-inverse per reduced matrix, as psych computes it.
 *
 * @category Math
 * @example
 * squaredMultipleCorrelationsWithoutEach(Float64Array.from([1, 0.5, 0, 0.5, 1, 0, 0, 0, 1]), 3)[2];
 * // => [0.25, 0.25]
 */
export function squaredMultipleCorrelationsWithoutEach(
  correlation: Float64Array,
  size: number,
): number[][] {
  const { inverse, positiveDefinite } = correlationInverse(correlation, size);
  return Array.from({ length: size }, (_, drop) => {
    if (!positiveDefinite)
      return squaredMultipleCorrelations(withoutRowAndColumn(correlation, size, drop), size - 1);
    const pivot = inverse.get(drop, drop);
    const smc: number[] = [];
    for (let i = 0; i < size; i++) {
      if (i === drop) continue;
      const cross = inverse.get(i, drop);
      // clipped to [0, 1] as psych's smc does
      smc.push(Math.min(1, Math.max(0, 1 - 1 / (inverse.get(i, i) - (cross * cross) / pivot))));
    }
    return smc;
  });
}
