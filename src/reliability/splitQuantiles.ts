import { quantileType7 } from "../math/quantileType7.js";

/**
 * R `quantile(values, c(tail, .5, 1 - tail))` (type 7) of the evaluated split values.
 *
 * @internal
 */
export function splitQuantiles(
  sortedValues: readonly number[],
  level: number,
): { lower: number; median: number; upper: number; level: number } {
  const tail = (1 - level) / 2;
  return {
    lower: quantileType7(sortedValues, tail),
    median: quantileType7(sortedValues, 0.5),
    upper: quantileType7(sortedValues, 1 - tail),
    level,
  };
}
