import { median } from "simple-statistics";
import { squaredMultipleCorrelations } from "../math/squaredMultipleCorrelations.js";

/**
 * alpha, λ2, λ6, mean and median r of a keyed correlation matrix, as psych::splitHalf.
 *
 * @internal
 */
export function correlationSummary(
  r: Float64Array,
  k: number,
): { alpha: number; lambda2: number; lambda6: number; averageR: number; medianR: number } {
  let total = 0;
  let offSum = 0;
  let offSquares = 0;
  const lower: number[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const value = r[i * k + j]!;
      total += value;
      if (i === j) continue;
      offSum += value;
      offSquares += value * value;
      if (j < i) lower.push(value);
    }
  }
  const smcSum = squaredMultipleCorrelations(r, k).reduce((sum, value) => sum + value, 0);
  return {
    alpha: (offSum / total) * (k / (k - 1)),
    lambda2: (offSum + Math.sqrt((offSquares * k) / (k - 1))) / total,
    lambda6: (offSum + smcSum) / total,
    averageR: lower.reduce((sum, value) => sum + value, 0) / lower.length,
    medianR: median(lower),
  };
}
